// Search: results on every keystroke, grouped by drug class, severity marked in words,
// what the query was understood as, suggestions when nothing matches, and a filter to
// "only our bookmarked drugs" for the current person.
#include "app.h"
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "listen.h"
#include "screens.h"
#include "search/search.h"
#include "search/search_text.h"
#include "speech/spoken_guide.h"
#include "widgets.h"
#include "wrapping_box.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace lungguide::ui {

namespace {

// The classes the current person has bookmarked, directly or through a bookmarked drug.
std::vector<std::string> classes_bookmarked_for_person(App& app) {
    if (!app.store()) return {};
    return bookmarked_class_ids(app.guide(), app.store()->bookmarks(app.person()));
}

// Where a result leads: a side effect to its item on the class page, a drug to its page,
// a gene change to the class's uses, a glossary word to its explanation, a passage to
// its class or drug (at the side effect it belongs to, when it has one).
Route route_of(App& app, const SearchResult& result) {
    const Guide& guide = app.guide();
    const std::string first_class = result.class_ids.empty() ? "" : result.class_ids.front();
    switch (result.kind) {
    case SearchResultKind::drug:
        return Route{Screen::drug, result.drug_id.empty() ? result.target_id : result.drug_id, "",
                     result.anchor};
    case SearchResultKind::side_effect:
        return Route{Screen::drug_class, first_class, "", result.anchor};
    case SearchResultKind::drug_class:
        return Route{Screen::drug_class, result.target_id, "", result.anchor};
    case SearchResultKind::biomarker:
        return Route{Screen::drug_class, first_class, "", "uses"};
    case SearchResultKind::text:
        break;
    }
    if (guide.find_class(result.target_id))
        return Route{Screen::drug_class, result.target_id, "", result.anchor};
    if (guide.find_drug(result.target_id)) return Route{Screen::drug, result.target_id, ""};
    if (const GlossaryTerm* term = guide.find_glossary_term(result.target_id)) {
        if (!term->class_id.empty())
            return Route{Screen::drug_class, term->class_id, "", "term=" + term->id};
    }
    if (!first_class.empty()) return Route{Screen::drug_class, first_class, ""};
    return Route{Screen::about, "", ""};
}

const char* kind_label(SearchResultKind kind) {
    switch (kind) {
    case SearchResultKind::side_effect:
        return "Side effect";
    case SearchResultKind::drug:
        return "Drug";
    case SearchResultKind::drug_class:
        return "Drug class";
    case SearchResultKind::biomarker:
        return "Gene change";
    case SearchResultKind::text:
        return "On the page";
    }
    return "";
}

// A word of a card's text, placed: the words search matched are bold.
struct PlacedWord {
    std::string text;
    ImFont* font = nullptr;
    ImVec2 offset;
};

// Wraps text word by word into width, each word in the bold font when its folded form is
// one of the matched words; returns the height used.
float lay_out_words(App& app, const std::string& text, ImFont* plain, bool bold_matches,
                    const std::vector<std::string>& matched, float width, float top,
                    std::vector<PlacedWord>& placed) {
    ImFont* bold = app.fonts().bold;
    const float line_height = plain->FontSize * 1.3f;
    float x = 0.0f, y = top;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        bool is_match = false;
        for (const std::string& folded : split_search_words(word)) {
            is_match =
                is_match || std::find(matched.begin(), matched.end(), folded) != matched.end();
        }
        ImFont* font = bold_matches && is_match ? bold : plain;
        const float word_width = text_width_of(font, word);
        const float space = text_width_of(plain, " ");
        if (x > 0.0f && x + word_width > width) {
            x = 0.0f;
            y += line_height;
        }
        placed.push_back({word, font, ImVec2(x, y)});
        x += word_width + space;
    }
    return (placed.empty() ? top : y + line_height) - top;
}

// One result: the page's title, what it is (severity in words), and a short snippet with
// the matched words in bold. The whole card is one finger-sized button.
void draw_result(App& app, const SearchResponse& response, const SearchResult& result, int index) {
    const std::vector<std::string>& matched = response.matched_words;
    const Palette& palette = app.palette();
    const float em = app.layout().em;
    const float padding = 0.9f * app.layout().pad;
    const float width = available_width();
    const float inner = std::max(width - 2.0f * padding, 1.0f);
    std::string title = result.title;
    if (result.kind == SearchResultKind::drug)
        title = drug_with_brands(app, result.drug_id.empty() ? result.target_id : result.drug_id);
    std::string kind = kind_label(result.kind);
    if (result.has_severity)
        kind = result.severity == Severity::rare_serious ? "Side effect · RARE BUT SERIOUS"
                                                         : "Side effect · Common";
    std::vector<PlacedWord> words;
    float height = 0.45f * em;
    height += lay_out_words(app, title, app.fonts().bold, false, matched, inner, height, words);
    height += lay_out_words(app, kind, app.fonts().body, false, matched, inner, height, words);
    if (!result.snippet.empty())
        height += lay_out_words(app, result.snippet, app.fonts().body, true, matched, inner,
                                height + 0.2f * em, words) +
                  0.2f * em;
    // Why it was shown, so that a guess can be told from the page's own words.
    const std::size_t first_because = words.size();
    height += lay_out_words(app, "Why: " + search_because(response, result), app.fonts().body,
                            false, matched, inner, height + 0.2f * em, words) +
              0.2f * em;
    height = std::max(app.layout().touch, height + 0.45f * em);

    ImGui::PushID(("result " + std::to_string(index)).c_str());
    const ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, height));
    const bool held = ImGui::IsItemActive();
    pressed |= semantic_button(app.look(), title, kind + ". " + result.snippet);
    ImGui::PopID();
    app.record_item(result.title, position, ImVec2(position.x + width, position.y + height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 corner(position.x + width, position.y + height);
    const auto colour = [](const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); };
    const ImVec4& face = held ? palette.button_pressed : palette.button;
    app.surfaces().record_on("search card", result.title, palette.button_text, face);
    app.surfaces().record_on("search card why", result.title, palette.text_muted, face);
    draw->AddRectFilled(position, corner, colour(face), 0.4f * em);
    draw->AddRect(position, corner, colour(palette.border), 0.4f * em);
    if (result.has_severity && result.severity == Severity::rare_serious) {
        // A thick bar in the serious colour, beside the words "RARE BUT SERIOUS".
        draw->AddRectFilled(position, ImVec2(position.x + 0.35f * em, corner.y),
                            colour(palette.serious_border), 0.3f * em);
    }
    for (std::size_t index_of = 0; index_of < words.size(); ++index_of) {
        const PlacedWord& word = words[index_of];
        const ImVec4& ink = index_of >= first_because ? palette.text_muted : palette.button_text;
        draw->AddText(word.font, word.font->FontSize,
                      ImVec2(position.x + padding + word.offset.x, position.y + word.offset.y),
                      colour(ink), word.text.c_str());
    }
    if (pressed) {
        app.request_frames(settle_frames);
        app.go(route_of(app, result));
    }
}

// Sentences in bold on the note panel, before any result. For tests: where the box is,
// recorded as `label`, to check it comes before every result.
void draw_note_box(App& app, const char* label, const std::vector<std::string>& sentences) {
    const Palette& palette = app.palette();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    begin_box(app.look(), palette.note_panel, palette.border);
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    for (const std::string& sentence : sentences)
        paragraph(app.look(), sentence, bold);
    end_box(app.look());
    app.record_item(label, top, ImVec2(top.x + available_width(), ImGui::GetCursorScreenPos().y));
}

// First, in plain words: the page does not list it; then the page's advice and the
// helpline. Only after this may partial matches follow.
void draw_not_listed(App& app, const SearchResponse& response) {
    std::vector<std::string> sentences;
    for (const std::string& complaint : response.not_listed)
        sentences.push_back(not_listed_sentence(complaint));
    draw_note_box(app, "not listed", sentences);
}

// The search box, with a finger-sized × that empties it.
void draw_search_box(App& app, std::string& text) {
    const Layout& layout = app.layout();
    const float em = layout.em;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (layout.touch - em) * 0.5f)));
    const float clear_width = std::max(layout.touch, 48.0f);
    // The × sits beside the box, a little apart: the box never runs under it.
    const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
    const bool focus = app.take_focus_search();
    if (focus) ImGui::SetKeyboardFocusHere();
    // A long query wraps, so its start stays in view while it is typed (wrapping_box.h).
    WrappingBoxOptions box;
    box.select_all = focus;
    box.hint = "Type a side effect, drug or gene change";
    box.one_line = true;
    box.label = "Search";
    box.kind = TextBoxKind::search;
    box.min_lines = 1;
    box.max_lines = 4;
    // The × beside the box while that leaves it room for words (8 em), else under it.
    const bool beside = available_width() - clear_width - gap >= 8.0f * em;
    box.width = text.empty() || !beside ? available_width() : available_width() - clear_width - gap;
    const bool changed =
        wrapping_box(app.look(), "##search box", "search", text, app.screens().search_box, box);
    ImGui::PopStyleVar();
    bool cleared = false;
    if (!text.empty()) {
        if (beside) ImGui::SameLine(0.0f, gap);
        ButtonOptions options;
        options.width = clear_width;
        cleared = button(app.look(), "\xC3\x97", options, "clear search");
        app.record_item("clear search", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    if (cleared) {
        text.clear();
        ImGui::ClearActiveID(); // the box must not write its old text back
    }
    if (changed || cleared) {
        app.navigator().replace(Route{Screen::search, "", text});
        app.request_frames(settle_frames);
    }
}

// Before anything is typed: examples a finger can tap.
void draw_examples(App& app, std::string& text) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), "Type the words you would use yourself, or tap one of these:", muted);
    Flow flow(app.look());
    for (const char* example :
         {"tired", "rash", "being sick", "pins and needles", "Tagrisso", "exon 20"}) {
        flow.next(button_width(app.look(), example));
        if (button(app.look(), example, {}, (std::string("example ") + example).c_str())) {
            text = example;
            app.navigator().replace(Route{Screen::search, "", text});
            app.request_frames(settle_frames);
        }
    }
}

// Results under their class, the groups ordered by their best result; the classes
// bookmarked for the current person first.
struct ResultGroup {
    std::string heading;
    bool bookmarked = false;
    std::vector<std::size_t> results;
};

std::vector<ResultGroup> group_results(App& app, const SearchResponse& response, SearchMatch match,
                                       const std::vector<std::string>& bookmarked) {
    std::vector<ResultGroup> groups;
    std::vector<std::string> keys;
    for (std::size_t index = 0; index < response.results.size(); ++index) {
        const SearchResult& result = response.results[index];
        if (result.match != match) continue;
        const std::string key = result.class_ids.empty() ? "" : result.class_ids.front();
        auto found = std::find(keys.begin(), keys.end(), key);
        if (found == keys.end()) {
            const DrugClass* drug_class = app.guide().find_class(key);
            ResultGroup group;
            group.heading = drug_class ? drug_class->name : "Elsewhere on the page";
            group.bookmarked =
                std::find(bookmarked.begin(), bookmarked.end(), key) != bookmarked.end();
            if (group.bookmarked)
                group.heading += " (bookmarked for " + App::person_label(app.person()) + ")";
            groups.push_back(std::move(group));
            keys.push_back(key);
            found = keys.end() - 1;
        }
        groups[static_cast<std::size_t>(found - keys.begin())].results.push_back(index);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const ResultGroup& a, const ResultGroup& b) {
        return a.bookmarked && !b.bookmarked;
    });
    return groups;
}

void draw_groups(App& app, const SearchResponse& response, SearchMatch match,
                 const std::vector<std::string>& bookmarked) {
    for (const ResultGroup& group : group_results(app, response, match, bookmarked)) {
        heading(app.look(), group.heading);
        for (std::size_t index : group.results)
            draw_result(app, response, response.results[index], static_cast<int>(index));
    }
}

// What the page does not say about the person's words, and what they said is absent, in
// plain sentences before any result: only the complaint decided the answer.
void draw_reading_notes(App& app, const SearchResponse& response) {
    if (response.notes.empty() && response.negated.empty()) return;
    // With matches first ("no side effects except tiredness"), "below" would point at them.
    const bool matches_first =
        std::any_of(response.results.begin(), response.results.end(), [](const SearchResult& r) {
            return r.match == SearchMatch::full || r.match == SearchMatch::other_class;
        });
    const char* where = matches_first ? "\". Further down, under \"What the page says about it\", "
                                        "is what the page says about that. It is not a match."
                                      : "\". Below is what the page says about it. It is not a "
                                        "match for what you typed.";
    std::vector<std::string> sentences;
    for (const std::string& negated : response.negated)
        sentences.push_back("You wrote \"" + negated + where);
    sentences.insert(sentences.end(), response.notes.begin(), response.notes.end());
    draw_note_box(app, "reading notes", sentences);
}

// A heading and a plain line before the results of one kind of match.
void draw_match_section(App& app, const SearchResponse& response, SearchMatch match,
                        const char* title, const char* explanation,
                        const std::vector<std::string>& bookmarked) {
    if (std::none_of(response.results.begin(), response.results.end(),
                     [&](const SearchResult& result) { return result.match == match; }))
        return;
    heading(app.look(), title);
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), explanation, muted);
    draw_groups(app, response, match, bookmarked);
}

void draw_nothing_found(App& app, const SearchResponse& response, std::string& text) {
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    if (response.not_listed.empty()) paragraph(app.look(), "Nothing found for \"" + text + "\".");
    if (response.suggestions.empty()) {
        paragraph(app.look(), "Try another word, such as \"tired\", \"rash\" or a drug's name.",
                  muted);
        return;
    }
    subheading(app.look(), "Closest words in the guide:");
    Flow flow(app.look());
    for (const std::string& suggestion : response.suggestions) {
        flow.next(button_width(app.look(), suggestion));
        if (button(app.look(), suggestion, {}, ("suggest " + suggestion).c_str())) {
            text = suggestion;
            app.navigator().replace(Route{Screen::search, "", text});
        }
    }
}

// Just after start on a large pack the index may still be building: that is said, never
// "Nothing found", and the screen looks again each frame until the answer can be shown.
void draw_getting_ready(App& app) {
    paragraph(app.look(), "Search is getting ready. Your results will appear in a moment.");
    app.request_frames(2);
}

const SearchResponse& search_for(App& app, const std::string& text,
                                 const std::vector<std::string>& filter, bool filtered) {
    SearchScreenState& cache = app.screens().search;
    if (cache.query != text || cache.filter != filter || cache.filtered != filtered) {
        cache.query = text;
        cache.filter = filter;
        cache.filtered = filtered;
        cache.response = SearchResponse{};
        if (!text.empty() && app.search_index() && !(filtered && filter.empty())) {
            SearchOptions options;
            options.only_class_ids = filter;
            cache.response = app.search_index()->search(text, options);
        }
    }
    return cache.response;
}

// Offered only while the current person has bookmarks to search in; the people to switch
// to while it is on are those who have some, so it never filters down to nothing.
void draw_bookmark_filter(App& app, const std::vector<std::string>& bookmarked) {
    bool& only = app.search_only_bookmarked();
    if (!app.store() || bookmarked.empty()) {
        only = false;
        return;
    }
    ButtonOptions options;
    options.width = -1.0f;
    options.kind = only ? ButtonKind::selected : ButtonKind::normal;
    options.bold = false;
    const std::string who = App::person_label(app.person());
    const std::string label =
        only ? "Showing only classes bookmarked for " + who + " (tap to show all)"
             : "Show only classes bookmarked for " + who;
    if (button(app.look(), label, options, "only bookmarked")) only = !only;
    if (!only) return;
    std::vector<std::string> people{app.person()};
    for (const std::string& other : app.user_data().others_with_bookmarks())
        people.push_back(other);
    if (people.size() > 1) draw_person_chooser(app, people);
}

void draw_understood(App& app, const SearchResponse& response, std::string& text) {
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    if (!response.understood_as.empty()) {
        std::string understood;
        for (const std::string& word : response.understood_as)
            understood += (understood.empty() ? "" : ", ") + word;
        paragraph(app.look(), "Showing results for: " + understood, bold);
    }
    if (!response.did_you_mean.empty()) {
        ButtonOptions options;
        options.width = -1.0f;
        options.bold = false;
        if (button(app.look(), "Did you mean \"" + response.did_you_mean + "\"?", options,
                   "did you mean")) {
            text = response.did_you_mean;
            app.navigator().replace(Route{Screen::search, "", text});
            app.request_frames(settle_frames);
        }
    }
}

} // namespace

void draw_search(App& app) {
    title(app.look(), "Search");
    std::string& text = app.search_text();
    draw_search_box(app, text);
    const std::vector<std::string> bookmarked = classes_bookmarked_for_person(app);
    draw_bookmark_filter(app, bookmarked);

    const bool filtered = app.search_only_bookmarked(); // only with bookmarks to filter by
    const std::vector<std::string> filter = filtered ? bookmarked : std::vector<std::string>{};
    if (!text.empty() && !app.search_index()) {
        draw_getting_ready(app);
        return;
    }
    const SearchResponse& response = search_for(app, text, filter, filtered);
    if (text.empty()) {
        draw_examples(app, text);
        return;
    }
    draw_listen_to_answer(app, response);
    // What is not listed, then the plain notes ("…it lists it for RET inhibitors"), then
    // the page's advice and the helpline: the notes belong with the sentence they explain.
    if (!response.not_listed.empty()) draw_not_listed(app, response);
    draw_reading_notes(app, response);
    if (!response.not_listed.empty()) {
        draw_doctor_advice(app, false);
        draw_helpline(app);
    }
    draw_understood(app, response, text);
    // A symptom asked about can go straight into the person's diary (screen_diary.cpp).
    const bool about_a_symptom =
        !response.not_listed.empty() ||
        std::any_of(response.results.begin(), response.results.end(), [](const SearchResult& r) {
            return r.kind == SearchResultKind::side_effect && r.full_match;
        });
    if (about_a_symptom) draw_add_to_diary(app, text);
    if (response.results.empty()) {
        draw_nothing_found(app, response, text);
        return;
    }
    draw_groups(app, response, SearchMatch::full, bookmarked);
    draw_match_section(app, response, SearchMatch::other_class, "Listed for other drug classes",
                       "The page does not list this for the drug or class you named. It lists "
                       "it for these.",
                       bookmarked);
    draw_match_section(app, response, SearchMatch::negated, "What the page says about it",
                       "You said this is not there. These are not matches.", bookmarked);
    draw_match_section(app, response, SearchMatch::related, "Related, not the same thing",
                       "The page does not list what you typed. These are about the same part "
                       "of the body.",
                       bookmarked);
    draw_match_section(app, response, SearchMatch::partial, "Partial matches",
                       "These share only some of your words. They may be about something else.",
                       bookmarked);
}

} // namespace lungguide::ui
