// The portable app runner shared by every platform target, inverted so that the platform
// owns the event loop (hello_imgui's emscripten runner works the same way): the browser,
// Android and iOS call frame() once per display refresh; the desktop host wraps it in its
// own loop (run()).
//
// Lifecycle (see platform.h for what each host event means):
//     start() → frame()* → pause() → [surface_lost() … surface_regained()] → resume()
//             → frame()* → stop()
//
// Reading aloud (platform.h's Host::speech()): after each frame the App's requests go to the
// host's SpeechService; its events come back at the next frame(), and the service wakes
// the host when there are some. So a frame is drawn per sentence or word read, never more.
//
// Power: a frame is drawn only when something changed. frame() returns at once when
// nothing did; idle() tells the host it may sleep until the next event (desktop:
// Host::wait_events(); browser: the main loop is paused). After input a few extra frames
// are drawn (ImGui popups and layout need them, ocornut/imgui #1206); a timer wakes the
// host only while an animation (inertia scrolling) runs. Reading never spins at 60 fps.
#pragma once

#include "platform.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lungguide::ui {
class App;
}

namespace lungguide::platform {

struct RunOptions {
    std::string route;                // start route ("" = last place read)
    std::optional<std::string> theme; // "light" | "dark" | "high-contrast"
    std::optional<float> text_scale;  // 1.0 .. 2.5
    std::string data_folder;          // "" = the platform's default
    std::string pack_path;            // "" = the platform's default
    std::string renderer = "gl3";
    int width = 1024;
    int height = 768;

    std::string screenshot_path;   // render once, write PNG, exit
    double exit_after_seconds = 0; // > 0: quit after this long (benchmarks)
    std::string stats_path;        // JSON written at exit
    int bench_frames = 0;          // draw this many frames back to back, timing CPU
    std::string text_reader_hint;  // shown in About (where lungguide-cli is)
};

class Runner {
  public:
    Runner(Host& host, RunOptions options);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Opens the pack, the surface, the renderer and the App. On false, exit_code() says why
    // (exit_failure: no usable pack; exit_unavailable: no surface or GL) and the message
    // has been printed.
    bool start();
    // Handles what happened since the last call (events, back, animation) and draws a
    // frame if anything could have changed. Returns true when a frame was drawn.
    bool frame();
    // The app leaves the screen (Android onPause, browser tab hidden, window closing):
    // drafts and settings are saved now; no frames until resume().
    void pause();
    void resume();
    // The GL surface or context is going away (Android destroys its EGL surface; WebGL can
    // lose its context): GL objects are released while the context is still current.
    void surface_lost();
    // A new surface and context are current: GL objects and the font texture are rebuilt.
    bool surface_regained();
    // Saves state, writes the stats file, releases GL and the surface. Returns the exit code.
    int stop();

    // Nothing to draw: the host may sleep until the next event (or, while animating(),
    // until the next display refresh). Remembers when start-up first went quiet (stats).
    bool idle();
    // While true, the host wakes on a timer (~60 Hz) even without events.
    bool animating() const;
    bool paused() const { return paused_; }
    int exit_code() const { return exit_code_; }

    // Draws the start route a few times, reads back the last frame and writes it as PNG
    // (--screenshot). Returns false if it could not be written.
    bool screenshot(const std::string& path);
    // Reads back what the next frame draws, RGBA top row first (tests).
    bool draw_and_read_pixels(int& width, int& height, std::vector<unsigned char>& rgba);

    ui::App& app();

  private:
    bool draw_frame(std::vector<unsigned char>* read_back, int* width, int* height);
    // The UI of one frame built into draw lists, not yet drawn: the same code for a frame
    // shown and for the benchmark's redraw.
    void build_ui_frame();
    void update_text_input();
    // Reading aloud: the App's requests to the host's SpeechService, and its events back.
    // Returns true when events arrived (the highlight moves: a frame is due).
    void forward_speech_requests();
    bool take_speech_events();
    void write_stats();

    struct State;
    Host& host_;
    RunOptions options_;
    std::unique_ptr<State> state_;
    bool started_ = false;
    bool paused_ = false;
    bool surface_ready_ = false;
    int exit_code_ = 0;
};

// The desktop loop around a Runner: sleeps in Host::wait_events() when idle. Returns the
// process exit code.
int run(Host& host, const RunOptions& options);

// Writes RGBA pixels as PNG (stb_image_write).
bool write_png(const std::string& path, int width, int height,
               const std::vector<unsigned char>& rgba);

} // namespace lungguide::platform
