// The bookmark on a class or drug page: a toggle that says what it does ("Bookmarked for
// Mum · Change"), the "for whom?" picker when there is more than one person, the person's
// note right there on the page, and Remove set apart behind a question (plus Undo).
#include "app.h"
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/user_text.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace lungguide::ui {

namespace {

constexpr const char* picker_name = "Bookmark for whom?";

std::string possessive(const std::string& person) {
    return person.empty() ? "Your" : person + "'s";
}

// Everyone but the current person who has bookmarked this page.
std::vector<std::string> others_with_this(App& app, const std::string& kind,
                                          const std::string& target, const std::string& person) {
    std::vector<std::string> others;
    if (!app.store()) return others;
    for (const Bookmark& bookmark : app.store()->bookmarks())
        if (bookmark.kind == kind && bookmark.target == target && bookmark.person != person)
            others.push_back(bookmark.person);
    return others;
}

// "Bookmarked for Dad and Me." (or "Also bookmarked for …" beside the person's own), so a
// page bookmarked for someone else never looks unbookmarked.
void draw_who_has_it(App& app, const std::vector<std::string>& others, bool also) {
    if (others.empty()) return;
    std::string names;
    for (std::size_t index = 0; index < others.size(); ++index) {
        if (index) names += index + 1 == others.size() ? " and " : ", ";
        names += UserData::person_label(others[index]);
    }
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), (also ? "Also bookmarked for " : "Bookmarked for ") + names + ".", muted);
}

} // namespace

void draw_remove_bookmark(App& app, const Bookmark& bookmark) {
    const std::string page_name = bookmark_target_name(app.guide(), bookmark);
    BookmarkPanelState& state = app.screens().bookmark_panel;
    const std::string id = std::to_string(bookmark.id);
    rule(app.look());
    space(app.look(), 0.2f);
    if (state.confirm_remove != bookmark.id) {
        ButtonOptions quiet;
        quiet.kind = ButtonKind::quiet;
        quiet.bold = false;
        if (button(app.look(), "Remove bookmark…", quiet, ("remove " + id).c_str())) {
            state.confirm_remove = bookmark.id;
        }
        return;
    }
    // The question comes first, so a second tap lands on words, not on "Yes, remove".
    paragraph(app.look(), "Remove " + page_name + " from " +
                              UserData::person_label(bookmark.person) + "'s bookmarks? " +
                              (bookmark.note.empty() ? "" : "The note goes with it."));
    Flow flow(app.look());
    flow.next(button_width(app.look(), "Keep it"));
    ButtonOptions keep;
    keep.kind = ButtonKind::primary;
    if (button(app.look(), "Keep it", keep, ("keep " + id).c_str())) state.confirm_remove = 0;
    flow.next(button_width(app.look(), "Yes, remove"));
    if (button(app.look(), "Yes, remove", {}, ("confirm remove " + id).c_str())) {
        state.confirm_remove = 0;
        app.screens().note_boxes.erase(bookmark.id);
        app.remove_bookmark_with_undo(bookmark.id);
    }
}

void open_bookmark_picker(App& app, const std::string& kind, const std::string& target) {
    BookmarkPanelState& state = app.screens().bookmark_panel;
    state.picker_open = true;
    state.picker_needs_open = true;
    state.picker_kind = kind;
    state.picker_target = target;
    // The last one used, preselected, when the picker offers them.
    const std::vector<std::string> choices = app.user_data().bookmark_choices();
    const bool offered = std::find(choices.begin(), choices.end(), app.person()) != choices.end();
    state.picker_choice = offered ? app.person() : choices.front();
    state.picker_new_person.clear();
    app.request_frames(modal_open_frames);
}

void close_bookmark_picker(App& app) {
    app.screens().bookmark_panel.picker_open = false;
}

void draw_bookmark_panel(App& app, const std::string& kind, const std::string& target) {
    UserData& data = app.user_data();
    ButtonOptions toggle;
    toggle.kind = ButtonKind::primary;
    if (!data.store()) {
        if (button(app.look(), "Bookmark", toggle, "bookmark toggle"))
            app.show_notice("Bookmarks can't be saved: " + data.store_unavailable_reason());
        return;
    }
    const std::string& person = data.person();
    const std::string who = UserData::person_label(person);
    const std::optional<Bookmark> bookmark = data.find_bookmark(kind, target, person);
    const std::vector<std::string> others = others_with_this(app, kind, target, person);
    if (!bookmark) {
        // With several people, or nobody chosen yet, a tap asks for whom; it never
        // bookmarks for "Me" behind the person's back.
        const bool ask = data.must_ask_for_whom();
        const std::vector<std::string> choices = data.bookmark_choices();
        const bool named = std::find(choices.begin(), choices.end(), person) != choices.end();
        const std::string label =
            ask ? (named ? "Bookmark for " + who + "…" : std::string("Bookmark…"))
                : "Bookmark for " + who;
        if (button(app.look(), label, toggle, "bookmark toggle")) {
            if (ask)
                open_bookmark_picker(app, kind, target);
            else
                app.bookmark_for(kind, target, person);
        }
        draw_who_has_it(app, others, false);
        return;
    }
    // "#note" brings the toggle and the note into view (and the cursor into the note).
    app.anchor("note");
    toggle.kind = ButtonKind::selected;
    if (button(app.look(), "Bookmarked for " + who + " · Change", toggle, "bookmark toggle"))
        open_bookmark_picker(app, kind, target);
    draw_who_has_it(app, others, true);

    const Palette& palette = app.palette();
    begin_box(app.look(), palette.note_panel, palette.border);
    subheading(app.look(), possessive(person) + " note");
    draw_note_hint(app);
    if (app.take_focus_note()) ImGui::SetKeyboardFocusHere();
    draw_note_box(app, *bookmark);
    draw_remove_bookmark(app, *bookmark);
    end_box(app.look());
    app.anchor_end("note");
}

namespace {

// The people as choices, the chosen one said in words too, not by the outline alone.
void draw_picker_people(App& app, BookmarkPanelState& state, const Bookmark& page) {
    UserData& data = app.user_data();
    // Everyone set up; "Me" only when nobody else is.
    std::vector<std::string> people = data.bookmark_choices();
    if (std::find(people.begin(), people.end(), state.picker_choice) == people.end())
        people.push_back(state.picker_choice);
    for (const std::string& person : people) {
        ButtonOptions option;
        option.width = -1.0f;
        option.bold = false;
        option.kind = person == state.picker_choice ? ButtonKind::selected : ButtonKind::normal;
        if (person == state.picker_choice) option.subtitle = "Chosen";
        if (data.find_bookmark(page.kind, page.target, person))
            option.subtitle +=
                (option.subtitle.empty() ? "" : " · ") + std::string("Already bookmarked");
        const std::string label = UserData::person_label(person);
        if (button(app.look(), label, option, ("pick " + person).c_str()))
            state.picker_choice = person;
    }
}

// "Someone else": a name typed in, and Add (beside the box when both fit).
void draw_picker_someone_else(App& app, BookmarkPanelState& state) {
    const Layout& layout = app.layout();
    const float em = layout.em;
    subheading(app.look(), "Someone else");
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (layout.touch - em) * 0.5f)));
    const float add_width = button_width(app.look(), "Add");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = available - add_width - spacing >= 6.0f * em;
    ImGui::SetNextItemWidth(side_by_side ? available - add_width - spacing : -1.0f);
    ImGui::InputTextWithHint("##picker new person", "A name, such as Dad",
                             &state.picker_new_person);
    record_input(app.look(), "picker new person", state.picker_new_person,
                 {"Someone else", "A name, such as Dad"});
    ImGui::PopStyleVar();
    if (side_by_side) ImGui::SameLine();
    if (button(app.look(), "Add", {}, "picker add")) {
        const std::string name = clean_label(state.picker_new_person).text;
        if (!name.empty()) state.picker_choice = name;
        state.picker_new_person.clear();
    }
}

// Bookmark for the chosen person (or show theirs), or Cancel.
void draw_picker_actions(App& app, BookmarkPanelState& state, const Bookmark& page) {
    UserData& data = app.user_data();
    const std::string chosen = UserData::person_label(state.picker_choice);
    const bool has = data.find_bookmark(page.kind, page.target, state.picker_choice).has_value();
    ButtonOptions confirm;
    confirm.width = -1.0f;
    confirm.kind = ButtonKind::primary;
    const std::string action = has ? "Show " + chosen + "'s bookmark" : "Bookmark for " + chosen;
    if (button(app.look(), action, confirm, "picker confirm")) {
        if (has)
            app.set_person(state.picker_choice);
        else
            app.bookmark_for(page.kind, page.target, state.picker_choice);
        state.picker_open = false;
        ImGui::CloseCurrentPopup();
    }
    ButtonOptions cancel;
    cancel.width = -1.0f;
    if (button(app.look(), "Cancel", cancel, "picker cancel")) {
        state.picker_open = false;
        ImGui::CloseCurrentPopup();
    }
}

} // namespace

void draw_bookmark_picker(App& app) {
    BookmarkPanelState& state = app.screens().bookmark_panel;
    const Layout& layout = app.layout();
    // Margins and padding follow Layout::pad, which grows slower than the text: at 250 % on
    // a phone the picker keeps nearly the whole width for its words.
    const float width = std::min(layout.width - layout.pad, 30.0f * layout.em);
    const bool open = begin_centred_modal(app.look(), picker_name, state.picker_needs_open, width,
                                          layout.height - layout.pad);
    if (open) {
        if (!state.picker_open) {
            ImGui::CloseCurrentPopup();
        } else {
            Bookmark page;
            page.kind = state.picker_kind;
            page.target = state.picker_target;
            heading(app.look(), picker_name);
            ParagraphOptions muted;
            muted.glossary_links = false;
            muted.colour = &app.palette().text_muted;
            paragraph(app.look(), bookmark_target_name(app.guide(), page), muted);
            draw_picker_people(app, state, page);
            draw_picker_someone_else(app, state);
            space(app.look(), 0.3f);
            draw_picker_actions(app, state, page);
        }
        app.scroller().update(layout.em); // tall at large text on a phone: drag to scroll
    }
    end_centred_modal(app.look(), open);
    if (!open && state.picker_open && !state.picker_needs_open)
        state.picker_open = false; // closed from outside (Escape)
}

} // namespace lungguide::ui
