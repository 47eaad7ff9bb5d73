// Listen on the real desktop host (issue 22): GLFW under Xvfb, the Runner's own loop and eSpeak
// NG, into the "silent" output, which keeps a sound card's pace (there is none here). A class
// section is read to its end: the highlight moves through its sentences in order, the host
// sleeps between the engine's events (woken by them, not by a timer), and the stats
// show a frame or two per sentence or word, never a frame per display refresh.
#include "app.h"
#include "frame_stats.h"
#include "glfw_host.h"
#include "runner.h"
#include "speech/spoken_guide.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace lungguide::platform {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The sentence the last frame highlighted, or -1.
int highlighted(Runner& runner) {
    for (const ui::DrawnItem& item : runner.app().drawn_items())
        if (item.label.rfind("reading:", 0) == 0 && item.label.rfind("reading:word=", 0) != 0)
            return std::stoi(item.label.substr(8));
    return -1;
}

} // namespace

TEST_CASE("Listen on a class page with the real host: in order, in time, few frames") {
    setenv("LUNGGUIDE_AUDIO_DEVICE", "silent", 1);
    char pattern[] = "/tmp/lungguide-listen-test-XXXXXX";
    const std::string folder = mkdtemp(pattern);
    std::unique_ptr<Host> host = make_glfw_host();
    RunOptions options;
    options.width = 390;
    options.height = 844;
    options.route = "class/kras";
    options.pack_path = LUNGGUIDE_PACK_PATH;
    options.data_folder = folder;
    const std::string stats_path = folder + "/stats.json";
    FrameStats frame_stats; // the stats file, as the desktop loop writes it (--stats)
    Runner runner(*host, options);
    runner.add_observer(frame_stats);
    REQUIRE(runner.start());
    runner.app().set_recording(true);
    const std::size_t sentences =
        spoken_class_section(runner.app().guide(), *runner.app().guide().find_class("kras"),
                             ClassSection::drugs)
            .size();

    // The desktop loop (platform::run), with a deadline on each sleep to tell a wake-up by
    // the engine from one by the clock.
    int clock_wakeups = 0;
    std::vector<int> order;
    auto loop = [&](double seconds, bool until_done) {
        const auto start = Clock::now();
        while (seconds_since(start) < seconds) {
            if (!runner.idle()) {
                host->poll_events();
            } else {
                const auto asleep = Clock::now();
                host->wait_events_timeout(2.0);
                if (seconds_since(asleep) >= 1.9 && runner.app().listening().active())
                    ++clock_wakeups;
            }
            if (runner.frame() && runner.app().listening().active()) {
                const int shown = highlighted(runner);
                if (shown >= 0 && (order.empty() || order.back() != shown)) order.push_back(shown);
            }
            if (until_done && !runner.app().listening().active()) return;
        }
    };
    loop(1.0, false); // start-up settles; the engine loads
    // Faster, as a person could choose: the test takes less time. Then a tap on Listen.
    SpeechSettings faster;
    faster.rate = SpeechRate::faster;
    runner.app().set_speech_settings(faster);
    runner.app().go("class/kras#listen=drugs");
    const auto listening = Clock::now();
    loop(60.0, true);
    const double read_for = seconds_since(listening);
    CHECK_FALSE(runner.app().listening().active());
    CHECK(runner.app().listening().unavailable().empty());
    loop(1.0, false); // and then the app sleeps again

    std::vector<int> expected;
    for (std::size_t index = 0; index < sentences; ++index)
        expected.push_back(static_cast<int>(index));
    CHECK(order == expected);
    CHECK(clock_wakeups == 0);
    CHECK(runner.stop() == 0);
    REQUIRE(frame_stats.write(stats_path));

    std::ifstream file(stats_path);
    const nlohmann::json stats = nlohmann::json::parse(file, nullptr, false);
    REQUIRE_FALSE(stats.is_discarded());
    const long frames = stats["frames_while_reading"].get<long>();
    const long events = stats["speech_events"].get<long>();
    const double first_audio = stats["speech_first_audio_ms"].get<double>();
    MESSAGE("read " << sentences << " sentences in " << read_for << " s: " << events << " events, "
                    << frames << " frames drawn while reading (a display would "
                    << "refresh " << static_cast<long>(60 * read_for) << " times); first sound "
                    << first_audio << " ms after the tap");
    CHECK(events >= static_cast<long>(sentences) + 2);
    CHECK(frames <= 2 * events + 12);
    CHECK(frames < 10 * read_for);
    CHECK(first_audio > 0.0);
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
}

} // namespace lungguide::platform
