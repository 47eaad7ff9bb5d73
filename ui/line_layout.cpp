#include "line_layout.h"

#include <algorithm>

namespace lungguide::ui {

namespace {

// A word: the text between two places where a line may break, without its spaces.
struct Word {
    std::size_t begin = 0;
    std::size_t end = 0; // visible end
    bool spaces_after = false;
};

// A hyphen inside a word ("HER2-directed", "ALK-positive") may end a line; a hyphen that
// starts or ends a word, or a run of them, may not.
bool breaks_after_hyphen(std::string_view text, std::size_t index, std::size_t word_begin) {
    return text[index] == '-' && index > word_begin && index + 1 < text.size() &&
           text[index + 1] != '-' && text[index + 1] != ' ' && text[index - 1] != '-';
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    std::size_t index = 0;
    while (index < text.size()) {
        while (index < text.size() && text[index] == ' ')
            ++index;
        if (index >= text.size()) break;
        Word word;
        word.begin = index;
        while (index < text.size() && text[index] != ' ') {
            if (breaks_after_hyphen(text, index, word.begin)) {
                ++index;
                break;
            }
            ++index;
        }
        word.end = index;
        word.spaces_after = index < text.size() && text[index] == ' ';
        words.push_back(word);
    }
    return words;
}

bool is_arrow(std::string_view word) {
    return word == "›";
}

} // namespace

bool is_break_allowed(std::string_view text, std::size_t end) {
    if (end >= text.size()) return true;
    if (text[end] == ' ') return true;
    return end > 0 && text[end - 1] == '-';
}

LineLayout lay_out_lines(std::string_view text, float width, const MeasureText& measure,
                         float space_width, const std::vector<LinkSpan>& links) {
    LineLayout layout;
    const std::vector<Word> words = split_words(text);
    float x = 0.0f;
    int line = -1;
    auto start_line = [&](std::size_t begin) {
        ++line;
        x = 0.0f;
        layout.lines.push_back({begin, begin, 0.0f});
    };
    auto text_of = [&](const Word& word) { return text.substr(word.begin, word.end - word.begin); };
    for (std::size_t index = 0; index < words.size(); ++index) {
        const Word& word = words[index];
        const float natural = measure(text_of(word));
        // An arrow stays with its word: "Bevacizumab ›" and "‹ EGFR inhibitors" never
        // leave the arrow alone at the start or end of a line.
        float needed = natural;
        if (index + 1 < words.size() &&
            (is_arrow(text_of(words[index + 1])) || text_of(word) == "‹"))
            needed += space_width + measure(text_of(words[index + 1]));
        const bool glued = index > 0 && is_arrow(text_of(word)) && x + natural <= width;
        if (line < 0 || (!glued && x > 0.0f && x + needed > width)) start_line(word.begin);
        // A word wider than the column gets a line of its own, drawn smaller.
        const float scale = natural > width && natural > 0.0f ? width / natural : 1.0f;

        // The word's runs: split where a link starts or ends.
        std::size_t at = word.begin;
        while (at < word.end) {
            int link = -1;
            std::size_t run_end = word.end;
            for (const LinkSpan& span : links) {
                if (at >= span.begin && at < span.end) {
                    link = span.index;
                    run_end = std::min(run_end, span.end);
                    break;
                }
                if (span.begin > at) {
                    run_end = std::min(run_end, span.begin);
                    break;
                }
            }
            const float run_width = (run_end == word.end && at == word.begin)
                                        ? natural * scale
                                        : measure(text.substr(at, run_end - at)) * scale;
            // begin, end, line, x, width, scale, link (gap_after is set below)
            layout.runs.push_back(LaidOutRun{at, run_end, line, x, run_width, scale, link});
            x += run_width;
            at = run_end;
        }
        LaidOutLine& current = layout.lines.back();
        current.end = word.end;
        current.width = x;
        layout.widest = std::max(layout.widest, x);
        if (word.spaces_after) {
            layout.runs.back().gap_after = true;
            x += space_width;
        }
    }
    return layout;
}

} // namespace lungguide::ui
