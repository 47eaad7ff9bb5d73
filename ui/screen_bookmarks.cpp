// Bookmarks: per person, each with its note (kept as a draft while typed), Remove set
// apart behind a question, and the person's summary for the doctor.
#include "app.h"
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace lungguide::ui {

namespace {

void draw_bookmark(App& app, const Bookmark& bookmark) {
    begin_box(app.look(), app.palette().side_panel, app.palette().border);
    ButtonOptions open;
    open.width = -1.0f;
    open.subtitle = bookmark.kind == "class" ? "Drug class" : "Drug";
    const std::string id = std::to_string(bookmark.id);
    std::string name = bookmark_target_name(app.guide(), bookmark);
    if (bookmark.missing) name += " (no longer in the guide)";
    if (button(app.look(), name + "  ›", open, ("open " + id).c_str()))
        app.go(bookmark.kind + "/" + bookmark.target);
    if (bookmark.damaged)
        paragraph(app.look(),
                  "This bookmark was damaged on the device since it was saved. It is shown "
                  "as it reads now, which may not be what you wrote.");
    subheading(app.look(), "Note");
    draw_note_hint(app);
    draw_note_box(app, bookmark);
    draw_remove_bookmark(app, bookmark);
    end_box(app.look());
    space(app.look(), 0.3f);
}

void draw_add_person(App& app) {
    std::string& new_person = app.screens().bookmarks.new_person;
    subheading(app.look(), "Add a person");
    const float em = app.layout().em;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (app.layout().touch - em) * 0.5f)));
    const float add_width = button_width(app.look(), "Add");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    // The Add button goes beside the box when both fit, else below it (large text).
    const bool side_by_side = available - add_width - spacing >= 6.0f * em;
    ImGui::SetNextItemWidth(side_by_side ? available - add_width - spacing : -1.0f);
    ImGui::InputTextWithHint("##new person", "A name, such as Mum", &new_person);
    record_input(app.look(), "new person", new_person, {"Add a person", "A name, such as Mum"});
    ImGui::PopStyleVar();
    if (side_by_side) ImGui::SameLine();
    if (button(app.look(), "Add", {}, "add person") && !new_person.empty()) {
        app.set_person(new_person);
        new_person.clear();
    }
}

} // namespace

void draw_summary_entry(App& app) {
    ButtonOptions summary;
    summary.width = -1.0f;
    summary.kind = ButtonKind::primary;
    summary.subtitle = "The bookmarks, notes and side effects, to read or save for the visit";
    if (button(app.look(), "Summary for the doctor  ›", summary, "summary"))
        app.go(Route{Screen::summary, "", app.person()});
}

void draw_no_bookmarks(App& app) {
    UserData& data = app.user_data();
    const std::vector<std::string> others = data.others_with_bookmarks();
    const std::string who = UserData::person_label(data.person());
    if (others.empty()) {
        paragraph(app.look(), "Nothing bookmarked for " + who +
                                  " yet. Open a drug class or a drug and tap \"Bookmark\".");
        return;
    }
    std::string names;
    for (std::size_t index = 0; index < others.size(); ++index) {
        if (index) names += index + 1 == others.size() ? " and " : ", ";
        names += UserData::person_label(others[index]);
    }
    paragraph(app.look(), "Nothing bookmarked for " + who + " yet. " + names +
                              (others.size() == 1 ? " has" : " have") + " bookmarks:");
    Flow flow(app.look());
    for (const std::string& person : others) {
        const std::string label = "Show " + UserData::person_label(person) + "'s";
        flow.next(button_width(app.look(), label));
        ButtonOptions option;
        option.kind = ButtonKind::primary;
        if (button(app.look(), label, option, ("show person " + person).c_str()))
            app.set_person(person);
    }
}

void draw_bookmarks(App& app) {
    title(app.look(), "Bookmarks");
    UserStore* store = store_or_why_not(app);
    if (!store) return;
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    // Calm and in place, beside the bookmarks it is about: they can be read, not changed.
    if (store->read_only()) paragraph(app.look(), store->read_only_notice());
    paragraph(
        app.look(),
        "Keep bookmarks for yourself or for someone you look after. Choose whose bookmarks to see:",
        muted);
    draw_person_chooser(app);

    heading(app.look(), "For " + App::person_label(app.person()));
    std::vector<Bookmark> bookmarks = store->bookmarks(app.person());
    mark_missing_targets(app.guide(), bookmarks);
    if (bookmarks.empty())
        draw_no_bookmarks(app);
    else
        draw_summary_entry(app);
    for (const Bookmark& bookmark : bookmarks)
        draw_bookmark(app, bookmark);
    if (!store->read_only() && !store->last_read_status().ok())
        paragraph(app.look(), store->last_read_status().message_for_person);
    space(app.look(), 0.5f);
    draw_add_person(app);
    draw_keep_bookmarks(app); // where the device has no folders (keeping_files.cpp)
}

} // namespace lungguide::ui
