#include "frame_stats.h"

#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace lungguide::platform {

namespace {

long peak_rss_kilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

} // namespace

void FrameBench::frame_drawn(const DrawnFrame& frame) {
    if (!frame.for_observer || left_ <= 0) return;
    --left_;
    ++frames_;
    ui_cpu_ms_ += frame.ui_cpu_ms;
}

void FrameStats::frame_presented(const DrawnFrame& frame) {
    ++frames_rendered_;
    if (settled_at_ms_ >= 0) ++frames_after_settle_;
    if (frame.reading_aloud) ++frames_while_reading_;
    ui_cpu_ms_total_ += frame.ui_cpu_ms;
    gl_cpu_ms_total_ += frame.gl_cpu_ms;
    ui_cpu_ms_max_ = std::max(ui_cpu_ms_max_, frame.ui_cpu_ms);
    last_frame_started_ms_ = frame.started_ms;
    if (first_frame_ms_ < 0) first_frame_ms_ = frame.shown_ms;
}

void FrameStats::went_idle(double now_ms) {
    if (settled_at_ms_ < 0) settled_at_ms_ = now_ms;
}

void FrameStats::speech_sent(double now_ms) {
    if (tap_to_speak_ms_ < 0) tap_to_speak_ms_ = now_ms - last_frame_started_ms_;
}

void FrameStats::speech_event(const SpeechEvent& event) {
    ++speech_events_;
    if (event.kind == SpeechEvent::Kind::audio_started && speech_first_audio_ms_ < 0)
        speech_first_audio_ms_ = std::max(0.0, tap_to_speak_ms_) + event.milliseconds;
}

bool FrameStats::write(const std::string& path, const FrameBench* bench) const {
    const long frames = std::max(1L, frames_rendered_);
    // nlohmann escapes what the GL driver or a route may hold (quotes, control characters).
    const nlohmann::ordered_json json = {
        {"renderer", end_.renderer},
        {"gl", end_.gl},
        {"route", end_.route},
        {"first_frame_ms", first_frame_ms_},
        {"frames_rendered", frames_rendered_},
        {"settled_at_ms", settled_at_ms_},
        {"frames_after_settle", frames_after_settle_},
        {"ui_cpu_ms_per_frame", ui_cpu_ms_total_ / frames},
        {"ui_cpu_ms_max", ui_cpu_ms_max_},
        {"render_submit_cpu_ms_per_frame", gl_cpu_ms_total_ / frames},
        {"bench_frames", bench ? bench->frames() : 0L},
        {"bench_ui_cpu_ms_per_frame", bench ? bench->ui_cpu_ms_per_frame() : 0.0},
        {"speech_first_audio_ms", speech_first_audio_ms_},
        {"speech_events", speech_events_},
        {"frames_while_reading", frames_while_reading_},
        {"peak_rss_kb", peak_rss_kilobytes()},
    };
    std::ofstream file(path, std::ios::trunc);
    // Invalid UTF-8 from a driver is replaced, not thrown about.
    file << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    if (!file) std::fprintf(stderr, "lungguide: could not write %s\n", path.c_str());
    return static_cast<bool>(file);
}

} // namespace lungguide::platform
