// What a run measures, as observers of its frames: the statistics written as JSON at exit
// (--stats), and the benchmark's frames drawn back to back (--bench-frames). bench/measure.py
// reads the file.
#pragma once

#include "frame_observer.h"

#include <string>

namespace lungguide::platform {

// The same screen redrawn as if a finger kept it busy, timing the CPU that builds it. The
// frames go through the Runner's one frame function like any other.
class FrameBench : public FrameObserver {
  public:
    explicit FrameBench(int frames) : left_(frames) {}
    void frame_drawn(const DrawnFrame& frame) override;
    int frames_wanted() const override { return left_; }

    long frames() const { return frames_; }
    double ui_cpu_ms_per_frame() const { return frames_ ? ui_cpu_ms_ / frames_ : 0.0; }

  private:
    int left_;
    long frames_ = 0;
    double ui_cpu_ms_ = 0;
};

class FrameStats : public FrameObserver {
  public:
    void frame_presented(const DrawnFrame& frame) override;
    void went_idle(double now_ms) override;
    void speech_sent(double now_ms) override;
    void speech_event(const SpeechEvent& event) override;
    void stopping(const RunEnd& end) override { end_ = end; }

    double first_frame_ms() const { return first_frame_ms_; }
    long frames_rendered() const { return frames_rendered_; }
    long frames_after_settle() const { return frames_after_settle_; }

    // The statistics, with the benchmark's figures if there was one, as JSON. False (and
    // said on stderr) when the file could not be written.
    bool write(const std::string& path, const FrameBench* bench = nullptr) const;

  private:
    RunEnd end_;
    double first_frame_ms_ = -1;
    long frames_rendered_ = 0;
    long frames_after_settle_ = 0; // frames drawn after start-up went quiet
    double settled_at_ms_ = -1;
    double ui_cpu_ms_total_ = 0;
    double gl_cpu_ms_total_ = 0;
    double ui_cpu_ms_max_ = 0;
    double last_frame_started_ms_ = 0;
    // Reading aloud: from the frame that took the tap to the first sample written to the
    // audio device (the first Listen of the run), the engine's events, and the frames drawn
    // while something was read (a frame per sentence or word, not per refresh).
    double tap_to_speak_ms_ = -1;
    double speech_first_audio_ms_ = -1;
    long speech_events_ = 0;
    long frames_while_reading_ = 0;
};

} // namespace lungguide::platform
