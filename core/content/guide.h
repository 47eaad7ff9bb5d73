// The content model: plain data for everything the source page says.
//
// Every string here is the page's own text (with the recorded corrections applied).
// Structured fields (drug ids, biomarker ids, settings) are an index over that text,
// never new facts. The pack loader fills a Guide; the UI, the CLI and search read it.
// A member added here is added to its struct's list in guide_fields.h too: the JSON reader,
// the pack and validation know a field from there alone.
#pragma once

#include <string>
#include <vector>

namespace lungguide {

enum class Severity { common, rare_serious };

const char* severity_id(Severity severity);    // "common" | "rare_serious"
const char* severity_label(Severity severity); // "Common" | "Rare but serious"

// A side-effect item's stable place on its class page, as a route fragment:
// "se=" + the term in lower-case ASCII with every other run of characters as one '-'
// ("heart rhythm changes" -> "se=heart-rhythm-changes"). Search links to it; the class
// page marks it; `--route class/egfr#se=...` opens there.
std::string side_effect_anchor(const std::string& term);
// A class's or drug's side effects section, as a route fragment; both pages mark it.
inline constexpr const char* side_effects_section_anchor = "section=side-effects";

// One symptom of a class, e.g. "nosebleed" in the angiogenesis inhibitors' common list.
struct SideEffect {
    std::string term;
    Severity severity = Severity::common;
};

// One of the page's two side-effect bullets for a class, kept whole.
struct SideEffectGroup {
    Severity severity = Severity::common;
    std::string label; // "Common side effects" or "Rare, but serious side effects, specific to …"
    std::string text;  // the page's sentence after the label
    std::vector<std::string> terms; // the sentence split into symptoms
};

// One example bullet: which drugs, alone or combined, for which gene change, when.
struct DrugUse {
    std::string group_heading; // e.g. "EGFR inhibitors that target cells with an exon 20 mutation:"
    std::string text;          // the bullet, as shown
    std::vector<std::string> drug_ids;      // the drugs the bullet is about
    std::vector<std::string> combined_with; // partner drug ids, or "chemotherapy"/"immunotherapy"
    bool alone = false;                     // the page says the drug(s) can be given alone
    std::string biomarker_id;               // empty for the VEGF uses (no gene change)
    std::vector<std::string> settings; // first_treatment, later_treatment, after_other_treatment,
                                       // whether_or_not_treated_before, adjuvant,
                                       // certain_situations
    std::string stage;                 // advanced, metastatic, advanced_or_metastatic, early
    bool listed_in_examples = true;    // false for a use the page states outside its example list
};

struct DrugClass {
    std::string id;                    // vegf, kras, egfr, alk, ros1, braf, ret, met, her2, trk
    std::string name;                  // short name for tiles, e.g. "EGFR inhibitors"
    std::string heading;               // the page's heading, e.g. "Angiogenesis inhibitors"
    std::string mechanism;             // "How they work (mechanism of action)" paragraph
    std::string gene_change_frequency; // sentence quoted from the mechanism, or empty
    std::string who_has_it;            // sentence quoted from the mechanism, or empty
    std::string how_given;             // sentence quoted from the page, or empty
    bool how_given_is_own_paragraph = false; // page prints it as its own paragraph
    std::vector<std::string> notes;          // other paragraphs between mechanism and examples
    std::string examples_heading;            // "Examples of KRAS inhibitors:"
    std::vector<std::string> drug_ids;       // drugs listed under this class, page order
    std::vector<DrugUse> uses;
    std::string side_effects_heading;                // "Side effects of KRAS inhibitors:"
    std::vector<SideEffectGroup> side_effect_groups; // common first, then rare_serious
    std::vector<std::string> cautions;               // e.g. bevacizumab bleeding risk

    std::vector<SideEffect> side_effects() const; // every term of every group
};

enum class DrugKind { targeted, mek_inhibitor, chemotherapy };
const char* drug_kind_id(DrugKind kind);

struct Drug {
    std::string id;   // generic name, lower case, spaces as hyphens
    std::string name; // display name, e.g. "Fam-trastuzumab deruxtecan-nxki"
    DrugKind kind = DrugKind::targeted;
    std::vector<std::string> brands;             // corrected spellings
    std::vector<std::string> source_spellings;   // the page's misspellings, kept findable
    std::vector<std::string> class_ids;          // classes that list this drug
    std::vector<std::string> activity_class_ids; // "has activity against …"
    std::vector<std::string> partner_class_ids;  // used in combination in these classes' uses
    std::string description;                     // the page's own words about the drug, if any

    // Every class the page ties this drug to, without repeats.
    std::vector<std::string> all_class_ids() const;
    // "Osimertinib (Tagrisso)", "Amivantamab (Rybrevant)", or the name alone: the one way
    // a drug is named with its brands, everywhere.
    std::string name_with_brands() const;
};

// A gene change (biomarker) that decides which drugs are used.
struct Biomarker {
    std::string id;                     // e.g. "egfr-exon-20"
    std::string name;                   // e.g. "EGFR exon 20 mutation"
    std::string gene;                   // e.g. "EGFR"
    std::vector<std::string> aliases;   // other ways to write it: "ERBB2", "G12C"
    std::vector<std::string> class_ids; // derived from the uses
    std::vector<std::string> drug_ids;  // derived from the uses
};

// A term the page itself explains in plain language.
struct GlossaryTerm {
    std::string id;
    std::string term;
    std::vector<std::string> aliases;
    std::string explanation; // the page's words
    std::string class_id;    // where the page explains it, or empty
};

// An obvious slip in the page that the guide corrects.
struct Correction {
    std::string original;  // as the page has it
    std::string corrected; // as the guide shows it
    std::string reason;
};

// A run of the page that is not a drug class: helpline, topics, references, …
struct SectionItem {
    enum class Kind { paragraph, bullet };
    Kind kind = Kind::paragraph;
    std::string text;
};

struct Section {
    std::string id; // helpline, other_topics, introduction, when_used, more_information,
                    // editorial_team, references, revision, copyright
    std::string heading;
    std::vector<SectionItem> items;
};

// A symptom as people say it, grouped over the page's wordings. Authored in
// assets/content/symptom-concepts.json; not medical content, only words to find it by.
struct SymptomConcept {
    std::string id;                      // e.g. "fatigue"
    std::string label;                   // e.g. "Tiredness (fatigue)"
    std::vector<std::string> page_terms; // SideEffect::term values (lower case) it groups
    std::vector<std::string> lay_terms;  // "tired", "worn out", "exhausted", British spellings …
};

struct Guide {
    int schema_version = 0;
    std::string content_version;
    std::string title;         // "Targeted Drug Therapy for Non-Small Cell Lung Cancer"
    std::string source;        // "American Cancer Society"
    std::string revision_date; // "August 27, 2024"
    std::string doctor_advice; // "For medical questions, we encourage you …"
    std::vector<Section> sections;
    std::vector<DrugClass> classes;
    std::vector<Drug> drugs;
    std::vector<Biomarker> biomarkers;
    std::vector<GlossaryTerm> glossary;
    std::vector<Correction> corrections;
    std::vector<SymptomConcept> symptom_concepts;
    // Words for symptoms and body parts ("dizzy", "chest", "stools"), from
    // symptom-concepts.json. Search uses them only to tell that a query names a complaint
    // the page does not list; they are never shown as facts.
    std::vector<std::string> complaint_words;

    const DrugClass* find_class(const std::string& id) const;
    const Drug* find_drug(const std::string& id) const;
    const Biomarker* find_biomarker(const std::string& id) const;
    const Section* find_section(const std::string& id) const;
    const GlossaryTerm* find_glossary_term(const std::string& id) const;
    // Drugs of a class in page order (members first, then partners used in its uses).
    std::vector<const Drug*> drugs_of_class(const std::string& class_id) const;

    struct UseOfDrug {
        const DrugClass* drug_class;
        const DrugUse* use;
        bool as_partner; // the drug is combined with the use's main drugs
    };
    // Every use that names the drug, in page order.
    std::vector<UseOfDrug> uses_of_drug(const std::string& drug_id) const;
};

} // namespace lungguide
