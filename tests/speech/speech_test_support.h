// Shared by the speech tests: the shipped pack, and a speech service run to its end.
#pragma once

#include "content/content_pack.h"
#include "speech_service.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace lungguide::testing {

inline const ContentPack& speech_pack() {
    static auto result = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE_MESSAGE(result.ok(), result.message_for_person());
    return *result.value();
}

// Waits on a service's wake-ups (as a host's loop would) and collects its events.
class EventWaiter {
  public:
    explicit EventWaiter(platform::SpeechService& speech) : speech_(speech) {
        speech_.set_wake([this] {
            std::lock_guard<std::mutex> lock(mutex_);
            woken_ = true;
            changed_.notify_all();
        });
    }
    ~EventWaiter() { speech_.set_wake(nullptr); }

    // Events until one of `kinds` arrives, or the time is up (then what came so far).
    std::vector<SpeechEvent> until(std::vector<SpeechEvent::Kind> kinds, double seconds) {
        std::vector<SpeechEvent> events;
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        for (;;) {
            for (SpeechEvent& event : speech_.take_events()) {
                const bool last = std::find(kinds.begin(), kinds.end(), event.kind) != kinds.end();
                events.push_back(std::move(event));
                if (last) return events;
            }
            std::unique_lock<std::mutex> lock(mutex_);
            if (!changed_.wait_until(lock, deadline, [this] { return woken_; })) return events;
            woken_ = false;
        }
    }
    // Everything that arrives within `seconds`.
    std::vector<SpeechEvent> during(double seconds) { return until({}, seconds); }

  private:
    platform::SpeechService& speech_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool woken_ = false;
};

// Speaks and waits for the job to finish (or to say it cannot).
inline std::vector<SpeechEvent> run_until_done(platform::SpeechService& speech,
                                               const std::vector<SpokenSentence>& sentences,
                                               const SpeechSettings& settings) {
    EventWaiter waiter(speech);
    speech.speak(1, sentences, 0, settings);
    return waiter.until({SpeechEvent::Kind::finished, SpeechEvent::Kind::unavailable}, 120);
}

} // namespace lungguide::testing
