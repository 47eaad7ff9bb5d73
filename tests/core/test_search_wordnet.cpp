// WordNet's words for symptoms, reviewed (issue 20): every proposal has a person's decision,
// every decision is about a real proposal, and only accepted words reach the pack.
#include "content/guide_json.h"
#include "search/search_wordnet.h"
#include "search_test_support.h"

#include <doctest/doctest.h>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::string content_file(const std::string& name) {
    return read_or_fail(std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/" + name);
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

} // namespace

TEST_CASE("every WordNet proposal for a symptom is reviewed, and only accepted words are used") {
    const WordNet wordnet("/usr/share/wordnet");
    REQUIRE_MESSAGE(!wordnet.empty(), "wordnet-base is not installed (tools/install-dependencies)");
    Guide authored;
    REQUIRE(parse_guide_json(content_file("guide.json"), content_file("symptom-concepts.json"),
                             authored)
                .ok());
    WordNetReview review;
    REQUIRE(parse_wordnet_review(content_file("wordnet-review.json"), review).ok());
    const auto proposals = wordnet_proposals(authored, wordnet);
    std::size_t reviewed = 0;
    for (const auto& [concept_id, words] : proposals) {
        for (const std::string& word : words) {
            INFO(concept_id << ": " << word);
            const bool accepted = contains(review.accepted[concept_id], word);
            const bool rejected = contains(review.rejected[concept_id], word);
            CHECK(accepted != rejected); // decided, and once
            ++reviewed;
        }
    }
    CHECK(reviewed > 40);
    // Every decision is about something WordNet proposes for that symptom.
    for (const auto* lists : {&review.accepted, &review.rejected}) {
        for (const auto& [concept_id, words] : *lists) {
            REQUIRE(proposals.count(concept_id) == 1);
            for (const std::string& word : words)
                CHECK_MESSAGE(contains(proposals.at(concept_id), word), concept_id, ": ", word);
        }
    }
    // The shipped pack has the accepted words and none of the rejected ones.
    const Guide& shipped = shipped_guide();
    for (const SymptomConcept& symptom : shipped.symptom_concepts) {
        for (const std::string& word : review.accepted[symptom.id])
            CHECK_MESSAGE(contains(symptom.lay_terms, word), symptom.id, ": ", word);
        for (const std::string& word : review.rejected[symptom.id])
            CHECK_MESSAGE(!contains(symptom.lay_terms, word), symptom.id, ": ", word);
    }
}

TEST_CASE("WordNet's wrong senses find nothing; its right ones find the symptom") {
    for (const char* wrong : {"reckless ", "foolhardy ", "blizzard ", "vexation "}) {
        for (const SearchResult& result : search_all(wrong).results)
            CHECK_MESSAGE(!(result.kind == SearchResultKind::side_effect && result.full_match),
                          wrong, " gave ", result.title);
    }
    CHECK(side_effect_classes(search_all("epistaxis ")) ==
          classes_listing_exactly(shipped_guide(), {"nosebleed"}));
    CHECK(side_effect_classes(search_all("emesis ")) ==
          classes_listing_exactly(shipped_guide(), {"vomiting"}));
}
