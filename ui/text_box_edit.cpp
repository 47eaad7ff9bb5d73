#include "text_box_edit.h"

#include <imgui_internal.h>

#include <algorithm>

namespace lungguide::ui {

bool replace_text_box_text(ImGuiID id, const std::string& text, int selection_start,
                           int selection_end) {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || id == 0 || context->ActiveId != id) return false;
    ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (!state) return false;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    state->TextW.resize(ImTextCountCharsFromUtf8(begin, end) + 1);
    state->CurLenW = ImTextStrFromUtf8(state->TextW.Data, state->TextW.Size, begin, end);
    // Back from the characters ImGui keeps, in case it could not keep one as sent.
    state->CurLenA =
        ImTextCountUtf8BytesFromStr(state->TextW.Data, state->TextW.Data + state->CurLenW);
    state->TextA.resize(state->TextW.Size * 4 + 1);
    ImTextStrToUtf8(state->TextA.Data, state->TextA.Size, state->TextW.Data, nullptr);
    state->TextAIsValid = true;
    state->BufCapacityA = std::max(state->BufCapacityA, state->CurLenA + 1);
    const int length = state->CurLenW;
    const int start = std::clamp(std::min(selection_start, selection_end), 0, length);
    const int stop = std::clamp(std::max(selection_start, selection_end), 0, length);
    state->Stb.select_start = start;
    state->Stb.select_end = stop;
    state->Stb.cursor = stop;
    state->Stb.has_preferred_x = 0;
    // The platform's editor keeps its own undo; ImGui's would refer to text it never had.
    state->Stb.undostate.undo_point = 0;
    state->Stb.undostate.undo_char_point = 0;
    state->Stb.undostate.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    state->Stb.undostate.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    state->Edited = true;
    state->CursorFollow = true;
    state->CursorAnimReset();
    return true;
}

} // namespace lungguide::ui
