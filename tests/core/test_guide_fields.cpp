// The one list of the Guide's fields (content/guide_fields.h): it names every member of every
// struct in guide.h (or the member is derived, and said so here), and every field it names goes
// through the pack and back, so a field added to guide.h and to the list is read, written and
// checked everywhere. Values read from guide.json by hand, not through the list, check that the
// list reads what a person wrote.
#include "content/content_pack.h"
#include "content/content_pack_builder.h"
#include "content/guide_fields.h"
#include "content_test_support.h"
#include "guide_field_dump.h"
#include "temporary_folder.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// How many members an aggregate has: the most braces it can be built from (as Boost.PFR
// counts them). Member functions are not members here. Leaving the rest to their defaults is
// the point, so clang's warning about it is off for these lines.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
struct AnyMember {
    template <typename T> constexpr operator T&() const&& noexcept;
};
template <typename T, std::size_t... index>
constexpr auto builds_from(std::index_sequence<index...>)
    -> decltype(T{(static_cast<void>(index), AnyMember{})...}, true) {
    return true;
}
template <typename T, std::size_t...> constexpr bool builds_from(...) {
    return false;
}
template <typename T, std::size_t count = 0> constexpr std::size_t member_count() {
    if constexpr (builds_from<T>(std::make_index_sequence<count + 1>{}))
        return member_count<T, count + 1>();
    else
        return count;
}
#pragma GCC diagnostic pop

// How many fields the list names for a struct.
struct CountFields {
    std::size_t count = 0;
    void text(const std::string&, const fields::Field&) { ++count; }
    void flag(bool, const fields::Field&) { ++count; }
    template <typename Enum> void choice(Enum, const fields::Field&, fields::Choices<Enum>) {
        ++count;
    }
    void texts(const std::vector<std::string>&, const fields::Field&, const fields::TextTable&) {
        ++count;
    }
    template <typename Item>
    void items(const std::vector<Item>&, const fields::Field&, const fields::ItemTable&) {
        ++count;
    }
};

template <typename Struct> std::size_t listed_fields() {
    CountFields counter;
    const Struct item{};
    fields::visit_fields(item, counter);
    return counter.count;
}

// Fills every field the list names with a value of its own: texts numbered in order (so the
// complaint words, which the pack keeps sorted, stay in order), flags the other way from their
// default, choices the last option (a key choice: one option per item), two of every list.
class Planter {
  public:
    explicit Planter(int& counter, std::size_t item = 0) : counter_(counter), item_(item) {}

    void text(std::string& value, const fields::Field&) { value = next(); }
    void flag(bool& value, const fields::Field&) { value = !value; }
    template <typename Enum>
    void choice(Enum& value, const fields::Field& field, fields::Choices<Enum> options) {
        value = field.has(fields::key) ? options.begin()[item_].value : options.end()[-1].value;
    }
    void texts(std::vector<std::string>& values, const fields::Field&, const fields::TextTable&) {
        values = {next(), next()};
    }
    template <typename Item>
    void items(std::vector<Item>& list, const fields::Field&, const fields::ItemTable&) {
        list.resize(2);
        for (std::size_t index = 0; index < list.size(); ++index) {
            Planter planter(counter_, index);
            fields::visit_fields(list[index], planter);
        }
    }

  private:
    std::string next() {
        char text[24];
        std::snprintf(text, sizeof text, "value %05d", ++counter_);
        return text;
    }
    int& counter_;
    std::size_t item_;
};

template <typename Item> const Item& with_id(const std::vector<Item>& items, const char* id) {
    for (const Item& item : items)
        if (item.id == id) return item;
    FAIL("no item " << id);
    return items.front();
}

} // namespace

TEST_CASE("the list of fields names every member of guide.h, or says why not") {
    // Derived by derive_links(), or the pack format's own: neither authored nor stored.
    CHECK(listed_fields<Guide>() + 1 == member_count<Guide>()); // schema_version
    CHECK(listed_fields<Section>() == member_count<Section>());
    CHECK(listed_fields<SectionItem>() == member_count<SectionItem>());
    CHECK(listed_fields<DrugClass>() == member_count<DrugClass>());
    CHECK(listed_fields<DrugUse>() == member_count<DrugUse>());
    CHECK(listed_fields<SideEffectGroup>() == member_count<SideEffectGroup>());
    CHECK(listed_fields<Drug>() + 2 == member_count<Drug>()); // class_ids, partner_class_ids
    CHECK(listed_fields<Biomarker>() + 2 == member_count<Biomarker>()); // class_ids, drug_ids
    CHECK(listed_fields<GlossaryTerm>() == member_count<GlossaryTerm>());
    CHECK(listed_fields<Correction>() == member_count<Correction>());
    CHECK(listed_fields<SymptomConcept>() == member_count<SymptomConcept>());
    // The count itself is right: DrugClass has 15 members and 1 member function.
    CHECK(member_count<DrugClass>() == 15);
}

TEST_CASE("every field the list names goes into the pack and comes back") {
    Guide planted;
    int counter = 0;
    Planter planter(counter);
    fields::visit_fields(planted, planter);
    const std::string expected = field_dump(planted);
    CHECK(expected.find(" = \n") == std::string::npos); // every text got a value
    TemporaryFolder temporary;
    const std::string path = temporary.file("planted.db");
    const Status built = build_content_pack(planted, path);
    REQUIRE_MESSAGE(built.ok(), built.message_for_person);
    sign_or_fail(path, this_build_signing_key());
    const Result<std::unique_ptr<ContentPack>> opened = open_content_pack(path);
    REQUIRE_MESSAGE(opened.ok(), opened.message_for_person());
    const Guide& loaded = opened.value()->guide();
    CHECK(field_dump(loaded) == expected);
    CHECK(loaded.schema_version == content_pack_schema_version);
    // Each flag came back the other way from its default, each choice as planted.
    CHECK(loaded.classes[1].how_given_is_own_paragraph);
    CHECK(loaded.classes[0].uses[1].alone);
    CHECK(!loaded.classes[0].uses[1].listed_in_examples);
    CHECK(loaded.drugs[1].kind == DrugKind::chemotherapy);
    CHECK(loaded.sections[0].items[1].kind == SectionItem::Kind::bullet);
    CHECK(loaded.classes[1].side_effect_groups[1].severity == Severity::rare_serious);
    CHECK(loaded.symptom_concepts[1].lay_terms.size() == 2);
}

TEST_CASE("guide.json read through the list holds what a person wrote there") {
    const std::string content = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/";
    const nlohmann::json written = nlohmann::json::parse(read_or_fail(content + "guide.json"));
    const nlohmann::json concepts =
        nlohmann::json::parse(read_or_fail(content + "symptom-concepts.json"));
    // Read from the shipped pack, so the JSON reader and the pack both answer for each value
    // (test_content_pack_round_trip.cpp: the pack holds all of the JSON, and WordNet's words).
    const Guide& guide = shipped_pack().guide();

    CHECK(guide.title == written["title"].get<std::string>());
    CHECK(guide.revision_date == "August 27, 2024");
    const Section& references = with_id(guide.sections, "references");
    CHECK(references.items.at(0).kind == SectionItem::Kind::bullet);
    CHECK(references.items.at(0).text ==
          written["sections"][4]["items"][0]["bullet"].get<std::string>());
    const Section& introduction = with_id(guide.sections, "introduction");
    CHECK(introduction.items.at(0).kind == SectionItem::Kind::paragraph);

    const DrugClass& kras = with_id(guide.classes, "kras");
    CHECK(kras.name == written["classes"][1]["name"].get<std::string>());
    CHECK(kras.how_given_is_own_paragraph);
    CHECK(!with_id(guide.classes, "vegf").how_given_is_own_paragraph);
    const DrugClass& egfr = with_id(guide.classes, "egfr");
    const nlohmann::json& egfr_written = written["classes"][2];
    REQUIRE(egfr_written["id"] == "egfr");
    CHECK(egfr.uses.size() == egfr_written["uses"].size());
    CHECK(!egfr.uses.at(9).listed_in_examples);
    CHECK(egfr.uses.at(0).listed_in_examples);
    CHECK(egfr.uses.at(9).text == egfr_written["uses"][9]["text"].get<std::string>());
    CHECK(egfr.uses.at(0).drug_ids == egfr_written["uses"][0]["drug_ids"]);
    CHECK(egfr.side_effect_groups.at(0).severity == Severity::common);
    CHECK(egfr.side_effect_groups.at(1).severity == Severity::rare_serious);
    CHECK(egfr.side_effect_groups.at(1).terms == egfr_written["rare_serious"]["terms"]);
    CHECK(egfr.side_effect_groups.at(0).label ==
          egfr_written["common"]["label"].get<std::string>());

    const Drug& osimertinib = with_id(guide.drugs, "osimertinib");
    CHECK(osimertinib.brands == std::vector<std::string>{"Tagrisso"});
    CHECK(osimertinib.source_spellings == std::vector<std::string>{"Tagresso"});
    CHECK(osimertinib.kind == DrugKind::targeted);
    CHECK(osimertinib.class_ids == std::vector<std::string>{"egfr"}); // derived
    CHECK(with_id(guide.drugs, "cisplatin").kind == DrugKind::chemotherapy);
    CHECK(with_id(guide.drugs, "trametinib").kind == DrugKind::mek_inhibitor);

    CHECK(guide.corrections.at(0).corrected == "new blood vessels. These");
    CHECK(guide.corrections.at(0).reason == written["corrections"][0]["reason"].get<std::string>());
    CHECK(guide.glossary.size() == written["glossary"].size());
    CHECK(guide.biomarkers.size() == written["biomarkers"].size());
    CHECK(guide.symptom_concepts.at(0).id == "fatigue");
    CHECK(guide.symptom_concepts.at(0).page_terms == concepts["concepts"][0]["page_terms"]);
    CHECK(guide.complaint_words.size() == concepts["complaint_words"].size());
}
