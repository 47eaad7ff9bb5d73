#include "theme.h"

#include <cmath>

namespace lungguide::ui {
namespace {

// 0xRRGGBB to an opaque ImVec4.
ImVec4 rgb(unsigned value) {
    return ImVec4(((value >> 16) & 0xFF) / 255.0f, ((value >> 8) & 0xFF) / 255.0f,
                  (value & 0xFF) / 255.0f, 1.0f);
}

ImVec4 with_alpha(ImVec4 colour, float alpha) {
    colour.w = alpha;
    return colour;
}

double linear_channel(double value) {
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double relative_luminance(const ImVec4& colour) {
    return 0.2126 * linear_channel(colour.x) + 0.7152 * linear_channel(colour.y) +
           0.0722 * linear_channel(colour.z);
}

} // namespace

const char* theme_id_name(ThemeId theme) {
    switch (theme) {
    case ThemeId::light:
        return "light";
    case ThemeId::dark:
        return "dark";
    case ThemeId::high_contrast:
        return "high-contrast";
    }
    return "light";
}

const char* theme_label(ThemeId theme) {
    switch (theme) {
    case ThemeId::light:
        return "Light";
    case ThemeId::dark:
        return "Dark";
    case ThemeId::high_contrast:
        return "High contrast";
    }
    return "Light";
}

bool parse_theme(const std::string& name, ThemeId& theme) {
    if (name == "light")
        theme = ThemeId::light;
    else if (name == "dark")
        theme = ThemeId::dark;
    else if (name == "high-contrast" || name == "high_contrast" || name == "contrast")
        theme = ThemeId::high_contrast;
    else
        return false;
    return true;
}

namespace {

// Every colour of the palette in each theme, one row per colour: light (a warm off-white
// rather than pure white: calmer for long reading), dark, and high contrast (black and white
// with yellow and cyan accents: every pair clears 7:1).
struct PaletteRow {
    ImVec4 Palette::*colour;
    unsigned in_theme[3]; // 0xRRGGBB, by ThemeId
};
constexpr PaletteRow palette_rows[] = {
    {&Palette::background, {0xFBFAF7, 0x15171A, 0x000000}},
    {&Palette::side_panel, {0xF0EEE8, 0x1D2024, 0x000000}},
    {&Palette::text, {0x1C1C1E, 0xECECEC, 0xFFFFFF}},
    {&Palette::text_muted, {0x45464B, 0xC2C5CA, 0xF0F0F0}},
    {&Palette::heading, {0x123A63, 0xA9CCF5, 0xFFFF00}},
    {&Palette::link, {0x0A4F8F, 0x8CC4FF, 0x00FFFF}},
    {&Palette::button, {0xE3EAF2, 0x283241, 0x000000}},
    {&Palette::button_hovered, {0xD5E0EC, 0x323F51, 0x1F1F1F}},
    {&Palette::button_pressed, {0xC3D3E4, 0x3C4C61, 0x333333}},
    {&Palette::button_text, {0x10243C, 0xF2F2F2, 0xFFFFFF}},
    {&Palette::selected, {0xCFDDEC, 0x2F4560, 0x003A4D}},
    {&Palette::border, {0x8A97A6, 0x6E7B8C, 0xFFFFFF}},
    {&Palette::input, {0xFFFFFF, 0x0F1113, 0x000000}},
    {&Palette::serious_panel, {0xFCEBE8, 0x3A1D1C, 0x200000}},
    {&Palette::serious_border, {0xB3261E, 0xFF8A80, 0xFF5C5C}},
    {&Palette::serious_text, {0x8C1D18, 0xFFB4AB, 0xFFB0B0}},
    {&Palette::common_panel, {0xEEF3F8, 0x1E2A36, 0x000000}},
    {&Palette::common_border, {0x5B7A99, 0x7FA7CF, 0x9CD0FF}},
    {&Palette::note_panel, {0xF3EEDD, 0x2B2818, 0x000000}},
    {&Palette::popup, {0xFFFFFF, 0x22262B, 0x000000}},
};
// The scrim that dims the page behind a popup: black, more opaque where the page is darker.
constexpr float scrim_alpha[3] = {0.45f, 0.6f, 0.7f};

} // namespace

Palette palette_for(ThemeId theme) {
    const int column = static_cast<int>(theme);
    Palette palette;
    for (const PaletteRow& row : palette_rows)
        palette.*row.colour = rgb(row.in_theme[column]);
    palette.scrim = with_alpha(rgb(0x000000), scrim_alpha[column]);
    return palette;
}

void apply_style(ThemeId theme, const Palette& palette, float em, float pad, ImGuiStyle& style) {
    style = ImGuiStyle();
    // Sizes in em so everything grows with the text-size setting.
    style.WindowPadding = ImVec2(pad, 0.8f * em);
    style.FramePadding = ImVec2(0.8f * pad, 0.6f * em);
    style.ItemSpacing = ImVec2(0.6f * pad, 0.6f * em);
    style.ItemInnerSpacing = ImVec2(0.5f * pad, 0.4f * em);
    style.IndentSpacing = 1.2f * pad;
    style.ScrollbarSize = 0.8f * pad;
    style.GrabMinSize = 1.5f * em;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.0f;
    style.FrameRounding = 0.4f * em;
    style.PopupRounding = 0.5f * em;
    style.ScrollbarRounding = 0.45f * em;
    style.GrabRounding = 0.3f * em;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 0.0f;
    style.PopupBorderSize = theme == ThemeId::high_contrast ? 2.0f : 1.0f;
    style.FrameBorderSize = theme == ThemeId::high_contrast ? 2.0f : 1.0f;
    style.TouchExtraPadding = ImVec2(0.0f, 0.0f);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_Text] = palette.text;
    colours[ImGuiCol_TextDisabled] = palette.text_muted;
    colours[ImGuiCol_WindowBg] = palette.background;
    colours[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_PopupBg] = palette.popup;
    colours[ImGuiCol_Border] = palette.border;
    colours[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_FrameBg] = palette.input;
    colours[ImGuiCol_FrameBgHovered] = palette.input;
    colours[ImGuiCol_FrameBgActive] = palette.input;
    colours[ImGuiCol_TitleBg] = palette.side_panel;
    colours[ImGuiCol_TitleBgActive] = palette.side_panel;
    colours[ImGuiCol_TitleBgCollapsed] = palette.side_panel;
    colours[ImGuiCol_MenuBarBg] = palette.side_panel;
    colours[ImGuiCol_ScrollbarBg] = with_alpha(palette.background, 0.0f);
    colours[ImGuiCol_ScrollbarGrab] = palette.border;
    colours[ImGuiCol_ScrollbarGrabHovered] = palette.heading;
    colours[ImGuiCol_ScrollbarGrabActive] = palette.heading;
    colours[ImGuiCol_CheckMark] = palette.heading;
    colours[ImGuiCol_SliderGrab] = palette.heading;
    colours[ImGuiCol_SliderGrabActive] = palette.link;
    colours[ImGuiCol_Button] = palette.button;
    colours[ImGuiCol_ButtonHovered] = palette.button_hovered;
    colours[ImGuiCol_ButtonActive] = palette.button_pressed;
    colours[ImGuiCol_Header] = palette.selected;
    colours[ImGuiCol_HeaderHovered] = palette.button_hovered;
    colours[ImGuiCol_HeaderActive] = palette.button_pressed;
    colours[ImGuiCol_Separator] = palette.border;
    colours[ImGuiCol_SeparatorHovered] = palette.border;
    colours[ImGuiCol_SeparatorActive] = palette.border;
    colours[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_TextSelectedBg] = with_alpha(palette.link, 0.35f);
    colours[ImGuiCol_NavHighlight] = palette.link;
    colours[ImGuiCol_ModalWindowDimBg] = palette.scrim;
    colours[ImGuiCol_NavWindowingDimBg] = palette.scrim;
}

double contrast_ratio(const ImVec4& foreground, const ImVec4& background) {
    double lighter = relative_luminance(foreground);
    double darker = relative_luminance(background);
    if (lighter < darker) std::swap(lighter, darker);
    return (lighter + 0.05) / (darker + 0.05);
}

} // namespace lungguide::ui
