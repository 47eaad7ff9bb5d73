#include "run.h"

#include "common/exit_code.h"

#include "frame_stats.h"
#include "screenshot.h"

#include <algorithm>
#include <chrono>

namespace lungguide::platform {

namespace {

// Until the window closes, or for --exit-after seconds.
void loop(Host& host, Runner& runner, double exit_after_seconds) {
    const auto started = std::chrono::steady_clock::now();
    auto seconds_left = [&]() {
        if (exit_after_seconds <= 0) return 1e9;
        return exit_after_seconds -
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    for (;;) {
        const double remaining = seconds_left();
        if (remaining <= 0 || host.should_close()) break;
        if (!runner.idle())
            host.poll_events();
        else if (runner.animating())
            host.wait_events_timeout(std::min(1.0 / 60.0, remaining));
        else if (exit_after_seconds > 0)
            host.wait_events_timeout(remaining);
        else
            host.wait_events();
        runner.frame();
    }
}

} // namespace

int run(Host& host, const RunOptions& options) {
    if (!options.screenshot_path.empty()) return screenshot_run(host, options);
    FrameStats stats; // declared first: observers outlive the Runner
    FrameBench bench(options.bench_frames);
    Runner runner(host, options);
    if (!options.stats_path.empty()) runner.add_observer(stats);
    if (options.bench_frames > 0) runner.add_observer(bench);
    if (!runner.start()) return runner.exit_code();
    loop(host, runner, options.exit_after_seconds);
    const int code = runner.stop();
    if (!options.stats_path.empty() && !stats.write(options.stats_path, &bench))
        return exit_failure;
    return code;
}

} // namespace lungguide::platform
