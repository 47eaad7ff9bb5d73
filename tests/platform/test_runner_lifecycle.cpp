// The Runner's lifecycle on the real desktop host: what an Android or browser host does
// when the app leaves the screen (pause), its GL surface and context are destroyed and
// recreated (surface lost / regained), and it comes back (resume). State and a typed
// draft must survive, the first frame after must draw the same picture as before, and a
// paused runner must draw nothing.
#include "app.h"
#include "glfw_host.h"
#include "navigation.h"
#include "runner.h"
#include "theme.h"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace lungguide::platform {
namespace {

// The GLFW host, recording what the Runner asks of the lifecycle services.
class RecordingHost : public Host {
  public:
    explicit RecordingHost(std::unique_ptr<Host> real) : real_(std::move(real)) {}
    bool create_surface(const SurfaceRequest& request, std::string& error) override {
        ++surfaces_created;
        return real_->create_surface(request, error);
    }
    void destroy_surface() override { real_->destroy_surface(); }
    Renderer& renderer() override { return real_->renderer(); }
    void framebuffer_size(int& width, int& height) const override {
        real_->framebuffer_size(width, height);
    }
    float content_scale() const override { return real_->content_scale(); }
    void wait_events() override { real_->wait_events(); }
    void wait_events_timeout(double seconds) override { real_->wait_events_timeout(seconds); }
    void poll_events() override { real_->poll_events(); }
    std::uint64_t event_count() const override { return real_->event_count() + extra_events; }
    bool should_close() const override { return real_->should_close(); }
    bool take_back_request() override { return real_->take_back_request(); }
    void set_text_input(bool wanted) override { keyboard_requests.push_back(wanted); }
    SafeArea safe_area() const override { return safe_area_insets; }
    void new_frame() override { real_->new_frame(); }
    void present() override { real_->present(); }
    std::string data_folder(const std::string& chosen_folder) const override {
        return real_->data_folder(chosen_folder);
    }
    std::string font_folder() const override { return real_->font_folder(); }
    std::string content_pack_path() const override { return real_->content_pack_path(); }
    double milliseconds_since_process_start() const override {
        return real_->milliseconds_since_process_start();
    }

    std::vector<bool> keyboard_requests;
    SafeArea safe_area_insets;
    int surfaces_created = 0;
    std::uint64_t extra_events = 0; // a test's stand-in for a tap

  private:
    std::unique_ptr<Host> real_;
};

std::string fresh_folder() {
    char pattern[] = "/tmp/lungguide-platform-test-XXXXXX";
    const char* folder = mkdtemp(pattern);
    REQUIRE(folder != nullptr);
    return folder;
}

struct Picture {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

// Draws a few frames (layout settles over frames) and reads back the last one.
Picture settled_picture(Runner& runner) {
    Picture picture;
    for (int frame = 0; frame < 5; ++frame)
        REQUIRE(runner.draw_and_read_pixels(picture.width, picture.height, picture.rgba));
    return picture;
}

std::size_t distinct_colours(const Picture& picture) {
    std::set<unsigned> colours;
    for (std::size_t at = 0; at + 3 < picture.rgba.size(); at += 4)
        colours.insert(picture.rgba[at] << 16 | picture.rgba[at + 1] << 8 | picture.rgba[at + 2]);
    return colours.size();
}

// Pixels whose colour differs by more than a rounding step in any channel.
std::size_t differing_pixels(const Picture& a, const Picture& b) {
    REQUIRE(a.rgba.size() == b.rgba.size());
    std::size_t differing = 0;
    for (std::size_t at = 0; at + 3 < a.rgba.size(); at += 4)
        for (int channel = 0; channel < 3; ++channel)
            if (std::abs(a.rgba[at + channel] - b.rgba[at + channel]) > 2) {
                ++differing;
                break;
            }
    return differing;
}

RunOptions phone_options(const std::string& renderer, const std::string& data_folder) {
    RunOptions options;
    options.renderer = renderer;
    options.width = 390;
    options.height = 844;
    options.route = "search";
    options.pack_path = LUNGGUIDE_PACK_PATH;
    options.data_folder = data_folder;
    return options;
}

SurfaceRequest request_like(const RunOptions& options) {
    SurfaceRequest request;
    request.width = options.width;
    request.height = options.height;
    request.renderer = options.renderer;
    return request;
}

void remove_folder(const std::string& folder) {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

} // namespace

TEST_CASE("pause, a lost and recreated GL context, resume: the draft, state and picture "
          "survive") {
    for (const std::string renderer : {"gl3", "es3"}) {
        CAPTURE(renderer);
        const std::string folder = fresh_folder();
        RecordingHost host(make_glfw_host());
        const RunOptions options = phone_options(renderer, folder);
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
        remove_folder(folder);
    }
}

// The font texture is uploaded by the renderer (one byte per pixel on GL 3.3 and GLES 3):
// after a change of text size in Settings, and back, each size must draw exactly what a
// fresh start at that size draws, so the atlas and its texture went up together.
TEST_CASE("a change of text size draws what a fresh start at that size draws") {
    for (const std::string renderer : {"gl3", "es3"}) {
        CAPTURE(renderer);
        auto picture_at = [&](float text_scale, std::vector<float> then) {
            const std::string folder = fresh_folder();
            RecordingHost host(make_glfw_host());
            RunOptions options = phone_options(renderer, folder);
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
            remove_folder(folder);
            return picture;
        };
        const Picture normal = picture_at(1.0f, {});
        const Picture large = picture_at(2.0f, {});
        REQUIRE(distinct_colours(normal) > 50);
        REQUIRE(differing_pixels(normal, large) > normal.rgba.size() / 4 / 100);
        CHECK(differing_pixels(picture_at(1.0f, {2.0f}), large) == 0);
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
        const std::string folder = fresh_folder();
        RecordingHost host(make_glfw_host());
        RunOptions options = phone_options("gl3", folder);
        options.route = "about";
        options.theme = ui::theme_id_name(theme);
        Runner runner(host, options);
        REQUIRE(runner.start());
        const Picture picture = settled_picture(runner);
        runner.stop();
        remove_folder(folder);
        const auto byte = [](float value) { return static_cast<int>(value * 255.0f + 0.5f); };
        std::size_t page = 0;
        for (std::size_t at = 0; at + 3 < picture.rgba.size(); at += 4)
            page += picture.rgba[at] == byte(background.x) &&
                    picture.rgba[at + 1] == byte(background.y) &&
                    picture.rgba[at + 2] == byte(background.z);
        CHECK(page > picture.rgba.size() / 4 / 3); // most of a page is its background
    }
}

TEST_CASE("killed while paused, the app opens where the person was") {
    const std::string folder = fresh_folder();
    // A mobile OS may kill a paused app without another word: the child never stops.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        RecordingHost host(make_glfw_host());
        RunOptions options = phone_options("es3", folder);
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
    RunOptions options = phone_options("es3", folder);
    options.route = "";
    Runner runner(host, options);
    REQUIRE(runner.start());
    CHECK(ui::format_route(runner.app().route()) == "drug/lorlatinib");
    runner.stop();
    remove_folder(folder);
}

TEST_CASE("the GUI stays inside the safe area the host reports") {
    const std::string folder = fresh_folder();
    RecordingHost host(make_glfw_host());
    const RunOptions options = phone_options("es3", folder);
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
    remove_folder(folder);
}

} // namespace lungguide::platform
