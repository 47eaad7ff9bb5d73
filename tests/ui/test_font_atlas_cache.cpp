// The font atlas cache: an atlas read back from disk is the atlas that was built (glyphs,
// metrics, every pixel), a damaged file is never trusted, and each text size has its own.
#include "../core/temporary_folder.h"

#include "content/content_pack.h"
#include "font_atlas_cache.h"
#include "fonts.h"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace lungguide;
using lungguide::testing::TemporaryFolder;

namespace {

ui::FontRequest request_at(float body_pixels, const std::string& cache_folder) {
    static const ContentPackResult opened = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE(opened.pack);
    ui::FontRequest request;
    request.regular_path = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts/NotoSans-Regular.ttf";
    request.bold_path = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts/NotoSans-Bold.ttf";
    request.body_pixels = body_pixels;
    request.glyph_ranges = ui::glyph_ranges_for(ui::code_points_of_guide(opened.pack->guide()));
    request.cache_folder = cache_folder;
    return request;
}

struct BuiltAtlas {
    ImFontAtlas atlas;
    ui::FontSet fonts;
    bool ok = false;
    explicit BuiltAtlas(const ui::FontRequest& request) {
        std::string error;
        ok = ui::build_font_atlas(atlas, request, fonts, error);
    }
    bool rasterised() const { return !fonts.from_cache; }
};

void check_same_font(const ImFont* read, const ImFont* built) {
    REQUIRE(read != nullptr);
    REQUIRE(built != nullptr);
    CHECK(read->FontSize == built->FontSize);
    CHECK(read->Ascent == built->Ascent);
    CHECK(read->Descent == built->Descent);
    CHECK(read->FallbackChar == built->FallbackChar);
    CHECK(read->EllipsisChar == built->EllipsisChar);
    REQUIRE(read->Glyphs.Size == built->Glyphs.Size);
    CHECK(std::memcmp(read->Glyphs.Data, built->Glyphs.Data,
                      sizeof(ImFontGlyph) * static_cast<std::size_t>(built->Glyphs.Size)) == 0);
    const char* sentence = "Tagrisso (osimertinib) – diarrhoea, “tiredness” … día";
    const ImVec2 read_size = read->CalcTextSizeA(read->FontSize, 1e9f, 300.0f, sentence);
    const ImVec2 built_size = built->CalcTextSizeA(built->FontSize, 1e9f, 300.0f, sentence);
    CHECK(read_size.x == built_size.x);
    CHECK(read_size.y == built_size.y);
    CHECK(read->FindGlyphNoFallback(0x2019) != nullptr);
}

void check_same_atlas(BuiltAtlas& read, BuiltAtlas& built) {
    unsigned char* read_pixels = nullptr;
    unsigned char* built_pixels = nullptr;
    int read_width = 0, read_height = 0, built_width = 0, built_height = 0;
    read.atlas.GetTexDataAsAlpha8(&read_pixels, &read_width, &read_height);
    built.atlas.GetTexDataAsAlpha8(&built_pixels, &built_width, &built_height);
    REQUIRE(read_width == built_width);
    REQUIRE(read_height == built_height);
    CHECK(std::memcmp(read_pixels, built_pixels,
                      static_cast<std::size_t>(built_width) * built_height) == 0);
    CHECK(read.atlas.TexUvWhitePixel.x == built.atlas.TexUvWhitePixel.x);
    CHECK(read.atlas.TexUvWhitePixel.y == built.atlas.TexUvWhitePixel.y);
    CHECK(read.fonts.body_pixels == built.fonts.body_pixels);
    check_same_font(read.fonts.body, built.fonts.body);
    check_same_font(read.fonts.bold, built.fonts.bold);
    check_same_font(read.fonts.heading, built.fonts.heading);
    check_same_font(read.fonts.title, built.fonts.title);
}

std::size_t atlas_files_in(const std::string& folder) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        count += entry.path().filename().string().rfind("font-atlas-", 0) == 0;
    return count;
}

} // namespace

TEST_CASE("the font atlas cache gives back exactly the atlas that was built") {
    TemporaryFolder folder;
    BuiltAtlas uncached(request_at(24.0f, ""));
    REQUIRE(uncached.ok);
    CHECK(uncached.rasterised());
    CHECK(ui::font_atlas_cache_path(request_at(24.0f, "")).empty());

    BuiltAtlas first(request_at(24.0f, folder.path()));
    REQUIRE(first.ok);
    CHECK(first.rasterised()); // nothing kept yet: built, then written
    const std::string path = ui::font_atlas_cache_path(request_at(24.0f, folder.path()));
    REQUIRE(std::filesystem::exists(path));

    BuiltAtlas second(request_at(24.0f, folder.path()));
    REQUIRE(second.ok);
    CHECK_FALSE(second.rasterised()); // read back, FreeType not run
    check_same_atlas(second, uncached);
}

TEST_CASE("a built atlas lets the font files go and still measures and finds every glyph") {
    TemporaryFolder folder;
    BuiltAtlas built(request_at(23.0f, folder.path()));
    REQUIRE(built.ok);
    CHECK(built.rasterised());
    CHECK(built.atlas.ConfigData.Size == 0); // the copies of the .ttf files are freed
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    built.atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    REQUIRE(pixels != nullptr);
    CHECK(width * height > 0);
    // Measured like the cached atlas, which never had the files.
    BuiltAtlas read(request_at(23.0f, folder.path()));
    REQUIRE_FALSE(read.rasterised());
    check_same_atlas(read, built);
    for (const ImFont* font : {built.fonts.body, built.fonts.bold, built.fonts.title}) {
        CHECK(font->FindGlyphNoFallback(0x201C) != nullptr); // a left quote from the guide
        CHECK(font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, "Osimertinib").x > font->FontSize);
    }
}

TEST_CASE("a damaged, short or foreign font atlas file is ignored and the atlas built") {
    TemporaryFolder folder;
    BuiltAtlas reference(request_at(22.0f, ""));
    { BuiltAtlas writes(request_at(22.0f, folder.path())); }
    const std::string path = ui::font_atlas_cache_path(request_at(22.0f, folder.path()));
    const auto full_size = std::filesystem::file_size(path);

    SUBCASE("cut short") {
        std::filesystem::resize_file(path, full_size / 2);
    }
    SUBCASE("one byte too many") {
        std::ofstream(path, std::ios::binary | std::ios::app).put('x');
    }
    SUBCASE("not an atlas") {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << "PNG? no, just text";
    }
    SUBCASE("empty") {
        std::ofstream(path, std::ios::binary | std::ios::trunc);
    }

    BuiltAtlas rebuilt(request_at(22.0f, folder.path()));
    REQUIRE(rebuilt.ok);
    CHECK(rebuilt.rasterised());
    check_same_atlas(rebuilt, reference);
    // ...and the good atlas was written again in its place.
    BuiltAtlas read(request_at(22.0f, folder.path()));
    CHECK_FALSE(read.rasterised());
    check_same_atlas(read, reference);
}

TEST_CASE("each text size has its own atlas file, and only the few most recent are kept") {
    TemporaryFolder folder;
    CHECK(ui::font_atlas_cache_path(request_at(21.0f, folder.path())) !=
          ui::font_atlas_cache_path(request_at(42.0f, folder.path())));
    ui::FontRequest bigger_headings = request_at(21.0f, folder.path());
    bigger_headings.text_scale = 2.0f;
    CHECK(ui::font_atlas_cache_path(bigger_headings) !=
          ui::font_atlas_cache_path(request_at(21.0f, folder.path())));
    ui::FontRequest fewer_glyphs = request_at(21.0f, folder.path());
    fewer_glyphs.glyph_ranges = {0x20, 0x7E, 0};
    CHECK(ui::font_atlas_cache_path(fewer_glyphs) !=
          ui::font_atlas_cache_path(request_at(21.0f, folder.path())));

    for (float size : {18.0f, 20.0f, 22.0f, 24.0f, 26.0f, 28.0f}) {
        BuiltAtlas built(request_at(size, folder.path()));
        REQUIRE(built.ok);
    }
    CHECK(atlas_files_in(folder.path()) == 4);
    // The newest size is among those kept and is read back.
    BuiltAtlas newest(request_at(28.0f, folder.path()));
    CHECK_FALSE(newest.rasterised());
}
