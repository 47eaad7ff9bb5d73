// Summary for the doctor: the same content as "lungguide-cli summary" (core visit_summary),
// readable on screen, and saved as a web page to print or as Markdown, into the data
// folder or a folder the person picks, with a sentence saying where it went.
#include "app.h"
#include "listen.h"
#include "screens.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace lungguide::ui {

namespace {

void draw_lines(App& app, const std::string& text, const ParagraphOptions& options) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        paragraph(app.look(), std::string_view(text).substr(start, end - start), options);
        start = end + 1;
    }
}

void draw_block(App& app, const SummaryBlock& block) {
    const Palette& palette = app.palette();
    ParagraphOptions plain;
    plain.glossary_links = false;
    switch (block.kind) {
    case SummaryBlock::Kind::heading:
        if (block.level <= 2)
            heading(app.look(), block.text);
        else
            subheading(app.look(), block.text);
        return;
    case SummaryBlock::Kind::paragraph:
        paragraph(app.look(), block.text, plain);
        return;
    case SummaryBlock::Kind::labelled: {
        // A short value on the label's line ("Drug class: EGFR inhibitors"); a long one,
        // such as a side-effect sentence, under its label in bold.
        if (block.text.size() < 60) {
            paragraph(app.look(), block.label + ": " + block.text, plain);
            return;
        }
        ParagraphOptions bold = plain;
        bold.bold = true;
        paragraph(app.look(), block.label + ":", bold);
        paragraph(app.look(), block.text, plain);
        return;
    }
    case SummaryBlock::Kind::own_words: {
        ParagraphOptions bold = plain;
        bold.bold = true;
        paragraph(app.look(), block.label + ": \u201C" + block.text + "\u201D", bold);
        return;
    }
    case SummaryBlock::Kind::note:
        begin_box(app.look(), palette.note_panel, palette.border);
        subheading(app.look(), "Note");
        draw_lines(app, block.text, plain);
        end_box(app.look());
        return;
    case SummaryBlock::Kind::set_apart:
        space(app.look(), 0.2f);
        begin_box(app.look(), palette.serious_panel, palette.serious_border);
        label_chip(app.look(), "RARE BUT SERIOUS", palette.serious_text, palette.serious_panel);
        subheading(app.look(), block.label);
        paragraph(app.look(), block.text, plain);
        end_box(app.look());
        return;
    case SummaryBlock::Kind::rule:
        space(app.look(), 0.3f);
        rule(app.look());
        return;
    }
}

// Where to save: a line saying where, and on "Change", the known folders or one typed in.
void draw_folder_choice(App& app, SummaryScreenState& state) {
    UserData& data = app.user_data();
    const std::vector<UserData::Place> places = data.summary_places();
    if (state.folder.empty()) state.folder = data.setting("summary_folder", data.data_folder());
    std::string words = "the folder " + state.folder;
    for (const UserData::Place& place : places)
        if (place.path == state.folder) words = place.words;
    ButtonOptions change;
    change.width = -1.0f;
    change.bold = false;
    change.kind = state.choosing_folder ? ButtonKind::selected : ButtonKind::normal;
    if (button(app.look(), "Saves in " + words + " · Change", change, "change folder"))
        state.choosing_folder = !state.choosing_folder;
    if (!state.choosing_folder) return;
    for (const UserData::Place& place : places) {
        ButtonOptions option;
        option.width = -1.0f;
        option.bold = false;
        if (place.path == state.folder) {
            option.kind = ButtonKind::selected;
            option.subtitle = "Chosen";
        }
        if (button(app.look(), place.words, option, ("folder " + place.path).c_str())) {
            state.folder = place.path;
            state.choosing_folder = false;
            data.save_setting("summary_folder", place.path);
        }
    }
    const float em = app.layout().em;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (app.layout().touch - em) * 0.5f)));
    ImGui::SetNextItemWidth(available_width());
    ImGui::InputTextWithHint("##summary folder", "Another folder, such as /media/usb",
                             &state.typed_folder);
    record_input(app.look(), "summary folder", state.typed_folder,
                 {"Another folder", "Another folder, such as /media/usb"});
    ImGui::PopStyleVar();
    if (!state.typed_folder.empty() && button(app.look(), "Use this folder", {}, "use folder")) {
        state.folder = state.typed_folder;
        state.typed_folder.clear();
        state.choosing_folder = false;
        data.save_setting("summary_folder", state.folder);
    }
}

void draw_save(App& app, const std::string& person) {
    SummaryScreenState& state = app.screens().summary;
    if (state.person != person) {
        state.person = person;
        state.message.clear();
        state.path.clear();
    }
    const Palette& palette = app.palette();
    begin_box(app.look(), palette.note_panel, palette.border);
    subheading(app.look(), "Take it to the visit");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &palette.text_muted;
    paragraph(app.look(), "Save it to print, or to show on this device at the visit.", muted);
    draw_folder_choice(app, state);
    space(app.look(), 0.3f);
    const auto save = [&](SummaryFormat format) {
        const Result<std::string> saved =
            app.user_data().save_summary(person, format, state.folder, app.diary_linker());
        state.message = saved.message_for_person();
        state.path = saved.ok() ? saved.value() : std::string();
    };
    Flow flow(app.look());
    flow.next(button_width(app.look(), "Save as a page to print"));
    ButtonOptions primary;
    primary.kind = ButtonKind::primary;
    if (button(app.look(), "Save as a page to print", primary, "save summary html"))
        save(SummaryFormat::html);
    flow.next(button_width(app.look(), "Save as text"));
    if (button(app.look(), "Save as text", {}, "save summary markdown"))
        save(SummaryFormat::markdown);
    if (!state.message.empty()) {
        ParagraphOptions bold;
        bold.bold = true;
        bold.glossary_links = false;
        paragraph(app.look(), state.message, bold);
        if (!state.path.empty()) paragraph(app.look(), "The whole path: " + state.path, muted);
    }
    end_box(app.look());
}

} // namespace

void draw_summary(App& app) {
    title(app.look(), "Summary for the doctor");
    UserStore* store = store_or_why_not(app);
    if (!store) return;
    const std::string& person = app.route().query;
    UserData& data = app.user_data();
    // Switch between the people who have bookmarks or a diary.
    const auto has_some = [&](const std::string& someone) {
        return !data.bookmarks(someone).empty() || !SymptomDiary(*store).entries(someone).empty();
    };
    std::vector<std::string> people;
    for (const std::string& someone : data.people())
        if (has_some(someone)) people.push_back(someone);
    if (people.size() > 1)
        draw_person_chooser(app, people, person, "summary person ",
                            [&app](const std::string& someone) {
                                app.navigator().replace(Route{Screen::summary, "", someone});
                            });
    if (!has_some(person)) {
        paragraph(app.look(),
                  "Nothing is bookmarked for " + UserData::person_label(person) +
                      " yet, and the diary is empty, so there is nothing to summarise. "
                      "Bookmark a drug class or a drug, or add to the symptom diary first.");
        return;
    }
    const std::vector<SummaryBlock> blocks = data.summary(person, app.diary_linker());
    draw_listen_button(app, page_route_text(app.route()) + " summary", "Summary for the doctor",
                       [&blocks] { return spoken_summary(blocks); });
    if (app.config().files.folders)
        draw_save(app, person);
    else
        draw_keep_summary(app, person); // a browser: download, share, print; no folders
    for (std::size_t index = 0; index < blocks.size(); ++index) {
        app.anchor(summary_block_anchor(index)); // a place read aloud
        draw_block(app, blocks[index]);
        app.anchor_end(summary_block_anchor(index));
    }
}

} // namespace lungguide::ui
