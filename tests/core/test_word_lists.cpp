// Search's word lists as data (core/search/word_lists.txt): the file's form is read as
// written, and every list is there, folded, with pairs where pairs are meant.
#include "search/search_text.h"
#include "search/word_lists.h"

#include <doctest/doctest.h>
#include <iterator>
#include <set>
#include <string>

using namespace lungguide;

TEST_CASE("the word-list form: sections, words, comments and blank lines") {
    const std::vector<WordListSection> sections = parse_word_lists("stray # before any list\n"
                                                                   "[one]\n"
                                                                   "# why the list exists\n"
                                                                   "a  b\tc # a comment\n"
                                                                   "\n"
                                                                   "d\r\n"
                                                                   "[two]\n"
                                                                   "[three]\n"
                                                                   "e f");
    REQUIRE(sections.size() == 3);
    CHECK(sections[0].name == "one");
    REQUIRE(sections[0].lines.size() == 2);
    CHECK(sections[0].lines[0] == std::vector<std::string_view>{"a", "b", "c"});
    CHECK(sections[0].lines[1] == std::vector<std::string_view>{"d"});
    CHECK(sections[1].name == "two");
    CHECK(sections[1].lines.empty());
    CHECK(sections[2].lines[0] == std::vector<std::string_view>{"e", "f"});
    CHECK(parse_word_lists("").empty());
    CHECK(parse_word_lists("[]\nword").empty()); // "[]" names no list
}

TEST_CASE("every compiled-in word list is there, folded, and pairs are pairs") {
    const char* expected[] = {"negation",
                              "function",
                              "filler",
                              "person",
                              "intensity",
                              "time",
                              "colour",
                              "site",
                              "generic",
                              "direction",
                              "unspecific-complaint",
                              "said-of-a-name",
                              "weak-head",
                              "side-of-site",
                              "circumstance",
                              "site-head",
                              "site-trunk",
                              "site-limbs",
                              "site-inside",
                              "site-groups",
                              "opposites",
                              "stop-words",
                              "qualifiers",
                              "also-finds",
                              "side-effects",
                              "which-side-effects",
                              "idiom-likers",
                              "idiom-not-how",
                              "idiom-sensation",
                              "idiom-takes-away",
                              "idiom-perception",
                              "idiom-unreal",
                              "idiom-sight-difficulty",
                              "idiom-takes",
                              "idiom-long-time"};
    std::set<std::string> names;
    std::size_t body_systems = 0;
    for (const WordListSection& section : search_word_lists()) {
        CHECK_MESSAGE(names.emplace(section.name).second, "listed twice: ", section.name);
        CHECK_MESSAGE(!section.lines.empty(), "empty: ", section.name);
        const bool body_system = section.name.rfind("body-system:", 0) == 0;
        std::size_t labels = 0;
        for (const std::vector<std::string_view>& line : section.lines) {
            // A body system's label is text to show and its concepts are ids: not words.
            if (body_system && (line.front() == "label:" || line.front() == "concepts:")) {
                labels += line.front() == "label:";
                CHECK(line.size() >= 2);
                continue;
            }
            for (std::string_view word : line)
                CHECK_MESSAGE(fold_for_search(word) == word, "not folded: ", word);
        }
        if (body_system) {
            CHECK_MESSAGE(labels == 1, section.name);
            ++body_systems;
        }
    }
    for (const char* name : expected)
        CHECK_MESSAGE(names.count(name) == 1, "missing: ", name);
    CHECK(names.size() == std::size(expected) + body_systems); // no list that nothing reads
    CHECK(body_systems >= 10);
    CHECK(word_list_lines("side-effects").size() == 2); // which kind, then what
    for (const char* pairs : {"site-groups", "opposites"})
        for (const std::vector<std::string_view>& line : word_list_lines(pairs))
            CHECK_MESSAGE(line.size() == 2, pairs, ": ", line.front());
    std::set<std::string_view> typed; // a typed word on one line only: the others are not read
    for (const std::vector<std::string_view>& line : word_list_lines("also-finds")) {
        CHECK_MESSAGE(line.size() >= 2, "also-finds: ", line.front());
        CHECK_MESSAGE(typed.insert(line.front()).second, "also-finds twice: ", line.front());
    }
    CHECK(word_list_lines("no-such-list").empty());
}

TEST_CASE("a line's words as written keep the spaces between them") {
    const std::vector<WordListSection> sections = parse_word_lists("[x]\nlabel: the  heart, and\n");
    REQUIRE(sections.size() == 1);
    const std::vector<std::string_view>& line = sections[0].lines.at(0);
    CHECK(words_as_written(line, 1) == "the  heart, and");
    CHECK(words_as_written(line, 0) == "label: the  heart, and");
    CHECK(words_as_written(line, 4).empty());
}
