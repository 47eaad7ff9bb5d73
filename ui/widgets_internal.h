// What the widget files (widgets_*.cpp) share, and nothing a screen calls: measuring, laying
// out and drawing words (widgets_text.cpp), and recording what a widget means for assistive
// technology (widgets_semantics.cpp). Screens include widgets.h.
#pragma once

#include "glossary.h"
#include "line_layout.h"
#include "look.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <string_view>
#include <vector>

namespace lungguide::ui {

namespace widget_parts {

inline ImU32 colour_u32(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

// Width of a line of text in a font at its own size.
float text_width(ImFont* font, std::string_view text);
// Lines of `text` in `width` at the font's size, wrapped by word (line_layout.h).
LineLayout lay_out(ImFont* font, std::string_view text, float width,
                   const std::vector<LinkSpan>& links = {});
// For the test that no word is ever split: what each wrapped text became.
void record_layout(Look& look, std::string_view text, const LineLayout& layout, float column);
// Draws laid-out text whose first line's top is at `origin`; `line_height` apart.
void draw_lines(ImDrawList* draw, ImFont* font, std::string_view text, const LineLayout& layout,
                ImVec2 origin, float line_height, ImU32 colour);

// Records a node drawn at [min, max) on the screen in the current window; hands back what
// the platform asked of it. A node it asked to see is scrolled into view.
SemanticRequest record_node(Look& look, SemanticNode node, ImVec2 min, ImVec2 max);
// The last item, a button: recorded; true when assistive technology asked to press it.
bool record_button(Look& look, const std::string& label, const std::string& detail, bool selected,
                   ImVec2 min, ImVec2 max);
// Words: a paragraph, a heading or a list item, with its glossary words as links. A link
// asked to act opens its explanation, as a tap on the word does.
void record_words(Look& look, std::string_view text, const ParagraphOptions& options,
                  const std::vector<GlossaryMatch>& matches, ImVec2 min, ImVec2 max);

} // namespace widget_parts

} // namespace lungguide::ui
