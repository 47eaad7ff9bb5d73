// The Runner's frames as its observers see them (frame_observer.h), on the real desktop host
// under Xvfb: every frame drawn is seen once, a quiet spell is told once, a capture reads the
// frame just drawn, and the benchmark's frames are the frames any other run draws. (That
// --screenshot writes the frame the Runner drew: test_runner_lifecycle.cpp, text size.)
#include "app.h"
#include "frame_stats.h"
#include "runner.h"
#include "runner_test_support.h"
#include "screenshot.h"
#include "theme.h"

#include <doctest/doctest.h>

#include <vector>

namespace lungguide::platform {
namespace {

// Counts what the Runner tells its observers.
class CountingObserver : public FrameObserver {
  public:
    void frame_drawn(const DrawnFrame& frame) override {
        drawn.push_back(frame.number);
        if (frame.for_observer) ++for_observer;
    }
    void frame_presented(const DrawnFrame& frame) override {
        presented.push_back(frame.number);
        CHECK(frame.shown_ms >= frame.started_ms);
    }
    void went_idle(double now_ms) override {
        (void)now_ms;
        ++quiet_spells;
    }

    std::vector<long> drawn;
    std::vector<long> presented;
    int for_observer = 0;
    int quiet_spells = 0;
};

// frame() until it draws nothing (the host polls no events here, so only what is due).
int frames_until_quiet(Runner& runner) {
    int drawn = 0;
    while (runner.frame())
        REQUIRE(++drawn < 100);
    return drawn;
}

std::vector<long> one_to(std::size_t last) {
    std::vector<long> numbers;
    for (std::size_t number = 1; number <= last; ++number)
        numbers.push_back(static_cast<long>(number));
    return numbers;
}

} // namespace

TEST_CASE("observers see exactly the frames drawn; a capture, the benchmark and idle alike") {
    const testing::TemporaryFolder folder;
    RecordingHost host(make_glfw_host());
    RunOptions options = phone_options("gl3", folder.path());
    options.route = "class/egfr";
    CountingObserver counting; // observers first: they outlive the Runner
    FrameStats stats;
    FrameCapture capture;
    FrameBench bench(4);
    Runner runner(host, options);
    runner.add_observer(counting);
    runner.add_observer(stats);
    REQUIRE(runner.start());

    // Start-up draws what is due, then goes quiet: each frame seen once, in order, drawn
    // then presented; the quiet spell is told once however often the host asks.
    const int start_up = frames_until_quiet(runner);
    CHECK(start_up >= ui::settle_frames);
    CHECK(counting.drawn == one_to(start_up));
    CHECK(counting.presented == counting.drawn);
    for (int ask = 0; ask < 5; ++ask)
        CHECK(runner.idle());
    CHECK(counting.quiet_spells == 1);
    CHECK(stats.frames_rendered() == start_up);
    CHECK(stats.frames_after_settle() == 0);

    // A frame drawn now (a screenshot's, a test's) is seen like one that was due; a tap's
    // frames are counted by the stats as after start-up settled; a second quiet spell.
    REQUIRE(runner.draw_frame());
    runner.app().request_frames(ui::settle_frames);
    CHECK(frames_until_quiet(runner) == ui::settle_frames);
    CHECK(runner.idle());
    CHECK(counting.drawn == one_to(start_up + 1 + ui::settle_frames));
    CHECK(counting.quiet_spells == 2);
    CHECK(stats.frames_rendered() == static_cast<long>(counting.drawn.size()));
    CHECK(stats.frames_after_settle() == 1 + ui::settle_frames);
    CHECK(counting.for_observer == 0);

    // Paused: nothing is drawn and nothing is seen.
    runner.pause();
    CHECK_FALSE(runner.frame());
    CHECK_FALSE(runner.draw_frame());
    CHECK(counting.drawn.size() == static_cast<std::size_t>(start_up + 1 + ui::settle_frames));
    runner.resume();
    frames_until_quiet(runner);

    // A capture reads the frame just drawn, not the one before: the theme changed between.
    runner.add_observer(capture);
    capture.capture_next();
    REQUIRE(runner.draw_frame());
    REQUIRE(capture.captured());
    const Picture light = capture.picture();
    runner.app().set_theme(ui::ThemeId::dark);
    capture.capture_next();
    REQUIRE(runner.draw_frame());
    REQUIRE(capture.captured());
    const ImVec4 dark_page = ui::palette_for(ui::ThemeId::dark).background;
    CHECK(pixels_of_colour(light, dark_page) == 0);
    CHECK(pixels_of_colour(capture.picture(), dark_page) > light.rgba.size() / 4 / 3);
    frames_until_quiet(runner);
    capture.capture_next();
    REQUIRE(runner.draw_frame());
    const Picture due = capture.picture();

    // The benchmark: frames although nothing changed, through the same frame function. The
    // host stays awake until they are drawn; every one is seen, presented and counted; and
    // it shows what a frame that was due shows: here the safe area the host reports now
    // (changed without an event, which only a whole frame takes in).
    const std::size_t before_bench = counting.drawn.size();
    host.safe_area_insets = SafeArea{0.0f, 90.0f, 0.0f, 0.0f};
    runner.add_observer(bench);
    CHECK_FALSE(runner.idle());
    int bench_frames = 0;
    while (bench.frames_wanted() > 0) {
        capture.capture_next();
        REQUIRE(runner.frame());
        REQUIRE(++bench_frames <= 4);
    }
    REQUIRE(capture.captured());
    const Picture benched = capture.picture();
    CHECK(runner.idle());
    CHECK_FALSE(runner.frame());
    CHECK(bench.frames() == 4);
    CHECK(bench.ui_cpu_ms_per_frame() > 0.0);
    CHECK(counting.for_observer == 4);
    CHECK(counting.drawn.size() == before_bench + 4);
    CHECK(counting.presented == counting.drawn);
    CHECK(differing_pixels(benched, due) > benched.rgba.size() / 4 / 100); // the page moved
    runner.app().request_frames(1);
    capture.capture_next();
    REQUIRE(runner.frame());
    CHECK(differing_pixels(benched, capture.picture()) == 0);
    runner.stop();
}

} // namespace lungguide::platform
