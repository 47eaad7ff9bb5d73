// The cap on how many completions a word still being typed expands to (SearchOptions) is
// for speed only: for every prefix the page's words can start with, the first screen of
// results is the same as with no cap at all.
#include "search_test_support.h"

#include <doctest/doctest.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// What a phone shows before scrolling, with room to spare.
constexpr std::size_t first_screen = 8;

SearchResponse search_with(const std::string& query, std::size_t completions,
                           std::size_t short_completions) {
    SearchOptions options;
    options.prefix_completions = completions;
    options.short_prefix_completions = short_completions;
    return shipped_search_index().search(query, options);
}

// The first screen as a person sees it: which cards, in which order, and what is said
// above them.
std::string first_screen_of(const SearchResponse& response) {
    std::ostringstream text;
    for (const std::string& word : response.not_listed)
        text << "not listed: " << word << "\n";
    text << "did you mean: " << response.did_you_mean << "\n";
    for (std::size_t index = 0; index < response.results.size() && index < first_screen; ++index) {
        const SearchResult& result = response.results[index];
        text << search_result_kind_id(result.kind) << " " << result.target_id << "#"
             << result.anchor << " " << result.title << " "
             << (result.full_match ? "full" : "partial") << " | " << result.snippet << "\n";
    }
    return text.str();
}

// Every prefix of every word the index knows, found through the Guide's own text.
std::set<std::string> prefixes_of_page_words(std::size_t shortest, std::size_t longest) {
    std::set<std::string> prefixes;
    for (const std::string& word : words_the_guide_shows(shipped_guide()))
        for (std::size_t length = shortest; length <= longest && length < word.size(); ++length)
            prefixes.insert(word.substr(0, length));
    return prefixes;
}

void check_same_first_screen(const std::string& query) {
    const SearchOptions defaults;
    const std::string capped = first_screen_of(
        search_with(query, defaults.prefix_completions, defaults.short_prefix_completions));
    const std::string uncapped = first_screen_of(search_with(query, SIZE_MAX, SIZE_MAX));
    INFO("query: \"" << query << "\"");
    CHECK(capped == uncapped);
}

} // namespace

TEST_CASE("one- and two-letter prefixes: the cap changes no first screen") {
    const std::set<std::string> prefixes = prefixes_of_page_words(1, 2);
    REQUIRE(prefixes.size() > 100); // the page's words start in many ways
    for (const std::string& prefix : prefixes) {
        check_same_first_screen(prefix);
        // The same prefix as the last word of a phrase people type.
        for (const char* start : {"being ", "feeling ", "sore ", "high "})
            check_same_first_screen(start + prefix);
    }
}

TEST_CASE("longer prefixes: the cap changes no first screen") {
    const std::set<std::string> prefixes = prefixes_of_page_words(3, 6);
    REQUIRE(prefixes.size() > 300);
    for (const std::string& prefix : prefixes)
        check_same_first_screen(prefix);
}

TEST_CASE("the caps are honoured: a smaller one keeps fewer completions") {
    // On this page no prefix has more completions than the defaults keep (they matter for
    // larger packs), so the tests above also show that the uncapped search is the answer.
    // Here the knob itself is shown to work.
    const SearchResponse wide = search_with("s", SIZE_MAX, SIZE_MAX);
    const SearchResponse narrow = search_with("s", 5, 5);
    CHECK(narrow.matched_words.size() + 20 < wide.matched_words.size());
    const SearchResponse narrow_long = search_with("sto", 2, SIZE_MAX);
    CHECK(narrow_long.matched_words.size() <
          search_with("sto", SIZE_MAX, SIZE_MAX).matched_words.size());
}
