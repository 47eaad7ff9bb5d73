// The counting side of imgui_example_hooks.h. Stats are the same as LungGuide's --stats
// (platform/runner.cpp): first frame from process start (read from /proc, so the dynamic
// loader counts), frames drawn after the first three (LungGuide's start-up frames), and
// peak RSS. Written as JSON to $LUNGGUIDE_BENCH_STATS when the example exits.
// GLFW first, so its declarations keep their real names; then our hooks.
#include <GLFW/glfw3.h>

#include "imgui_example_hooks.h"
#include "process_age.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

// main.cpp sees the renamed calls; here the real GLFW functions are called.
#undef glfwSwapBuffers
#undef glfwWindowShouldClose

namespace {

struct Counters {
    double first_frame_ms = -1;
    long frames = 0;
    bool started = false;
    std::chrono::steady_clock::time_point start;
} counters;

void write_stats() {
    const char* path = std::getenv("LUNGGUIDE_BENCH_STATS");
    if (!path) return;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::ofstream file(path, std::ios::trunc);
    file << "{\n  \"first_frame_ms\": " << counters.first_frame_ms
         << ",\n  \"frames_rendered\": " << counters.frames
         << ",\n  \"frames_after_settle\": " << (counters.frames > 3 ? counters.frames - 3 : 0)
         << ",\n  \"peak_rss_kb\": " << usage.ru_maxrss << "\n}\n";
}

} // namespace

extern "C" void lungguide_bench_swap_buffers(GLFWwindow* window) {
    glfwSwapBuffers(window);
    if (counters.first_frame_ms < 0)
        counters.first_frame_ms = lungguide::platform::process_age_milliseconds();
    ++counters.frames;
}

extern "C" int lungguide_bench_window_should_close(GLFWwindow* window) {
    if (!counters.started) {
        counters.started = true;
        counters.start = std::chrono::steady_clock::now();
    }
    const char* exit_after = std::getenv("LUNGGUIDE_BENCH_EXIT_AFTER");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - counters.start).count();
    if (glfwWindowShouldClose(window) || (exit_after && seconds >= std::atof(exit_after))) {
        write_stats();
        return 1;
    }
    return 0;
}
