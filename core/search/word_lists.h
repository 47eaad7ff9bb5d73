// Search's word lists, kept as data (core/search/word_lists.txt, compiled into the program):
// the complaint reader's roles, the stop words, opposite pairs and the like. The file is read
// once, on first use; each user keeps the lookup it needs (a WordSet, a sorted table).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lungguide {

// One list of the file: "[name]", then lines of words.
struct WordListSection {
    std::string_view name;
    std::vector<std::vector<std::string_view>> lines; // each line's words; no empty line
};

// Reads the file's form: "[name]" starts a list, "#" a comment to the end of the line, and
// words are separated by spaces and lines. Words before the first "[name]" are dropped.
// The views point into text.
std::vector<WordListSection> parse_word_lists(std::string_view text);

// Every list of the compiled-in file, in its order.
const std::vector<WordListSection>& search_word_lists();

// The lines of one list (empty when there is no such list; a test checks each is there).
const std::vector<std::vector<std::string_view>>& word_list_lines(std::string_view name);
// Every word of one list, in the file's order.
std::vector<std::string_view> word_list(std::string_view name);
// A line's words from `first` on as the file writes them, the spaces between included ("the
// heart and blood vessels"); empty when the line has no such word.
std::string_view words_as_written(const std::vector<std::string_view>& line, std::size_t first);

// A list's words, sorted once for binary search. Most words a query has are in no list, and
// most are ruled out by their length and first letter alone, without a search: a lookup
// costs less than searching the list would (search asks several lists about every word).
class WordSet {
  public:
    explicit WordSet(std::string_view list_name);
    bool contains(std::string_view word) const {
        return might_contain(word) && std::binary_search(sorted_.begin(), sorted_.end(), word);
    }

  private:
    static std::uint32_t first_letter_bit(char letter) {
        const unsigned index = static_cast<unsigned char>(letter) - 'a';
        return index < 26 ? 1u << index : 1u << 26; // a digit or another script: one bit
    }
    bool might_contain(std::string_view word) const {
        return !word.empty() &&
               (first_letters_[std::min<std::size_t>(word.size(), first_letters_.size() - 1)] &
                first_letter_bit(word.front())) != 0;
    }

    std::vector<std::string_view> sorted_;
    // By a word's length (the last: that long or longer), a bit for each first letter listed.
    std::array<std::uint32_t, 32> first_letters_{};
};

} // namespace lungguide
