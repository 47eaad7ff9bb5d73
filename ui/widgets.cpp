// Index
//   helpers          colours, word splitting for paragraphs, button colours
//   button()         wrapping, finger-sized buttons and tiles
//   title/heading    page and section headings (wrap like paragraphs)
//   paragraph()      word wrap, roomy lines, tappable glossary words
//   bullet, chips    hanging bullets, "RARE BUT SERIOUS"-style labels
//   boxes, Flow      backgrounds behind a run of items, wrapping rows of buttons
//   semantics        each widget records what it means for assistive technology
#include "widgets.h"

#include "glossary.h"
#include "line_layout.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

namespace lungguide::ui {

namespace {

constexpr float line_height_factor = 1.45f; // roomier than ImGui's 1.0 for easy reading

ImU32 colour_u32(const ImVec4& colour) {
    return ImGui::ColorConvertFloat4ToU32(colour);
}

float text_width(ImFont* font, std::string_view text) {
    return font
        ->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size())
        .x;
}

LineLayout lay_out(ImFont* font, std::string_view text, float width,
                   const std::vector<LinkSpan>& links = {}) {
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

// For the test that no word is ever split: what each wrapped text became.
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

// Draws laid-out text whose first line's top is at `origin`; `line_height` apart.
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

// ---- semantics: what each widget means, for assistive technology (semantics.h) ----------

// A label as it is meant, without the marks that only point the eye ("Bookmarks  ›").
std::string spoken(const std::string& label) {
    if (label == "\xC3\x97") return "Clear"; // the search box's ×
    std::string text = label;
    const std::string forward = "\xE2\x80\xBA"; // ›
    const std::string back = "\xE2\x80\xB9";    // ‹
    if (text.size() >= forward.size() &&
        text.compare(text.size() - forward.size(), forward.size(), forward) == 0)
        text.erase(text.size() - forward.size());
    if (text.compare(0, back.size(), back) == 0) text.erase(0, back.size());
    const std::size_t first = text.find_first_not_of(' ');
    const std::size_t last = text.find_last_not_of(' ');
    return first == std::string::npos ? label : text.substr(first, last - first + 1);
}

// "Bookmark for whom?##picker" -> "Bookmark for whom?"
std::string dialog_name(const char* window_name) {
    const std::string name = window_name;
    return name.substr(0, name.find("##"));
}

// Under an open modal (the drawer, the glossary panel, the picker) the page can't be
// reached, by a finger or by a screen reader.
bool hidden_by_modal(ImGuiWindow* window) {
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    return modal && !ImGui::IsWindowChildOf(window, modal, false);
}

void enter_window_region(Look& look, ImGuiWindow* window) {
    SemanticRegion region;
    region.id = window->ID;
    region.min = window->InnerRect.Min;
    region.max = window->InnerRect.Max;
    region.scroll_y = window->Scroll.y;
    for (ImGuiWindow* up = window; up; up = up->ParentWindow)
        if (up->Flags & ImGuiWindowFlags_Modal) {
            region.dialog = dialog_name(up->Name);
            break;
        }
    look.semantics.enter_region(region);
}

// Records a node drawn at [min, max) on the screen in the current window; hands back what
// the platform asked of it. A node it asked to see is scrolled into view.
SemanticRequest record_node(Look& look, SemanticNode node, ImVec2 min, ImVec2 max) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (hidden_by_modal(window)) return {};
    enter_window_region(look, window);
    const ImVec2 origin(window->InnerRect.Min.x, window->InnerRect.Min.y - window->Scroll.y);
    node.min = ImVec2(min.x - origin.x, min.y - origin.y);
    node.max = ImVec2(max.x - origin.x, max.y - origin.y);
    const SemanticRequest request = look.semantics.add(std::move(node));
    if (request.show || request.focus) {
        ImGui::ScrollToRect(window, ImRect(min, max), ImGuiScrollFlags_KeepVisibleEdgeY);
        look.requests.request_frames(3);
    }
    return request;
}

// The last item, a button: recorded; true when assistive technology asked to press it.
bool record_button(Look& look, const std::string& label, const std::string& detail, bool selected,
                   ImVec2 min, ImVec2 max) {
    if (!look.semantics.on()) return false;
    SemanticNode node;
    node.role = SemanticRole::button;
    node.text = spoken(label);
    node.detail = detail;
    node.selected = selected;
    node.id = look.semantics.unique_id(ImGui::GetItemID());
    if (!record_node(look, std::move(node), min, max).activate) return false;
    look.requests.request_frames(3);
    return true;
}

// Words: a paragraph, a heading or a list item, with its glossary words as links. A link
// asked to act opens its explanation, as a tap on the word does.
void record_words(Look& look, std::string_view text, const ParagraphOptions& options,
                  const std::vector<GlossaryMatch>& matches, ImVec2 min, ImVec2 max) {
    if (!look.semantics.on()) return;
    SemanticNode node;
    node.role = options.heading_level ? SemanticRole::heading
                : options.list_item   ? SemanticRole::list_item
                                      : SemanticRole::paragraph;
    node.level = options.heading_level;
    node.text = std::string(text);
    node.id = look.semantics.unique_id(ImGui::GetID(text.data(), text.data() + text.size()));
    for (std::size_t index = 0; index < matches.size(); ++index) {
        const std::uint32_t id =
            look.semantics.unique_id(ImHashData(&index, sizeof index, node.id));
        node.links.push_back({static_cast<std::uint32_t>(matches[index].begin),
                              static_cast<std::uint32_t>(matches[index].end), id});
    }
    const std::vector<SemanticLink> links = node.links;
    record_node(look, std::move(node), min, max);
    for (std::size_t index = 0; index < links.size(); ++index)
        if (look.semantics.take_activation(links[index].id))
            look.requests.open_glossary(matches[index].term_id);
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
    if (pressed) look.requests.request_frames(3);
    return pressed;
}

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
    if (pressed) look.requests.request_frames(3);
    return pressed;
}

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
    if (pressed) look.requests.request_frames(3);
    return pressed;
}

void title(Look& look, const std::string& text) {
    ParagraphOptions options;
    options.font = look.fonts.title;
    options.colour = &look.palette.heading;
    options.glossary_links = false;
    options.line_height = 1.2f;
    options.heading_level = 1;
    paragraph(look, text, options);
}

void heading(Look& look, const std::string& text) {
    space(look, 0.5f);
    ParagraphOptions options;
    options.font = look.fonts.heading;
    options.colour = &look.palette.heading;
    options.glossary_links = false;
    options.line_height = 1.25f;
    options.heading_level = 2;
    look.record.item("heading:" + text, ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos());
    paragraph(look, text, options);
}

void subheading(Look& look, const std::string& text) {
    ParagraphOptions options;
    options.bold = true;
    options.glossary_links = false;
    options.line_height = 1.35f;
    options.heading_level = 3;
    look.record.item("heading:" + text, ImGui::GetCursorScreenPos(), ImGui::GetCursorScreenPos());
    paragraph(look, text, options);
}

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

void label_chip(Look& look, const std::string& text, const ImVec4& text_colour,
                const ImVec4& background) {
    const float em = look.layout.em;
    ImFont* font = look.fonts.bold;
    const ImVec2 padding(0.5f * em, 0.2f * em);
    // Wraps like everything else when a phone at 250% has no room for it on one line.
    const float wrap = std::max(available_width() - 2 * padding.x, 2.0f * em);
    const LineLayout lines = lay_out(font, text, wrap);
    record_layout(look, text, lines, wrap);
    const ImVec2 size(lines.widest, std::max(1, lines.line_count()) * font->FontSize);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 corner(origin.x + size.x + 2 * padding.x, origin.y + size.y + 2 * padding.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, corner, colour_u32(background), 0.3f * em);
    draw->AddRect(origin, corner, colour_u32(text_colour), 0.3f * em, 0, 2.0f);
    look.surfaces.record_on("chip", text, text_colour, background);
    draw_lines(draw, font, text, lines, ImVec2(origin.x + padding.x, origin.y + padding.y),
               font->FontSize, colour_u32(text_colour));
    ImGui::Dummy(ImVec2(corner.x - origin.x, corner.y - origin.y));
    look.record.item("chip:" + text, origin, corner);
    record_words(look, text, ParagraphOptions{}, {}, origin, corner);
}

void space(Look& look, float em_count) {
    ImGui::Dummy(ImVec2(1.0f, look.layout.em * em_count));
}

float available_width() {
    // Respect an enclosing PushTextWrapPos: boxes keep text and buttons off their right edge.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->DC.TextWrapPos >= 0.0f)
        return ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), window->DC.TextWrapPos);
    return ImGui::GetContentRegionAvail().x;
}

void begin_box(Look& look, const ImVec4& background, const ImVec4& border) {
    BoxState& box_state = look.box;
    IM_ASSERT(!box_state.open && "boxes do not nest");
    box_state.open = true;
    look.surfaces.push(background);
    box_state.background = background;
    box_state.border = border;
    box_state.padding = look.layout.pad;
    box_state.bar = std::max(4.0f, 0.3f * look.layout.pad);
    box_state.start = ImGui::GetCursorScreenPos();
    box_state.width = ImGui::GetContentRegionAvail().x;
    box_state.splitter.Split(ImGui::GetWindowDrawList(), 2);
    box_state.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::Dummy(ImVec2(1.0f, box_state.padding - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(box_state.padding + box_state.bar);
    // Keep text clear of the right edge too.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + box_state.width - 2.0f * box_state.padding -
                           box_state.bar);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(box_state.width - 2.0f * box_state.padding - box_state.bar);
}

void end_box(Look& look) {
    BoxState& box_state = look.box;
    IM_ASSERT(box_state.open && "end_box() without begin_box()");
    look.surfaces.pop();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(box_state.padding + box_state.bar);
    ImGui::Dummy(ImVec2(1.0f, box_state.padding - ImGui::GetStyle().ItemSpacing.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    box_state.splitter.SetCurrentChannel(draw, 0);
    const ImVec2 end(box_state.start.x + box_state.width,
                     ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    const float rounding = 0.4f * box_state.padding;
    draw->AddRectFilled(box_state.start, end, colour_u32(box_state.background), rounding);
    draw->AddRect(box_state.start, end, colour_u32(box_state.border), rounding, 0, 1.5f);
    draw->AddRectFilled(box_state.start, ImVec2(box_state.start.x + box_state.bar, end.y),
                        colour_u32(box_state.border), rounding, ImDrawFlags_RoundCornersLeft);
    box_state.splitter.Merge(draw);
    box_state.open = false;
}

bool begin_centred_modal(Look& look, const char* name, bool& needs_open, float width,
                         float max_height) {
    if (needs_open) {
        ImGui::OpenPopup(name);
        needs_open = false;
    }
    const Layout& layout = look.layout;
    const float em = layout.em;
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowPos(ImVec2(layout.width * 0.5f, layout.height * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.pad, layout.pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.6f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, look.palette.heading);
    if (max_height > 0.0f)
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, max_height));
    const bool open =
        ImGui::BeginPopupModal(name, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (open) look.surfaces.push(ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    return open;
}

void end_centred_modal(Look& look, bool open) {
    if (open) {
        look.surfaces.pop();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
}

namespace {

// The test record, and the colours of the box's text (or hint) for the contrast test.
void record_input_colours(Look& look, const std::string& name, bool empty) {
    look.record.item("input:" + name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const ImVec4& face = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    // Selected words lie on the selection's tint (all of them when search opens).
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    if (state && state->HasSelection() && !empty)
        look.surfaces.record_on("input selection", name, ImGui::GetStyleColorVec4(ImGuiCol_Text),
                                blend_over(ImGui::GetStyleColorVec4(ImGuiCol_TextSelectedBg),
                                           blend_over(face, look.surfaces.current())));
    if (empty)
        look.surfaces.record_on("input hint", name, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                                face);
    else
        look.surfaces.record_on("input", name, ImGui::GetStyleColorVec4(ImGuiCol_Text), face);
}

void record_text_box(Look& look, const std::string& value, const TextBoxInfo& info) {
    if (!look.semantics.on()) return;
    const ImGuiID item = info.id ? info.id : ImGui::GetItemID();
    const bool focused = ImGui::GetActiveID() == item;
    SemanticNode node;
    node.role = SemanticRole::text_box;
    node.text = info.label;
    node.detail = info.hint;
    node.value = value;
    node.box = info.kind;
    node.focused = focused;
    node.id = look.semantics.unique_id(item);
    const ImGuiStyle& style = ImGui::GetStyle();
    node.editor.font_size = ImGui::GetFontSize();
    node.editor.padding = style.FramePadding;
    node.editor.rounding = style.FrameRounding;
    node.editor.text = ImGui::GetColorU32(ImGuiCol_Text);
    node.editor.background = ImGui::GetColorU32(ImGuiCol_FrameBg);
    const SemanticRequest request =
        record_node(look, std::move(node), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (request.focus && !focused) {
        // Through navigation, which still reaches a box scrolled out of sight (it is scrolled
        // into view above); ImGui opens it with the keyboard in the next frame.
        ImGui::ActivateItem(item);
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    if (request.leave && focused) ImGui::ClearActiveID(); // the text stays as typed
}

} // namespace

void record_input(Look& look, const std::string& name, bool empty) {
    record_input_colours(look, name, empty);
    // Its text is at hand only while it has the keyboard.
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    TextBoxInfo info;
    info.label = name;
    const bool known = state && state->TextAIsValid && state->TextA.Data && !empty;
    record_text_box(look, known ? std::string(state->TextA.Data, state->CurLenA) : "", info);
}

void record_input(Look& look, const std::string& name, const std::string& value,
                  const TextBoxInfo& info) {
    // Empty with no hint, nothing is drawn in the hint's colours.
    record_input_colours(look, name, value.empty() && !info.hint.empty());
    record_text_box(look, value, info);
}

void record_unrecorded_text_box(Look& look) {
    if (!look.semantics.on() || !ImGui::GetIO().WantTextInput) return;
    const ImGuiID active = ImGui::GetActiveID();
    const ImGuiInputTextState* state = ImGui::GetInputTextState(active);
    if (!state || look.semantics.find(active)) return;
    TextBoxInfo info;
    info.label = "Text";
    info.id = active;
    // Where it is drawn is not known here: a point at the window's corner.
    const ImVec2 corner = ImGui::GetWindowPos();
    ImGui::SetCursorScreenPos(corner);
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    record_text_box(look, state->TextAIsValid ? std::string(state->TextA.Data, state->CurLenA) : "",
                    info);
}

bool semantic_button(Look& look, const std::string& label, const std::string& detail) {
    return record_button(look, label, detail, false, ImGui::GetItemRectMin(),
                         ImGui::GetItemRectMax());
}

void mark_live_region(Look& look) {
    if (!look.semantics.on()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (hidden_by_modal(window)) return;
    enter_window_region(look, window);
    look.semantics.mark_live();
}

void rule(Look& look) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(origin, ImVec2(origin.x + width, origin.y),
                                        colour_u32(look.palette.border), 1.0f);
    ImGui::Dummy(ImVec2(width, 1.0f));
}

Flow::Flow(Look& look) : look_(look) {
    left_ = ImGui::GetCursorScreenPos().x;
    right_ = left_ + available_width();
}

void Flow::next(float width) {
    if (first_) {
        first_ = false;
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_ + 0.5f) ImGui::SameLine();
}

} // namespace lungguide::ui
