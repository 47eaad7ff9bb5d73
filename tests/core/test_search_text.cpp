// The pieces under search: folding, edit distance and the vocabulary.
#include "common/edit_distance.h"
#include "common/utf8.h"
#include "search/search_text.h"
#include "search/search_vocabulary.h"

#include <doctest/doctest.h>

using namespace lungguide;

namespace {

int distance(const char* a, const char* b, int max_distance = 5) {
    return bounded_edit_distance(decode_utf8(a), decode_utf8(b), max_distance);
}

int prefix_distance(const char* typed, const char* word, int max_distance = 5) {
    return bounded_prefix_edit_distance(decode_utf8(typed), decode_utf8(word), max_distance);
}

} // namespace

TEST_CASE("folding lower-cases, strips diacritics and splits on anything else") {
    CHECK(fold_for_search("DIARRHŒA") == "diarrhoea");
    CHECK(fold_for_search("Anæmia") == "anaemia");
    CHECK(fold_for_search("Herrera-Juárez") == "herrera juarez");
    CHECK(fold_for_search("Straße") == "strasse");
    CHECK(fold_for_search("e\xCC\x81t\xC3\xA9") == "ete"); // combining accent and é
    CHECK(fold_for_search("can't sleep") == "cant sleep");
    CHECK(fold_for_search("can\xE2\x80\x99t sleep") == "cant sleep"); // curly apostrophe
    CHECK(fold_for_search("worn-out   (really)") == "worn out really");
    CHECK(fold_for_search("  \t\n ") == "");
    CHECK(fold_for_search("G12C / V600E") == "g12c v600e");
    CHECK(fold_for_search("ĳ Œuvre ſ") == "ij oeuvre s");
}

TEST_CASE("folding turns invalid UTF-8 and control characters into separators") {
    CHECK(fold_for_search("tired\xFF\xFEsick") == "tired sick");
    CHECK(fold_for_search("\xC0\xAFrash") == "rash");        // overlong encoding
    CHECK(fold_for_search("a\xED\xA0\x80z") == "a z");       // a UTF-16 surrogate
    CHECK(fold_for_search("cut\xE2\x80") == "cut");          // sequence cut short
    CHECK(fold_for_search(std::string("x\0y", 3)) == "x y"); // NUL inside the text
    CHECK(fold_for_search("\x1B[2Jrash\x07") == "2jrash");   // escape sequence
    CHECK(split_search_words("\xF0\x9F\x98\xA2 sad") == std::vector<std::string>{"sad"});
    CHECK(split_search_words("Тошнота") == std::vector<std::string>{"Тошнота"});
}

TEST_CASE("truncation never splits a UTF-8 sequence") {
    CHECK(truncate_utf8("abc", 10) == "abc");
    CHECK(truncate_utf8("abcdef", 3) == "abc");
    const std::string accents = "\xC3\xA9\xC3\xA9"; // éé
    CHECK(truncate_utf8(accents, 3) == "\xC3\xA9");
    CHECK(truncate_utf8(accents, 1) == "");
    CHECK(truncate_utf8("\xF0\x9F\x98\xA2", 3) == "");
}

TEST_CASE("text echoed back is valid UTF-8 without control characters") {
    CHECK(clean_for_display("tired\x1B[31m") == "tired [31m");
    CHECK(clean_for_display("a\xFFz") == "a\xEF\xBF\xBDz");
    CHECK(clean_for_display("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("stop words are the small filler words only") {
    for (const char* word : {"the", "my", "and", "being", "feeling", "i", "cant", "no"}) {
        CHECK_MESSAGE(is_search_stop_word(word), word);
    }
    for (const char* word : {"tired", "sick", "pain", "egfr", "skin", "blood"}) {
        CHECK_MESSAGE(!is_search_stop_word(word), word);
    }
}

TEST_CASE("edit distance counts slips, swaps included, and stops early") {
    CHECK(distance("nausia", "nausea") == 1);
    CHECK(distance("diarhea", "diarrhea") == 1);
    CHECK(distance("tierd", "tired") == 1); // swapped neighbours
    CHECK(distance("kitten", "sitting") == 3);
    CHECK(distance("", "abc") == 3);
    CHECK(distance("same", "same") == 0);
    CHECK(distance("kitten", "sitting", 2) == 3); // capped at max + 1
    CHECK(distance("a", "abcdefgh", 1) == 2);
    CHECK(distance("anaemia", "anemia") == 1);
    CHECK(distance("\xC3\xA9t\xC3\xA9", "ete") == 2); // code points, not bytes
    const std::string long_word(200, 'a');
    CHECK(distance(long_word.c_str(), (long_word + "b").c_str()) == 1);
}

TEST_CASE("prefix edit distance measures against the closest start of the word") {
    CHECK(prefix_distance("diarhe", "diarrhea") == 1);
    CHECK(prefix_distance("nause", "nausea") == 0);
    CHECK(prefix_distance("nausi", "nausea") == 1);
    CHECK(prefix_distance("xyz", "nausea", 1) == 2);
    CHECK(prefix_distance("", "nausea") == 0);
}

TEST_CASE("typo allowance grows with word length") {
    CHECK(allowed_typos(4) == 0);
    CHECK(allowed_typos(5) == 1);
    CHECK(allowed_typos(6) == 2); // issue 20: "diahrea" is two slips from "diarrhea"
    CHECK(allowed_typos(9) == 2);
}

TEST_CASE("vocabulary finds exact words, completions and near spellings") {
    SearchVocabulary vocabulary;
    for (const char* word : {"nausea", "nauseated", "nauseous", "diarrhea", "tired", "tiredness",
                             "g12c", "headache", "nausea"}) {
        vocabulary.add(word);
    }
    vocabulary.finish();
    WordId id = 0;
    REQUIRE(vocabulary.find("nausea", id));
    CHECK(vocabulary.frequency(id) == 2);
    CHECK(!vocabulary.find("nause", id));

    std::vector<WordId> completions = vocabulary.words_starting_with("nau", 10);
    REQUIRE(completions.size() == 3);
    CHECK(vocabulary.text(completions[0]) == "nausea"); // the shortest first
    CHECK(vocabulary.words_starting_with("nau", 1).size() == 1);
    CHECK(vocabulary.words_starting_with("nausea", 10).size() == 1); // nauseated, not itself

    std::vector<VocabularyMatch> near = vocabulary.words_near(decode_utf8("nausia"), 1, false, 10);
    REQUIRE(near.size() == 1);
    CHECK(vocabulary.text(near[0].word) == "nausea");
    CHECK(near[0].distance == 1);
    // Only the closest spellings come back.
    near = vocabulary.words_near(decode_utf8("tiredness"), 2, false, 10);
    CHECK(near.empty()); // itself is exact (distance 0), not a typo
    near = vocabulary.words_near(decode_utf8("tirednes"), 2, false, 10);
    REQUIRE(!near.empty());
    CHECK(vocabulary.text(near[0].word) == "tiredness");
    // Codes are never typo-matched.
    CHECK(vocabulary.words_near(decode_utf8("g12d"), 1, false, 10).empty());
    // A prefix with a slip, while typing.
    near = vocabulary.words_near(decode_utf8("diarhe"), 1, true, 10);
    REQUIRE(near.size() == 1);
    CHECK(vocabulary.text(near[0].word) == "diarrhea");
}
