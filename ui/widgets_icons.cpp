// Drawn icons (no font glyph needed), and the "more below" cue at the foot of a scrolling
// region.
#include "widgets.h"
#include "widgets_internal.h"

#include <algorithm>

namespace lungguide::ui {

using namespace widget_parts;

void draw_more_below_cue(Look& look, const ImVec4& background) {
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f) return;
    // Drawn in the region itself (a parent's drawing would sit under the child).
    const float em = look.layout.em;
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    const float fade = 2.5f * em;
    ImVec4 clear = background;
    clear.w = 0.0f;
    const float right = max.x - ImGui::GetCurrentWindow()->ScrollbarSizes.x;
    ImGui::GetWindowDrawList()->AddRectFilledMultiColor(
        ImVec2(min.x, max.y - fade), ImVec2(right, max.y), colour_u32(clear), colour_u32(clear),
        colour_u32(background), colour_u32(background));
    draw_icon(Icon::chevron_down, ImVec2((min.x + right) * 0.5f, max.y - 0.6f * em), 0.9f * em,
              look.palette.text_muted);
    look.surfaces.record_on("more below cue", "chevron", look.palette.text_muted, background,
                            false);
    look.record.item("more below", ImVec2(min.x, max.y - fade), max);
}

void draw_icon(Icon icon, ImVec2 centre, float size, const ImVec4& colour) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour32 = colour_u32(colour);
    const float thickness = std::max(2.0f, 0.1f * size);
    const float half = 0.5f * size;
    switch (icon) {
    case Icon::back:
        draw->AddLine(ImVec2(centre.x + 0.2f * half, centre.y - 0.6f * half),
                      ImVec2(centre.x - 0.4f * half, centre.y), colour32, thickness);
        draw->AddLine(ImVec2(centre.x - 0.4f * half, centre.y),
                      ImVec2(centre.x + 0.2f * half, centre.y + 0.6f * half), colour32, thickness);
        break;
    case Icon::menu:
        for (int row = -1; row <= 1; ++row) {
            const float y = centre.y + row * 0.55f * half;
            draw->AddLine(ImVec2(centre.x - 0.7f * half, y), ImVec2(centre.x + 0.7f * half, y),
                          colour32, thickness);
        }
        break;
    case Icon::search:
        draw->AddCircle(ImVec2(centre.x - 0.15f * half, centre.y - 0.15f * half), 0.45f * half,
                        colour32, 24, thickness);
        draw->AddLine(ImVec2(centre.x + 0.18f * half, centre.y + 0.18f * half),
                      ImVec2(centre.x + 0.65f * half, centre.y + 0.65f * half), colour32,
                      thickness * 1.3f);
        break;
    case Icon::play:
        draw->AddTriangleFilled(ImVec2(centre.x - 0.45f * half, centre.y - 0.6f * half),
                                ImVec2(centre.x - 0.45f * half, centre.y + 0.6f * half),
                                ImVec2(centre.x + 0.6f * half, centre.y), colour32);
        break;
    case Icon::pause:
        for (float x : {-0.35f, 0.35f})
            draw->AddRectFilled(ImVec2(centre.x + (x - 0.15f) * half, centre.y - 0.6f * half),
                                ImVec2(centre.x + (x + 0.15f) * half, centre.y + 0.6f * half),
                                colour32);
        break;
    case Icon::stop:
        draw->AddRectFilled(ImVec2(centre.x - 0.5f * half, centre.y - 0.5f * half),
                            ImVec2(centre.x + 0.5f * half, centre.y + 0.5f * half), colour32);
        break;
    case Icon::previous:
    case Icon::next: {
        // A bar and a triangle pointing away from it: to the sentence before or after.
        const float side = icon == Icon::next ? 1.0f : -1.0f;
        draw->AddTriangleFilled(ImVec2(centre.x - side * 0.5f * half, centre.y - 0.6f * half),
                                ImVec2(centre.x - side * 0.5f * half, centre.y + 0.6f * half),
                                ImVec2(centre.x + side * 0.4f * half, centre.y), colour32);
        const float bar = centre.x + side * 0.55f * half;
        draw->AddRectFilled(ImVec2(bar - 0.1f * half, centre.y - 0.6f * half),
                            ImVec2(bar + 0.1f * half, centre.y + 0.6f * half), colour32);
        break;
    }
    case Icon::speaker: {
        // A loudspeaker and two waves: "listen".
        const float left = centre.x - 0.7f * half;
        draw->AddRectFilled(ImVec2(left, centre.y - 0.22f * half),
                            ImVec2(left + 0.3f * half, centre.y + 0.22f * half), colour32);
        draw->AddTriangleFilled(ImVec2(left + 0.25f * half, centre.y - 0.22f * half),
                                ImVec2(left + 0.7f * half, centre.y - 0.6f * half),
                                ImVec2(left + 0.7f * half, centre.y + 0.6f * half), colour32);
        draw->AddTriangleFilled(ImVec2(left + 0.25f * half, centre.y - 0.22f * half),
                                ImVec2(left + 0.7f * half, centre.y + 0.6f * half),
                                ImVec2(left + 0.25f * half, centre.y + 0.22f * half), colour32);
        for (float radius : {0.35f, 0.65f}) {
            draw->PathArcTo(ImVec2(left + 0.75f * half, centre.y), radius * half, -0.9f, 0.9f, 12);
            draw->PathStroke(colour32, 0, thickness);
        }
        break;
    }
    case Icon::chevron_down:
        draw->AddLine(ImVec2(centre.x - 0.5f * half, centre.y - 0.25f * half),
                      ImVec2(centre.x, centre.y + 0.25f * half), colour32, thickness);
        draw->AddLine(ImVec2(centre.x, centre.y + 0.25f * half),
                      ImVec2(centre.x + 0.5f * half, centre.y - 0.25f * half), colour32, thickness);
        break;
    }
}

} // namespace lungguide::ui
