// Glyph coverage (no "?" boxes anywhere in the content) and WCAG contrast of every theme.
#include "ui_harness.h"

#include "common/utf8.h"
#include "content/guide.h"
#include "fonts.h"
#include "theme.h"

#include <cmath>
#include <fstream>
#include <sstream>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

std::vector<unsigned> code_points_of(const std::string& text) {
    const std::u32string decoded = lungguide::decode_utf8(text);
    return std::vector<unsigned>(decoded.begin(), decoded.end());
}

void check_font_covers(ImFont* font, const std::vector<unsigned>& code_points, const char* which) {
    REQUIRE(font != nullptr);
    for (unsigned code_point : code_points) {
        if (code_point < 0x20 || code_point == 0x7F) continue; // control characters are not drawn
        INFO(std::string(which) << " font lacks code point " << code_point);
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(code_point)) != nullptr);
    }
}

} // namespace

TEST_CASE("every character of the content is in the font atlas, regular and bold") {
    Harness harness(768, 1024);
    const auto code_points = ui::code_points_of_guide(harness.app().guide());
    // The page's typographic characters are among them.
    for (unsigned needed : {0x2019u /* ’ */, 0x00E1u /* á */})
        CHECK(std::find(code_points.begin(), code_points.end(), needed) != code_points.end());
    const ui::FontSet& fonts = harness.app().fonts();
    CHECK(harness.app().font_error().empty());
    check_font_covers(fonts.body, code_points, "regular");
    check_font_covers(fonts.bold, code_points, "bold");
    check_font_covers(fonts.heading, code_points, "heading");
    check_font_covers(fonts.title, code_points, "title");
    // The interface's own symbols too (‹ on the Back button, — and … in labels).
    check_font_covers(fonts.body, code_points_of(ui::interface_extra_characters()), "regular");
    check_font_covers(fonts.bold, code_points_of(ui::interface_extra_characters()), "bold");
    // Not vacuous: a character the content never uses is not in the atlas.
    CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(0x4E2D)) == nullptr);
}

TEST_CASE("the atlas also covers every character of the original source page") {
    Harness harness(390, 844);
    const std::string source = read_text(std::string(LUNGGUIDE_SOURCE_DIR) +
                                         "/assets/source/targeted-drug-therapy-nsclc.txt");
    REQUIRE_FALSE(source.empty());
    auto code_points = code_points_of(source);
    std::sort(code_points.begin(), code_points.end());
    code_points.erase(std::unique(code_points.begin(), code_points.end()), code_points.end());
    check_font_covers(harness.app().fonts().body, code_points, "regular");
}

TEST_CASE("the atlas is rebuilt with the same coverage at 250%") {
    Harness harness(390, 844, "home", 2.5f);
    check_font_covers(harness.app().fonts().body, ui::code_points_of_guide(harness.app().guide()),
                      "regular");
    CHECK(harness.app().fonts().body->FontSize >= 50.0f);
}

TEST_CASE("glyph ranges merge adjacent code points into inclusive pairs") {
    const auto ranges = ui::glyph_ranges_for({0x41, 0x42, 0x43, 0x2019, 0xE1});
    REQUIRE(ranges.size() == 7);
    CHECK(ranges[0] == 0x41);
    CHECK(ranges[1] == 0x43);
    CHECK(ranges[2] == 0xE1);
    CHECK(ranges[3] == 0xE1);
    CHECK(ranges[4] == 0x2019);
    CHECK(ranges[6] == 0);
}

TEST_CASE("WCAG contrast: body text at least 4.5:1 in every theme, 7:1 in high contrast") {
    // The formula itself, on known values.
    CHECK(ui::contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(ui::contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    CHECK(ui::contrast_ratio(ImVec4(0x77 / 255.0f, 0x77 / 255.0f, 0x77 / 255.0f, 1),
                             ImVec4(1, 1, 1, 1)) == doctest::Approx(4.48).epsilon(0.01));

    for (ui::ThemeId theme : {ui::ThemeId::light, ui::ThemeId::dark, ui::ThemeId::high_contrast}) {
        const double minimum = theme == ui::ThemeId::high_contrast ? 7.0 : 4.5;
        for (const ui::ContrastPair& pair : ui::text_pairs(ui::palette_for(theme))) {
            const double ratio = ui::contrast_ratio(pair.foreground, pair.background);
            INFO(ui::theme_id_name(theme) << ": " << pair.what << " is " << ratio << ":1");
            CHECK(ratio >= minimum);
        }
    }
}

TEST_CASE("the serious side-effect box differs from the common one in colour as well as words") {
    for (ui::ThemeId theme : {ui::ThemeId::light, ui::ThemeId::dark, ui::ThemeId::high_contrast}) {
        const ui::Palette palette = ui::palette_for(theme);
        INFO(ui::theme_id_name(theme));
        // Bars/outlines must be clearly different colours (hue, not only lightness).
        const ImVec4 a = palette.serious_border;
        const ImVec4 b = palette.common_border;
        const float distance = std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) +
                                         (a.z - b.z) * (a.z - b.z));
        CHECK(distance > 0.4f);
        CHECK(a.x > a.z); // the serious one is the warm (red) one
        // And the serious outline must stand out from the page (non-text: 3:1).
        CHECK(ui::contrast_ratio(palette.serious_border, palette.background) >= 3.0);
    }
}
