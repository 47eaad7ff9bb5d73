// The colour under what is being drawn, and the (text, surface) colour pairs a frame drew.
//
// The page, the side panel, the drawer, popups, the notice and boxes push the colour they
// fill with and pop it when they end; widgets that draw words record their text colour
// against that surface, or against the face they fill themselves (buttons, chips, cards).
// The contrast test reads these pairs from every screen (tests/ui/test_glyphs_and_contrast.cpp)
// instead of a list kept by hand. App owns one (App::surfaces()).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lungguide::ui {

// One pair as drawn. Colours are opaque: a translucent one is blended over what is under it.
struct DrawnColours {
    std::string widget; // "paragraph", "link", "button", "chip", "icon", "input", ...
    std::string what;   // the start of the words (or the icon's name), to find it
    ImVec4 text;
    ImVec4 surface;
    bool is_text = true; // false for icons, which need the non-text contrast (3:1)
};

// What `top` looks like laid over `under` (by top's alpha): a translucent colour on a surface.
ImVec4 blend_over(const ImVec4& top, const ImVec4& under);

class Surfaces {
  public:
    // Each frame starts on the page's background; pairs are kept only when recording.
    void start_frame(const ImVec4& page, bool recording);
    // A translucent colour is blended over the current surface.
    void push(const ImVec4& colour);
    void pop();
    const ImVec4& current() const { return stack_.back(); }
    std::size_t depth() const { return stack_.size(); }

    // Words drawn in `text` on the current surface, or on a face the widget fills itself.
    void record(const char* widget, std::string_view what, const ImVec4& text) {
        record_on(widget, what, text, current());
    }
    void record_on(const char* widget, std::string_view what, const ImVec4& text,
                   const ImVec4& surface, bool is_text = true);
    const std::vector<DrawnColours>& drawn() const { return drawn_; }

  private:
    std::vector<ImVec4> stack_{ImVec4(0, 0, 0, 1)};
    std::vector<DrawnColours> drawn_;
    bool recording_ = false;
};

} // namespace lungguide::ui
