// The Runner's lifecycle on the real desktop host: what an Android or browser host does
// when the app leaves the screen (pause), its GL surface and context are destroyed and
// recreated (surface lost / regained), and it comes back (resume). State and a typed
// draft must survive, the first frame after must draw the same picture as before, and a
// paused runner must draw nothing.
#include "app.h"
#include "glfw_host.h"
#include "navigation.h"
#include "runner.h"
#include "runner_test_support.h"
#include "theme.h"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace lungguide::platform {
namespace {

SurfaceRequest request_like(const RunOptions& options) {
    SurfaceRequest request;
    request.width = options.width;
    request.height = options.height;
    request.renderer = options.renderer;
    return request;
}

} // namespace

TEST_CASE("pause, a lost and recreated GL context, resume: the draft, state and picture "
          "survive") {
    for (const std::string renderer : {"gl3", "es3"}) {
        CAPTURE(renderer);
        const testing::TemporaryFolder folder;
        RecordingHost host(make_glfw_host());
        const RunOptions options = phone_options(renderer, folder.path());
        Runner runner(host, options);
        REQUIRE(runner.start());

        // The search box takes the cursor: the soft keyboard is asked for, then a draft.
        settled_picture(runner);
        REQUIRE_FALSE(host.keyboard_requests.empty());
        CHECK(host.keyboard_requests.back());
        ImGui::GetIO().AddInputCharactersUTF8("nausia");
        runner.app().set_theme(ui::ThemeId::dark);
        const Picture before = settled_picture(runner);
        REQUIRE(runner.app().search_text() == "nausia");
        CHECK(distinct_colours(before) > 50);

        runner.pause();
        CHECK(runner.paused());
        host.extra_events += 5; // input while paused draws nothing
        CHECK_FALSE(runner.frame());
        CHECK(runner.idle());

        runner.surface_lost();
        CHECK_FALSE(host.keyboard_requests.back()); // no keyboard without a surface
        host.destroy_surface();
        std::string error;
        REQUIRE_MESSAGE(host.create_surface(request_like(options), error), error);
        REQUIRE(runner.surface_regained());
        CHECK_FALSE(runner.frame()); // still paused: nothing drawn until resume
        runner.resume();
        CHECK(runner.frame()); // resuming redraws without waiting for input

        const Picture after = settled_picture(runner);
        CHECK(runner.app().search_text() == "nausia");
        CHECK(ui::format_route(runner.app().route()) == "search?q=nausia");
        CHECK(runner.app().theme() == ui::ThemeId::dark);
        REQUIRE(after.width == before.width);
        REQUIRE(after.height == before.height);
        CHECK(distinct_colours(after) > 50);
        // The same picture (font texture and shaders rebuilt on the new context).
        CHECK(differing_pixels(before, after) <= before.rgba.size() / 4 / 1000);

        // The text field is still live: typing goes on where it stopped.
        ImGui::GetIO().AddInputCharactersUTF8("a");
        settled_picture(runner);
        CHECK(runner.app().search_text() == "nausiaa");
        CHECK(host.surfaces_created == 2);
        runner.stop();
    }
}

// The font texture is uploaded by the renderer (one byte per pixel on GL 3.3 and GLES 3):
// after a change of text size in Settings, and back, each size must draw exactly what a
// fresh start at that size draws, so the atlas and its texture went up together. The
// change to 2.0 is the one --screenshot makes after its first frame at 100 %: its PNG is
// also the frame the Runner drew.
TEST_CASE("a change of text size draws what a fresh start at that size draws") {
    for (const std::string renderer : {"gl3", "es3"}) {
        CAPTURE(renderer);
        auto picture_at = [&](float text_scale, std::vector<float> then) {
            const testing::TemporaryFolder folder;
            RecordingHost host(make_glfw_host());
            RunOptions options = phone_options(renderer, folder.path());
            options.route = "class/egfr";
            options.text_scale = text_scale;
            Runner runner(host, options);
            REQUIRE(runner.start());
            Picture picture = settled_picture(runner);
            for (float scale : then) {
                runner.app().set_text_scale(scale);
                picture = settled_picture(runner);
            }
            runner.stop();
            return picture;
        };
        auto screenshot_at = [&](float text_scale) {
            const testing::TemporaryFolder folder;
            RecordingHost host(make_glfw_host());
            RunOptions options = phone_options(renderer, folder.path());
            options.route = "class/egfr";
            options.text_scale = text_scale;
            options.screenshot_path = folder.file("shot.png");
            REQUIRE(screenshot_run(host, options) == 0);
            return read_png(options.screenshot_path);
        };
        const Picture normal = picture_at(1.0f, {});
        const Picture large = picture_at(2.0f, {});
        REQUIRE(distinct_colours(normal) > 50);
        REQUIRE(differing_pixels(normal, large) > normal.rgba.size() / 4 / 100);
        CHECK(differing_pixels(screenshot_at(2.0f), large) == 0);
        CHECK(differing_pixels(picture_at(1.0f, {2.0f, 1.5f, 1.0f}), normal) == 0);
    }
}

// The App's root window paints no background (a full-screen blended quad is what a software
// renderer spends most on): the page's background is the Runner's clear. That holds only if
// every theme's background is opaque and is the colour the page shows.
TEST_CASE("the page background is the renderer's clear, opaque in every theme") {
    for (const ui::ThemeId theme :
         {ui::ThemeId::light, ui::ThemeId::dark, ui::ThemeId::high_contrast}) {
        CAPTURE(ui::theme_id_name(theme));
        const ImVec4 background = ui::palette_for(theme).background;
        CHECK(background.w == 1.0f);
        const testing::TemporaryFolder folder;
        RecordingHost host(make_glfw_host());
        RunOptions options = phone_options("gl3", folder.path());
        options.route = "about";
        options.theme = ui::theme_id_name(theme);
        Runner runner(host, options);
        REQUIRE(runner.start());
        const Picture picture = settled_picture(runner);
        runner.stop();
        const std::size_t page = pixels_of_colour(picture, background);
        CHECK(page > picture.rgba.size() / 4 / 3); // most of a page is its background
    }
}

TEST_CASE("killed while paused, the app opens where the person was") {
    const testing::TemporaryFolder folder;
    // A mobile OS may kill a paused app without another word: the child never stops.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        RecordingHost host(make_glfw_host());
        RunOptions options = phone_options("es3", folder.path());
        options.route = "class/alk";
        Runner runner(host, options);
        if (!runner.start()) _exit(2);
        settled_picture(runner);
        runner.app().go("drug/lorlatinib");
        settled_picture(runner);
        runner.pause();
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    RecordingHost host(make_glfw_host());
    RunOptions options = phone_options("es3", folder.path());
    options.route = "";
    Runner runner(host, options);
    REQUIRE(runner.start());
    CHECK(ui::format_route(runner.app().route()) == "drug/lorlatinib");
    runner.stop();
}

TEST_CASE("the GUI stays inside the safe area the host reports") {
    const testing::TemporaryFolder folder;
    RecordingHost host(make_glfw_host());
    const RunOptions options = phone_options("es3", folder.path());
    Runner runner(host, options);
    REQUIRE(runner.start());
    runner.app().set_recording(true);
    host.safe_area_insets = SafeArea{30.0f, 60.0f, 20.0f, 40.0f};
    settled_picture(runner);
    const auto& items = runner.app().drawn_items();
    REQUIRE_FALSE(items.empty());
    for (const ui::DrawnItem& item : items) {
        CAPTURE(item.label);
        CHECK(item.min.x >= 30.0f);
        CHECK(item.min.y >= 60.0f);
        CHECK(item.max.x <= 390.0f - 20.0f);
    }
    runner.stop();
}

} // namespace lungguide::platform
