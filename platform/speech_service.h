// The speech seam: how a platform reads sentences aloud (Host::speech() in platform.h).
//
// The app never calls an engine. Its Listen controls make SpeechRequests (core/speech/); the
// Runner hands them to the host's SpeechService and hands the service's SpeechEvents back to
// the App, which moves the highlight. One implementation per engine:
//   platform/speech/espeak_speech   eSpeak NG, played through ALSA (desktop, lungguide-cli)
//   platform/web/web_speech         the browser's speechSynthesis
// Android's TextToSpeech and iOS's AVSpeechSynthesizer fit the same shape (docs/app.md).
//
// Every call returns at once: the engine works on its own thread (or the browser's), so
// speaking never holds up a frame. Events wait in the service until take_events(); the
// service calls the wake function (from any thread) when there are some, and the host then
// runs a frame: highlight updates come once per sentence or word, never every refresh.
// Shared with lungguide-cli: no ImGui, GL or ui/ here.
#pragma once

#include "speech/speech_messages.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace lungguide::platform {

class SpeechService {
  public:
    virtual ~SpeechService() = default;

    // Reads sentences[first..] in order, replacing whatever was being read. The events it
    // causes carry `job`.
    virtual void speak(std::uint64_t job, std::vector<SpokenSentence> sentences, std::size_t first,
                       const SpeechSettings& settings) = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    // Stops at once; no more events of the job that was being read.
    virtual void stop() = 0;

    // Readies what is cheap to ready without a sound (the browser's voice list), so the first
    // Listen starts at once. The Runner calls it when start-up has settled. The desktop's
    // eSpeak NG does nothing here: it loads on the first Listen, as its memory is not cheap.
    virtual void prepare() {}

    // What happened since the last call, in order.
    virtual std::vector<SpeechEvent> take_events() = 0;
    // Called, from any thread, when events wait (the host wakes its loop).
    virtual void set_wake(std::function<void()> wake) = 0;
};

} // namespace lungguide::platform
