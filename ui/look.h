// What a widget needs from the app, and nothing more.
//
// Widgets (widgets.h) take a Look instead of the App, so a widget can't reach navigation,
// bookmarks, search or the store: only how things look (theme, palette, fonts, sizes),
// where it is drawn (the surface under it, the open box), where it reports what it drew
// (for tests, and as meaning for assistive technology), and the two things it may ask for,
// more frames and a glossary term's panel.
// The App owns the one Look, over its own members, and keeps them current.
//
// Index
//   WidthClass, Layout   sizes of this frame, by width class
//   DrawnItem, DrawnText what tests read back: tappable things, how texts wrapped
//   DrawRecord           where widgets record them (off unless a test turns it on)
//   ReadingMark          the sentence read aloud now: paragraphs that show it tint it
//   LookRequests         more frames; open a glossary term; where terms occur in a text
//   Look                 all of the above, by reference, and the semantics (semantics.h)
#pragma once

#include "fonts.h"
#include "semantics.h"
#include "surfaces.h"
#include "theme.h"

#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lungguide::ui {

struct BoxState;
struct GlossaryMatch;

// Material's window size classes, in density-independent pixels: compact (< 600) is a
// phone, medium (< 840) a tablet held upright, expanded (< 1440) a tablet on its side or
// a small laptop, and wider a desktop.
enum class WidthClass { phone, tablet_portrait, tablet_landscape, desktop };

struct Layout {
    WidthClass width_class = WidthClass::phone;
    // A fixed sidebar of places and classes: only on landscape tablets and desktops, and
    // only when the text size leaves room for it and a page. Otherwise a drawer.
    bool two_panes = false;
    float em = 21.0f;    // body font size in pixels
    float touch = 48.0f; // minimum finger target height in pixels
    // Bars (top bar icons, the section bar) need not grow with the text: a finger is the
    // same size at every text size, and the page needs the room.
    float compact_touch = 48.0f;
    // Margins and paddings. They grow with the square root of the text size, so large
    // text gets the width it needs on a phone instead of ever wider margins.
    float pad = 17.0f;
    float width = 0.0f; // window width in pixels
    float height = 0.0f;
    float list_width = 0.0f;    // left pane when two_panes
    float reading_width = 0.0f; // comfortable line length for the page column
};

// What a paragraph's line layout did, for the test that no word is ever split.
struct DrawnText {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> lines; // [begin, end) of each line
    std::vector<float> line_widths;
    float column = 0.0f;
};

// What was drawn where in the last frame, for tests that tap by label (ImGui 1.86 has
// no test engine in Debian's build). Recorded only when DrawRecord::on.
struct DrawnItem {
    std::string label; // button label, "term:<glossary id>", or "input:<name>"
    ImVec2 min;
    ImVec2 max;
};

struct DrawRecord {
    bool on = false;
    std::vector<DrawnItem> items;
    std::vector<DrawnText> texts;

    void item(const std::string& label, ImVec2 min, ImVec2 max) {
        if (on) items.push_back({label, min, max});
    }
    void text(DrawnText drawn) {
        if (on) texts.push_back(std::move(drawn));
    }
    void clear() {
        items.clear();
        texts.clear();
    }
};

// The sentence being read aloud (Listen), as a range of the memory of the string the screen
// draws it from (a Guide string): a paragraph drawing a text that holds that range tints it,
// underlines the word being said, and reports where it drew it so the page can keep it in
// view. Empty (null) when nothing is read, or when the sentence is a place of the page
// instead (App::anchor highlights those).
struct ReadingMark {
    const char* begin = nullptr;
    const char* end = nullptr;
    const char* word_begin = nullptr; // the word being said, when the engine tells
    const char* word_end = nullptr;
    // Where it was drawn in this frame, in screen pixels, and in which window (the page, the
    // glossary panel), so that window keeps it in view.
    bool drawn = false;
    ImGuiID window = 0;
    float top = 0.0f;
    float bottom = 0.0f;
    bool word_drawn = false;
    float word_top = 0.0f;
    float word_bottom = 0.0f;
};

// Frames drawn after something changes, with or without input (a tap's result, a new page,
// a theme): ImGui settles a layout and opens a popup over a few frames, then the loop sleeps
// (docs/architecture.md, "How a frame flows", step 5).
inline constexpr int settle_frames = 3;
// A modal (the drawer, the glossary panel, "for whom?") takes a frame or two to appear
// (ocornut/imgui #1206), and the dimming behind it fades in over about 0.2 s.
inline constexpr int modal_open_frames = 14;

class LookRequests {
  public:
    // Frames the widget needs drawn even without input (a press, a popup opening).
    virtual void request_frames(int count) = 0;
    // A tapped glossary word: open the page's explanation of the term.
    virtual void open_glossary(const std::string& term_id) = 0;
    // Where the page's explained terms occur in a text (cached by the app).
    virtual const std::vector<GlossaryMatch>& glossary_matches(std::string_view text) = 0;

  protected:
    ~LookRequests() = default;
};

struct Look {
    const ThemeId& theme;
    const Palette& palette;
    const FontSet& fonts;
    const Layout& layout;
    const float& content_scale; // the display's pixels per point
    Surfaces& surfaces;
    BoxState& box; // the open box (widgets.h)
    DrawRecord& record;
    ReadingMark& reading;
    LookRequests& requests;
    // What was drawn, as meaning, for assistive technology (recorded only when a host reads it).
    Semantics& semantics;
};

} // namespace lungguide::ui
