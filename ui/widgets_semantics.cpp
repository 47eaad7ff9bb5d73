// What each widget means, for assistive technology (semantics.h): buttons, words and their
// glossary links, a live region, each in the region of the window it is drawn in, and nothing
// under an open modal.
#include "glossary.h"
#include "widgets.h"
#include "widgets_internal.h"

#include <imgui_internal.h>

#include <string>
#include <utility>
#include <vector>

namespace lungguide::ui {

namespace {

// A label as it is meant, without the marks that only point the eye ("Bookmarks  ›").
std::string spoken(const std::string& label) {
    if (label == "\xC3\x97") return "Clear"; // the search box's ×
    std::string text = label;
    const std::string forward = "\xE2\x80\xBA"; // ›
    const std::string back = "\xE2\x80\xB9";    // ‹
    if (text.size() >= forward.size() &&
        text.compare(text.size() - forward.size(), forward.size(), forward) == 0)
        text.erase(text.size() - forward.size());
    if (text.compare(0, back.size(), back) == 0) text.erase(0, back.size());
    const std::size_t first = text.find_first_not_of(' ');
    const std::size_t last = text.find_last_not_of(' ');
    return first == std::string::npos ? label : text.substr(first, last - first + 1);
}

// "Bookmark for whom?##picker" -> "Bookmark for whom?"
std::string dialog_name(const char* window_name) {
    const std::string name = window_name;
    return name.substr(0, name.find("##"));
}

// Under an open modal (the drawer, the glossary panel, the picker) the page can't be
// reached, by a finger or by a screen reader.
bool hidden_by_modal(ImGuiWindow* window) {
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    return modal && !ImGui::IsWindowChildOf(window, modal, false);
}

void enter_window_region(Look& look, ImGuiWindow* window) {
    SemanticRegion region;
    region.id = window->ID;
    region.min = window->InnerRect.Min;
    region.max = window->InnerRect.Max;
    region.scroll_y = window->Scroll.y;
    for (ImGuiWindow* up = window; up; up = up->ParentWindow)
        if (up->Flags & ImGuiWindowFlags_Modal) {
            region.dialog = dialog_name(up->Name);
            break;
        }
    look.semantics.enter_region(region);
}

} // namespace

namespace widget_parts {

SemanticRequest record_node(Look& look, SemanticNode node, ImVec2 min, ImVec2 max) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (hidden_by_modal(window)) return {};
    enter_window_region(look, window);
    const ImVec2 origin(window->InnerRect.Min.x, window->InnerRect.Min.y - window->Scroll.y);
    node.min = ImVec2(min.x - origin.x, min.y - origin.y);
    node.max = ImVec2(max.x - origin.x, max.y - origin.y);
    const SemanticRequest request = look.semantics.add(std::move(node));
    if (request.show || request.focus) {
        ImGui::ScrollToRect(window, ImRect(min, max), ImGuiScrollFlags_KeepVisibleEdgeY);
        look.requests.request_frames(settle_frames);
    }
    return request;
}

bool record_button(Look& look, const std::string& label, const std::string& detail, bool selected,
                   ImVec2 min, ImVec2 max) {
    if (!look.semantics.on()) return false;
    SemanticNode node;
    node.role = SemanticRole::button;
    node.text = spoken(label);
    node.detail = detail;
    node.selected = selected;
    node.id = look.semantics.unique_id(ImGui::GetItemID());
    if (!record_node(look, std::move(node), min, max).activate) return false;
    look.requests.request_frames(settle_frames);
    return true;
}

void record_words(Look& look, std::string_view text, const ParagraphOptions& options,
                  const std::vector<GlossaryMatch>& matches, ImVec2 min, ImVec2 max) {
    if (!look.semantics.on()) return;
    SemanticNode node;
    node.role = options.heading_level ? SemanticRole::heading
                : options.list_item   ? SemanticRole::list_item
                                      : SemanticRole::paragraph;
    node.level = options.heading_level;
    node.text = std::string(text);
    node.id = look.semantics.unique_id(ImGui::GetID(text.data(), text.data() + text.size()));
    for (std::size_t index = 0; index < matches.size(); ++index) {
        const std::uint32_t id =
            look.semantics.unique_id(ImHashData(&index, sizeof index, node.id));
        node.links.push_back({static_cast<std::uint32_t>(matches[index].begin),
                              static_cast<std::uint32_t>(matches[index].end), id});
    }
    const std::vector<SemanticLink> links = node.links;
    record_node(look, std::move(node), min, max);
    for (std::size_t index = 0; index < links.size(); ++index)
        if (look.semantics.take_activation(links[index].id))
            look.requests.open_glossary(matches[index].term_id);
}

} // namespace widget_parts

using namespace widget_parts;

bool semantic_button(Look& look, const std::string& label, const std::string& detail) {
    return record_button(look, label, detail, false, ImGui::GetItemRectMin(),
                         ImGui::GetItemRectMax());
}

void mark_live_region(Look& look) {
    if (!look.semantics.on()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (hidden_by_modal(window)) return;
    enter_window_region(look, window);
    look.semantics.mark_live();
}

} // namespace lungguide::ui
