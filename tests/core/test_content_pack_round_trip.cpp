// The pack gives back, field for field, the Guide it was built from: the loader reads each
// table in one pass and hands rows to their parents, and nothing may be lost or moved.
#include "content/content_pack.h"
#include "content/content_pack_builder.h"
#include "content/guide_json.h"
#include "content_test_support.h"
#include "search/search_wordnet.h"
#include "temporary_folder.h"

#include <sstream>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// Every field of a Guide, one per line, named by where it sits.
class GuideDump {
  public:
    std::string of(const Guide& guide) {
        put("meta", {std::to_string(guide.schema_version), guide.content_version, guide.title,
                     guide.source, guide.revision_date, guide.doctor_advice});
        for (const Section& section : guide.sections) {
            put("section", {section.id, section.heading});
            for (const SectionItem& item : section.items)
                put(" item",
                    {item.kind == SectionItem::Kind::bullet ? "bullet" : "para", item.text});
        }
        for (const DrugClass& drug_class : guide.classes)
            add(drug_class);
        for (const Drug& drug : guide.drugs) {
            put("drug", {drug.id, drug.name, drug_kind_id(drug.kind), drug.description});
            put(" brands", drug.brands);
            put(" spellings", drug.source_spellings);
            put(" classes", drug.class_ids);
            put(" activity", drug.activity_class_ids);
            put(" partners", drug.partner_class_ids);
        }
        for (const Biomarker& biomarker : guide.biomarkers) {
            put("biomarker", {biomarker.id, biomarker.name, biomarker.gene});
            put(" aliases", biomarker.aliases);
            put(" classes", biomarker.class_ids);
            put(" drugs", biomarker.drug_ids);
        }
        for (const GlossaryTerm& term : guide.glossary) {
            put("term", {term.id, term.term, term.explanation, term.class_id});
            put(" aliases", term.aliases);
        }
        for (const Correction& correction : guide.corrections)
            put("correction", {correction.original, correction.corrected, correction.reason});
        for (const SymptomConcept& symptom : guide.symptom_concepts) {
            put("symptom", {symptom.id, symptom.label});
            put(" page", symptom.page_terms);
            put(" lay", symptom.lay_terms);
        }
        put("complaint words", guide.complaint_words);
        return out_.str();
    }

  private:
    void add(const DrugClass& drug_class) {
        put("class", {drug_class.id, drug_class.name, drug_class.heading, drug_class.mechanism,
                      drug_class.gene_change_frequency, drug_class.who_has_it, drug_class.how_given,
                      drug_class.how_given_is_own_paragraph ? "own" : "in",
                      drug_class.examples_heading, drug_class.side_effects_heading});
        put(" notes", drug_class.notes);
        put(" cautions", drug_class.cautions);
        put(" drugs", drug_class.drug_ids);
        for (const DrugUse& use : drug_class.uses) {
            put(" use", {use.group_heading, use.text, use.alone ? "alone" : "-", use.biomarker_id,
                         use.stage, use.listed_in_examples ? "listed" : "-"});
            put("  drugs", use.drug_ids);
            put("  with", use.combined_with);
            put("  settings", use.settings);
        }
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            put(" group", {severity_id(group.severity), group.label, group.text});
            put("  terms", group.terms);
        }
    }
    void put(const char* name, const std::vector<std::string>& values) {
        out_ << name;
        for (const std::string& value : values)
            out_ << " | " << value;
        out_ << '\n';
    }
    std::ostringstream out_;
};

} // namespace

TEST_CASE("the pack gives back, field for field, the Guide it was built from") {
    const std::string content = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/";
    Guide authored;
    const Status parsed =
        parse_guide_json(read_or_fail(content + "guide.json"),
                         read_or_fail(content + "symptom-concepts.json"), authored);
    REQUIRE_MESSAGE(parsed.ok(), parsed.message_for_person);
    authored.schema_version = content_pack_schema_version; // the builder's, not the JSON's
    // As the pack builder does: WordNet's reviewed words join the lay words.
    WordNetReview review;
    REQUIRE(parse_wordnet_review(read_or_fail(content + "wordnet-review.json"), review).ok());
    add_reviewed_wordnet_words(authored, WordNet("/usr/share/wordnet"), review);
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    REQUIRE(build_content_pack(authored, path).ok());
    sign_or_fail(path, this_build_signing_key());
    const Result<std::unique_ptr<ContentPack>> opened = open_content_pack(path);
    REQUIRE_MESSAGE(opened.ok(), opened.message_for_person());
    const std::string expected = GuideDump().of(authored);
    const std::string loaded = GuideDump().of(opened.value()->guide());
    CHECK(expected.size() > 20000);
    CHECK(loaded == expected);
    // And the shipped pack is that same Guide.
    CHECK(GuideDump().of(shipped_pack().guide()) == expected);
}
