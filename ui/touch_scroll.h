// Drag-to-scroll with inertia for ImGui child windows (ImGui lacks it: ocornut/imgui #3379).
//
// Call update() just before EndChild() of each scrolling region. A press that moves more
// than a small slop turns into a scroll: the button under the finger is released without
// firing, so a swipe never taps a tile by accident. After the finger lifts, the region
// keeps moving and slows down; while it does, animating() is true and the host wakes
// up on a timer. Otherwise the host may sleep until the next event.
#pragma once

#include <imgui.h>

#include <unordered_map>

namespace lungguide::ui {

class TouchScroller {
  public:
    // em: body font size, so the slop is the same physical distance at every text size.
    void update(float em);
    bool animating() const;
    bool dragging() const;
    // Stops all motion (used when the page changes).
    void stop_all();

  private:
    struct RegionState {
        bool pressed = false;
        bool dragging = false;
        bool coasting = false;
        float press_y = 0.0f;
        float press_scroll = 0.0f;
        float last_y = 0.0f;
        float velocity = 0.0f; // pixels per second, positive scrolls down the page
        int last_frame = -1;
    };
    std::unordered_map<ImGuiID, RegionState> regions_;
};

} // namespace lungguide::ui
