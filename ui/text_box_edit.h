// Text typed with the platform's own editor into the text box that has ImGui's keyboard.
//
// A browser's <input>, Android's InputConnection and iOS's UITextInput do what a person
// expects of a text box (composing keyboards, autocorrect, dictation, selection, paste):
// the platform keeps its editor over the drawn box and, after each change, hands the
// text it holds here. ImGui takes it as typed: the screen's string changes the next frame
// as if keys had been pressed (search runs, a note's draft is kept).
#pragma once

#include <imgui.h>

#include <string>

namespace lungguide::ui {

// Replaces the whole text of the text box `id` with `text` (UTF-8), the cursor or
// selection from `selection_start` to `selection_end` (in characters, clamped). Only while
// that box has the keyboard (ImGui's active text input); false otherwise.
bool replace_text_box_text(ImGuiID id, const std::string& text, int selection_start,
                           int selection_end);

} // namespace lungguide::ui
