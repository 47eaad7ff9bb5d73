#include "wrapping_box.h"

#include "note_wrap.h"
#include "widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace lungguide::ui {

namespace {

// What the input callback needs: the box's display state and the text behind it.
struct BoxEdit {
    WrappingBoxState* box;
    std::string* text;
    float width;
    ImFont* font;
    bool one_line;
    bool edited = false;
};

MeasureText measure_with(ImFont* font) {
    return [font](std::string_view run) {
        return font
            ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, run.data(), run.data() + run.size())
            .x;
    };
}

void rewrap(WrappingBoxState& box, const std::string& text, float width, ImFont* font) {
    WrappedNote wrapped = wrap_note(text, width, measure_with(font));
    box.display = std::move(wrapped.display);
    box.soft = std::move(wrapped.soft);
    box.width = width;
}

// Runs every frame while the box has the keyboard: takes in what was typed, and wraps the
// buffer again in place (same length, so the cursor stays put). A one-line box takes no
// typed or pasted line break (its only breaks are the wrapped spaces it makes itself).
int on_box_input(ImGuiInputTextCallbackData* data) {
    BoxEdit& edit = *static_cast<BoxEdit*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter)
        return edit.one_line && (data->EventChar == '\n' || data->EventChar == '\r') ? 1 : 0;
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    WrappingBoxState& box = *edit.box;
    if (box.select_pending) { // the keyboard arrives a frame after it is asked for
        data->SelectAll();
        box.select_pending = false;
    }
    const std::string buffer(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    if (buffer != box.display) {
        box.soft = soft_breaks_after_edit(box.display, box.soft, buffer);
        box.display = buffer;
        *edit.text = unwrap_note(box.display, box.soft);
        edit.edited = true;
    } else if (box.width == edit.width) {
        return 0;
    }
    const std::string before = box.display;
    rewrap(box, *edit.text, edit.width, edit.font);
    if (box.display != before) {
        const int cursor = data->CursorPos;
        const int selection_start = data->SelectionStart;
        const int selection_end = data->SelectionEnd;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, box.display.c_str(), box.display.c_str() + box.display.size());
        data->CursorPos = cursor;
        data->SelectionStart = selection_start;
        data->SelectionEnd = selection_end;
    }
    return 0;
}

} // namespace

bool wrapping_box(Look& look, const std::string& id, const std::string& record_as,
                  std::string& text, WrappingBoxState& box, const WrappingBoxOptions& options) {
    const float em = look.layout.em;
    // A one-line box is a finger target when it holds one line; a note box is roomy.
    const ImVec2 padding(0.5f * em, options.one_line
                                        ? std::max(0.4f * em, (look.layout.touch - em) * 0.5f)
                                        : 0.5f * em);
    const float box_width = options.width > 0.0f ? options.width : available_width();
    // Room for the cursor and the box's own scroll bar.
    const float wrap_width = std::max(
        box_width - 2.0f * padding.x - ImGui::GetStyle().ScrollbarSize - 0.3f * em, 1.0f * em);
    const bool editing = ImGui::GetActiveID() == ImGui::GetID(id.c_str());
    if (!editing && (box.width != wrap_width || box.buffer != box.display ||
                     unwrap_note(box.display, box.soft) != text)) {
        rewrap(box, text, wrap_width, ImGui::GetFont());
        box.buffer = box.display;
    }
    int lines = 1 + static_cast<int>(std::count(box.display.begin(), box.display.end(), '\n'));
    const float line = ImGui::GetTextLineHeight();
    // An empty box is as tall as its hint, which wraps as the text would.
    ImFont* font = ImGui::GetFont();
    if (text.empty() && options.hint) {
        const float hint_height =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, options.hint).y;
        lines = std::max(lines, static_cast<int>(std::lround(hint_height / line)));
    }
    const int shown = std::clamp(lines + (options.one_line ? 0 : 1), options.min_lines,
                                 std::max(options.min_lines, options.max_lines));
    // A one-line box is a finger target at every size, however short its text line.
    const float height = std::max(shown * line + 2.0f * padding.y,
                                  options.one_line ? look.layout.touch + 1.0f : 0.0f);
    if (options.select_all) box.select_pending = true;
    BoxEdit edit{&box, &text, wrap_width, ImGui::GetFont(), options.one_line};
    ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_NoHorizontalScroll | ImGuiInputTextFlags_CallbackAlways;
    if (options.one_line)
        flags |= ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackCharFilter;
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::InputTextMultiline(id.c_str(), &box.buffer, ImVec2(box_width, height), flags,
                              on_box_input, &edit);
    ImGui::PopStyleVar();
    // The hint stays until something is typed, as ImGui's own boxes keep theirs.
    const bool empty = text.empty();
    if (empty && options.hint) {
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                            ImVec2(top_left.x + padding.x, top_left.y + padding.y),
                                            ImGui::ColorConvertFloat4ToU32(look.palette.text_muted),
                                            options.hint, nullptr, wrap_width);
    }
    // Its text for assistive technology and a platform's editor is the text, unwrapped.
    record_input(look, record_as, text,
                 {options.label ? options.label : record_as, options.hint ? options.hint : "",
                  options.kind, ImGui::GetID(id.c_str())});
    return edit.edited;
}

} // namespace lungguide::ui
