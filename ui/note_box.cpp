// A person's note on a bookmark: a box that wraps (note_wrap.h), a draft kept in the user
// store as it is typed (UserData), and "Save note". When the note is saved the button's
// row stays, holding "Note saved.", so nothing moves under the finger.
#include "app.h"
#include "screens.h"
#include "widgets.h"
#include "wrapping_box.h"

#include <algorithm>

namespace lungguide::ui {

void draw_note_hint(App& app) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), "Kept on this device as you type. \"Save note\" makes it the note.",
              muted);
}

void draw_note_box(App& app, const Bookmark& bookmark) {
    const Layout& layout = app.layout();
    UserData& data = app.user_data();
    std::string& text = data.note_text(bookmark);
    NoteBoxState& box = app.screens().note_boxes[bookmark.id];
    const std::string id = std::to_string(bookmark.id);
    const float line = ImGui::GetTextLineHeight();
    WrappingBoxOptions options;
    options.label = "Note";
    if (wrapping_box(app.look(), "##note " + id, "note " + id, text, box, options)) {
        data.draft_edited(bookmark.id, ImGui::GetTime());
        app.request_frames(settle_frames);
    }
    if (ImGui::IsItemDeactivated()) data.save_drafts_now(); // the finger went elsewhere: keep it

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
