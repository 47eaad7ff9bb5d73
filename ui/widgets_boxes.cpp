// Things drawn behind or around other things: a chip ("RARE BUT SERIOUS"), a box with a bar on
// its left, and a modal panel centred on the screen.
#include "widgets.h"
#include "widgets_internal.h"

#include <algorithm>

namespace lungguide::ui {

using namespace widget_parts;

void label_chip(Look& look, const std::string& text, const ImVec4& text_colour,
                const ImVec4& background) {
    const float em = look.layout.em;
    ImFont* font = look.fonts.bold;
    const ImVec2 padding(0.5f * em, 0.2f * em);
    // Wraps like everything else when a phone at 250% has no room for it on one line.
    const float wrap = std::max(available_width() - 2 * padding.x, 2.0f * em);
    const LineLayout lines = lay_out(font, text, wrap);
    record_layout(look, text, lines, wrap);
    const ImVec2 size(lines.widest, std::max(1, lines.line_count()) * font->FontSize);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 corner(origin.x + size.x + 2 * padding.x, origin.y + size.y + 2 * padding.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, corner, colour_u32(background), 0.3f * em);
    draw->AddRect(origin, corner, colour_u32(text_colour), 0.3f * em, 0, 2.0f);
    look.surfaces.record_on("chip", text, text_colour, background);
    draw_lines(draw, font, text, lines, ImVec2(origin.x + padding.x, origin.y + padding.y),
               font->FontSize, colour_u32(text_colour));
    ImGui::Dummy(ImVec2(corner.x - origin.x, corner.y - origin.y));
    look.record.item("chip:" + text, origin, corner);
    record_words(look, text, ParagraphOptions{}, {}, origin, corner);
}

void begin_box(Look& look, const ImVec4& background, const ImVec4& border) {
    BoxState& box_state = look.box;
    IM_ASSERT(!box_state.open && "boxes do not nest");
    box_state.open = true;
    look.surfaces.push(background);
    box_state.background = background;
    box_state.border = border;
    box_state.padding = look.layout.pad;
    box_state.bar = std::max(4.0f, 0.3f * look.layout.pad);
    box_state.start = ImGui::GetCursorScreenPos();
    box_state.width = ImGui::GetContentRegionAvail().x;
    box_state.splitter.Split(ImGui::GetWindowDrawList(), 2);
    box_state.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::Dummy(ImVec2(1.0f, box_state.padding - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(box_state.padding + box_state.bar);
    // Keep text clear of the right edge too.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + box_state.width - 2.0f * box_state.padding -
                           box_state.bar);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(box_state.width - 2.0f * box_state.padding - box_state.bar);
}

void end_box(Look& look) {
    BoxState& box_state = look.box;
    IM_ASSERT(box_state.open && "end_box() without begin_box()");
    look.surfaces.pop();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(box_state.padding + box_state.bar);
    ImGui::Dummy(ImVec2(1.0f, box_state.padding - ImGui::GetStyle().ItemSpacing.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    box_state.splitter.SetCurrentChannel(draw, 0);
    const ImVec2 end(box_state.start.x + box_state.width,
                     ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    const float rounding = 0.4f * box_state.padding;
    draw->AddRectFilled(box_state.start, end, colour_u32(box_state.background), rounding);
    draw->AddRect(box_state.start, end, colour_u32(box_state.border), rounding, 0, 1.5f);
    draw->AddRectFilled(box_state.start, ImVec2(box_state.start.x + box_state.bar, end.y),
                        colour_u32(box_state.border), rounding, ImDrawFlags_RoundCornersLeft);
    box_state.splitter.Merge(draw);
    box_state.open = false;
}

bool begin_centred_modal(Look& look, const char* name, bool& needs_open, float width,
                         float max_height) {
    if (needs_open) {
        ImGui::OpenPopup(name);
        needs_open = false;
    }
    const Layout& layout = look.layout;
    const float em = layout.em;
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowPos(ImVec2(layout.width * 0.5f, layout.height * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.pad, layout.pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.6f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, look.palette.heading);
    if (max_height > 0.0f)
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, max_height));
    const bool open =
        ImGui::BeginPopupModal(name, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (open) look.surfaces.push(ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    return open;
}

void end_centred_modal(Look& look, bool open) {
    if (open) {
        look.surfaces.pop();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
}

} // namespace lungguide::ui
