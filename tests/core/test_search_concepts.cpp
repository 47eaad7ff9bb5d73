// assets/content/symptom-concepts.json: every side effect of every class belongs to
// exactly one concept, and every page term the file names is one the page lists.
#include "search_test_support.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

nlohmann::json concepts_file() {
    const std::string path =
        std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/symptom-concepts.json";
    return nlohmann::json::parse(read_or_fail(path));
}

} // namespace

TEST_CASE("symptom concepts cover every side effect exactly once") {
    const Guide& guide = shipped_guide();
    const nlohmann::json file = concepts_file();
    REQUIRE(file.contains("concepts"));

    std::map<std::string, std::string> owner_of_term; // page term → concept id
    std::set<std::string> ids;
    for (const nlohmann::json& entry : file["concepts"]) {
        const std::string id = entry.at("id").get<std::string>();
        CHECK_MESSAGE(ids.insert(id).second, "concept id repeated: ", id);
        CHECK_MESSAGE(!entry.at("label").get<std::string>().empty(), id);
        CHECK_MESSAGE(!entry.at("page_terms").empty(), id);
        CHECK_MESSAGE(!entry.at("lay_terms").empty(), id);
        for (const nlohmann::json& term : entry.at("page_terms")) {
            const std::string text = term.get<std::string>();
            // No structured bindings here: doctest's message lambdas cannot capture them
            // before C++20, and clang (the fuzz build) refuses.
            const auto placed = owner_of_term.emplace(text, id);
            CHECK_MESSAGE(placed.second, "\"", text, "\" is in both ", placed.first->second,
                          " and ", id);
        }
    }

    std::set<std::string> page_terms;
    for (const DrugClass& drug_class : guide.classes) {
        for (const SideEffect& effect : drug_class.side_effects()) {
            page_terms.insert(effect.term);
            CHECK_MESSAGE(owner_of_term.count(effect.term) == 1, "\"", effect.term, "\" of ",
                          drug_class.id, " belongs to no concept");
        }
    }
    for (const auto& owned : owner_of_term) {
        CHECK_MESSAGE(page_terms.count(owned.first) == 1, "concept ", owned.second, " names \"",
                      owned.first, "\", which no class lists");
    }
}

TEST_CASE("the pack carries the concepts file as written") {
    const Guide& guide = shipped_guide();
    const nlohmann::json file = concepts_file();
    REQUIRE(guide.symptom_concepts.size() == file["concepts"].size());
    for (std::size_t index = 0; index < guide.symptom_concepts.size(); ++index) {
        const SymptomConcept& loaded = guide.symptom_concepts[index];
        const nlohmann::json& written = file["concepts"][index];
        CHECK(loaded.id == written["id"].get<std::string>());
        CHECK(loaded.label == written["label"].get<std::string>());
        CHECK(loaded.page_terms == written["page_terms"].get<std::vector<std::string>>());
        // The file's lay words, then WordNet's reviewed ones (search_wordnet.h).
        const auto lay = written["lay_terms"].get<std::vector<std::string>>();
        REQUIRE(loaded.lay_terms.size() >= lay.size());
        CHECK(std::vector<std::string>(loaded.lay_terms.begin(),
                                       loaded.lay_terms.begin() +
                                           static_cast<std::ptrdiff_t>(lay.size())) == lay);
    }
}

TEST_CASE("lay words that name one symptom belong to that symptom only") {
    // The example: tingling is nerve damage, and nothing else.
    const nlohmann::json file = concepts_file();
    std::map<std::string, std::vector<std::string>> concepts_of_word;
    for (const nlohmann::json& entry : file["concepts"]) {
        for (const nlohmann::json& term : entry["lay_terms"]) {
            concepts_of_word[fold_for_search(term.get<std::string>())].push_back(
                entry["id"].get<std::string>());
        }
    }
    for (const char* word : {"tingling", "pins and needles", "bloody nose", "being sick", "anaemia",
                             "tired", "diarrhoea"}) {
        CHECK_MESSAGE(concepts_of_word[word].size() == 1, word);
    }
    CHECK(concepts_of_word["tingling"] == std::vector<std::string>{"nerve-damage"});
}
