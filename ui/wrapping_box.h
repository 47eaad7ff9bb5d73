// A text box whose text wraps at spaces as paragraphs do (ImGui 1.86's boxes do not wrap).
// A long text stays readable from its start while it is typed, where ImGui's one-line box
// scrolls to show only its end ("…lunch every day this week"). The wrapping itself is the
// pure note_wrap.h: a display copy of the same length, so the cursor stays where it was.
//
// one_line: Enter leaves the box and no line break can be typed or pasted (the search box,
// a diary entry's words); otherwise Enter starts a new line (notes).
#pragma once

#include "look.h"
#include "semantics.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lungguide::ui {

// What a wrapping box keeps between frames (owned by the App's screen state).
struct WrappingBoxState {
    std::string buffer;  // the input box's own string (ImGui writes it; never touched mid-edit)
    std::string display; // what we last knew the box to hold
    std::vector<std::size_t> soft; // offsets in display of breaks that are wrapped spaces
    float width = 0.0f;            // the wrap width the display was made for
    bool select_pending = false;   // select all once the box has the keyboard
};

struct WrappingBoxOptions {
    const char* hint = nullptr; // shown, muted, while the box is empty
    // Its name for assistive technology ("Search", "Note"); null: record_as.
    const char* label = nullptr;
    TextBoxKind kind = TextBoxKind::multiline; // for a platform's own editor over the box
    bool one_line = false;
    int min_lines = 3;  // the box's height in lines, at least
    int max_lines = 12; // and at most (a longer text scrolls inside the box)
    float width = 0.0f; // 0 = the available width
    // The box was just given the keyboard (SetKeyboardFocusHere): select all of its text, so
    // what is typed replaces it, as ImGui's one-line boxes do.
    bool select_all = false;
};

// Draws the box; text is the text without wrapping, edited in place. Returns true in a frame
// in which the person changed it. id is ImGui's ("##search box"); record_as names it for tests
// ("input:<record_as>").
bool wrapping_box(Look& look, const std::string& id, const std::string& record_as,
                  std::string& text, WrappingBoxState& box, const WrappingBoxOptions& options);

} // namespace lungguide::ui
