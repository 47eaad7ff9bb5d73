#include "fonts.h"

#include "font_atlas_cache.h"

#include "common/utf8.h"
#include "content/guide.h"
#include "content/guide_fields.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace lungguide::ui {

const char* interface_extra_characters() {
    // Arrows and punctuation used by buttons and labels (all present in Noto Sans).
    return "‹›…–—’“”•·×";
}

namespace {

void add_text(std::set<unsigned>& set, const std::string& text) {
    for (char32_t code_point : lungguide::decode_utf8(text))
        set.insert(code_point);
}

} // namespace

std::vector<unsigned> code_points_of_guide(const Guide& guide) {
    std::set<unsigned> set;
    for (unsigned code_point = 0x20; code_point < 0x7F; ++code_point)
        set.insert(code_point);
    add_text(set, interface_extra_characters());
    // Every text of the guide (guide_fields.h), its ids and links too: ASCII, already here.
    fields::for_each_text(guide, [&](const std::string& text) { add_text(set, text); });
    set.erase(0xFFFD);
    return std::vector<unsigned>(set.begin(), set.end());
}

std::vector<ImWchar> glyph_ranges_for(const std::vector<unsigned>& code_points) {
    std::vector<ImWchar> ranges;
    std::vector<unsigned> sorted = code_points;
    std::sort(sorted.begin(), sorted.end());
    for (unsigned code_point : sorted) {
        // ImWchar is 16 bits in Debian's build; the page's text is all in the BMP.
        if (code_point == 0 || code_point > 0xFFFF) continue;
        if (!ranges.empty() && ranges.back() + 1u >= code_point) {
            ranges.back() = static_cast<ImWchar>(std::max<unsigned>(ranges.back(), code_point));
        } else {
            ranges.push_back(static_cast<ImWchar>(code_point));
            ranges.push_back(static_cast<ImWchar>(code_point));
        }
    }
    ranges.push_back(0);
    return ranges;
}

FontRequest font_request_for(const std::string& font_folder, float content_scale, float text_scale,
                             std::vector<ImWchar> glyph_ranges, std::string cache_folder) {
    FontRequest request;
    request.regular_path = font_folder + "/NotoSans-Regular.ttf";
    request.bold_path = font_folder + "/NotoSans-Bold.ttf";
    request.body_pixels = std::round(base_body_pixels * content_scale * text_scale);
    request.glyph_ranges = std::move(glyph_ranges);
    request.text_scale = text_scale;
    request.cache_folder = std::move(cache_folder);
    return request;
}

bool build_font_atlas(ImFontAtlas& atlas, const FontRequest& request, FontSet& fonts,
                      std::string& error) {
    const std::string cache_path = font_atlas_cache_path(request);
    if (!cache_path.empty() && read_font_atlas(atlas, cache_path, fonts)) return true;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // Light hinting keeps letter shapes true while staying crisp at small sizes.
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    ImFontConfig config;
    config.OversampleH = 1; // FreeType renders at the exact size; no oversampling needed
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const ImWchar* ranges = request.glyph_ranges.empty() ? nullptr : request.glyph_ranges.data();

    float body = request.body_pixels;
    auto add = [&](const std::string& path, float size) -> ImFont* {
        std::FILE* file = std::fopen(path.c_str(), "rb");
        if (!file) return nullptr;
        std::fclose(file);
        return atlas.AddFontFromFileTTF(path.c_str(), size, &config, ranges);
    };
    fonts.body = add(request.regular_path, body);
    fonts.bold = add(request.bold_path, body);
    // Headings grow less than body text: at 250% the words matter more than the hierarchy,
    // and a phone line must still hold a whole word.
    const float step = request.text_scale > 1.0f ? 1.0f / request.text_scale : 1.0f;
    fonts.heading = add(request.bold_path, std::round(body * (1.0f + 0.3f * step)));
    fonts.title = add(request.bold_path, std::round(body * (1.0f + 0.6f * step)));
    fonts.body_pixels = body;
    fonts.from_cache = false;

    bool ok = fonts.body && fonts.bold && fonts.heading && fonts.title && atlas.Build();
    if (!ok) {
        error = "Could not load the bundled Noto Sans fonts from " + request.regular_path +
                " and " + request.bold_path + "; using a basic font instead.";
        atlas.Clear();
        ImFontConfig fallback;
        fallback.SizePixels = body;
        ImFont* basic = atlas.AddFontDefault(&fallback);
        atlas.Build();
        fonts.body = fonts.bold = fonts.heading = fonts.title = basic;
        return false;
    }
    write_font_atlas(atlas, fonts, cache_path);
    // The glyphs and the texture are all a frame needs: the four copies of the font files
    // (2 MB) go now rather than with the atlas, as they never came when read from the cache.
    atlas.ClearInputData();
    return true;
}

} // namespace lungguide::ui
