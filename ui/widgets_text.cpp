// Words on the screen: measured, laid out by word (line_layout.h) and drawn. Paragraphs with
// roomy lines and tappable glossary words, the sentence read aloud tinted, hanging bullets,
// titles and headings, and one-line titles ended in "…".
#include "glossary.h"
#include "line_layout.h"
#include "widgets.h"
#include "widgets_internal.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace lungguide::ui {

namespace widget_parts {

float text_width(ImFont* font, std::string_view text) {
    return font
        ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size())
        .x;
}

LineLayout lay_out(ImFont* font, std::string_view text, float width,
                   const std::vector<LinkSpan>& links) {
    const float size = font->FontSize;
    return lay_out_lines(
        text, width,
        [font, size](std::string_view piece) {
            return font
                ->CalcTextSizeA(size, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size())
                .x;
        },
        text_width(font, " "), links);
}

void record_layout(Look& look, std::string_view text, const LineLayout& layout, float column) {
    if (!look.record.on) return;
    DrawnText drawn;
    drawn.text = std::string(text);
    drawn.column = column;
    for (const LaidOutLine& line : layout.lines) {
        drawn.lines.emplace_back(line.begin, line.end);
        drawn.line_widths.push_back(line.width);
    }
    look.record.text(std::move(drawn));
}

void draw_lines(ImDrawList* draw, ImFont* font, std::string_view text, const LineLayout& layout,
                ImVec2 origin, float line_height, ImU32 colour) {
    const float size = font->FontSize;
    for (const LaidOutRun& run : layout.runs) {
        const float run_size = size * run.scale;
        const float y = origin.y + run.line * line_height + (size - run_size) * 0.5f;
        draw->AddText(font, run_size, ImVec2(origin.x + run.x, y), colour, text.data() + run.begin,
                      text.data() + run.end);
    }
}

} // namespace widget_parts

using namespace widget_parts;

namespace {

constexpr float line_height_factor = 1.45f; // roomier than ImGui's 1.0 for easy reading

// The tappable area of a glossary word (taller than its line) that opens its panel; a
// pressed or hovered word gets a background the size of its line (and says so).
bool glossary_target(Look& look, std::string_view text, std::size_t run_begin, const ImRect& box,
                     const std::string& term_id, const ImRect& line_box) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::PushID(static_cast<int>(run_begin));
    ImGui::PushID(text.data());
    const ImGuiID id = window->GetID("term");
    ImGui::PopID();
    ImGui::PopID();
    look.record.item("term:" + term_id, box.Min, box.Max);
    if (!ImGui::ItemAdd(box, id)) return false;
    bool hovered = false;
    bool held = false;
    if (ImGui::ButtonBehavior(box, id, &hovered, &held)) look.requests.open_glossary(term_id);
    if (!held && !hovered) return false;
    window->DrawList->AddRectFilled(line_box.Min, line_box.Max,
                                    colour_u32(look.palette.button_hovered), 0.2f * look.layout.em);
    return true;
}

// The sentence being read aloud (look.h's ReadingMark), when this text holds it: a calm band
// behind its words on each line, the word being said underlined. Drawn before the words.
void draw_reading(Look& look, std::string_view text, const LineLayout& layout, ImFont* font,
                  ImVec2 origin, float left, float line_height, const ImVec4& colour) {
    ReadingMark& mark = look.reading;
    const char* const start = text.data();
    if (!mark.begin || mark.begin < start || mark.end > start + text.size() ||
        mark.begin >= mark.end)
        return;
    const float size = font->FontSize;
    // [from, to) of the text on each line, as x from the column's left edge.
    auto spans = [&](std::size_t from, std::size_t to) {
        std::vector<std::pair<float, float>> lines(layout.lines.size(), {FLT_MAX, -FLT_MAX});
        for (const LaidOutRun& run : layout.runs) {
            const std::size_t a = std::max(run.begin, from);
            const std::size_t b = std::min(run.end, to);
            if (a >= b || run.line < 0 || run.line >= static_cast<int>(lines.size())) continue;
            const auto width = [&](std::size_t end) {
                return font->CalcTextSizeA(size, FLT_MAX, 0.0f, start + run.begin, start + end).x *
                       run.scale;
            };
            auto& line = lines[static_cast<std::size_t>(run.line)];
            line.first = std::min(line.first, run.x + width(a));
            line.second = std::max(line.second, run.x + width(b));
        }
        return lines;
    };
    const ImVec4 band =
        ImVec4(look.palette.link.x, look.palette.link.y, look.palette.link.z, 0.16f);
    const float margin = 0.15f * look.layout.em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto lines = spans(mark.begin - start, mark.end - start);
    for (std::size_t line = 0; line < lines.size(); ++line) {
        if (lines[line].first > lines[line].second) continue;
        const float y = origin.y + line * line_height;
        if (!mark.drawn) mark.top = y;
        mark.drawn = true;
        mark.window = ImGui::GetCurrentWindow()->ID;
        mark.bottom = y + line_height;
        draw->AddRectFilled(ImVec2(left + lines[line].first - margin, y),
                            ImVec2(left + lines[line].second + margin, y + line_height),
                            colour_u32(band), 0.2f * look.layout.em);
    }
    look.surfaces.record_on("read aloud", text, colour, blend_over(band, look.surfaces.current()));
    if (!mark.word_begin || mark.word_begin < mark.begin || mark.word_end > mark.end) return;
    const auto word = spans(mark.word_begin - start, mark.word_end - start);
    const float thickness = std::max(2.0f, size / 9.0f);
    for (std::size_t line = 0; line < word.size(); ++line) {
        if (word[line].first > word[line].second) continue;
        const float y = origin.y + line * line_height + line_height - thickness;
        if (!mark.word_drawn) mark.word_top = y + thickness - line_height;
        mark.word_drawn = true;
        mark.word_bottom = y + thickness;
        draw->AddRectFilled(ImVec2(left + word[line].first, y),
                            ImVec2(left + word[line].second, y + thickness),
                            colour_u32(look.palette.link));
    }
}

} // namespace

float text_width_of(ImFont* font, std::string_view text) {
    return text_width(font, text);
}

std::string ellipsized(ImFont* font, float size, const std::string& text, float width) {
    auto measure = [&](const char* end) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str(), end).x;
    };
    if (measure(text.c_str() + text.size()) <= width) return text;
    const char* const ellipsis = "…";
    const float ellipsis_width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, ellipsis).x;
    std::size_t keep = 0;
    for (std::size_t index = 1; index <= text.size(); ++index) {
        if (index < text.size() && (static_cast<unsigned char>(text[index]) & 0xC0) == 0x80)
            continue; // inside a UTF-8 character
        if (measure(text.c_str() + index) + ellipsis_width > width) break;
        keep = index;
    }
    std::string shown = text.substr(0, keep);
    while (!shown.empty() && shown.back() == ' ')
        shown.pop_back();
    return shown + ellipsis;
}

namespace {

// A title or a heading: a paragraph with no glossary links that a screen reader knows as a
// heading of `level` (1 the page's title, 2 a section, 3 a part of one).
ParagraphOptions heading_options(ImFont* font, const ImVec4* colour, float line_height,
                                 std::uint8_t level) {
    ParagraphOptions options;
    options.font = font;
    options.colour = colour;
    options.glossary_links = false;
    options.line_height = line_height;
    options.heading_level = level;
    return options;
}

} // namespace

void title(Look& look, const std::string& text) {
    paragraph(look, text, heading_options(look.fonts.title, &look.palette.heading, 1.2f, 1));
}

void heading(Look& look, const std::string& text) {
    space(look, 0.5f);
    look.record.item("heading:" + text, ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos());
    paragraph(look, text, heading_options(look.fonts.heading, &look.palette.heading, 1.25f, 2));
}

void subheading(Look& look, const std::string& text) {
    look.record.item("heading:" + text, ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos());
    paragraph(look, text, heading_options(look.fonts.bold, nullptr, 1.35f, 3));
}

void paragraph(Look& look, std::string_view text, const ParagraphOptions& options) {
    if (text.empty()) return;
    ImFont* font = options.font ? options.font : (options.bold ? look.fonts.bold : look.fonts.body);
    const Palette& palette = look.palette;
    const float size = font->FontSize;
    const float line_height = std::floor(size * options.line_height);
    const ImVec4 colour = options.colour ? *options.colour : palette.text;

    static const std::vector<GlossaryMatch> no_matches;
    const std::vector<GlossaryMatch>& matches =
        options.glossary_links ? look.requests.glossary_matches(text) : no_matches;
    std::vector<LinkSpan> links;
    links.reserve(matches.size());
    for (std::size_t m = 0; m < matches.size(); ++m)
        links.push_back({matches[m].begin, matches[m].end, static_cast<int>(m)});

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + options.indent;
    const float right = std::max(left + 1.0f, origin.x + available_width());
    const LineLayout layout = lay_out(font, text, right - left, links);
    record_layout(look, text, layout, right - left);
    draw_reading(look, text, layout, font, origin, left, line_height, colour);
    look.surfaces.record("paragraph", text, colour);
    if (!links.empty()) look.surfaces.record("link", text, palette.link);

    const float clip_top = window->ClipRect.Min.y - line_height;
    const float clip_bottom = window->ClipRect.Max.y;
    ImDrawList* draw = window->DrawList;
    const ImU32 text_u32 = colour_u32(colour);
    const ImU32 link_u32 = colour_u32(palette.link);
    const float text_offset = std::floor((line_height - size) * 0.5f);
    const float underline_thickness = std::max(1.0f, size / 14.0f);
    // A glossary word is a finger target even when its line is shorter than one.
    const float touch_extra = std::max(0.0f, (look.layout.touch - line_height) * 0.5f);

    for (std::size_t index = 0; index < layout.runs.size(); ++index) {
        const LaidOutRun& run = layout.runs[index];
        const float x = left + run.x;
        const float y = origin.y + run.line * line_height;
        const float run_size = size * run.scale;
        const ImVec2 text_at(x, y + text_offset + (size - run_size) * 0.5f);
        const bool visible = y >= clip_top && y <= clip_bottom;
        if (run.link < 0) {
            if (visible)
                draw->AddText(font, run_size, text_at, text_u32, text.data() + run.begin,
                              text.data() + run.end);
            continue;
        }
        // A tappable glossary word: link colour, underlined, with a finger-sized target.
        const GlossaryMatch& match = matches[static_cast<std::size_t>(run.link)];
        const ImRect box(ImVec2(x, y - touch_extra),
                         ImVec2(x + run.width, y + line_height + touch_extra));
        if (glossary_target(look, text, run.begin, box, match.term_id,
                            ImRect(ImVec2(box.Min.x, y), ImVec2(box.Max.x, y + line_height))))
            look.surfaces.record_on("link, touched", match.term_id, palette.link,
                                    palette.button_hovered);
        if (!visible) continue;
        draw->AddText(font, run_size, text_at, link_u32, text.data() + run.begin,
                      text.data() + run.end);
        const float underline = y + text_offset + size + 1.0f;
        // The words of one link keep one continuous underline across their spaces.
        const bool joins_next = run.gap_after && index + 1 < layout.runs.size() &&
                                layout.runs[index + 1].link == run.link &&
                                layout.runs[index + 1].line == run.line;
        const float underline_end = joins_next ? left + layout.runs[index + 1].x : x + run.width;
        draw->AddLine(ImVec2(x, underline), ImVec2(underline_end, underline), link_u32,
                      underline_thickness);
    }
    const float height = std::max(1, layout.line_count()) * line_height;
    look.record.item("text", origin, ImVec2(left + layout.widest, origin.y + height));
    record_words(look, text, options, matches, ImVec2(left, origin.y),
                 ImVec2(left + layout.widest, origin.y + height));
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(right - origin.x, height));
}

void bullet(Look& look, std::string_view text, const ParagraphOptions& options) {
    const float em = look.layout.em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line_height = std::floor(look.fonts.body->FontSize * line_height_factor);
    const ImVec4 colour = options.colour ? *options.colour : look.palette.text;
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(origin.x + options.indent + 0.3f * em, origin.y + line_height * 0.5f), 0.17f * em,
        colour_u32(colour));
    ParagraphOptions inner = options;
    inner.list_item = true;
    // The hanging indent grows more slowly than the text, so large text keeps its width.
    inner.indent = options.indent + 0.55f * em + 0.65f * base_body_pixels;
    paragraph(look, text, inner);
}

} // namespace lungguide::ui
