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

Palette palette_for(ThemeId theme) {
    Palette palette;
    switch (theme) {
    case ThemeId::light:
        // Warm off-white rather than pure white: calmer for long reading.
        palette.background = rgb(0xFBFAF7);
        palette.side_panel = rgb(0xF0EEE8);
        palette.text = rgb(0x1C1C1E);
        palette.text_muted = rgb(0x45464B);
        palette.heading = rgb(0x123A63);
        palette.link = rgb(0x0A4F8F);
        palette.button = rgb(0xE3EAF2);
        palette.button_hovered = rgb(0xD5E0EC);
        palette.button_pressed = rgb(0xC3D3E4);
        palette.button_text = rgb(0x10243C);
        palette.selected = rgb(0xCFDDEC);
        palette.border = rgb(0x8A97A6);
        palette.input = rgb(0xFFFFFF);
        palette.serious_panel = rgb(0xFCEBE8);
        palette.serious_border = rgb(0xB3261E);
        palette.serious_text = rgb(0x8C1D18);
        palette.common_panel = rgb(0xEEF3F8);
        palette.common_border = rgb(0x5B7A99);
        palette.note_panel = rgb(0xF3EEDD);
        palette.popup = rgb(0xFFFFFF);
        palette.scrim = with_alpha(rgb(0x000000), 0.45f);
        break;
    case ThemeId::dark:
        palette.background = rgb(0x15171A);
        palette.side_panel = rgb(0x1D2024);
        palette.text = rgb(0xECECEC);
        palette.text_muted = rgb(0xC2C5CA);
        palette.heading = rgb(0xA9CCF5);
        palette.link = rgb(0x8CC4FF);
        palette.button = rgb(0x283241);
        palette.button_hovered = rgb(0x323F51);
        palette.button_pressed = rgb(0x3C4C61);
        palette.button_text = rgb(0xF2F2F2);
        palette.selected = rgb(0x2F4560);
        palette.border = rgb(0x6E7B8C);
        palette.input = rgb(0x0F1113);
        palette.serious_panel = rgb(0x3A1D1C);
        palette.serious_border = rgb(0xFF8A80);
        palette.serious_text = rgb(0xFFB4AB);
        palette.common_panel = rgb(0x1E2A36);
        palette.common_border = rgb(0x7FA7CF);
        palette.note_panel = rgb(0x2B2818);
        palette.popup = rgb(0x22262B);
        palette.scrim = with_alpha(rgb(0x000000), 0.6f);
        break;
    case ThemeId::high_contrast:
        // Black and white with yellow and cyan accents: every pair clears 7:1.
        palette.background = rgb(0x000000);
        palette.side_panel = rgb(0x000000);
        palette.text = rgb(0xFFFFFF);
        palette.text_muted = rgb(0xF0F0F0);
        palette.heading = rgb(0xFFFF00);
        palette.link = rgb(0x00FFFF);
        palette.button = rgb(0x000000);
        palette.button_hovered = rgb(0x1F1F1F);
        palette.button_pressed = rgb(0x333333);
        palette.button_text = rgb(0xFFFFFF);
        palette.selected = rgb(0x003A4D);
        palette.border = rgb(0xFFFFFF);
        palette.input = rgb(0x000000);
        palette.serious_panel = rgb(0x200000);
        palette.serious_border = rgb(0xFF5C5C);
        palette.serious_text = rgb(0xFFB0B0);
        palette.common_panel = rgb(0x000000);
        palette.common_border = rgb(0x9CD0FF);
        palette.note_panel = rgb(0x000000);
        palette.popup = rgb(0x000000);
        palette.scrim = with_alpha(rgb(0x000000), 0.7f);
        break;
    }
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
