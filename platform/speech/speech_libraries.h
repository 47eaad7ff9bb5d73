// eSpeak NG and ALSA, loaded when the first sentence is read rather than when the app
// starts. Linked directly, they and the sound libraries they bring (PulseAudio, libsndfile
// and its codecs: two dozen libraries) cost every start about 4 MB of memory, for a feature
// many people never use. Loading them adds a few milliseconds to the first Listen (bench:
// speech_first_audio_ms). The headers still give every function its exact type.
#pragma once

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

namespace lungguide::platform {

struct EspeakLibrary {
    decltype(&::espeak_Initialize) initialize = nullptr;
    decltype(&::espeak_SetSynthCallback) set_synth_callback = nullptr;
    decltype(&::espeak_SetVoiceByName) set_voice_by_name = nullptr;
    decltype(&::espeak_SetParameter) set_parameter = nullptr;
    decltype(&::espeak_Synth) synth = nullptr;
    decltype(&::espeak_TextToPhonemes) text_to_phonemes = nullptr;
};

struct AlsaLibrary {
    decltype(&::snd_lib_error_set_handler) error_set_handler = nullptr;
    decltype(&::snd_pcm_open) open = nullptr;
    decltype(&::snd_pcm_nonblock) nonblock = nullptr;
    decltype(&::snd_pcm_set_params) set_params = nullptr;
    decltype(&::snd_pcm_writei) writei = nullptr;
    decltype(&::snd_pcm_recover) recover = nullptr;
    decltype(&::snd_pcm_delay) delay = nullptr;
    decltype(&::snd_pcm_pause) pause = nullptr;
    decltype(&::snd_pcm_prepare) prepare = nullptr;
    decltype(&::snd_pcm_drain) drain = nullptr;
    decltype(&::snd_pcm_drop) drop = nullptr;
    decltype(&::snd_pcm_close) close = nullptr;
};

// Loaded on the first call and kept for the life of the process; null when the library or
// one of its functions is missing (then reading aloud says so, calmly).
const EspeakLibrary* espeak_library();
const AlsaLibrary* alsa_library();

} // namespace lungguide::platform
