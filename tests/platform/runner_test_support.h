// What the platform tests share: the GLFW host with a record of what the Runner asked of
// it, the options of a phone (its data in a testing::TemporaryFolder), and pictures of
// frames (read back by a FrameCapture observer) to compare.
#pragma once

#include "../core/temporary_folder.h"
#include "glfw_host.h"
#include "runner.h"
#include "screenshot.h"

#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace lungguide::platform {

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

inline RunOptions phone_options(const std::string& renderer, const std::string& data_folder) {
    RunOptions options;
    options.renderer = renderer;
    options.width = 390;
    options.height = 844;
    options.route = "search";
    options.pack_path = LUNGGUIDE_PACK_PATH;
    options.data_folder = data_folder;
    return options;
}

// An observer registered for a scope, removed however the scope is left (a REQUIRE that
// fails throws), so the Runner never calls one that is gone.
class Watching {
  public:
    Watching(Runner& runner, FrameObserver& observer) : runner_(runner), observer_(observer) {
        runner_.add_observer(observer_);
    }
    ~Watching() { runner_.remove_observer(observer_); }
    Watching(const Watching&) = delete;
    Watching& operator=(const Watching&) = delete;

  private:
    Runner& runner_;
    FrameObserver& observer_;
};

// Draws a few frames (layout settles over frames) and reads back the last one.
inline Picture settled_picture(Runner& runner) {
    FrameCapture capture;
    const Watching watching(runner, capture);
    for (int frame = 0; frame < 5; ++frame) {
        capture.capture_next();
        REQUIRE(runner.draw_frame());
        REQUIRE(capture.captured());
    }
    return capture.picture();
}

inline std::size_t distinct_colours(const Picture& picture) {
    std::set<unsigned> colours;
    for (std::size_t at = 0; at + 3 < picture.rgba.size(); at += 4)
        colours.insert(picture.rgba[at] << 16 | picture.rgba[at + 1] << 8 | picture.rgba[at + 2]);
    return colours.size();
}

// Pixels whose colour differs by more than a rounding step in any channel.
inline std::size_t differing_pixels(const Picture& a, const Picture& b) {
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

// A PNG (a screenshot) as a picture. stb_image is compiled in main.cpp.
inline Picture read_png(const std::string& path) {
    Picture picture;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &picture.width, &picture.height, &channels, 4);
    REQUIRE(pixels != nullptr);
    picture.rgba.assign(pixels,
                        pixels + static_cast<std::size_t>(picture.width) * picture.height * 4);
    stbi_image_free(pixels);
    return picture;
}

// Pixels of exactly this colour (a theme's page background, say).
inline std::size_t pixels_of_colour(const Picture& picture, const ImVec4& colour) {
    const auto byte = [](float value) { return static_cast<int>(value * 255.0f + 0.5f); };
    std::size_t count = 0;
    for (std::size_t at = 0; at + 3 < picture.rgba.size(); at += 4)
        count += picture.rgba[at] == byte(colour.x) && picture.rgba[at + 1] == byte(colour.y) &&
                 picture.rgba[at + 2] == byte(colour.z);
    return count;
}

} // namespace lungguide::platform
