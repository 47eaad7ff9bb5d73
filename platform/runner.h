// The portable app loop shared by every platform target.
//
// Power: a frame is drawn only when something changed. With nothing to do the loop
// sleeps in Host::wait_events(); after input it draws a few extra frames (ImGui popups
// and layout need them, ocornut/imgui #1206); it wakes on a timer only while an
// animation (inertia scrolling) runs. Reading on battery never spins at 60 fps.
#pragma once

#include "platform.h"

#include <optional>
#include <string>

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

// Returns the process exit code.
int run(Host& host, const RunOptions& options);

// Writes RGBA pixels as PNG (stb_image_write).
bool write_png(const std::string& path, int width, int height,
               const std::vector<unsigned char>& rgba);

} // namespace lungguide::platform
