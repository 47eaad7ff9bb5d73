#include "search/packed_words.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lungguide;

TEST_CASE("packed words find exactly the words given, in any order, once each") {
    const PackedWords words({"joins", "black", "back", "joins", "a", "zebra", "backs"});
    CHECK(words.size() == 6);
    for (const char* word : {"a", "back", "backs", "black", "joins", "zebra"}) {
        INFO(word);
        CHECK(words.contains(word));
    }
    // Neighbours, prefixes and extensions of a word are not the word.
    for (const char* word : {"", "b", "bac", "backsx", "blacks", "join", "zebras", "aa", "zz"}) {
        INFO(word);
        CHECK_FALSE(words.contains(word));
    }
}

TEST_CASE("no packed words contain nothing") {
    CHECK_FALSE(PackedWords().contains("back"));
    CHECK_FALSE(PackedWords(std::vector<std::string>{}).contains(""));
    CHECK(PackedWords().size() == 0);
}

TEST_CASE("packed words appended one by one are the same set, in order or not") {
    PackedWords in_order;
    for (const char* word : {"a", "back", "black", "joins"})
        in_order.append(word);
    in_order.finish();
    PackedWords shuffled;
    for (const char* word : {"joins", "back", "a", "black", "back"})
        shuffled.append(word);
    shuffled.finish();
    for (const PackedWords* words : {&in_order, &shuffled}) {
        CHECK(words->size() == 4);
        for (const char* word : {"a", "back", "black", "joins"})
            CHECK(words->contains(word));
        CHECK_FALSE(words->contains("blac"));
    }
}
