// Colour themes and the em-based style: light, dark and high contrast.
//
// Which colour text is drawn on is recorded as the screens draw (surfaces.h), so a test
// checks the WCAG contrast of every pair a screen really shows.
#pragma once

#include <imgui.h>

#include <string>

namespace lungguide::ui {

enum class ThemeId { light, dark, high_contrast };

const char* theme_id_name(ThemeId theme); // "light" | "dark" | "high-contrast"
const char* theme_label(ThemeId theme);   // "Light" | "Dark" | "High contrast"
bool parse_theme(const std::string& name, ThemeId& theme);

// The colours the screens draw with. Names say what they are for, not what they look like.
struct Palette {
    ImVec4 background;     // the page
    ImVec4 side_panel;     // the list pane on tablets
    ImVec4 text;           // body text
    ImVec4 text_muted;     // secondary text (still body-text contrast)
    ImVec4 heading;        // headings
    ImVec4 link;           // tappable words (glossary)
    ImVec4 button;         // button face
    ImVec4 button_hovered; // button under a mouse
    ImVec4 button_pressed; // button held by a finger
    ImVec4 button_text;    // text on buttons
    ImVec4 selected;       // the current item in the list pane
    ImVec4 border;         // outlines of tiles and inputs
    ImVec4 input;          // the search box
    ImVec4 serious_panel;  // background of the rare-but-serious box
    ImVec4 serious_border; // its thick left bar and outline
    ImVec4 serious_text;   // its label text ("RARE BUT SERIOUS")
    ImVec4 common_panel;   // background of the common side-effects box
    ImVec4 common_border;
    ImVec4 note_panel; // doctor advice, cautions, undo bar
    ImVec4 popup;      // glossary panel background
    ImVec4 scrim;      // dims the page behind a popup
};

Palette palette_for(ThemeId theme);

// Colours (the palette's) and sizes for ImGui's own widgets: vertical sizes in em (the body
// font size in pixels), horizontal paddings in pad (see Layout::pad).
void apply_style(ThemeId theme, const Palette& palette, float em, float pad, ImGuiStyle& style);

// WCAG 2.x relative luminance contrast ratio, 1..21. Alpha is ignored: colours are opaque.
double contrast_ratio(const ImVec4& foreground, const ImVec4& background);

} // namespace lungguide::ui
