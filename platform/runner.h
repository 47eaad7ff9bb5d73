// The portable app runner shared by every platform target, inverted so that the platform
// owns the event loop (hello_imgui's emscripten runner works the same way): the browser,
// Android and iOS call frame() once per display refresh; the desktop host wraps it in its
// own loop (run(), run.h).
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
//
// The Runner does the lifecycle and draws; whatever watches frames (the stats file, the
// benchmark, a screenshot, a test) is a FrameObserver (frame_observer.h), and every frame,
// however it was asked for, goes through the one frame function, draw_frame().
#pragma once

#include "frame_observer.h"
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

    // A run for a picture: a hidden window, a scratch data folder, no settings saved, the
    // search index waited for (the Runner); render, write PNG, exit (run.h).
    std::string screenshot_path;
    // What the desktop loop (run.h) adds around the Runner.
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
    // Tells the observers the run ends, saves state, releases GL and the surface. Returns
    // the exit code.
    int stop();

    // Nothing to draw (and no observer wants frames): the host may sleep until the next
    // event (or, while animating(), until the next display refresh). The first time after a
    // frame, observers hear went_idle().
    bool idle();
    // While true, the host wakes on a timer (~60 Hz) even without events.
    bool animating() const;
    bool paused() const { return paused_; }
    int exit_code() const { return exit_code_; }

    // The one frame function: fonts if the text size changed, the UI, GL, observers, present.
    // frame() calls it when a frame is due; a screenshot or a test calls it to draw now,
    // due or not. False when there is nothing to draw on (not started, paused, no surface).
    bool draw_frame();

    // Observers see every frame from now on; each must outlive the Runner or be removed.
    void add_observer(FrameObserver& observer);
    void remove_observer(FrameObserver& observer);

    ui::App& app();

  private:
    // The frames wanted since the last call: host events, Back, animation, speech, the App.
    void take_what_happened();
    bool observers_want_frames() const;
    void update_text_input();
    // Reading aloud: the App's requests to the host's SpeechService, and its events back.
    // Returns true when events arrived (the highlight moves: a frame is due).
    void forward_speech_requests();
    bool take_speech_events();

    struct State;
    Host& host_;
    RunOptions options_;
    std::unique_ptr<State> state_;
    std::vector<FrameObserver*> observers_;
    bool started_ = false;
    bool paused_ = false;
    bool surface_ready_ = false;
    int exit_code_ = 0;
};

} // namespace lungguide::platform
