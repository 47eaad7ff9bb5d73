// Every word search knows, with the lookups typo tolerance needs.
//
// Words come from the content (names, terms, passages) and from the symptom
// vocabulary. A query word is looked up exactly, as a prefix (the word being typed) or
// within a small edit distance. The typo lookup only compares words of a fitting length
// and letter set, so it stays fast on a vocabulary many times the shipped one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lungguide {

using WordId = std::uint32_t;

// Word ids in a row of the vocabulary's sorted order, for range-for.
struct WordRange {
    const WordId* first = nullptr;
    const WordId* last = nullptr;
    const WordId* begin() const { return first; }
    const WordId* end() const { return last; }
    std::size_t size() const { return static_cast<std::size_t>(last - first); }
};

struct VocabularyMatch {
    WordId word = 0;
    int distance = 0; // 0 for exact and plain prefix matches
};

class SearchVocabulary {
  public:
    // Adds a folded word (or counts it again) and returns its id.
    WordId add(std::string_view folded_word);
    // Must be called once after the last add() and before any lookup.
    void finish();

    std::size_t size() const { return words_.size(); }
    const std::string& text(WordId word) const { return words_[word].text; }
    std::uint32_t frequency(WordId word) const { return words_[word].frequency; }

    // The id of this exact word, or false.
    bool find(std::string_view folded_word, WordId& word) const;

    // Words that start with prefix and are longer than it, shortest and most frequent
    // first, at most max_count of them.
    std::vector<WordId> words_starting_with(std::string_view prefix, std::size_t max_count) const;

    // Every word that starts with prefix, the prefix itself included, in text order; no
    // allocation, so it suits a lookup per keystroke.
    WordRange words_with_prefix(std::string_view prefix) const;

    // Words (of letters, no digits) within max_distance of typed. With as_prefix, a
    // word matches when one of its prefixes is within max_distance (the person has
    // not finished typing); then only words starting with typed's first or second
    // letter are compared. Only the closest are returned, then the most frequent, at
    // most max_count.
    std::vector<VocabularyMatch> words_near(std::u32string_view typed, int max_distance,
                                            bool as_prefix, std::size_t max_count) const;

  private:
    struct Word {
        std::string text;
        std::u32string code_points;
        std::uint32_t letter_set = 0; // one bit per letter, to rule words out cheaply
        std::uint32_t frequency = 0;
        bool has_digit = false;
    };
    std::vector<Word> words_;
    std::unordered_map<std::string, WordId> ids_;
    std::vector<WordId> sorted_;                 // by text, for prefix ranges
    std::vector<std::vector<WordId>> by_length_; // by number of code points
    // The completions of every one- and two-byte prefix, best first: the first keystrokes
    // have the most completions, and ordering them once is cheaper than at every keystroke.
    std::unordered_map<std::string, std::vector<WordId>> short_prefix_completions_;
    bool finished_ = false;
    bool better_completion(WordId a, WordId b) const;
};

// How many typos a typed word of this many letters may contain: 0, 1 (5), 2 (6 or more).
int allowed_typos(std::size_t code_point_count);

// The bit set of letters in a word (a–z; other characters share a few bits).
std::uint32_t letter_set_of(std::u32string_view code_points);

} // namespace lungguide
