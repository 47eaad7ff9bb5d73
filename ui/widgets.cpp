// Index
//   helpers          colours, word splitting for paragraphs, button colours
//   button()         wrapping, finger-sized buttons and tiles
//   title/heading    page and section headings (wrap like paragraphs)
//   paragraph()      word wrap, roomy lines, tappable glossary words
//   bullet, chips    hanging bullets, "RARE BUT SERIOUS"-style labels
//   boxes, Flow      backgrounds behind a run of items, wrapping rows of buttons
#include "widgets.h"

#include "app.h"
#include "glossary.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

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

// One drawable piece of a paragraph: a word (with its trailing space) or part of one.
struct Piece {
    const char* begin;
    const char* end;     // end of the visible characters
    const char* end_gap; // end including the following spaces
    int link = -1;       // index into the matches, or -1
};

// Splits text into words, keeping each glossary match's words tagged with its index.
std::vector<Piece> split_words(std::string_view text, const std::vector<GlossaryMatch>& matches) {
    std::vector<Piece> pieces;
    const char* base = text.data();
    std::size_t index = 0;
    while (index < text.size()) {
        while (index < text.size() && text[index] == ' ')
            ++index;
        if (index >= text.size()) break;
        std::size_t start = index;
        int link = -1;
        for (std::size_t m = 0; m < matches.size(); ++m)
            if (start >= matches[m].begin && start < matches[m].end) link = static_cast<int>(m);
        // A word ends at a space, or where a link starts or ends, so "(ILD)/pneumonitis;"
        // keeps its punctuation outside the link.
        while (index < text.size() && text[index] != ' ') {
            // A long hyphenated word may break after its hyphen ("HER2-|directed").
            if (index > start && text[index - 1] == '-' && index + 1 < text.size() &&
                text[index] != '-')
                break;
            bool boundary = false;
            for (std::size_t m = 0; m < matches.size(); ++m) {
                if (index != start && (index == matches[m].begin || index == matches[m].end))
                    boundary = true;
            }
            if (boundary) break;
            ++index;
        }
        std::size_t visible_end = index;
        while (index < text.size() && text[index] == ' ')
            ++index;
        pieces.push_back({base + start, base + visible_end, base + index, link});
    }
    return pieces;
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
        return held ? palette.background : palette.background;
    case ButtonKind::selected:
        return palette.text;
    case ButtonKind::quiet:
        return held ? palette.button_text : palette.link;
    case ButtonKind::normal:
        return palette.button_text;
    }
    return palette.button_text;
}

// begin_box() leaves a pointer to the App's BoxState in the window's own ImGui storage, so
// end_box() finds it without being handed the App again.
constexpr ImGuiID open_box_key = 0x4c47426f; // "LGBo": any id no widget uses

BoxState& open_box() {
    auto* state =
        static_cast<BoxState*>(ImGui::GetCurrentWindow()->StateStorage.GetVoidPtr(open_box_key));
    IM_ASSERT(state && "end_box() without begin_box() in this window");
    return *state;
}

} // namespace

float button_width(App& app, const std::string& label) {
    const float em = app.layout().em;
    return text_width(app.fonts().bold, label) + 1.8f * app.layout().pad + 0.0f * em;
}

bool button(App& app, const std::string& label, const ButtonOptions& options, const char* id) {
    const Layout& layout = app.layout();
    const Palette& palette = app.palette();
    const float em = layout.em;
    ImFont* font = options.bold ? app.fonts().bold : app.fonts().body;
    ImFont* small_font = app.fonts().body;
    const float padding_x = 0.9f * layout.pad;
    const float padding_y = 0.45f * em;
    const float available = std::max(available_width(), 4.0f * em);

    float width = options.width;
    if (width < 0.0f)
        width = available;
    else if (width == 0.0f)
        width = text_width(font, label) + 2.0f * padding_x;
    width = std::min(width, available);
    const float wrap = std::max(width - 2.0f * padding_x, 1.0f);

    const ImVec2 label_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.c_str(),
                                                  label.c_str() + label.size());
    ImVec2 subtitle_size(0.0f, 0.0f);
    if (!options.subtitle.empty())
        subtitle_size =
            small_font->CalcTextSizeA(small_font->FontSize, FLT_MAX, wrap, options.subtitle.c_str(),
                                      options.subtitle.c_str() + options.subtitle.size());
    const float gap = options.subtitle.empty() ? 0.0f : 0.25f * em;
    const float content_height = label_size.y + gap + subtitle_size.y;
    const float height = std::max(layout.touch, content_height + 2.0f * padding_y);

    ImGui::PushID(id ? id : label.c_str());
    const ImVec2 position = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##button", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    app.record_item(label, position, ImVec2(position.x + width, position.y + height));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 corner(position.x + width, position.y + height);
    const float rounding = 0.4f * em;
    draw->AddRectFilled(position, corner,
                        colour_u32(button_background(palette, options.kind, held, hovered)),
                        rounding);
    if (options.kind != ButtonKind::primary) {
        const float thickness = app.theme() == ThemeId::high_contrast ? 2.0f : 1.0f;
        const ImVec4 outline = options.kind == ButtonKind::selected ? palette.link : palette.border;
        draw->AddRect(position, corner, colour_u32(outline), rounding, 0,
                      options.kind == ButtonKind::selected ? 2.0f * thickness : thickness);
    }
    const ImVec4 text_colour = button_text_colour(palette, options.kind, held);
    const bool centred = options.subtitle.empty() && options.width == 0.0f;
    float text_x = centred ? position.x + (width - label_size.x) * 0.5f : position.x + padding_x;
    float text_y = position.y + (height - content_height) * 0.5f;
    draw->AddText(font, font->FontSize, ImVec2(text_x, text_y), colour_u32(text_colour),
                  label.c_str(), label.c_str() + label.size(), wrap);
    if (!options.subtitle.empty()) {
        const ImVec4 subtitle_colour =
            options.kind == ButtonKind::primary
                ? palette.background
                : (options.kind == ButtonKind::normal ? palette.button_text : palette.text);
        draw->AddText(small_font, small_font->FontSize, ImVec2(text_x, text_y + label_size.y + gap),
                      colour_u32(subtitle_colour), options.subtitle.c_str(),
                      options.subtitle.c_str() + options.subtitle.size(), wrap);
    }
    if (pressed) app.request_frames(3);
    return pressed;
}

void title(App& app, const std::string& text) {
    ParagraphOptions options;
    options.font = app.fonts().title;
    options.colour = &app.palette().heading;
    options.glossary_links = false;
    options.line_height = 1.2f;
    paragraph(app, text, options);
}

void heading(App& app, const std::string& text) {
    space(app, 0.5f);
    ParagraphOptions options;
    options.font = app.fonts().heading;
    options.colour = &app.palette().heading;
    options.glossary_links = false;
    options.line_height = 1.25f;
    paragraph(app, text, options);
}

void subheading(App& app, const std::string& text) {
    ParagraphOptions options;
    options.bold = true;
    options.glossary_links = false;
    options.line_height = 1.35f;
    paragraph(app, text, options);
}

void paragraph(App& app, std::string_view text, const ParagraphOptions& options) {
    if (text.empty()) return;
    ImFont* font =
        options.font ? options.font : (options.bold ? app.fonts().bold : app.fonts().body);
    const Palette& palette = app.palette();
    const float size = font->FontSize;
    const float line_height = std::floor(size * options.line_height);
    const ImVec4 colour = options.colour ? *options.colour : palette.text;

    static const std::vector<GlossaryMatch> no_matches;
    const std::vector<GlossaryMatch>& matches =
        options.glossary_links ? app.glossary_matches(text) : no_matches;
    const std::vector<Piece> pieces = split_words(text, matches);

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + options.indent;
    const float available = available_width();
    const float right = std::max(left + size * 3.0f, origin.x + available);
    const float space_width = text_width(font, " ");
    const float clip_top = window->ClipRect.Min.y - line_height;
    const float clip_bottom = window->ClipRect.Max.y;
    ImDrawList* draw = window->DrawList;
    const ImU32 text_u32 = colour_u32(colour);
    const ImU32 link_u32 = colour_u32(palette.link);
    const float text_offset = std::floor((line_height - size) * 0.5f);

    float x = left;
    float y = origin.y;
    float widest = left;
    for (std::size_t index = 0; index < pieces.size(); ++index) {
        const Piece& piece = pieces[index];
        const char* begin = piece.begin;
        // Pieces with no space between them ("(" + "perforations" + ")") move to the next
        // line together, unless together they are wider than a whole line.
        const bool starts_run = index == 0 || pieces[index - 1].end_gap > pieces[index - 1].end;
        if (starts_run && x > left) {
            float run = 0.0f;
            for (std::size_t next = index; next < pieces.size(); ++next) {
                run +=
                    font->CalcTextSizeA(size, FLT_MAX, 0.0f, pieces[next].begin, pieces[next].end)
                        .x;
                if (pieces[next].end_gap > pieces[next].end) break;
            }
            if (x + run > right && run <= right - left) {
                x = left;
                y += line_height;
            }
        }
        while (begin < piece.end) {
            // Break a word that is wider than a whole line (long drug names at 250%).
            float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, piece.end).x;
            const char* end = piece.end;
            if (width > right - left) {
                end = begin;
                float used = 0.0f;
                while (end < piece.end) {
                    const char* next = end + 1;
                    while (next < piece.end && (static_cast<unsigned char>(*next) & 0xC0) == 0x80)
                        ++next;
                    float add = font->CalcTextSizeA(size, FLT_MAX, 0.0f, end, next).x;
                    if (used + add > right - x && end != begin) break;
                    used += add;
                    end = next;
                }
                width = used;
            } else if (x + width > right && x > left) {
                x = left;
                y += line_height;
            }
            const bool visible = y >= clip_top && y <= clip_bottom;
            if (piece.link >= 0) {
                // A tappable glossary word: drawn in the link colour and underlined.
                const ImRect box(ImVec2(x, y), ImVec2(x + width, y + line_height));
                ImGui::PushID(static_cast<int>(index));
                ImGui::PushID(piece.begin);
                const ImGuiID id = window->GetID("term");
                ImGui::PopID();
                ImGui::PopID();
                app.record_item("term:" + matches[static_cast<std::size_t>(piece.link)].term_id,
                                box.Min, box.Max);
                if (ImGui::ItemAdd(box, id)) {
                    bool hovered = false;
                    bool held = false;
                    if (ImGui::ButtonBehavior(box, id, &hovered, &held))
                        app.open_glossary(matches[static_cast<std::size_t>(piece.link)].term_id);
                    if (held || hovered)
                        draw->AddRectFilled(box.Min, box.Max, colour_u32(palette.button_hovered),
                                            0.2f * size);
                }
                if (visible) {
                    draw->AddText(font, size, ImVec2(x, y + text_offset), link_u32, begin, end);
                    const float underline = y + text_offset + size + 1.0f;
                    draw->AddLine(ImVec2(x, underline), ImVec2(x + width, underline), link_u32,
                                  std::max(1.0f, size / 14.0f));
                }
            } else if (visible) {
                draw->AddText(font, size, ImVec2(x, y + text_offset), text_u32, begin, end);
            }
            x += width;
            widest = std::max(widest, x);
            begin = end;
            if (begin < piece.end) {
                x = left;
                y += line_height;
            }
        }
        // The gap after the word; the words of one link keep one continuous underline.
        if (piece.end_gap > piece.end) {
            const bool same_link = piece.link >= 0 && index + 1 < pieces.size() &&
                                   pieces[index + 1].link == piece.link;
            if (same_link && x + space_width < right && y >= clip_top && y <= clip_bottom) {
                const float underline = y + text_offset + size + 1.0f;
                draw->AddLine(ImVec2(x, underline), ImVec2(x + space_width, underline), link_u32,
                              std::max(1.0f, size / 14.0f));
            }
            x += space_width;
        }
    }
    const float height = y + line_height - origin.y;
    app.record_item("text", origin, ImVec2(widest, origin.y + height));
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(right - origin.x, height));
}

void bullet(App& app, std::string_view text, const ParagraphOptions& options) {
    const float em = app.layout().em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line_height = std::floor(app.fonts().body->FontSize * line_height_factor);
    const ImVec4 colour = options.colour ? *options.colour : app.palette().text;
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(origin.x + options.indent + 0.45f * em, origin.y + line_height * 0.5f), 0.17f * em,
        colour_u32(colour));
    ParagraphOptions inner = options;
    inner.indent = options.indent + 1.2f * em;
    paragraph(app, text, inner);
}

void label_chip(App& app, const std::string& text, const ImVec4& text_colour,
                const ImVec4& background) {
    const float em = app.layout().em;
    ImFont* font = app.fonts().bold;
    const ImVec2 padding(0.5f * em, 0.2f * em);
    // Wraps like everything else when a phone at 250% has no room for it on one line.
    const float wrap = std::max(ImGui::GetContentRegionAvail().x - 2 * padding.x, 2.0f * em);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str(),
                                            text.c_str() + text.size());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 corner(origin.x + size.x + 2 * padding.x, origin.y + size.y + 2 * padding.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, corner, colour_u32(background), 0.3f * em);
    draw->AddRect(origin, corner, colour_u32(text_colour), 0.3f * em, 0, 2.0f);
    draw->AddText(font, font->FontSize, ImVec2(origin.x + padding.x, origin.y + padding.y),
                  colour_u32(text_colour), text.c_str(), text.c_str() + text.size(), wrap);
    ImGui::Dummy(ImVec2(corner.x - origin.x, corner.y - origin.y));
    app.record_item("chip:" + text, origin, corner);
}

void space(App& app, float em_count) {
    ImGui::Dummy(ImVec2(1.0f, app.layout().em * em_count));
}

float available_width() {
    // Respect an enclosing PushTextWrapPos: boxes keep text and buttons off their right edge.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->DC.TextWrapPos >= 0.0f)
        return ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), window->DC.TextWrapPos);
    return ImGui::GetContentRegionAvail().x;
}

void begin_box(App& app, const ImVec4& background, const ImVec4& border) {
    BoxState& box_state = app.box_state();
    IM_ASSERT(!box_state.open && "boxes do not nest");
    ImGui::GetCurrentWindow()->StateStorage.SetVoidPtr(open_box_key, &box_state);
    box_state.open = true;
    box_state.background = background;
    box_state.border = border;
    box_state.padding = app.layout().pad;
    box_state.bar = std::max(4.0f, 0.3f * app.layout().pad);
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

void end_box() {
    BoxState& box_state = open_box();
    IM_ASSERT(box_state.open);
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
    ImGui::GetCurrentWindow()->StateStorage.SetVoidPtr(open_box_key, nullptr);
}

void rule(App& app) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(origin, ImVec2(origin.x + width, origin.y),
                                        colour_u32(app.palette().border), 1.0f);
    ImGui::Dummy(ImVec2(width, 1.0f));
}

Flow::Flow(App& app) : app_(app) {
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
