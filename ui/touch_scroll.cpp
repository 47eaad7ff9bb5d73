#include "touch_scroll.h"

#include <imgui_internal.h>

#include <cmath>

namespace lungguide::ui {

namespace {
constexpr float slop_in_em = 0.4f;          // finger jitter allowed before a tap becomes a drag
constexpr float friction_per_second = 4.0f; // exponential decay of coasting speed
constexpr float stop_speed = 20.0f;         // pixels per second below which coasting stops
constexpr float max_speed = 6000.0f;
} // namespace

void TouchScroller::update(float em) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    RegionState& state = regions_[window->ID];
    state.last_frame = ImGui::GetFrameCount();
    const float delta_time = io.DeltaTime > 0.0f ? io.DeltaTime : 1.0f / 60.0f;
    const float max_scroll = ImGui::GetScrollMaxY();

    // A popup (the glossary panel) owns the finger while it is open.
    const bool blocked = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                                ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);

    if (io.MouseClicked[0] && hovered && !blocked) {
        state.pressed = true;
        state.dragging = false;
        state.coasting = false;
        state.press_y = io.MousePos.y;
        state.last_y = io.MousePos.y;
        state.press_scroll = ImGui::GetScrollY();
        state.velocity = 0.0f;
    }

    if (state.pressed && io.MouseDown[0]) {
        const float moved = io.MousePos.y - state.press_y;
        if (!state.dragging && std::fabs(moved) > slop_in_em * em && max_scroll > 0.0f) {
            state.dragging = true;
            // Release whatever the finger landed on, so lifting it does not tap it.
            if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
        }
        if (state.dragging) {
            float target = state.press_scroll - moved;
            target = target < 0.0f ? 0.0f : (target > max_scroll ? max_scroll : target);
            ImGui::SetScrollY(target);
            // Smoothed finger speed; the page moves opposite to the finger.
            float instant = -(io.MousePos.y - state.last_y) / delta_time;
            state.velocity = 0.7f * state.velocity + 0.3f * instant;
        }
        state.last_y = io.MousePos.y;
    } else if (state.pressed) {
        state.pressed = false;
        if (state.dragging && std::fabs(state.velocity) > stop_speed * 4.0f) {
            state.coasting = true;
            if (state.velocity > max_speed) state.velocity = max_speed;
            if (state.velocity < -max_speed) state.velocity = -max_speed;
        }
        state.dragging = false;
    }

    if (state.coasting) {
        float next = ImGui::GetScrollY() + state.velocity * delta_time;
        state.velocity *= std::exp(-friction_per_second * delta_time);
        if (next <= 0.0f || next >= max_scroll || std::fabs(state.velocity) < stop_speed) {
            state.coasting = false;
            next = next < 0.0f ? 0.0f : (next > max_scroll ? max_scroll : next);
        }
        ImGui::SetScrollY(next);
    }
}

bool TouchScroller::animating() const {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    for (const auto& [id, state] : regions_) {
        (void)id;
        // Regions not drawn recently (another page) do not keep the app awake.
        if (state.coasting && frame - state.last_frame <= 2) return true;
    }
    return false;
}

bool TouchScroller::dragging() const {
    for (const auto& [id, state] : regions_) {
        (void)id;
        if (state.dragging) return true;
    }
    return false;
}

void TouchScroller::stop_all() {
    for (auto& [id, state] : regions_) {
        (void)id;
        state.coasting = false;
        state.dragging = false;
        state.pressed = false;
    }
}

} // namespace lungguide::ui
