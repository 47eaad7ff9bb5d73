// What the Runner tells those who watch its frames: the stats file, the benchmark, the
// screenshot and the tests. The Runner does the lifecycle and draws; an observer only
// watches (and a benchmark may ask for more frames). Each is registered with
// Runner::add_observer() by whoever wants it: the desktop loop (run.h), a test.
#pragma once

#include "speech_service.h"

#include <string>

namespace lungguide::platform {

class Renderer;

// One frame the Runner drew, every frame alike: one that was due, a benchmark's, a
// screenshot's.
struct DrawnFrame {
    long number = 0;       // 1 for the run's first frame
    double started_ms = 0; // since the process started
    double ui_cpu_ms = 0;  // this thread's CPU building the UI (NewFrame, screens, Render)
    double gl_cpu_ms = 0;  // and submitting it to GL (llvmpipe does part of its work here)
    double shown_ms = 0;   // when it was presented (set for frame_presented)
    int width = 0;         // the framebuffer, in pixels
    int height = 0;
    bool reading_aloud = false; // Listen was active
    bool for_observer = false;  // nothing was due: drawn because an observer wanted frames
    Renderer* renderer = nullptr;
};

// How the run ended, while the renderer and the App still exist.
struct RunEnd {
    std::string renderer; // "gl3" | "es3" | "webgl2"
    std::string gl;       // GL_VERSION and GL_RENDERER
    std::string route;    // where the person was
};

class FrameObserver {
  public:
    virtual ~FrameObserver() = default;
    // The frame is in the back buffer, not yet presented: renderer->read_pixels() reads it.
    virtual void frame_drawn(const DrawnFrame& frame) { (void)frame; }
    // The same frame after the host presented it.
    virtual void frame_presented(const DrawnFrame& frame) { (void)frame; }
    // The Runner found nothing to draw, for the first time since its last frame: the host
    // may sleep.
    virtual void went_idle(double now_ms) { (void)now_ms; }
    // Reading aloud: a request to speak went to the engine; an event came back from it.
    virtual void speech_sent(double now_ms) { (void)now_ms; }
    virtual void speech_event(const SpeechEvent& event) { (void)event; }
    // Frames this observer still wants drawn although nothing changed (a benchmark).
    virtual int frames_wanted() const { return 0; }
    // stop() has begun.
    virtual void stopping(const RunEnd& end) { (void)end; }
};

} // namespace lungguide::platform
