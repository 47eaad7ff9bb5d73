// Touch-sized, wrapping building blocks shared by the screens.
//
// Every button is at least Layout::touch pixels tall (48 px at scale 1) and wraps its
// label instead of clipping it. Body text goes through paragraph(), which wraps by word,
// uses a generous line height for tired eyes, and turns glossary terms into tappable
// links that open the page's own explanation.
//
// Defined by concept: widgets_buttons.cpp (button, line_button, icon_button),
// widgets_text.cpp (paragraph, bullet, headings, ellipsized), widgets_icons.cpp (draw_icon,
// the "more below" cue), widgets_boxes.cpp (chips, boxes, centred modals),
// widgets_layout.cpp (space, available_width, rule, Flow), widgets_text_inputs.cpp
// (record_input) and widgets_semantics.cpp (semantic_button, mark_live_region).
#pragma once

#include "look.h"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace lungguide::ui {

enum class ButtonKind { normal, primary, selected, quiet };

struct ButtonOptions {
    float width = 0.0f; // 0 = fit the label, < 0 = fill the available width
    ButtonKind kind = ButtonKind::normal;
    std::string subtitle; // second, smaller line (tiles)
    bool bold = true;
};

// Every widget takes the Look (look.h): what it needs from the app, and nothing more.

// A wrapping, finger-sized button. `label` is what a person reads; `id` keeps ImGui
// identities apart when two buttons share a label.
bool button(Look& look, const std::string& label, const ButtonOptions& options = {},
            const char* id = nullptr);

// Width a fitted button would take, to decide whether buttons share a row.
float button_width(Look& look, const std::string& label);

// Drawn icons (no font glyph needed): for the top bar when words do not fit beside the
// title at large text sizes, for "more below" cues, and for the reading-aloud player.
enum class Icon { back, menu, search, chevron_down, play, pause, stop, previous, next, speaker };
void draw_icon(Icon icon, ImVec2 centre, float size, const ImVec4& colour);
// A square, finger-sized button showing an icon; `label` names it (for tests and meaning).
// `size` 0 = the layout's touch size.
bool icon_button(Look& look, Icon icon, const std::string& label, const char* id,
                 float size = 0.0f);

// A full-width button of one line at any text size: its label shrinks (to body size at
// 100 %), then ends in "…". For bars and short lists, where a second line would not fit.
// With wrap, a label that still does not fit goes on to a second line at that size instead,
// never cut (the section bar at 250 % on a phone: "How they / work", not "How they wo…").
struct LineButton {
    float height = 0.0f; // 0 = the layout's touch size; with wrap, at least this
    bool selected = false;
    bool chevron = false;            // a "more" chevron at the right end
    bool wrap = false;               // wrap at the smallest size instead of "…"
    const char* record_as = nullptr; // test label; default: the label
};
bool line_button(Look& look, const std::string& label, const char* id, const LineButton& options);
// The height line_button() takes for this label at `width` (wrapped labels need more).
float line_button_height(Look& look, const std::string& label, const LineButton& options,
                         float width);

// In a scrolling region with more below: a fade to `background` and a chevron at its
// foot, so a reader sees it scrolls. Call inside the region, before EndChild().
void draw_more_below_cue(Look& look, const ImVec4& background);

// Width of a line of text in a font at its own size.
float text_width_of(ImFont* font, std::string_view text);
// The text, cut at a character boundary and ended with "…" if it is wider than `width`
// at `size` pixels (for one-line titles; body text wraps instead).
std::string ellipsized(ImFont* font, float size, const std::string& text, float width);
// Height a button would take at `width` (0 = fitted), for bars that must hold one.
float button_height(Look& look, const std::string& label, const ButtonOptions& options,
                    float width);

void title(Look& look, const std::string& text);
void heading(Look& look, const std::string& text);
void subheading(Look& look, const std::string& text);

struct ParagraphOptions {
    bool glossary_links = true;
    bool bold = false;
    const ImVec4* colour = nullptr; // default: palette text
    float indent = 0.0f;            // pixels
    ImFont* font = nullptr;         // default: body (or bold when `bold`)
    float line_height = 1.45f;      // in font sizes: roomy for easy reading
    // For assistive technology (semantics.h): 1-3 makes it a heading of that level.
    std::uint8_t heading_level = 0;
    bool list_item = false; // an item of a bulleted list (bullet() sets it)
};
void paragraph(Look& look, std::string_view text, const ParagraphOptions& options = {});
// A bulleted paragraph; the bullet hangs so wrapped lines align with the text.
void bullet(Look& look, std::string_view text, const ParagraphOptions& options = {});

// A small filled label such as "RARE BUT SERIOUS": meaning in words, not colour alone.
void label_chip(Look& look, const std::string& text, const ImVec4& text_colour,
                const ImVec4& background);

void space(Look& look, float em_count);

// The width from the cursor to the right edge of what is being drawn: a box's inner edge
// inside a box, else the content region. Use it instead of ImGui's -1 "full width".
float available_width();

// A box with a background, an outline and a thick bar on the left, drawn behind whatever
// is submitted between begin_box() and end_box(). Not nestable. The open box's state
// belongs to the App (Look::box); its background is the surface text lies on.
struct BoxState {
    ImDrawListSplitter splitter;
    ImVec2 start;
    ImVec4 background;
    ImVec4 border;
    float padding = 0.0f;
    float bar = 0.0f;
    float width = 0.0f;
    bool open = false;
};
void begin_box(Look& look, const ImVec4& background, const ImVec4& border);
void end_box(Look& look);

// A modal panel centred on the screen, `width` wide and at most `max_height` tall (0 = as
// its content), outlined in the heading colour: the glossary panel and the "for whom?"
// picker. Opens it when `needs_open` is set (and clears it). Returns whether it is open;
// draw its content only then, and always call end_centred_modal() with that answer.
bool begin_centred_modal(Look& look, const char* name, bool& needs_open, float width,
                         float max_height = 0.0f);
void end_centred_modal(Look& look, bool open);

// What a text box is, for assistive technology and for a platform that types into it with
// its own editor (a browser's <input>, where composing keyboards and dictation work).
struct TextBoxInfo {
    std::string label; // its name, as a screen reader says it ("Search", "Note")
    std::string hint;  // the words shown while it is empty
    TextBoxKind kind = TextBoxKind::line;
    ImGuiID id = 0; // 0: the last item's; an InputTextMultiline's is ImGui::GetID(its label)
};
// After an ImGui text input: records it for tests (label "input:<name>") with the colours
// its text, or its hint while empty, are drawn in, and as a text box holding `value` for
// assistive technology. Gives the box the keyboard, or takes it away, when the platform's
// editor asked (semantics.h).
void record_input(Look& look, const std::string& name, const std::string& value,
                  const TextBoxInfo& info);
// The same for a box whose text is not at hand: a screen reader hears it empty until it
// has the keyboard. Prefer the form above.
void record_input(Look& look, const std::string& name, bool empty);

// At the end of a frame: a box that has the keyboard but was not recorded (a text input drawn
// without record_input()) is recorded as a text box with no place, so a platform's editor
// can still type into it.
void record_unrecorded_text_box(Look& look);

// After an ImGui item that acts as a button but is drawn by its screen (a search result's
// card): records it for assistive technology. True when that asked to press it.
bool semantic_button(Look& look, const std::string& label, const std::string& detail = "");

// What appears in the window being drawn is announced by screen readers (App's notice).
void mark_live_region(Look& look);

// Horizontal rule in the border colour.
void rule(Look& look);

// Lays out buttons left to right, wrapping to a new row when the next does not fit.
class Flow {
  public:
    explicit Flow(Look& look);
    // Call before each item with its width; moves to a new row when needed.
    void next(float width);

  private:
    Look& look_;
    float left_ = 0.0f;
    float right_ = 0.0f;
    bool first_ = true;
};

} // namespace lungguide::ui
