// A sorted set of words kept as one block of text and the start of each word: for the ten
// thousand dictionary words, about a third of the room of a std::vector<std::string>
// (120 KB, not 330 KB, of every start's memory), found by binary search.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

class PackedWords {
  public:
    PackedWords() = default;
    // Sorted here; a word given twice is kept once.
    explicit PackedWords(std::vector<std::string> words);

    // Word by word, without a list of them all first (the pack's 10,000 would take 330 KB
    // for a moment at every start). Words out of order or repeated are sorted out by finish().
    void append(std::string_view word);
    void finish();

    bool contains(std::string_view word) const;
    std::size_t size() const { return starts_.empty() ? 0 : starts_.size() - 1; }

  private:
    std::string_view word(std::size_t index) const {
        return std::string_view(text_).substr(starts_[index], starts_[index + 1] - starts_[index]);
    }

    std::string text_;
    std::vector<std::uint32_t> starts_; // one per word, and the end (after finish())
    bool in_order_ = true;
};

} // namespace lungguide
