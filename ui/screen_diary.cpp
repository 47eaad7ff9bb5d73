// A person's symptom diary: add what was felt in their own words (the day, how bad and a
// note if they like), then the entries by day, newest first, each with what the page says
// about it (diary_findings.h): the person's own drugs first, rare but serious set apart with
// the page's advice, and plainly "not listed on this page; ask the care team" with the
// helpline. Change and remove (with Undo) each entry. Nothing here interprets the page.
#include "app.h"
#include "bookmarks/diary_findings.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/visit_summary.h"
#include "common/time_text.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"
#include "wrapping_box.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>

namespace lungguide::ui {

namespace {

// "What did Mum feel?", "What did you feel?".
std::string subject(const std::string& person) {
    return person.empty() ? "you" : person;
}

// "Today", "Yesterday", "Wednesday 4 December" (with the year when it is not this year).
std::string day_in_words(const std::string& date) {
    if (date == local_date_today()) return "Today";
    if (date == local_date_days_ago(1)) return "Yesterday";
    std::tm parts{};
    parts.tm_year = std::atoi(date.substr(0, 4).c_str()) - 1900;
    parts.tm_mon = std::atoi(date.substr(5, 2).c_str()) - 1;
    parts.tm_mday = std::atoi(date.substr(8, 2).c_str());
    parts.tm_hour = 12;
    parts.tm_isdst = -1;
    std::mktime(&parts); // fills in the weekday
    const bool this_year = date.substr(0, 4) == local_date_today().substr(0, 4);
    std::string words = format_time(this_year ? "%A %e %B" : "%A %e %B %Y", parts);
    const std::size_t double_space = words.find("  "); // %e pads a one-digit day
    if (double_space != std::string::npos) words.erase(double_space, 1);
    return words;
}

ParagraphOptions muted_text(App& app) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    return muted;
}

// The day: today unless changed; the last week as chips, or a day typed as YYYY-MM-DD.
void draw_day_choice(App& app, DiaryScreenState& state) {
    const std::string day = state.date.empty() ? local_date_today() : state.date;
    ButtonOptions change;
    change.width = -1.0f;
    change.bold = false;
    change.kind = state.choosing_day ? ButtonKind::selected : ButtonKind::normal;
    if (button(app.look(), "Day: " + day_in_words(day) + " · Change", change, "diary day"))
        state.choosing_day = !state.choosing_day;
    if (!state.choosing_day) return;
    Flow flow(app.look());
    for (int days = 0; days < 7; ++days) {
        const std::string date = local_date_days_ago(days);
        const std::string label = day_in_words(date);
        flow.next(button_width(app.look(), label));
        ButtonOptions option;
        option.bold = false;
        option.kind = date == day ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), label, option, ("diary day " + date).c_str())) {
            state.date = days == 0 ? "" : date;
            state.choosing_day = false;
        }
    }
    paragraph(app.look(), "Another day, as year-month-day:", muted_text(app));
    const float em = app.layout().em;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (app.layout().touch - em) * 0.5f)));
    ImGui::SetNextItemWidth(available_width());
    ImGui::InputTextWithHint("##diary typed day", "such as 2024-09-02", &state.typed_day);
    record_input(app.look(), "diary typed day", state.typed_day,
                 {"Another day", "such as 2024-09-02", TextBoxKind::line});
    ImGui::PopStyleVar();
    if (state.typed_day.empty()) return;
    if (!is_diary_date(state.typed_day)) {
        paragraph(app.look(), "That is not a day yet. Write it like 2024-09-02.", muted_text(app));
        return;
    }
    if (button(app.look(), "Use " + day_in_words(state.typed_day), {}, "diary use day")) {
        state.date = state.typed_day;
        state.typed_day.clear();
        state.choosing_day = false;
    }
}

// How bad, if the person wants to say: three chips, a second tap clears.
void draw_severity_choice(App& app, DiaryScreenState& state) {
    paragraph(app.look(), "How bad? (if you like)", muted_text(app));
    Flow flow(app.look());
    for (DiarySeverity severity :
         {DiarySeverity::mild, DiarySeverity::moderate, DiarySeverity::severe}) {
        const std::string label = diary_severity_label(severity);
        flow.next(button_width(app.look(), label));
        ButtonOptions option;
        option.kind = state.severity == severity ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), label, option, ("diary severity " + label).c_str()))
            state.severity = state.severity == severity ? DiarySeverity::none : severity;
    }
}

void clear_form(DiaryScreenState& state) {
    const std::string person = state.form_person;
    state = DiaryScreenState{};
    state.form_person = person;
}

// Adds the entry (or saves the change) and says so; the form empties on success.
void submit_form(App& app, DiaryScreenState& state, const std::string& person) {
    DiaryEntry entry;
    entry.id = state.editing;
    entry.person = person;
    entry.date = state.date;
    entry.text = state.words;
    entry.severity = state.severity;
    entry.note = state.note;
    UserData& data = app.user_data();
    const Status status = state.editing ? data.update_diary_entry(entry, app.diary_linker())
                                        : data.add_diary_entry(entry, app.diary_linker());
    app.show_notice(status.message_for_person);
    if (status.ok()) clear_form(state);
}

// Big and simple: the words first (on a phone at 250 % the box is on the first screen),
// then the day, how bad and a note if the person likes, and one big button.
void draw_form(App& app, const std::string& person) {
    DiaryScreenState& state = app.screens().diary;
    app.anchor("diary-form");
    subheading(app.look(),
               state.editing ? "Change this entry" : "What did " + subject(person) + " feel?");
    const std::string hint = "In " + possessive_of(person) + " own words";
    WrappingBoxOptions words;
    words.hint = hint.c_str();
    words.one_line = true;
    words.label = "What was felt";
    words.kind = TextBoxKind::line;
    words.min_lines = 1;
    words.max_lines = 4;
    wrapping_box(app.look(), "##diary words", "diary words", state.words, state.words_box, words);
    draw_day_choice(app, state);
    draw_severity_choice(app, state);
    paragraph(app.look(), "A note (if you like)", muted_text(app));
    WrappingBoxOptions note;
    note.label = "Diary note";
    note.min_lines = 2;
    note.max_lines = 6;
    wrapping_box(app.look(), "##diary note", "diary note", state.note, state.note_box, note);
    space(app.look(), 0.2f);
    ButtonOptions add;
    add.width = -1.0f;
    add.kind = ButtonKind::primary;
    const std::string label = state.editing ? std::string("Save the change")
                                            : "Add to " + possessive_of(person) + " diary";
    if (button(app.look(), label, add, "diary add")) submit_form(app, state, person);
    if (state.editing) {
        ButtonOptions cancel;
        cancel.width = -1.0f;
        if (button(app.look(), "Cancel", cancel, "diary cancel")) clear_form(state);
    }
    app.anchor_end("diary-form");
    space(app.look(), 0.3f);
    rule(app.look());
}

// One thing the page says about an entry; rare but serious set apart with the page's advice.
void draw_finding(App& app, const DiaryFinding& finding, std::size_t index, std::int64_t id) {
    const Palette& palette = app.palette();
    ParagraphOptions plain;
    plain.glossary_links = false;
    if (finding.rare_serious) {
        begin_box(app.look(), palette.serious_panel, palette.serious_border);
        label_chip(app.look(), "RARE BUT SERIOUS", palette.serious_text, palette.serious_panel);
        paragraph(app.look(), finding.text, plain);
        paragraph(app.look(), "The page's advice: " + app.guide().doctor_advice, plain);
    } else if (finding.not_listed) {
        ParagraphOptions bold = plain;
        bold.bold = true;
        paragraph(app.look(), finding.text, bold);
        return;
    } else {
        bullet(app.look(), finding.text, plain);
    }
    const DrugClass* drug_class = app.guide().find_class(finding.class_id);
    if (drug_class) {
        ButtonOptions read;
        read.kind = ButtonKind::quiet;
        read.bold = false;
        const std::string key = std::to_string(id) + " " + std::to_string(index);
        if (button(app.look(), "Read it on the " + drug_class->name + " page  ›", read,
                   ("diary read " + key).c_str()))
            app.go(Route{Screen::drug_class, finding.class_id, "", "se=" + finding.side_effect_id});
    }
    if (finding.rare_serious) end_box(app.look());
}

// Change, and Remove behind a question (then Undo).
void draw_entry_actions(App& app, const DiaryEntry& entry) {
    DiaryScreenState& state = app.screens().diary;
    const std::string id = std::to_string(entry.id);
    if (state.confirm_remove == entry.id) {
        paragraph(app.look(),
                  "Remove \"" + entry.text + "\" from " + possessive_of(entry.person) + " diary?");
        Flow flow(app.look());
        flow.next(button_width(app.look(), "Keep it"));
        ButtonOptions keep;
        keep.kind = ButtonKind::primary;
        if (button(app.look(), "Keep it", keep, ("diary keep " + id).c_str()))
            state.confirm_remove = 0;
        flow.next(button_width(app.look(), "Yes, remove"));
        if (button(app.look(), "Yes, remove", {}, ("diary confirm remove " + id).c_str())) {
            state.confirm_remove = 0;
            app.remove_diary_entry_with_undo(entry.id);
        }
        return;
    }
    Flow flow(app.look());
    flow.next(button_width(app.look(), "Change"));
    if (button(app.look(), "Change", {}, ("diary change " + id).c_str())) {
        state.editing = entry.id;
        state.words = entry.text;
        state.date = entry.date == local_date_today() ? "" : entry.date;
        state.severity = entry.severity;
        state.note = entry.note;
        app.jump_to("diary-form");
    }
    flow.next(button_width(app.look(), "Remove…"));
    ButtonOptions quiet;
    quiet.kind = ButtonKind::quiet;
    quiet.bold = false;
    if (button(app.look(), "Remove…", quiet, ("diary remove " + id).c_str()))
        state.confirm_remove = entry.id;
}

// An entry: the person's words, how bad, the note; what the page says (rare but serious in
// its own box, so an entry is not a box itself: boxes do not nest); then Change and Remove.
void draw_entry(App& app, const DiaryEntry& entry, const std::vector<Bookmark>& bookmarks) {
    const Palette& palette = app.palette();
    ParagraphOptions words;
    words.bold = true;
    words.glossary_links = false;
    paragraph(app.look(), "\u201C" + entry.text + "\u201D", words);
    if (entry.severity != DiarySeverity::none)
        label_chip(app.look(), diary_severity_label(entry.severity), palette.text,
                   palette.background);
    if (!entry.note.empty()) paragraph(app.look(), "Note: " + entry.note, muted_text(app));
    if (entry.damaged)
        paragraph(app.look(), "This entry was damaged on the device since it was saved. It is "
                              "shown as it reads now, which may not be what was written.");
    const std::vector<DiaryFinding> findings = diary_findings(app.guide(), entry, bookmarks);
    if (!findings.empty()) subheading(app.look(), "What the page says");
    if (findings.empty())
        paragraph(app.look(), "Search is getting ready; what the page says will appear here.",
                  muted_text(app));
    for (std::size_t index = 0; index < findings.size(); ++index)
        draw_finding(app, findings[index], index, entry.id);
    space(app.look(), 0.2f);
    draw_entry_actions(app, entry);
    space(app.look(), 0.2f);
    rule(app.look());
}

// The people to choose between; choosing one shows their diary.
void draw_diary_people(App& app, const std::string& person) {
    const std::vector<std::string> people = app.user_data().people();
    if (people.size() < 2) return;
    draw_person_chooser(app, people, person, "diary person ", [&app](const std::string& someone) {
        app.set_person(someone);
        app.navigator().replace(Route{Screen::diary, "", someone});
    });
}

// The entries by day, the newest day first.
void draw_entries(App& app, const std::string& person) {
    const std::vector<DiaryEntry> entries =
        app.user_data().diary(person, app.diary_linker()); // a copy: a tap may change it
    if (entries.empty()) {
        paragraph(app.look(), "Nothing in " + possessive_of(person) + " diary yet.",
                  muted_text(app));
        return;
    }
    const std::vector<Bookmark> bookmarks = app.user_data().bookmarks(person);
    bool any_not_listed = false;
    std::string day;
    for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
        if (entry->date != day) heading(app.look(), day_in_words(entry->date));
        day = entry->date;
        draw_entry(app, *entry, bookmarks);
        any_not_listed =
            any_not_listed || !entry->links.listed() || !entry->links.not_listed.empty();
    }
    // Where the page lists nothing, its own advice and helpline: whom to ask.
    if (any_not_listed) draw_helpline(app);
}

} // namespace

void draw_diary(App& app) {
    title(app.look(), "Symptom diary");
    const UserStore* store = store_or_why_not(app);
    if (!store) return;
    const std::string& person = app.route().query;
    DiaryScreenState& state = app.screens().diary;
    if (state.form_person != person) { // another person's diary: a fresh form
        state = DiaryScreenState{};
        state.form_person = person;
    }
    if (store->read_only()) paragraph(app.look(), store->read_only_notice());
    // The form first: on a phone at large text it is what the first screen is for.
    draw_diary_people(app, person);
    draw_form(app, person);
    ButtonOptions summary;
    summary.width = -1.0f;
    summary.kind = ButtonKind::quiet;
    summary.subtitle = "The diary, bookmarks and notes, to read or save for the visit";
    if (button(app.look(), "Summary for the doctor  ›", summary, "diary summary"))
        app.go(Route{Screen::summary, "", person});
    app.anchor("section=entries"); // "diary?for=Mum#section=entries" opens at the entries
    heading(app.look(), person.empty() ? "Your diary" : person + "'s diary");
    app.anchor_end("section=entries");
    draw_entries(app, person);
    space(app.look(), 0.5f);
    draw_doctor_advice(app, false);
}

void draw_add_to_diary(App& app, const std::string& words) {
    if (!app.store() || words.empty()) return;
    const std::string person = app.person();
    ButtonOptions add;
    add.width = -1.0f;
    add.bold = false;
    add.subtitle = "Write it down with the day, to show the doctor";
    if (!button(app.look(), "Add to " + possessive_of(person) + " diary", add, "add to diary"))
        return;
    DiaryScreenState& state = app.screens().diary;
    state = DiaryScreenState{};
    state.form_person = person;
    state.words = words;
    app.go(Route{Screen::diary, "", person});
}

} // namespace lungguide::ui
