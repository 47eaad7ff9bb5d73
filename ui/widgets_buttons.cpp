// Finger-sized buttons: wrapping buttons and tiles, one-line buttons for bars and short lists,
// and square icon buttons. Each records where it is (tests) and what it means (semantics).
#include "widgets.h"
#include "widgets_internal.h"

#include <algorithm>
#include <cfloat>
#include <string>

namespace lungguide::ui {

using namespace widget_parts;

namespace {

ImVec4 button_background(const Palette& palette, ButtonKind kind, bool held, bool hovered) {
    if (held) return kind == ButtonKind::primary ? palette.link : palette.button_pressed;
    switch (kind) {
    case ButtonKind::primary:
        return palette.heading;
    case ButtonKind::selected:
        return palette.selected;
    case ButtonKind::quiet:
        return hovered ? palette.button_hovered : palette.background;
    case ButtonKind::normal:
        return hovered ? palette.button_hovered : palette.button;
    }
    return palette.button;
}

ImVec4 button_text_colour(const Palette& palette, ButtonKind kind, bool held) {
    switch (kind) {
    case ButtonKind::primary:
        return palette.background;
    case ButtonKind::selected:
        return palette.text;
    case ButtonKind::quiet:
        return held ? palette.button_text : palette.link;
    case ButtonKind::normal:
        return palette.button_text;
    }
    return palette.button_text;
}

// A button's filled face and, except on a primary button, its outline.
void draw_button_face(Look& look, ButtonKind kind, ImVec2 min, ImVec2 max, const ImVec4& face) {
    const Palette& palette = look.palette;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = 0.4f * look.layout.em;
    draw->AddRectFilled(min, max, colour_u32(face), rounding);
    if (kind == ButtonKind::primary) return;
    const float thickness = look.theme == ThemeId::high_contrast ? 2.0f : 1.0f;
    const ImVec4 outline = kind == ButtonKind::selected ? palette.link : palette.border;
    draw->AddRect(min, max, colour_u32(outline), rounding, 0,
                  kind == ButtonKind::selected ? 2.0f * thickness : thickness);
}

} // namespace

float button_width(Look& look, const std::string& label) {
    return text_width(look.fonts.bold, label) + 1.8f * look.layout.pad;
}

bool button(Look& look, const std::string& label, const ButtonOptions& options, const char* id) {
    const Layout& layout = look.layout;
    const Palette& palette = look.palette;
    const float em = layout.em;
    ImFont* font = options.bold ? look.fonts.bold : look.fonts.body;
    ImFont* small_font = look.fonts.body;
    const float padding_x = 0.9f * layout.pad;
    const float padding_y = 0.45f * em;
    const float available = std::max(available_width(), layout.touch);

    float width = options.width;
    if (width < 0.0f)
        width = available;
    else if (width == 0.0f)
        width = text_width(font, label) + 2.0f * padding_x;
    width = std::min(width, available);
    const float wrap = std::max(width - 2.0f * padding_x, 1.0f);

    // Labels wrap like paragraphs: at spaces and hyphens only, a long word scaled to fit.
    const LineLayout label_lines = lay_out(font, label, wrap);
    record_layout(look, label, label_lines, wrap);
    const float label_line_height = font->FontSize;
    const ImVec2 label_size(label_lines.widest,
                            std::max(1, label_lines.line_count()) * label_line_height);
    LineLayout subtitle_lines;
    ImVec2 subtitle_size(0.0f, 0.0f);
    if (!options.subtitle.empty()) {
        subtitle_lines = lay_out(small_font, options.subtitle, wrap);
        record_layout(look, options.subtitle, subtitle_lines, wrap);
        subtitle_size = ImVec2(subtitle_lines.widest,
                               std::max(1, subtitle_lines.line_count()) * small_font->FontSize);
    }
    const float gap = options.subtitle.empty() ? 0.0f : 0.25f * em;
    const float content_height = label_size.y + gap + subtitle_size.y;
    const float height = std::max(layout.touch, content_height + 2.0f * padding_y);

    ImGui::PushID(id ? id : label.c_str());
    const ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##button", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    look.record.item(label, position, ImVec2(position.x + width, position.y + height));
    pressed |= record_button(look, label, options.subtitle, options.kind == ButtonKind::selected,
                             position, ImVec2(position.x + width, position.y + height));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 face = button_background(palette, options.kind, held, hovered);
    draw_button_face(look, options.kind, position, ImVec2(position.x + width, position.y + height),
                     face);
    const ImVec4 text_colour = button_text_colour(palette, options.kind, held);
    look.surfaces.record_on("button", label, text_colour, face);
    const bool centred = options.subtitle.empty() && options.width == 0.0f;
    float text_x = centred ? position.x + (width - label_size.x) * 0.5f : position.x + padding_x;
    float text_y = position.y + (height - content_height) * 0.5f;
    draw_lines(draw, font, label, label_lines, ImVec2(text_x, text_y), label_line_height,
               colour_u32(text_colour));
    if (!options.subtitle.empty()) {
        const ImVec4 subtitle_colour =
            options.kind == ButtonKind::primary
                ? palette.background
                : (options.kind == ButtonKind::normal ? palette.button_text : palette.text);
        look.surfaces.record_on("button subtitle", options.subtitle, subtitle_colour, face);
        draw_lines(draw, small_font, options.subtitle, subtitle_lines,
                   ImVec2(text_x, text_y + label_size.y + gap), small_font->FontSize,
                   colour_u32(subtitle_colour));
    }
    if (pressed) look.requests.request_frames(settle_frames);
    return pressed;
}

float button_height(Look& look, const std::string& label, const ButtonOptions& options,
                    float width) {
    const Layout& layout = look.layout;
    ImFont* font = options.bold ? look.fonts.bold : look.fonts.body;
    const float padding_x = 0.9f * layout.pad;
    if (width <= 0.0f) width = text_width(font, label) + 2.0f * padding_x;
    const float wrap = std::max(width - 2.0f * padding_x, 1.0f);
    float content = std::max(1, lay_out(font, label, wrap).line_count()) * font->FontSize;
    if (!options.subtitle.empty())
        content += 0.25f * layout.em +
                   std::max(1, lay_out(look.fonts.body, options.subtitle, wrap).line_count()) *
                       look.fonts.body->FontSize;
    return std::max(layout.touch, content + 2.0f * 0.45f * layout.em);
}

namespace {

// How a line button's label is set in its room: the size (shrunk down to body size at
// 100 %), and with wrap, the lines it takes at that size when one line is not enough.
struct LineLabel {
    float size = 0.0f;
    LineLayout lines; // only when wrapped
    bool wrapped = false;
};

constexpr float line_button_line_height = 1.2f; // in font sizes, for a wrapped label

LineLabel set_line_label(Look& look, ImFont* font, const std::string& label, float room,
                         bool wrap) {
    LineLabel set;
    const float natural = text_width(font, label);
    const float smallest = std::min(font->FontSize, 1.05f * base_body_pixels * look.content_scale);
    // A little under the exact fit: ImGui rounds widths up, and a label that fits exactly
    // in arithmetic must not lose its last letters to an ellipsis.
    set.size = natural <= room
                   ? font->FontSize
                   : std::max(smallest, font->FontSize * 0.97f * room / std::max(natural, 1.0f));
    const float shown = font->CalcTextSizeA(set.size, FLT_MAX, 0.0f, label.c_str()).x;
    if (!wrap || shown <= room) return set;
    // Laid out at the font's own size in a column as much wider as the text is smaller.
    set.lines = lay_out(font, label, room * font->FontSize / set.size);
    set.wrapped = set.lines.line_count() > 1;
    return set;
}

float line_padding_x(const Look& look) {
    return 0.9f * look.layout.pad;
}

float line_chevron(const Look& look, bool chevron) {
    return chevron ? 1.2f * std::min(look.layout.em, 1.3f * base_body_pixels) : 0.0f;
}

} // namespace

float line_button_height(Look& look, const std::string& label, const LineButton& options,
                         float width) {
    const float base = options.height > 0.0f ? options.height : look.layout.touch;
    if (!options.wrap) return base;
    ImFont* font = look.fonts.bold;
    const float room =
        std::max(width - 2.0f * line_padding_x(look) - line_chevron(look, options.chevron), 1.0f);
    const LineLabel set = set_line_label(look, font, label, room, true);
    if (!set.wrapped) return base;
    const float text_height = set.lines.line_count() * line_button_line_height * set.size;
    return std::max(base, text_height + 0.6f * set.size);
}

bool line_button(Look& look, const std::string& label, const char* id, const LineButton& options) {
    const Layout& layout = look.layout;
    const Palette& palette = look.palette;
    const float em = layout.em;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = std::max(available_width(), layout.touch);
    const ImVec2 size(width, line_button_height(look, label, options, width));
    ImGui::PushID(id);
    bool pressed = ImGui::InvisibleButton("##line", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 corner(at.x + size.x, at.y + size.y);
    look.record.item(options.record_as ? options.record_as : label, at, corner);
    pressed |= record_button(look, label, "", options.selected, at, corner);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = 0.4f * em;
    const ButtonKind kind = options.selected ? ButtonKind::selected : ButtonKind::normal;
    draw->AddRectFilled(at, corner, colour_u32(button_background(palette, kind, held, false)),
                        rounding);
    draw->AddRect(at, corner, colour_u32(options.selected ? palette.link : palette.border),
                  rounding, 0, options.selected ? 2.0f : 1.0f);
    ImFont* font = look.fonts.bold;
    const float padding_x = line_padding_x(look);
    const float chevron = line_chevron(look, options.chevron);
    const float room = std::max(size.x - 2.0f * padding_x - chevron, 1.0f);
    const LineLabel set = set_line_label(look, font, label, room, options.wrap);
    const ImVec4 text_colour = button_text_colour(palette, kind, held);
    if (set.wrapped) {
        record_layout(look, label, set.lines, room * font->FontSize / set.size);
        look.surfaces.record_on("line button", label, text_colour,
                                button_background(palette, kind, held, false));
        const float scale = set.size / font->FontSize;
        const float line_height = line_button_line_height * set.size;
        const float top = at.y + 0.5f * (size.y - set.lines.line_count() * line_height) +
                          0.5f * (line_height - set.size);
        for (const LaidOutRun& run : set.lines.runs)
            draw->AddText(font, set.size * run.scale,
                          ImVec2(at.x + padding_x + run.x * scale, top + run.line * line_height),
                          colour_u32(text_colour), label.data() + run.begin,
                          label.data() + run.end);
    } else {
        const std::string shown = ellipsized(font, set.size, label, room);
        look.surfaces.record_on("line button", shown, text_colour,
                                button_background(palette, kind, held, false));
        draw->AddText(font, set.size, ImVec2(at.x + padding_x, at.y + (size.y - set.size) * 0.5f),
                      colour_u32(text_colour), shown.c_str(), shown.c_str() + shown.size());
    }
    if (options.chevron)
        draw_icon(Icon::chevron_down,
                  ImVec2(corner.x - padding_x - 0.5f * chevron, at.y + 0.5f * size.y), chevron,
                  text_colour);
    if (pressed) look.requests.request_frames(settle_frames);
    return pressed;
}

bool icon_button(Look& look, Icon icon, const std::string& label, const char* id, float size) {
    const Palette& palette = look.palette;
    if (size <= 0.0f) size = look.layout.touch;
    ImGui::PushID(id ? id : label.c_str());
    const ImVec2 position = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton("##icon", ImVec2(size, size));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    look.record.item(label, position, ImVec2(position.x + size, position.y + size));
    pressed |= record_button(look, label, "", false, position,
                             ImVec2(position.x + size, position.y + size));
    const ImVec4 face = button_background(palette, ButtonKind::normal, held, hovered);
    draw_button_face(look, ButtonKind::normal, position,
                     ImVec2(position.x + size, position.y + size), face);
    draw_icon(icon, ImVec2(position.x + 0.5f * size, position.y + 0.5f * size), 0.6f * size,
              palette.button_text);
    look.surfaces.record_on("icon button", label, palette.button_text, face, false);
    if (pressed) look.requests.request_frames(settle_frames);
    return pressed;
}

} // namespace lungguide::ui
