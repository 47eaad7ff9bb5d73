#include "search/word_lists.h"

#include <algorithm>

namespace lungguide {

extern const char lungguide_search_word_lists[]; // word_lists.txt (cmake/embed_text.cmake)

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// The words of one line, its comment cut off.
std::vector<std::string_view> words_of_line(std::string_view line) {
    line = line.substr(0, line.find('#'));
    std::vector<std::string_view> words;
    std::size_t position = 0;
    while (position < line.size()) {
        while (position < line.size() && is_space(line[position]))
            ++position;
        std::size_t end = position;
        while (end < line.size() && !is_space(line[end]))
            ++end;
        if (end > position) words.push_back(line.substr(position, end - position));
        position = end;
    }
    return words;
}

} // namespace

std::vector<WordListSection> parse_word_lists(std::string_view text) {
    std::vector<WordListSection> sections;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::vector<std::string_view> words = words_of_line(text.substr(start, end - start));
        start = end + 1;
        if (words.empty()) continue;
        const std::string_view first = words.front();
        if (words.size() == 1 && first.size() > 2 && first.front() == '[' && first.back() == ']') {
            sections.push_back({first.substr(1, first.size() - 2), {}});
        } else if (!sections.empty()) {
            sections.back().lines.push_back(words);
        }
    }
    return sections;
}

const std::vector<WordListSection>& search_word_lists() {
    static const std::vector<WordListSection> sections =
        parse_word_lists(lungguide_search_word_lists);
    return sections;
}

const std::vector<std::vector<std::string_view>>& word_list_lines(std::string_view name) {
    static const std::vector<std::vector<std::string_view>> none;
    for (const WordListSection& section : search_word_lists())
        if (section.name == name) return section.lines;
    return none;
}

std::vector<std::string_view> word_list(std::string_view name) {
    std::vector<std::string_view> words;
    for (const std::vector<std::string_view>& line : word_list_lines(name))
        words.insert(words.end(), line.begin(), line.end());
    return words;
}

std::string_view words_as_written(const std::vector<std::string_view>& line, std::size_t first) {
    if (first >= line.size()) return {};
    // The words are views into one text, in order: the span from the first to the last.
    const char* start = line[first].data();
    const char* end = line.back().data() + line.back().size();
    return std::string_view(start, static_cast<std::size_t>(end - start));
}

WordSet::WordSet(std::string_view list_name) : sorted_(word_list(list_name)) {
    std::sort(sorted_.begin(), sorted_.end());
    for (std::string_view word : sorted_)
        first_letters_[std::min<std::size_t>(word.size(), first_letters_.size() - 1)] |=
            first_letter_bit(word.front());
}

} // namespace lungguide
