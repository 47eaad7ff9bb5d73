// The font atlas cache: an atlas read back from disk is the atlas that was built (glyphs,
// metrics, every pixel), a damaged file is never trusted, and each text size has its own.
#include "../core/temporary_folder.h"

#include "app.h"
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

const ContentPack& shipped_pack() {
    static const auto opened = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE(opened.value());
    return *opened.value();
}

const std::string font_folder = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts";

ui::FontRequest request_at(float body_pixels, const std::string& cache_folder) {
    const ContentPack& pack = shipped_pack();
    ui::FontRequest request;
    request.regular_path = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts/NotoSans-Regular.ttf";
    request.bold_path = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/fonts/NotoSans-Bold.ttf";
    request.body_pixels = body_pixels;
    request.glyph_ranges = ui::glyph_ranges_for(ui::code_points_of_guide(pack.guide()));
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

namespace {

// The App's first atlas, as the Runner gets it: the worker's preload (guessing the content
// scale and text size, before any ImGui context exists), then the App at the real ones.
struct StartedApp {
    ImGuiContext* context = nullptr;
    std::unique_ptr<ui::App> app;
    StartedApp(const std::string& folder, const ui::FontGuess& guess, float content_scale,
               float text_scale) {
        REQUIRE(ImGui::GetCurrentContext() == nullptr);
        ui::AppPreload preload;
        ui::preload_fonts(preload, shipped_pack(), folder, guess);
        context = ImGui::CreateContext();
        ui::preload_data(preload, shipped_pack(), folder);
        ui::AppConfig config;
        config.font_folder = font_folder;
        config.data_folder = folder;
        config.content_scale = content_scale;
        config.text_scale = text_scale;
        app = std::make_unique<ui::App>(shipped_pack(), config, std::move(preload));
        REQUIRE(app->rebuild_fonts(*ImGui::GetIO().Fonts));
    }
    ~StartedApp() {
        app.reset();
        ImGui::DestroyContext(context);
    }
};

// What the App would have rasterised itself at that content scale and text size.
void check_same_as_built_here(const ui::FontSet& fonts, float content_scale, float text_scale) {
    const std::vector<ImWchar> ranges =
        ui::glyph_ranges_for(ui::code_points_of_guide(shipped_pack().guide()));
    BuiltAtlas own(ui::font_request_for(font_folder, content_scale, text_scale, ranges, ""));
    REQUIRE(own.ok);
    CHECK(fonts.body_pixels == own.fonts.body_pixels);
    check_same_font(fonts.body, own.fonts.body);
    check_same_font(fonts.bold, own.fonts.bold);
    check_same_font(fonts.heading, own.fonts.heading);
    check_same_font(fonts.title, own.fonts.title);
}

} // namespace

TEST_CASE("the start-up worker's guessed atlas is what the App's first frame reads back") {
    for (const float text_scale : {1.0f, 1.75f}) {
        for (const float content_scale : {1.0f, 2.0f}) {
            CAPTURE(text_scale);
            CAPTURE(content_scale);
            TemporaryFolder folder;
            StartedApp started(folder.path(), ui::FontGuess{font_folder, content_scale, text_scale},
                               content_scale, text_scale);
            CHECK(atlas_files_in(folder.path()) == 1);
            CHECK(started.app->fonts().from_cache); // FreeType ran on the worker only
            check_same_as_built_here(started.app->fonts(), content_scale, text_scale);
        }
    }
}

TEST_CASE("a wrong guess costs only the worker's time: the App builds the size it needs") {
    TemporaryFolder folder;
    // Guessed a 100% desktop screen; the window is on a 2x screen at 150%.
    StartedApp started(folder.path(), ui::FontGuess{font_folder, 1.0f, 1.0f}, 2.0f, 1.5f);
    CHECK_FALSE(started.app->fonts().from_cache);
    CHECK(atlas_files_in(folder.path()) == 2); // the guess, and the size in use
    check_same_as_built_here(started.app->fonts(), 2.0f, 1.5f);
}

TEST_CASE("no atlas is guessed without a font folder or a data folder; the ranges still are") {
    TemporaryFolder folder;
    ui::AppPreload without_fonts;
    ui::preload_fonts(without_fonts, shipped_pack(), folder.path(), ui::FontGuess{});
    CHECK(atlas_files_in(folder.path()) == 0);
    CHECK(without_fonts.glyph_ranges.size() > 2);
    ui::AppPreload without_folder;
    ui::preload_fonts(without_folder, shipped_pack(), "", ui::FontGuess{font_folder, 1.0f, 1.0f});
    CHECK(without_folder.glyph_ranges == without_fonts.glyph_ranges);
    // A guess already kept from an earlier start is not rasterised again.
    { StartedApp first(folder.path(), ui::FontGuess{font_folder, 1.0f, 1.0f}, 1.0f, 1.0f); }
    const std::string kept = ui::font_atlas_cache_path(
        ui::font_request_for(font_folder, 1.0f, 1.0f, without_fonts.glyph_ranges, folder.path()));
    REQUIRE(std::filesystem::exists(kept));
    const auto written = std::filesystem::last_write_time(kept);
    ui::AppPreload again;
    ui::preload_fonts(again, shipped_pack(), folder.path(), ui::FontGuess{font_folder, 1.0f, 1.0f});
    CHECK(std::filesystem::last_write_time(kept) == written);
}
