#include "search/packed_words.h"

#include <algorithm>

namespace lungguide {

PackedWords::PackedWords(std::vector<std::string> words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::size_t bytes = 0;
    for (const std::string& word : words)
        bytes += word.size();
    text_.reserve(bytes);
    starts_.reserve(words.size() + 1);
    for (const std::string& word : words) {
        starts_.push_back(static_cast<std::uint32_t>(text_.size()));
        text_ += word;
    }
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
}

void PackedWords::append(std::string_view word) {
    if (!starts_.empty() && !(std::string_view(text_).substr(starts_.back()) < word))
        in_order_ = false;
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
    text_ += word;
}

void PackedWords::finish() {
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
    if (in_order_) return;
    std::vector<std::string> words;
    words.reserve(size());
    for (std::size_t index = 0; index < size(); ++index)
        words.emplace_back(word(index));
    *this = PackedWords(std::move(words));
}

bool PackedWords::contains(std::string_view wanted) const {
    std::size_t low = 0;
    std::size_t high = size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        const std::string_view found = word(middle);
        if (found == wanted) return true;
        if (found < wanted)
            low = middle + 1;
        else
            high = middle;
    }
    return false;
}

} // namespace lungguide
