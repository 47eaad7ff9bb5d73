#include "speech_libraries.h"

#include <dlfcn.h>

#include <initializer_list>
#include <utility>

namespace lungguide::platform {

namespace {

// One function of a library: where its pointer goes, and its name.
struct Symbol {
    void** slot;
    const char* name;
};

template <typename Function> Symbol symbol(Function& function, const char* name) {
    // POSIX's way to store dlsym's answer in a function pointer.
    return {reinterpret_cast<void**>(&function), name};
}

// True when the library and every function were found. Never closed: eSpeak keeps its
// state in the library's globals, and a thread may still be inside ALSA.
bool load(const char* file, std::initializer_list<Symbol> symbols) {
    void* library = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!library) return false;
    for (const Symbol& wanted : symbols) {
        *wanted.slot = dlsym(library, wanted.name);
        if (!*wanted.slot) return false;
    }
    return true;
}

EspeakLibrary load_espeak(bool& found) {
    EspeakLibrary espeak;
    found = load("libespeak-ng.so.1", {symbol(espeak.initialize, "espeak_Initialize"),
                                       symbol(espeak.set_synth_callback, "espeak_SetSynthCallback"),
                                       symbol(espeak.set_voice_by_name, "espeak_SetVoiceByName"),
                                       symbol(espeak.set_parameter, "espeak_SetParameter"),
                                       symbol(espeak.synth, "espeak_Synth"),
                                       symbol(espeak.text_to_phonemes, "espeak_TextToPhonemes")});
    return espeak;
}

AlsaLibrary load_alsa(bool& found) {
    AlsaLibrary alsa;
    found = load("libasound.so.2",
                 {symbol(alsa.error_set_handler, "snd_lib_error_set_handler"),
                  symbol(alsa.open, "snd_pcm_open"), symbol(alsa.nonblock, "snd_pcm_nonblock"),
                  symbol(alsa.set_params, "snd_pcm_set_params"),
                  symbol(alsa.writei, "snd_pcm_writei"), symbol(alsa.recover, "snd_pcm_recover"),
                  symbol(alsa.delay, "snd_pcm_delay"), symbol(alsa.pause, "snd_pcm_pause"),
                  symbol(alsa.prepare, "snd_pcm_prepare"), symbol(alsa.drain, "snd_pcm_drain"),
                  symbol(alsa.drop, "snd_pcm_drop"), symbol(alsa.close, "snd_pcm_close")});
    return alsa;
}

} // namespace

const EspeakLibrary* espeak_library() {
    static bool found = false;
    static const EspeakLibrary espeak = load_espeak(found);
    return found ? &espeak : nullptr;
}

const AlsaLibrary* alsa_library() {
    static bool found = false;
    static const AlsaLibrary alsa = load_alsa(found);
    return found ? &alsa : nullptr;
}

} // namespace lungguide::platform
