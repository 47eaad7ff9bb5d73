// What the app asks of a speech engine, and what the engine tells it back: plain data that
// the UI, the platform's speech services and the CLI share. No engine here: eSpeak NG lives
// in platform/speech/, the browser's speechSynthesis in platform/web/ (docs/app.md).
#pragma once

#include "speech/spoken_text.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lungguide {

// Three speeds a person chooses from. Normal is a little slower than an engine's own
// default: the listeners are often tired or unwell, and the words are medical.
enum class SpeechRate { slower, normal, faster };
const char* speech_rate_id(SpeechRate rate);    // "slower" | "normal" | "faster"
const char* speech_rate_label(SpeechRate rate); // "Slower" | "Normal" | "Faster"
bool parse_speech_rate(const std::string& id, SpeechRate& rate);
// eSpeak NG's words per minute (its own default is 175).
int espeak_words_per_minute(SpeechRate rate);
// The Web Speech API's rate (1 = the voice's default).
double web_speech_rate(SpeechRate rate);

// The voices offered: English as in the United States or in Britain.
enum class SpeechVoice { us_english, british_english };
const char* speech_voice_id(SpeechVoice voice);    // "en-us" | "en-gb" (BCP 47, lower case)
const char* speech_voice_label(SpeechVoice voice); // "US English" | "British English"
bool parse_speech_voice(const std::string& id, SpeechVoice& voice);

struct SpeechSettings {
    SpeechRate rate = SpeechRate::normal;
    SpeechVoice voice = SpeechVoice::us_english;
};

// What the app asks for. A speak replaces whatever was being read.
struct SpeechRequest {
    enum class Kind { speak, pause, resume, stop };
    Kind kind = Kind::stop;
    std::uint64_t job = 0; // a speak's number; events carry it, so late ones are told apart
    std::vector<SpokenSentence> sentences;
    std::size_t first = 0; // the sentence to start at
    SpeechSettings settings;
};

// What the engine reports, in the order it happened.
struct SpeechEvent {
    enum class Kind {
        sentence,      // sentence `sentence` is being read now
        word,          // a word of it: [begin, begin + length) of the sentence's `shown`
        audio_started, // the first sound of the job reached the audio device
        finished,      // the last sentence was read to its end
        unavailable    // nothing can be read aloud here; `message` says why, calmly
    };
    Kind kind = Kind::finished;
    std::uint64_t job = 0;
    std::size_t sentence = 0;
    std::size_t begin = 0;
    std::size_t length = 0;
    std::uint64_t sample = 0; // where in the job's audio it happens (engines that know)
    double milliseconds = 0;  // audio_started: from the request to the first sample
    std::string message;
};

// The calm sentences a person sees when reading aloud cannot work (one home for them).
std::string no_audio_device_message();
std::string no_voice_message();
std::string no_speech_engine_message(); // a platform that has no engine at all

} // namespace lungguide
