// Reading aloud with eSpeak NG (Debian's libespeak-ng, offline): the desktop app's
// SpeechService, and lungguide-cli speak's.
//
// eSpeak synthesises on a thread of its own, sentence by sentence, in its synchronous mode:
// each piece of sound it makes is written to the AudioOutput at once (a tenth of a second
// queued at most), so the first sound follows a request within milliseconds and pause,
// stop and the next sentence take effect as quickly. Sentence and word events are held
// until the device has played up to them, so the highlight moves with the voice.
#pragma once

#include "audio_output.h"
#include "speech_service.h"

#include <memory>

namespace lungguide::platform {

// A new output is made for each job (a sound device plugged in later is found). The
// engine loads in the background at prepare() or at the first speak().
std::unique_ptr<SpeechService> make_espeak_speech(AudioOutputFactory make_output);

// eSpeak's voice for a choice: "en-us+klatt2" or "en-gb+klatt2". Klatt voicing reads the
// page's words far more clearly than eSpeak's default (measured with PocketSphinx:
// docs/app.md, "Reading aloud").
std::string espeak_voice_name(SpeechVoice voice);

// How eSpeak would say a text, in its phoneme notation ("'Egf3" for "EGFR"): for checking
// the pronunciation list (tests/speech/test_pronunciations.cpp). "" if eSpeak cannot start.
std::string espeak_phonemes(const std::string& text, SpeechVoice voice);

} // namespace lungguide::platform
