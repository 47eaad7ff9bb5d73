// The section bar above a long page (App's part): a chip per section, or one button naming
// where you are that opens the list of sections; either way it jumps there.
#include "app.h"

#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace lungguide::ui {

namespace {

// The section bar's one button naming where you are, when the chips do not fit.
LineButton current_section_button(const Layout& layout) {
    LineButton current;
    current.height = layout.compact_touch;
    current.selected = true;
    current.chevron = true;
    current.wrap = true;
    current.record_as = "sections";
    return current;
}

// As tall as the longest section name needs, so the bar never cuts a name ("How they wo…")
// nor changes height while the page scrolls.
float section_button_height(Look& look, const std::vector<PageSection>& sections,
                            const LineButton& button, float width) {
    float height = button.height;
    for (const PageSection& section : sections)
        height = std::max(height, line_button_height(look, section.label, button, width));
    return height;
}

} // namespace

// The section bar stays above the page: one chip per section when they fit on a line,
// else one button naming where you are that opens the list. Either way it jumps.
void App::draw_section_bar(const std::vector<PageSection>& sections) {
    const float em = layout_.em;
    const float width = ImGui::GetContentRegionAvail().x;
    float side = std::max(layout_.pad, std::floor((width - layout_.reading_width) * 0.5f));
    const float spacing = 0.4f * em;
    const std::string here = current_section(sections);
    float row = -spacing;
    for (const PageSection& section : sections)
        row += button_width(look_, section.label) + spacing;
    // Chips over the reading column, or centred over the page when wider than it.
    const bool chips = row <= width - 2.0f * layout_.pad;
    if (chips && row > width - 2.0f * side) side = std::floor((width - row) * 0.5f);
    LineButton current = current_section_button(layout_);
    const float height = chips
                             ? layout_.touch
                             : section_button_height(look_, sections, current, width - 2.0f * side);
    const float padding = 0.3f * layout_.pad;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, padding));
    ImGui::BeginChild("section bar", ImVec2(0, height + 2.0f * padding), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    static const char* const popup_name = "Sections";
    if (chips) {
        for (const PageSection& section : sections) {
            ButtonOptions options;
            options.bold = false;
            options.kind = section.anchor == here ? ButtonKind::selected : ButtonKind::normal;
            if (button(look_, section.label, options, ("jump " + section.anchor).c_str()))
                jump_to(section.anchor);
            ImGui::SameLine();
        }
    } else {
        // One line at every text size: where you are, and a chevron; a tap opens the list.
        std::string label;
        for (const PageSection& section : sections)
            if (section.anchor == here) label = section.label;
        current.height = height;
        if (line_button(look_, label, "sections", current)) {
            ImGui::OpenPopup(popup_name);
            request_frames(settle_frames);
        }
    }
    // The list of sections, under the bar: rows of one line, on screen (scrolling if
    // it must).
    const ImVec2 bar_corner = ImGui::GetWindowPos();
    const float list_top = bar_corner.y + ImGui::GetWindowHeight();
    ImGui::SetNextWindowPos(ImVec2(bar_corner.x + side * 0.5f, list_top));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width - side, 0),
                                        ImVec2(width - side, layout_.height - list_top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(0.5f * layout_.pad, 0.5f * layout_.pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, 0.25f * layout_.pad));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, palette_.background);
    ImGui::PushStyleColor(ImGuiCol_Border, palette_.heading);
    if (ImGui::BeginPopup(popup_name,
                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        surfaces_.push(palette_.background);
        for (const PageSection& section : sections) {
            LineButton options;
            options.height = layout_.compact_touch;
            options.selected = section.anchor == here;
            if (line_button(look_, section.label, ("jump " + section.anchor).c_str(), options)) {
                jump_to(section.anchor);
                ImGui::CloseCurrentPopup();
            }
        }
        surfaces_.pop();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    rule(look_);
}

} // namespace lungguide::ui
