// The font atlas: Noto Sans regular and bold, rasterised by FreeType, at the current
// text size, with glyph ranges computed from the guide's own text.
//
// Computing the ranges from the content (rather than guessing "Latin-1 plus a few")
// is what makes the coverage provable: the glyph test walks the same text.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace lungguide {
struct Guide;
}

namespace lungguide::ui {

struct FontSet {
    ImFont* body = nullptr;    // body text
    ImFont* bold = nullptr;    // emphasis and button labels
    ImFont* heading = nullptr; // section headings (bold, 1.3 em)
    ImFont* title = nullptr;   // page titles (bold, 1.6 em)
    float body_pixels = 0.0f;
    bool from_cache = false; // read back from the cache folder, FreeType not run
};

// Base body size in pixels at 100% text size and a content scale of 1. Chosen large:
// readers may be tired or see poorly.
constexpr float base_body_pixels = 21.0f;

// Every code point of every string in the guide, plus printable ASCII and the few
// symbols the interface itself uses. Sorted, unique.
std::vector<unsigned> code_points_of_guide(const Guide& guide);
// The characters the interface's own labels use beyond ASCII.
const char* interface_extra_characters();

// ImGui's 0-terminated list of inclusive [first, last] pairs, merged from code points.
std::vector<ImWchar> glyph_ranges_for(const std::vector<unsigned>& code_points);

struct FontRequest {
    std::string regular_path;
    std::string bold_path;
    float body_pixels = base_body_pixels;
    float text_scale = 1.0f;           // the person's setting (headings grow less than body text)
    std::vector<ImWchar> glyph_ranges; // must outlive the atlas build
    // Where built atlases are kept ("" = none): one file per font, size and glyph set,
    // so a size is rasterised once and later starts only read it back.
    std::string cache_folder;
};

// The request for the bundled Noto Sans in font_folder at this content scale (DPI) and text
// size (the person's setting), kept in cache_folder ("" = not kept).
FontRequest font_request_for(const std::string& font_folder, float content_scale, float text_scale,
                             std::vector<ImWchar> glyph_ranges, std::string cache_folder);

// Clears the atlas and builds the four fonts with FreeType, or reads them back from the
// request's cache folder when an atlas of the same fonts, size and glyphs was kept there. On
// failure falls back to ImGui's built-in font (so the app still shows something) and returns false
// with a reason.
bool build_font_atlas(ImFontAtlas& atlas, const FontRequest& request, FontSet& fonts,
                      std::string& error);

} // namespace lungguide::ui
