// The top bar (App's part): Menu, Back, where you are (or the host's "saved" status) and
// Search, in words or finger-sized icons.
#include "app.h"

#include "content/guide.h"
#include "widgets.h"

#include <algorithm>
#include <string>

namespace lungguide::ui {

// The top bar keeps Back, where you are, and Search at every text size: on phones and
// upright tablets also the drawer's Menu. Buttons show words when they fit beside a
// readable title, else icons of finger size (their names are still what tests tap).
void App::draw_top_bar() {
    const float em = layout_.em;
    const float padding = 0.6f * layout_.pad;
    const float spacing = 0.5f * layout_.pad;
    const Route& route = navigator_.current();
    const float bar_width = ImGui::GetContentRegionAvail().x;
    const bool show_menu = !layout_.two_panes;
    const bool show_back = navigator_.can_go_back();
    const bool show_search = route.screen != Screen::search;
    const float title_room = 7.0f * em;
    float words = 2 * padding + title_room;
    if (show_menu) words += button_width(look_, "Menu") + spacing;
    if (show_back) words += button_width(look_, "‹ Back") + spacing;
    if (show_search) words += button_width(look_, "Search") + spacing;
    const bool with_words = words <= bar_width;
    const float icon = layout_.compact_touch;
    const float row = with_words ? layout_.touch : icon;

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::BeginChild("top bar", ImVec2(0, row + 2 * padding), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);

    ImGui::SetCursorPos(ImVec2(padding, padding));
    float left_end = padding;
    auto bar_button = [&](Icon icon_kind, const char* label, const char* id) {
        const bool pressed = with_words ? button(look_, label, {}, id)
                                        : icon_button(look_, icon_kind, label, id, icon);
        left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
        ImGui::SameLine();
        return pressed;
    };
    if (show_menu && bar_button(Icon::menu, "Menu", "top menu")) set_drawer_open(true);
    if (show_back && bar_button(Icon::back, "‹ Back", "top back")) go_back();
    float right_start = bar_width - padding;
    if (show_search) {
        right_start -= with_words ? button_width(look_, "Search") : icon;
        ImGui::SetCursorPos(ImVec2(right_start, padding));
        const bool pressed = with_words
                                 ? button(look_, "Search", {}, "top search")
                                 : icon_button(look_, Icon::search, "Search", "top search", icon);
        if (pressed) go(Route{Screen::search, "", ""});
    }
    // The host's word that the person's data is saved takes the title's place for a moment:
    // never over a control, and it goes with the next page or touch after a few seconds.
    const bool status_shown = !save_status_.empty() && save_status_shown_at_ >= 0.0 &&
                              ImGui::GetTime() - save_status_shown_at_ < 4.0;
    if (!status_shown) save_status_.clear();
    const std::string where = status_shown                   ? save_status_
                              : route.screen == Screen::home ? std::string("LungGuide")
                                                             : short_title();
    const float text_left = left_end + (left_end > padding ? 0.2f * em : 0.0f);
    if (!where.empty() && right_start - text_left > 1.5f * em) {
        // The title may not push the buttons off: it shrinks (down to the size of body
        // text at 100 %, the page's own title below stays large), then ends in "…".
        ImFont* font = fonts_.heading;
        const float room = right_start - spacing - text_left;
        const float natural = text_width_of(font, where);
        const float smallest =
            std::min(font->FontSize, 1.05f * base_body_pixels * config_.content_scale);
        const float size =
            natural <= room ? font->FontSize
                            : std::max(smallest, font->FontSize * room / std::max(natural, 1.0f));
        const ImVec2 window = ImGui::GetWindowPos();
        const ImVec2 start(window.x + text_left, window.y + padding + (row - size) * 0.5f);
        const std::string shown = ellipsized(font, size, where, room);
        surfaces_.record("top bar title", shown, palette_.heading);
        ImGui::GetWindowDrawList()->AddText(font, size, start,
                                            ImGui::ColorConvertFloat4ToU32(palette_.heading),
                                            shown.c_str(), shown.c_str() + shown.size());
        record_item("title:" + where, start, ImVec2(start.x + room, start.y + size));
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    rule(look_);
}

std::string App::short_title() const {
    const Route& route = navigator_.current();
    switch (route.screen) {
    case Screen::home:
        return "Home";
    case Screen::drug_class:
        if (const DrugClass* drug_class = guide().find_class(route.id)) return drug_class->name;
        return "Drug class";
    case Screen::drug:
        if (const Drug* drug = guide().find_drug(route.id)) return drug->name;
        return "Drug";
    case Screen::search:
        return "Search";
    case Screen::bookmarks:
        return "Bookmarks";
    case Screen::settings:
        return "Settings";
    case Screen::about:
        return "About & sources";
    case Screen::summary:
        return "Summary for the doctor";
    case Screen::diary:
        return "Symptom diary";
    }
    return "LungGuide";
}

} // namespace lungguide::ui
