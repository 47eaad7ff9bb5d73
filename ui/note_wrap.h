// Word wrap for the note box. ImGui 1.86's multiline input does not wrap, so the box holds
// a display copy of the note in which some spaces are line breaks ("soft" breaks). The
// display copy has exactly the note's length: only spaces and breaks trade places, so the
// cursor and selection stay where they were when the text is wrapped again.
//
// Pure functions, no ImGui: the caller passes how wide a run of text is.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide::ui {

using MeasureText = std::function<float(std::string_view)>;

// The note as displayed at this width, and which of its line breaks are wrapped spaces.
struct WrappedNote {
    std::string display;
    std::vector<std::size_t> soft; // ascending offsets into display
};

// Breaks each line of text at the last space before the word that would pass width. The
// person's own line breaks stay; a word longer than the width stays whole on its line.
WrappedNote wrap_note(const std::string& text, float width, const MeasureText& measure);

// The note behind a display copy: the soft breaks turned back into spaces.
std::string unwrap_note(const std::string& display, const std::vector<std::size_t>& soft);

// After an edit turned `before` (with its soft breaks) into `after`, the soft breaks that
// survive, moved with the text around them. Breaks inside the edited span are gone.
std::vector<std::size_t> soft_breaks_after_edit(const std::string& before,
                                                const std::vector<std::size_t>& soft,
                                                const std::string& after);

} // namespace lungguide::ui
