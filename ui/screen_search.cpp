// Search: results on every keystroke, grouped by drug class, severity marked in words,
// what the query was understood as, suggestions when nothing matches, and a filter to
// "only our bookmarked drugs" for the current person.
#include "app.h"
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "search/search.h"
#include "widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

namespace lungguide::ui {

namespace {

void open_result(App& app, const SearchResult& result) {
    switch (result.kind) {
    case SearchResultKind::drug:
        app.go(Route{Screen::drug, result.drug_id.empty() ? result.target_id : result.drug_id, ""});
        return;
    case SearchResultKind::drug_class:
    case SearchResultKind::side_effect:
        if (!result.class_ids.empty())
            app.go(Route{Screen::drug_class, result.class_ids.front(), ""});
        return;
    case SearchResultKind::biomarker:
    case SearchResultKind::text:
        if (app.guide().find_class(result.target_id))
            app.go(Route{Screen::drug_class, result.target_id, ""});
        else if (app.guide().find_drug(result.target_id))
            app.go(Route{Screen::drug, result.target_id, ""});
        else if (!result.class_ids.empty())
            app.go(Route{Screen::drug_class, result.class_ids.front(), ""});
        else
            app.go(Route{Screen::about, "", ""});
        return;
    }
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

void draw_result(App& app, const SearchResult& result, int index) {
    const Palette& palette = app.palette();
    ButtonOptions options;
    options.width = -1.0f;
    std::string label = result.title;
    if (result.kind == SearchResultKind::drug)
        label = drug_with_brands(app, result.drug_id.empty() ? result.target_id : result.drug_id);
    std::string subtitle = kind_label(result.kind);
    if (result.has_severity)
        subtitle = result.severity == Severity::rare_serious ? "Side effect · RARE BUT SERIOUS"
                                                             : "Side effect · Common";
    if (!result.snippet.empty()) subtitle += "\n" + result.snippet;
    options.subtitle = subtitle;
    const bool serious = result.has_severity && result.severity == Severity::rare_serious;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    if (button(app, label, options, ("result " + std::to_string(index)).c_str()))
        open_result(app, result);
    if (serious) {
        // A thick bar in the serious colour, on top of the words "RARE BUT SERIOUS".
        const ImVec2 bottom = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(
            top, ImVec2(top.x + 0.35f * app.layout().em, bottom.y),
            ImGui::ColorConvertFloat4ToU32(palette.serious_border), 0.3f * app.layout().em);
    }
}

} // namespace

void draw_search(App& app) {
    const Layout& layout = app.layout();
    const float em = layout.em;
    title(app, "Search");
    std::string& text = app.search_text();

    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(0.6f * em, std::max(0.4f * em, (layout.touch - em) * 0.5f)));
    ImGui::SetNextItemWidth(-1.0f);
    if (app.take_focus_search()) ImGui::SetKeyboardFocusHere();
    const bool changed =
        ImGui::InputTextWithHint("##search box", "Type a side effect, drug or gene change", &text);
    app.record_item("input:search", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopStyleVar();
    if (changed) {
        app.navigator().replace(Route{Screen::search, "", text});
        app.request_frames(3);
    }

    if (app.store()) {
        bool& only = app.search_only_bookmarked();
        ButtonOptions options;
        options.width = -1.0f;
        options.kind = only ? ButtonKind::selected : ButtonKind::normal;
        options.bold = false;
        const std::string who = App::person_label(app.person());
        const std::string label =
            only ? "Showing only the bookmarked drugs of " + who + " (tap to show all)"
                 : "Show only the bookmarked drugs of " + who;
        if (button(app, label, options, "only bookmarked")) only = !only;
        if (only && app.people().size() > 1) draw_person_chooser(app);
    }

    std::vector<std::string> filter;
    const bool filtered = app.store() && app.search_only_bookmarked();
    if (filtered) filter = bookmarked_class_ids(app.guide(), app.store()->bookmarks(app.person()));
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
    const SearchResponse& response = cache.response;

    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    if (text.empty()) {
        paragraph(app,
                  "Try words you would use yourself, such as \"tired\", \"rash\", \"being sick\", "
                  "a drug or brand name, or a gene change such as \"exon 20\".",
                  muted);
        return;
    }
    if (filtered && filter.empty()) {
        paragraph(app,
                  "Nothing is bookmarked for " + App::person_label(app.person()) +
                      " yet, so there is nothing to search in.",
                  muted);
        return;
    }
    if (!response.understood_as.empty()) {
        std::string understood;
        for (const std::string& word : response.understood_as)
            understood += (understood.empty() ? "" : ", ") + word;
        ParagraphOptions bold;
        bold.bold = true;
        bold.glossary_links = false;
        paragraph(app, "Showing results for: " + understood, bold);
    }
    if (response.results.empty()) {
        paragraph(app, "Nothing found for \"" + text + "\".");
        if (response.suggestions.empty())
            paragraph(app, "Try another word, such as \"tired\", \"rash\" or a drug's name.",
                      muted);
        if (!response.suggestions.empty()) {
            subheading(app, "Did you mean:");
            Flow flow(app);
            for (const std::string& suggestion : response.suggestions) {
                flow.next(button_width(app, suggestion));
                if (button(app, suggestion, {}, ("suggest " + suggestion).c_str())) {
                    text = suggestion;
                    app.navigator().replace(Route{Screen::search, "", text});
                }
            }
        }
        return;
    }
    paragraph(app,
              std::to_string(response.results.size()) +
                  (response.results.size() == 1 ? " result" : " results") +
                  ", grouped by drug class.",
              muted);

    // Group by the first class of each result, in the page's class order; then the rest.
    std::map<std::size_t, std::vector<std::size_t>> groups;
    const auto& classes = app.guide().classes;
    for (std::size_t index = 0; index < response.results.size(); ++index) {
        const SearchResult& result = response.results[index];
        std::size_t group = classes.size();
        if (!result.class_ids.empty()) {
            for (std::size_t c = 0; c < classes.size(); ++c)
                if (classes[c].id == result.class_ids.front()) group = c;
        }
        groups[group].push_back(index);
    }
    for (const auto& [group, indexes] : groups) {
        heading(app, group < classes.size() ? classes[group].name : "Elsewhere on the page");
        for (std::size_t index : indexes)
            draw_result(app, response.results[index], static_cast<int>(index));
    }
}

} // namespace lungguide::ui
