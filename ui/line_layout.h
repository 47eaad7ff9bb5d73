// Line layout for body text, kept apart from drawing so it can be tested without a window.
//
// Text wraps only at spaces and after hyphens ("HER2-|directed"), never inside a word.
// A word wider than the whole column is scaled down to fit on a line of its own, not cut:
// at 250 % on a phone "Ramucirumab" stays one word. Link spans (glossary words) split the
// text into runs of their own colour but never add a place to break.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace lungguide::ui {

// Width of a piece of text at the font's own size, in pixels.
using MeasureText = std::function<float(std::string_view)>;

// A byte range [begin, end) of the text that is a link, with the caller's index for it.
struct LinkSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    int index = -1;
};

// One piece to draw: a run of text on one line, in one style.
struct LaidOutRun {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
    int line = 0;
    float x = 0.0f;         // from the column's left edge
    float width = 0.0f;     // as drawn, after scaling
    float scale = 1.0f;     // < 1 for a word wider than the column
    int link = -1;          // LinkSpan::index, or -1
    bool gap_after = false; // spaces follow this run on the same line
};

struct LaidOutLine {
    std::size_t begin = 0; // first visible byte
    std::size_t end = 0;   // one past the last visible byte (trailing spaces excluded)
    float width = 0.0f;
};

struct LineLayout {
    std::vector<LaidOutRun> runs;
    std::vector<LaidOutLine> lines;
    float widest = 0.0f;
    int line_count() const { return static_cast<int>(lines.size()); }
};

// Lays `text` out in a column `width` pixels wide. `space_width` is the width of one
// space. Links must not overlap and must be sorted by `begin`.
LineLayout lay_out_lines(std::string_view text, float width, const MeasureText& measure,
                         float space_width, const std::vector<LinkSpan>& links = {});

// True if a line may end at byte `end` of `text`: the end of the text, before a space, or
// after a hyphen. The layout's own test uses it to prove no word is ever split.
bool is_break_allowed(std::string_view text, std::size_t end);

} // namespace lungguide::ui
