// Where the next item goes: space, the width left (a box's inner edge), a rule, and a Flow of
// buttons that wraps to a new row.
#include "widgets.h"
#include "widgets_internal.h"

#include <imgui_internal.h>

namespace lungguide::ui {

using namespace widget_parts;

void space(Look& look, float em_count) {
    ImGui::Dummy(ImVec2(1.0f, look.layout.em * em_count));
}

float available_width() {
    // Respect an enclosing PushTextWrapPos: boxes keep text and buttons off their right edge.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->DC.TextWrapPos >= 0.0f)
        return ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), window->DC.TextWrapPos);
    return ImGui::GetContentRegionAvail().x;
}

void rule(Look& look) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(origin, ImVec2(origin.x + width, origin.y),
                                        colour_u32(look.palette.border), 1.0f);
    ImGui::Dummy(ImVec2(width, 1.0f));
}

Flow::Flow(Look& look) : look_(look) {
    left_ = ImGui::GetCursorScreenPos().x;
    right_ = left_ + available_width();
}

void Flow::next(float width) {
    if (first_) {
        first_ = false;
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_ + 0.5f) ImGui::SameLine();
}

} // namespace lungguide::ui
