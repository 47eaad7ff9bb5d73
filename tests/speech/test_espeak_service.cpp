// The desktop's SpeechService (eSpeak NG) as the app uses it: events in order, pause and
// resume, stop, a new Listen replacing the old, and no sound device said calmly (issue 22).
// The "silent" output keeps a real device's pace, so these run in real time: short words.
#include "espeak_speech.h"
#include "speech/pronunciations.h"
#include "speech_test_support.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace lungguide;
using namespace lungguide::platform;
using namespace lungguide::testing;
using Kind = SpeechEvent::Kind;

namespace {

std::vector<SpokenSentence> sentences(std::initializer_list<const char*> texts) {
    std::vector<SpokenSentence> made;
    for (const char* text : texts)
        made.push_back(make_spoken(text, {}, "", built_in_pronunciations()));
    return made;
}

std::vector<Kind> kinds(const std::vector<SpeechEvent>& events, bool with_words = false) {
    std::vector<Kind> found;
    for (const SpeechEvent& event : events)
        if (with_words || event.kind != Kind::word) found.push_back(event.kind);
    return found;
}

std::size_t count(const std::vector<SpeechEvent>& events, Kind kind) {
    std::size_t found = 0;
    for (const SpeechEvent& event : events)
        found += event.kind == kind;
    return found;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("no sound device: one calm message, at once, and nothing else") {
    // An ALSA device that exists on no machine: the real open() fails as on a server.
    auto speech = make_espeak_speech([] { return make_alsa_output("hw:99"); });
    const auto start = std::chrono::steady_clock::now();
    const std::vector<SpeechEvent> events =
        run_until_done(*speech, sentences({"Diarrhea.", "Skin rash."}), {});
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == Kind::unavailable);
    CHECK(events[0].message == no_audio_device_message());
    CHECK(events[0].job == 1);
    CHECK(seconds_since(start) < 5.0);
    // Asking again says it again (a device may have been plugged in since).
    CHECK(run_until_done(*speech, sentences({"Nausea."}), {}).size() == 1);
}

TEST_CASE("sentences and their words are told in order, then the end") {
    auto speech = make_espeak_speech(make_silent_output);
    const std::vector<SpeechEvent> events =
        run_until_done(*speech, sentences({"Fatigue and nausea.", "Skin rash."}), {});
    CHECK(kinds(events) ==
          std::vector<Kind>{Kind::audio_started, Kind::sentence, Kind::sentence, Kind::finished});
    std::vector<std::pair<std::size_t, std::size_t>> words; // (sentence, begin)
    for (const SpeechEvent& event : events)
        if (event.kind == Kind::word) words.emplace_back(event.sentence, event.begin);
    std::string said;
    for (const auto& [sentence, begin] : words)
        said += std::to_string(sentence) + ":" + std::to_string(begin) + " ";
    CHECK(said == "0:0 0:8 0:12 1:0 1:5 ");
    for (const SpeechEvent& event : events)
        if (event.kind == Kind::audio_started) CHECK(event.milliseconds < 1000.0);
}

TEST_CASE("pause holds the voice, resume goes on, stop ends it without a word more") {
    auto speech = make_espeak_speech(make_silent_output);
    EventWaiter waiter(*speech);
    speech->speak(7, sentences({"One.", "Two.", "Three."}), 0, {});
    std::vector<SpeechEvent> events = waiter.until({Kind::sentence}, 10);
    REQUIRE(count(events, Kind::sentence) == 1);
    speech->pause();
    const std::vector<SpeechEvent> paused = waiter.during(1.0);
    CHECK(count(paused, Kind::sentence) == 0); // "One." is about half a second
    speech->resume();
    events = waiter.until({Kind::finished}, 10);
    CHECK(count(events, Kind::sentence) == 2);
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().kind == Kind::finished);
    CHECK(events.back().job == 7);

    speech->speak(8, sentences({"One.", "Two.", "Three."}), 0, {});
    waiter.until({Kind::sentence}, 10);
    speech->stop();
    CHECK(waiter.during(1.0).empty());
}

TEST_CASE("a new Listen replaces the one playing; it starts at the sentence asked for") {
    auto speech = make_espeak_speech(make_silent_output);
    EventWaiter waiter(*speech);
    speech->speak(1, sentences({"One.", "Two.", "Three.", "Four."}), 0, {});
    waiter.until({Kind::sentence}, 10);
    speech->speak(2, sentences({"Five.", "Six.", "Seven."}), 1, {});
    const std::vector<SpeechEvent> events = waiter.until({Kind::finished}, 10);
    std::vector<std::size_t> read;
    for (const SpeechEvent& event : events) {
        if (event.job == 1) CHECK(event.kind == Kind::word); // at most the last word of "One."
        if (event.job == 2 && event.kind == Kind::sentence) read.push_back(event.sentence);
    }
    CHECK(read == std::vector<std::size_t>{1, 2});
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().job == 2);
}

TEST_CASE("a service destroyed while it speaks, or while paused, stops cleanly") {
    {
        auto speech = make_espeak_speech(make_silent_output);
        speech->speak(1, sentences({"One.", "Two."}), 0, {});
    }
    {
        auto speech = make_espeak_speech(make_silent_output);
        EventWaiter waiter(*speech);
        speech->speak(1, sentences({"One.", "Two."}), 0, {});
        waiter.until({Kind::sentence}, 10);
        speech->pause();
    }
}
