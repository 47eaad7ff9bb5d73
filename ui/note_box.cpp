// A person's note on a bookmark: a box that wraps (note_wrap.h), a draft kept in the user
// store as it is typed (UserData), and "Save note". When the note is saved the button's
// row stays, holding "Note saved.", so nothing moves under the finger.
#include "app.h"
#include "note_wrap.h"
#include "screens.h"
#include "widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace lungguide::ui {

namespace {

// What the input callback needs: the box's display state and the note behind it.
struct NoteEdit {
    NoteBoxState* box;
    std::string* text;
    float width;
    ImFont* font;
    bool edited = false;
};

MeasureText measure_with(ImFont* font) {
    return [font](std::string_view run) {
        return font
            ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, run.data(), run.data() + run.size())
            .x;
    };
}

void rewrap(NoteBoxState& box, const std::string& text, float width, ImFont* font) {
    WrappedNote wrapped = wrap_note(text, width, measure_with(font));
    box.display = std::move(wrapped.display);
    box.soft = std::move(wrapped.soft);
    box.width = width;
}

// Runs every frame while the box has the keyboard: takes in what was typed, and wraps the
// buffer again in place (same length, so the cursor stays put).
int on_note_input(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    NoteEdit& edit = *static_cast<NoteEdit*>(data->UserData);
    NoteBoxState& box = *edit.box;
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

void draw_note_hint(App& app) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), "Kept on this device as you type. \"Save note\" makes it the note.",
              muted);
}

void draw_note_box(App& app, const Bookmark& bookmark) {
    const Layout& layout = app.layout();
    const float em = layout.em;
    UserData& data = app.user_data();
    std::string& text = data.note_text(bookmark);
    NoteBoxState& box = app.screens().note_boxes[bookmark.id];
    const std::string id = std::to_string(bookmark.id);
    const std::string label = "##note " + id;

    const ImVec2 padding(0.5f * em, 0.5f * em);
    const float box_width = available_width();
    // Room for the cursor and the box's own scroll bar.
    const float wrap_width = std::max(
        box_width - 2.0f * padding.x - ImGui::GetStyle().ScrollbarSize - 0.3f * em, 4.0f * em);
    const bool editing = ImGui::GetActiveID() == ImGui::GetID(label.c_str());
    if (!editing && (box.width != wrap_width || box.buffer != box.display ||
                     unwrap_note(box.display, box.soft) != text)) {
        rewrap(box, text, wrap_width, ImGui::GetFont());
        box.buffer = box.display;
    }

    const int lines =
        1 + static_cast<int>(std::count(box.display.begin(), box.display.end(), '\n'));
    const float line = ImGui::GetTextLineHeight();
    const float height = std::clamp(lines + 1, 3, 12) * line + 2.0f * padding.y;
    NoteEdit edit{&box, &text, wrap_width, ImGui::GetFont()};
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, padding);
    ImGui::InputTextMultiline(label.c_str(), &box.buffer, ImVec2(box_width, height),
                              ImGuiInputTextFlags_NoHorizontalScroll |
                                  ImGuiInputTextFlags_CallbackAlways,
                              on_note_input, &edit);
    // No hint: its text's colours. Its text for assistive technology is the note itself.
    record_input(app.look(), "note " + id, text,
                 {"Note", "", TextBoxKind::multiline, ImGui::GetID(label.c_str())});
    ImGui::PopStyleVar();
    const bool left_the_box = ImGui::IsItemDeactivated();
    if (edit.edited) {
        data.draft_edited(bookmark.id, ImGui::GetTime());
        app.request_frames(3);
    }
    if (left_the_box) data.save_drafts_now(); // the finger went elsewhere: keep it now

    // One row of one height, whatever it holds: the button, or a short sentence. So when
    // "Save note" goes, nothing below moves up under the finger.
    const float row_top = ImGui::GetCursorPosY();
    if (data.has_unsaved_note(bookmark)) {
        ButtonOptions save;
        save.kind = ButtonKind::primary;
        if (button(app.look(), "Save note", save, ("save " + id).c_str()))
            app.show_notice(data.save_note(bookmark.id).message_for_person);
    } else {
        ParagraphOptions muted;
        muted.glossary_links = false;
        muted.colour = &app.palette().text_muted;
        ImGui::SetCursorPosY(row_top + std::max(0.0f, 0.5f * (layout.touch - 1.45f * line)));
        paragraph(app.look(), bookmark.note.empty() ? "No note yet." : "Note saved.", muted);
    }
    // The row takes exactly a button's height, whatever was drawn in it.
    ImGui::SetCursorPosY(row_top);
    ImGui::Dummy(ImVec2(1.0f, layout.touch));
}

} // namespace lungguide::ui
