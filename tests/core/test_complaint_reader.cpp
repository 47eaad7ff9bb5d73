// The complaint reader (issue 20): only the complaint decides; qualifiers narrow nothing and
// are said plainly; negation and opposites never give a full answer about the symptom; a
// complaint the page lacks is said to be not listed, then related results; never nothing.
#include "search/complaint_lexicon.h"
#include "search_test_support.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

const WordRole all_roles[] = {WordRole::negation, WordRole::function,  WordRole::filler,
                              WordRole::person,   WordRole::intensity, WordRole::time,
                              WordRole::colour,   WordRole::site,      WordRole::generic,
                              WordRole::direction};

bool has_note(const SearchResponse& response, const std::string& text) {
    return std::any_of(response.notes.begin(), response.notes.end(),
                       [&](const std::string& note) { return note == text; });
}

} // namespace

TEST_CASE("the reader's word lists: one role per word, folded, and opposite pairs that differ") {
    std::map<std::string, WordRole> role_of;
    for (WordRole role : all_roles) {
        const std::vector<std::string_view> words = words_with_role(role);
        CHECK_MESSAGE(!words.empty(), word_role_id(role));
        for (std::string_view word : words) {
            const std::string text(word);
            CHECK_MESSAGE(fold_for_search(text) == text, "not folded: ", text);
            const auto placed = role_of.emplace(text, role);
            CHECK_MESSAGE(placed.second, "\"", text, "\" is both ",
                          word_role_id(placed.first->second), " and ", word_role_id(role));
            CHECK(complaint_word_role(text) == role);
        }
    }
    CHECK(complaint_word_role("rash") == WordRole::none);
    for (const OppositePair& pair : opposite_pairs()) {
        CHECK(pair.one != pair.other);
        CHECK(!opposites_of(pair.one).empty());
    }
}

TEST_CASE("filler, person and intensity words narrow nothing") {
    // The listed words themselves, around a complaint the page lists: same classes, full.
    const std::set<std::string> rash = classes_with(search_all("rash "), SearchMatch::full);
    const std::set<std::string> tired = classes_with(search_all("tired "), SearchMatch::full);
    REQUIRE(rash.size() >= 3);
    std::size_t checked = 0;
    for (WordRole role : {WordRole::filler, WordRole::person, WordRole::intensity}) {
        for (std::string_view word : words_with_role(role)) {
            const std::string text(word);
            for (const std::string& query : {text + " rash ", "rash " + text + " "}) {
                const SearchResponse response = search_all(query);
                INFO("query: \"" << query << "\"");
                CHECK(classes_with(response, SearchMatch::full) == rash);
                CHECK(response.not_listed.empty());
            }
            const SearchResponse tired_response = search_all("my mum is " + text + " tired ");
            INFO("query: my mum is " << text << " tired");
            CHECK(classes_with(tired_response, SearchMatch::full) == tired);
            ++checked;
        }
    }
    CHECK(checked > 150);
    // Several words of filler at once ("all the time", "really really").
    CHECK(classes_with(search_all("my husband is really tired all the time "), SearchMatch::full) ==
          tired);
}

TEST_CASE("opposites: a query for one never gets the other as a full answer") {
    const Guide& guide = shipped_guide();
    std::size_t checked = 0;
    for (const OppositePair& pair : opposite_pairs()) {
        for (const auto& [asked, other] :
             {std::pair(pair.one, pair.other), std::pair(pair.other, pair.one)}) {
            // The word alone, and with every page term that has the other word in place of it.
            std::vector<std::string> queries = {std::string(asked) + " "};
            for (const DrugClass& drug_class : guide.classes) {
                for (const SideEffect& effect : drug_class.side_effects()) {
                    std::vector<std::string> words = split_search_words(effect.term);
                    auto found = std::find(words.begin(), words.end(), other);
                    if (found == words.end()) continue;
                    *found = std::string(asked);
                    std::string query;
                    for (const std::string& word : words)
                        query += word + " ";
                    queries.push_back(query);
                }
            }
            for (const std::string& query : queries) {
                INFO("query: \"" << query << "\" (opposite: " << other << ")");
                for (const std::string& title : full_titles(search_all(query))) {
                    const std::vector<std::string> words = split_search_words(title);
                    CHECK(std::find(words.begin(), words.end(), other) == words.end());
                }
                ++checked;
            }
        }
    }
    CHECK(checked > 80);
    // The pairs by concept: constipation is never diarrhea, and back.
    CHECK(full_titles(search_all("constipation ")).count("diarrhea") == 0);
    CHECK(full_titles(search_all("diarrhea ")).count("constipation") == 0);
    CHECK(full_titles(search_all("feeling cold ")).count("fever") == 0);
}

TEST_CASE("negation: the page's words about the symptom, never a match") {
    for (const char* query : {"no rash", "not feeling sick", "no diarrhoea", "stopped vomiting",
                              "never had a nosebleed", "isn't itchy", "without a fever",
                              "no more headaches", "she is not tired"}) {
        const SearchResponse response = search_all(std::string(query) + " ");
        INFO("query: \"" << query << "\"");
        CHECK(full_titles(response).empty());
        CHECK(!response.negated.empty());
        CHECK(!classes_with(response, SearchMatch::negated).empty());
        for (const SearchResult& result : response.results)
            if (result.match == SearchMatch::negated)
                CHECK(search_because(response, result).find("not a match") != std::string::npos);
    }
    // A negation of what the body does is the complaint itself.
    for (const char* query : {"can't sleep", "not eating", "no appetite", "can't poo",
                              "can't stop coughing", "don't want to eat", "no energy"}) {
        const SearchResponse response = search_all(std::string(query) + " ");
        INFO("query: \"" << query << "\"");
        CHECK(!full_titles(response).empty());
        CHECK(response.negated.empty());
    }
    // One part said absent, the other present.
    const SearchResponse mixed = search_all("rash but no itching ");
    CHECK(classes_with(mixed, SearchMatch::full) ==
          classes_listing_exactly(shipped_guide(), {"rash", "skin rash", "severe skin rashes"}));
    CHECK(mixed.negated == std::vector<std::string>{"no itching"});
}

TEST_CASE("issue 20's table, as its right-hand column says") {
    const Guide& guide = shipped_guide();
    const SearchResponse no_rash = search_all("no rash");
    CHECK(full_titles(no_rash).empty());
    CHECK(no_rash.negated == std::vector<std::string>{"no rash"});
    CHECK(classes_with(no_rash, SearchMatch::negated) ==
          classes_listing_exactly(guide, {"rash", "skin rash", "severe skin rashes"}));

    const SearchResponse not_sick = search_all("not feeling sick");
    CHECK(full_titles(not_sick).empty());
    CHECK(classes_with(not_sick, SearchMatch::negated) ==
          classes_listing_exactly(guide, {"nausea"}));

    const SearchResponse low = search_all("pressure is low");
    CHECK(low.not_listed == std::vector<std::string>{"pressure is low"});
    CHECK(full_titles(low).empty());
    for (const SearchResult& result : low.results)
        if (fold_for_search(result.title).find("high blood pressure") != std::string::npos)
            CHECK(result.because.kind == BecauseKind::opposite);

    const SearchResponse red_rash = search_all("red rash on chest");
    CHECK(red_rash.not_listed.empty());
    CHECK(classes_with(red_rash, SearchMatch::full) ==
          classes_listing_exactly(guide, {"rash", "skin rash", "severe skin rashes"}));
    CHECK(has_note(red_rash, "The page lists rash; it does not mention red or chest."));

    const SearchResponse tingly = search_all("tingly fingers");
    CHECK(tingly.not_listed.empty());
    CHECK(classes_with(tingly, SearchMatch::full) == std::set<std::string>{"alk", "ros1"});

    const SearchResponse legs = search_all("swollen legs");
    CHECK(legs.not_listed.empty());
    CHECK(full_titles(legs) == std::set<std::string>{"swelling in hands and or feet"});
    CHECK(
        has_note(legs, "The page lists swelling in hands and/or feet; it does not mention legs."));

    const SearchResponse heart = search_all("high heart rate");
    CHECK(heart.not_listed == std::vector<std::string>{"high heart rate"});
    CHECK(full_titles(heart).empty());
    REQUIRE(!heart.results.empty());
    CHECK(heart.results.front().match == SearchMatch::related);
    CHECK(fold_for_search(heart.results.front().title).find("rhythm") != std::string::npos);

    for (const char* query : {"diahrea", "acne"}) {
        const SearchResponse response = search_all(query);
        INFO("query: \"" << query << "\"");
        CHECK(!full_titles(response).empty());
        CHECK(response.not_listed.empty());
    }
    CHECK(understood(search_all("diahrea"), "diarrhea"));
}

TEST_CASE("related results: same part of the body, after the sentence that it is not listed") {
    const SearchResponse breathless = search_all("breathless when walking");
    CHECK(breathless.not_listed == std::vector<std::string>{"breathless when walking"});
    CHECK(full_titles(breathless).empty());
    bool lung = false;
    for (const SearchResult& result : breathless.results) {
        CHECK(result.match != SearchMatch::full);
        if (result.match != SearchMatch::related) continue;
        lung = lung || fold_for_search(result.title).find("lung") != std::string::npos;
        const std::string because = search_because(breathless, result);
        CHECK(because.find("Not the same as") != std::string::npos);
    }
    CHECK(lung);
    // Only when something is not listed.
    for (const SearchResult& result : search_all("rash").results)
        CHECK(result.match != SearchMatch::related);
}

TEST_CASE("never nothing on the screen, and always a reason for each result") {
    for (const char* query : {"acne", "diahrea", "nawsea", "zzzzqqqq", "hello", "tird", "xq",
                              "qwertyuiop asdf", "my mum", "no", "and", "legs", "chest pain"}) {
        const SearchResponse response = search_all(query);
        INFO("query: \"" << query << "\"");
        CHECK((!response.results.empty() || !response.not_listed.empty()));
        for (const SearchResult& result : response.results)
            CHECK(!search_because(response, result).empty());
    }
    const SearchResponse runs = search_all("the runs");
    REQUIRE(!runs.results.empty());
    CHECK(search_because(runs, runs.results.front()) ==
          "\"the runs\": the page calls this diarrhea");
}

TEST_CASE("every side effect has ten or more lay phrasings, each with where it came from") {
    const nlohmann::json file = nlohmann::json::parse(
        read_or_fail(std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/symptom-concepts.json"));
    std::size_t phrasings = 0;
    for (const nlohmann::json& entry : file["concepts"]) {
        const std::string id = entry["id"].get<std::string>();
        const auto lay = entry["lay_terms"].get<std::vector<std::string>>();
        CHECK_MESSAGE(lay.size() >= 10, id);
        std::map<std::string, std::string> source_of;
        for (const nlohmann::json& group : entry.at("lay_sources")) {
            const std::string source = group.at("source").get<std::string>();
            const bool named = source.rfind("http", 0) == 0 ||
                               source.rfind("The ACS page itself", 0) == 0 ||
                               source.rfind("LungGuide editors", 0) == 0;
            CHECK_MESSAGE(named, id, ": ", source);
            for (const nlohmann::json& term : group.at("terms"))
                source_of.emplace(term.get<std::string>(), source);
        }
        for (const std::string& term : lay)
            CHECK_MESSAGE(source_of.count(term) == 1, id, ": \"", term, "\" has no source");
        CHECK(source_of.size() == lay.size());
        phrasings += lay.size();
    }
    CHECK(phrasings > 800);
}
