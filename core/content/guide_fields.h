// The one list of the Guide's fields (guide.h), with what each reader and writer needs to
// know about a field: its name in the authored JSON, where the pack keeps it, whether it is
// the page's own text. The JSON reader (guide_json.cpp), the pack's writer and reader
// (content_pack_builder.cpp, content_pack.cpp), validation against the page
// (content_validation.cpp) and the font's glyphs (for_each_text) all walk this list, so a new
// field is one line here beside its member in guide.h. The pack's tables are made from this
// list too (content_pack_schema.h); a field that changes them makes a new pack format, and
// tests/core/test_content_pack_schema.cpp says so until content_pack_schema_version is bumped.
//
// Each struct's fields come in the order of guide.h, which is the order the JSON reader
// checks them in and the order of the scalar columns in their pack table.
// Not listed: what derive_links() fills (Drug::class_ids, partner_class_ids,
// Biomarker::class_ids, drug_ids) and Guide::schema_version, the pack format's own.
#pragma once

#include "content/guide.h"

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

namespace lungguide::fields {

enum Trait : unsigned {
    required = 1u << 0,  // the authored JSON must have it (else: empty, or the struct's default)
    page_text = 1u << 1, // the page's own words: validation must find it in the page
    key = 1u << 2,       // the item's id, naming it in errors and in its children's rows
    json_tag = 1u << 3,  // a choice the JSON gives as the key that holds the item's text
    json_under_tag = 1u << 4,  // text the JSON keeps under the key json_tag chose
    json_per_choice = 1u << 5, // items the JSON keeps as one object per option of their key
    concepts_file = 1u << 6,   // in symptom-concepts.json rather than guide.json
};

struct Field {
    const char* name; // the JSON key; for a scalar, also its pack column (its meta key in Guide)
    unsigned traits = 0;
    bool has(Trait trait) const { return (traits & trait) != 0; }
};

// One value of an enum, and how the JSON and the pack write it.
template <typename Enum> struct Choice {
    Enum value;
    const char* id;
};
template <typename Enum> struct Choices {
    const Choice<Enum>* options;
    std::size_t count;
    const Choice<Enum>* begin() const { return options; }
    const Choice<Enum>* end() const { return options + count; }
};

inline constexpr Choice<SectionItem::Kind> section_item_kind_options[] = {
    {SectionItem::Kind::paragraph, "paragraph"}, {SectionItem::Kind::bullet, "bullet"}};
inline constexpr Choice<Severity> severity_options[] = {{Severity::common, "common"},
                                                        {Severity::rare_serious, "rare_serious"}};
inline constexpr Choice<DrugKind> drug_kind_options[] = {{DrugKind::targeted, "targeted"},
                                                         {DrugKind::mek_inhibitor, "mek_inhibitor"},
                                                         {DrugKind::chemotherapy, "chemotherapy"}};
template <typename Enum, std::size_t count>
constexpr Choices<Enum> choices(const Choice<Enum> (&options)[count]) {
    return {options, count};
}
// The id of a value ("" for one the options do not list).
template <typename Enum> const char* choice_id(Enum value, Choices<Enum> options) {
    for (const auto& option : options)
        if (option.value == value) return option.id;
    return "";
}

// Where the pack keeps a list of items: a row each in `table`, whose columns are the
// parents' keys, then `position` when `positioned`, then the item's scalars in order. The
// item's own key (its `key` field, else its position) appears in its children's rows
// under `key_column`.
struct ItemTable {
    const char* table;
    const char* where; // how the JSON reader's errors name an item ("class"); null: as its parent
    const char* key_column; // null: the item has no children
    bool positioned = true;
};

// Where the pack keeps a list of texts: rows of the parents' keys, then `kind` = kind when
// several lists share the table, then how `stored` says.
struct TextTable {
    enum class Stored {
        rows,  // position, value: a row each
        lines, // position 0, every text a line of one row (none when the list is empty)
        set,   // value only, sorted and without repeats: the list reads back that way
    };
    const char* table;
    const char* kind; // null: the table holds this list alone
    const char* value_column;
    Stored stored = Stored::rows;
};

template <typename Struct> struct FieldList;

// visit_fields(item, visitor) calls, for each field in order, one of
//   visitor.text(std::string&, Field), visitor.flag(bool&, Field),
//   visitor.choice(Enum&, Field, Choices<Enum>), visitor.texts(std::vector<std::string>&,
//   Field, TextTable), visitor.items(std::vector<Item>&, Field, ItemTable)
// with const references when the item is const.
template <typename Struct, typename Visitor> void visit_fields(Struct& item, Visitor& visitor) {
    FieldList<std::remove_const_t<Struct>>::visit(item, visitor);
}

template <> struct FieldList<Guide> {
    template <typename G, typename V> static void visit(G& guide, V& visit) {
        visit.text(guide.content_version, {"content_version", required});
        visit.text(guide.title, {"title", required | page_text});
        visit.text(guide.source, {"source", required});
        visit.text(guide.revision_date, {"revision_date", required | page_text});
        visit.text(guide.doctor_advice, {"doctor_advice", required | page_text});
        visit.items(guide.sections, {"sections", required}, {"sections", "section", "section_id"});
        visit.items(guide.classes, {"classes", required}, {"classes", "class", "class_id"});
        visit.items(guide.drugs, {"drugs", required}, {"drugs", "drug", "drug_id"});
        visit.items(guide.biomarkers, {"biomarkers", required},
                    {"biomarkers", "biomarker", "biomarker_id"});
        visit.items(guide.glossary, {"glossary", required}, {"glossary", "glossary", "term_id"});
        visit.items(guide.corrections, {"corrections", required},
                    {"corrections", "correction", nullptr});
        visit.items(guide.symptom_concepts, {"concepts", required | concepts_file},
                    {"symptom_concepts", "symptom concept", "concept_id"});
        visit.texts(guide.complaint_words, {"complaint_words", concepts_file},
                    {"complaint_words", nullptr, "word", TextTable::Stored::set});
    }
};

template <> struct FieldList<Section> {
    template <typename S, typename V> static void visit(S& section, V& visit) {
        visit.text(section.id, {"id", required | key});
        visit.text(section.heading, {"heading", required});
        visit.items(section.items, {"items", required}, {"section_items", nullptr, nullptr});
    }
};

template <> struct FieldList<SectionItem> {
    template <typename S, typename V> static void visit(S& item, V& visit) {
        visit.choice(item.kind, {"kind", json_tag}, choices(section_item_kind_options));
        visit.text(item.text, {"text", required | json_under_tag | page_text});
    }
};

template <> struct FieldList<DrugClass> {
    template <typename C, typename V> static void visit(C& drug_class, V& visit) {
        visit.text(drug_class.id, {"id", required | key});
        visit.text(drug_class.name, {"name", required});
        visit.text(drug_class.heading, {"heading", required | page_text});
        visit.text(drug_class.mechanism, {"mechanism", required | page_text});
        visit.text(drug_class.gene_change_frequency, {"gene_change_frequency", page_text});
        visit.text(drug_class.who_has_it, {"who_has_it", page_text});
        visit.text(drug_class.how_given, {"how_given", page_text});
        visit.flag(drug_class.how_given_is_own_paragraph, {"how_given_is_own_paragraph"});
        visit.texts(drug_class.notes, {"notes", page_text}, {"class_texts", "note", "text"});
        visit.text(drug_class.examples_heading, {"examples_heading", required | page_text});
        visit.texts(drug_class.drug_ids, {"drug_ids", required},
                    {"class_drugs", nullptr, "drug_id"});
        visit.items(drug_class.uses, {"uses", required}, {"uses", nullptr, "use_position"});
        visit.text(drug_class.side_effects_heading, {"side_effects_heading", required | page_text});
        visit.items(drug_class.side_effect_groups, {"side_effect_groups", json_per_choice},
                    {"side_effect_groups", nullptr, "severity", false});
        visit.texts(drug_class.cautions, {"cautions", page_text},
                    {"class_texts", "caution", "text"});
    }
};

template <> struct FieldList<DrugUse> {
    template <typename U, typename V> static void visit(U& use, V& visit) {
        visit.text(use.group_heading, {"group_heading", page_text});
        visit.text(use.text, {"text", required | page_text});
        visit.texts(use.drug_ids, {"drug_ids", required}, {"use_links", "drug", "value"});
        visit.texts(use.combined_with, {"combined_with"}, {"use_links", "combined_with", "value"});
        visit.flag(use.alone, {"alone"});
        visit.text(use.biomarker_id, {"biomarker_id"});
        visit.texts(use.settings, {"settings"}, {"use_links", "setting", "value"});
        visit.text(use.stage, {"stage"});
        visit.flag(use.listed_in_examples, {"listed_in_examples"});
    }
};

// The label and the text are checked against the page together ("label: text"), by
// validation itself.
template <> struct FieldList<SideEffectGroup> {
    template <typename G, typename V> static void visit(G& group, V& visit) {
        visit.choice(group.severity, {"severity", required | key}, choices(severity_options));
        visit.text(group.label, {"label", required});
        visit.text(group.text, {"text", required});
        visit.texts(group.terms, {"terms", required}, {"side_effects", nullptr, "term"});
    }
};

template <> struct FieldList<Drug> {
    template <typename D, typename V> static void visit(D& drug, V& visit) {
        visit.text(drug.id, {"id", required | key});
        visit.text(drug.name, {"name", required});
        visit.choice(drug.kind, {"kind", required}, choices(drug_kind_options));
        visit.texts(drug.brands, {"brands", required | page_text}, {"drug_names", "brand", "name"});
        visit.texts(drug.source_spellings, {"source_spellings"},
                    {"drug_names", "source_spelling", "name"});
        visit.texts(drug.activity_class_ids, {"activity_class_ids"},
                    {"drug_activity", nullptr, "class_id"});
        visit.text(drug.description, {"description", page_text});
    }
};

template <> struct FieldList<Biomarker> {
    template <typename B, typename V> static void visit(B& biomarker, V& visit) {
        visit.text(biomarker.id, {"id", required | key});
        visit.text(biomarker.name, {"name", required});
        visit.text(biomarker.gene, {"gene", required});
        visit.texts(biomarker.aliases, {"aliases"}, {"biomarker_aliases", nullptr, "alias"});
    }
};

// The explanation is the page's words with the term's own mention taken out: validation
// checks it by its own rule.
template <> struct FieldList<GlossaryTerm> {
    template <typename T, typename V> static void visit(T& term, V& visit) {
        visit.text(term.id, {"id", required | key});
        visit.text(term.term, {"term", required});
        visit.texts(term.aliases, {"aliases"}, {"glossary_aliases", nullptr, "alias"});
        visit.text(term.explanation, {"explanation", required});
        visit.text(term.class_id, {"class_id"});
    }
};

template <> struct FieldList<Correction> {
    template <typename C, typename V> static void visit(C& correction, V& visit) {
        visit.text(correction.original, {"original", required});
        visit.text(correction.corrected, {"corrected", required});
        visit.text(correction.reason, {"reason", required});
    }
};

template <> struct FieldList<SymptomConcept> {
    template <typename S, typename V> static void visit(S& symptom, V& visit) {
        visit.text(symptom.id, {"id", required | key});
        visit.text(symptom.label, {"label", required});
        visit.texts(symptom.page_terms, {"page_terms", required},
                    {"symptom_concept_terms", "page", "term"});
        visit.texts(symptom.lay_terms, {"lay_terms"},
                    {"symptom_concept_terms", "lay", "term", TextTable::Stored::lines});
    }
};

namespace detail {
template <typename OnText> struct EachText {
    OnText& on_text;
    void text(const std::string& value, const Field&) { on_text(value); }
    void flag(bool, const Field&) {}
    template <typename Enum> void choice(Enum, const Field&, Choices<Enum>) {}
    void texts(const std::vector<std::string>& values, const Field&, const TextTable&) {
        for (const std::string& value : values)
            on_text(value);
    }
    template <typename Item>
    void items(const std::vector<Item>& list, const Field&, const ItemTable&) {
        for (const Item& each : list)
            visit_fields(each, *this);
    }
};
struct ScalarFields {
    std::vector<Field> fields;
    void text(const std::string&, const Field& field) { fields.push_back(field); }
    void flag(bool, const Field& field) { fields.push_back(field); }
    template <typename Enum> void choice(Enum, const Field& field, Choices<Enum>) {
        fields.push_back(field);
    }
    void texts(const std::vector<std::string>&, const Field&, const TextTable&) {}
    template <typename Item> void items(const std::vector<Item>&, const Field&, const ItemTable&) {}
};
} // namespace detail

// An item's scalar fields (texts, flags, choices), in order: in the pack, the columns of its
// row after its parents' keys and its position.
template <typename Item> const std::vector<Field>& scalar_fields() {
    static const std::vector<Field> fields = [] {
        detail::ScalarFields scalars;
        const Item item{};
        visit_fields(item, scalars);
        return scalars.fields;
    }();
    return fields;
}

// Calls on_text(const std::string&) with every text of the item and of everything in it, in
// the list's order: ids and links too, not the choices.
template <typename Struct, typename OnText> void for_each_text(const Struct& item, OnText on_text) {
    detail::EachText<OnText> texts{on_text};
    visit_fields(item, texts);
}

} // namespace lungguide::fields
