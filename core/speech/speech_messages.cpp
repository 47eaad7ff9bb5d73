#include "speech/speech_messages.h"

namespace lungguide {

const char* speech_rate_id(SpeechRate rate) {
    switch (rate) {
    case SpeechRate::slower:
        return "slower";
    case SpeechRate::normal:
        return "normal";
    case SpeechRate::faster:
        return "faster";
    }
    return "normal";
}

const char* speech_rate_label(SpeechRate rate) {
    switch (rate) {
    case SpeechRate::slower:
        return "Slower";
    case SpeechRate::normal:
        return "Normal";
    case SpeechRate::faster:
        return "Faster";
    }
    return "Normal";
}

bool parse_speech_rate(const std::string& id, SpeechRate& rate) {
    for (SpeechRate candidate : {SpeechRate::slower, SpeechRate::normal, SpeechRate::faster}) {
        if (id == speech_rate_id(candidate)) {
            rate = candidate;
            return true;
        }
    }
    return false;
}

int espeak_words_per_minute(SpeechRate rate) {
    switch (rate) {
    case SpeechRate::slower:
        return 130;
    case SpeechRate::normal:
        return 160;
    case SpeechRate::faster:
        return 195;
    }
    return 160;
}

double web_speech_rate(SpeechRate rate) {
    switch (rate) {
    case SpeechRate::slower:
        return 0.75;
    case SpeechRate::normal:
        return 0.9;
    case SpeechRate::faster:
        return 1.1;
    }
    return 0.9;
}

const char* speech_voice_id(SpeechVoice voice) {
    return voice == SpeechVoice::british_english ? "en-gb" : "en-us";
}

const char* speech_voice_label(SpeechVoice voice) {
    return voice == SpeechVoice::british_english ? "British English" : "US English";
}

bool parse_speech_voice(const std::string& id, SpeechVoice& voice) {
    for (SpeechVoice candidate : {SpeechVoice::us_english, SpeechVoice::british_english}) {
        if (id == speech_voice_id(candidate)) {
            voice = candidate;
            return true;
        }
    }
    return false;
}

std::string no_audio_device_message() {
    return "This device has no sound output LungGuide can use, so it cannot read aloud here. "
           "Everything is on the screen.";
}

std::string no_voice_message() {
    return "This browser has no voice to read aloud with. Everything is on the screen.";
}

std::string no_speech_engine_message() {
    return "Reading aloud is not available here. Everything is on the screen.";
}

} // namespace lungguide
