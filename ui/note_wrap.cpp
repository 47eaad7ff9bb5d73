#include "note_wrap.h"

#include <algorithm>

namespace lungguide::ui {

WrappedNote wrap_note(const std::string& text, float width, const MeasureText& measure) {
    WrappedNote wrapped{text, {}};
    std::size_t line_start = 0;
    std::size_t index = 0;
    std::size_t last_space = std::string::npos; // in this line, before the current word
    while (index <= text.size()) {
        if (index == text.size() || text[index] == '\n') {
            line_start = index + 1;
            last_space = std::string::npos;
            ++index;
            continue;
        }
        if (text[index] == ' ') {
            last_space = index;
            ++index;
            continue;
        }
        std::size_t word_end = index;
        while (word_end < text.size() && text[word_end] != ' ' && text[word_end] != '\n')
            ++word_end;
        const std::string_view line(text.data() + line_start, word_end - line_start);
        if (last_space != std::string::npos && measure(line) > width) {
            wrapped.display[last_space] = '\n';
            wrapped.soft.push_back(last_space);
            line_start = last_space + 1;
            last_space = std::string::npos;
            continue; // measure this word again at the start of its new line
        }
        index = word_end;
    }
    return wrapped;
}

std::string unwrap_note(const std::string& display, const std::vector<std::size_t>& soft) {
    std::string text = display;
    for (std::size_t offset : soft)
        if (offset < text.size() && text[offset] == '\n') text[offset] = ' ';
    return text;
}

std::vector<std::size_t> soft_breaks_after_edit(const std::string& before,
                                                const std::vector<std::size_t>& soft,
                                                const std::string& after) {
    const std::size_t shorter = std::min(before.size(), after.size());
    std::size_t prefix = 0;
    while (prefix < shorter && before[prefix] == after[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < shorter - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    std::vector<std::size_t> kept;
    for (std::size_t offset : soft) {
        if (offset < prefix)
            kept.push_back(offset);
        else if (offset >= before.size() - suffix)
            kept.push_back(offset + after.size() - before.size());
    }
    return kept;
}

} // namespace lungguide::ui
