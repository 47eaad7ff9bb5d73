// Bookmarks: per person, each with an editable note, and remove with undo.
#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <map>

namespace lungguide::ui {

namespace {

// Notes being edited, by bookmark id: what the person has typed but not saved yet.
std::map<std::int64_t, std::string> note_drafts;
std::string new_person;

std::string bookmark_title(App& app, const Bookmark& bookmark) {
    if (bookmark.kind == "class") {
        if (const DrugClass* drug_class = app.guide().find_class(bookmark.target))
            return drug_class->name;
        return bookmark.target + " (no longer in the guide)";
    }
    if (app.guide().find_drug(bookmark.target)) return drug_with_brands(app, bookmark.target);
    return bookmark.target + " (no longer in the guide)";
}

void draw_bookmark(App& app, const Bookmark& bookmark) {
    const Layout& layout = app.layout();
    const float em = layout.em;
    begin_box(app, app.palette().side_panel, app.palette().border);
    ButtonOptions open;
    open.width = -1.0f;
    open.subtitle = bookmark.kind == "class" ? "Drug class" : "Drug";
    const std::string id = std::to_string(bookmark.id);
    if (button(app, bookmark_title(app, bookmark) + "  ›", open, ("open " + id).c_str()))
        app.go(bookmark.kind + "/" + bookmark.target);

    auto draft = note_drafts.find(bookmark.id);
    if (draft == note_drafts.end()) draft = note_drafts.emplace(bookmark.id, bookmark.note).first;
    subheading(app, "Note");
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * em, 0.5f * em));
    ImGui::InputTextMultiline(("##note " + id).c_str(), &draft->second,
                              ImVec2(available_width(), 3.6f * em),
                              ImGuiInputTextFlags_NoHorizontalScroll);
    ImGui::PopStyleVar();
    Flow flow(app);
    if (draft->second != bookmark.note) {
        flow.next(button_width(app, "Save note"));
        ButtonOptions save;
        save.kind = ButtonKind::primary;
        if (button(app, "Save note", save, ("save " + id).c_str())) {
            StoreStatus status = app.store()->update_note(bookmark.id, draft->second);
            app.show_notice(status.ok ? (status.message.empty() ? "Note saved." : status.message)
                                      : status.message);
            if (status.ok) note_drafts.erase(bookmark.id);
        }
    }
    flow.next(button_width(app, "Remove"));
    if (button(app, "Remove", {}, ("remove " + id).c_str())) {
        note_drafts.erase(bookmark.id);
        app.remove_bookmark_with_undo(bookmark.id);
    }
    end_box();
    space(app, 0.3f);
}

} // namespace

void draw_bookmarks(App& app) {
    title(app, "Bookmarks");
    UserStore* store = app.store();
    if (!store) {
        draw_store_unavailable(app);
        return;
    }
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(
        app,
        "Keep bookmarks for yourself or for someone you look after. Choose whose bookmarks to see:",
        muted);
    draw_person_chooser(app);

    subheading(app, "Add a person");
    const float em = app.layout().em;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (app.layout().touch - em) * 0.5f)));
    const float add_width = button_width(app, "Add");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    // The Add button goes beside the box when both fit, else below it (large text).
    const bool side_by_side = available - add_width - spacing >= 6.0f * em;
    ImGui::SetNextItemWidth(side_by_side ? available - add_width - spacing : -1.0f);
    ImGui::InputTextWithHint("##new person", "A name, such as Mum", &new_person);
    app.record_item("input:new person", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopStyleVar();
    if (side_by_side) ImGui::SameLine();
    if (button(app, "Add", {}, "add person") && !new_person.empty()) {
        app.set_person(new_person);
        new_person.clear();
    }

    heading(app, "For " + App::person_label(app.person()));
    const auto bookmarks = store->bookmarks(app.person());
    if (bookmarks.empty())
        paragraph(app, "Nothing bookmarked yet. Open a drug class or a drug and tap \"Bookmark\".");
    for (const Bookmark& bookmark : bookmarks)
        draw_bookmark(app, bookmark);
    if (!store->read_only() && store->last_read_status().ok == false)
        paragraph(app, store->last_read_status().message);
}

} // namespace lungguide::ui
