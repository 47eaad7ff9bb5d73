// Where synthesised speech goes: 16-bit mono samples, written at a device's pace.
//
//   alsa    the sound card through ALSA's "default" device (PipeWire and PulseAudio
//           provide it on a desktop), or another ALSA device by name
//   silent  keeps a device's pace but makes no sound (tests and benchmarks on machines
//           without a sound card)
//   wav     a WAV file, as fast as it can be written (lungguide-cli speak --wav)
// A machine without a sound card (a server, CI under Xvfb) fails open() with a calm message:
// never a crash and never a wait.
#pragma once

#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace lungguide::platform {

class AudioOutput {
  public:
    virtual ~AudioOutput() = default;
    // 16-bit mono at sample_rate. On failure the message is for a person.
    virtual Status open(int sample_rate) = 0;
    // Queues samples to be heard; blocks while the device's buffer is full. False on a fault
    // that could not be recovered from.
    virtual bool write(const std::int16_t* samples, std::size_t count) = 0;
    // How many of the written samples have been heard by now.
    virtual std::uint64_t heard() = 0;
    // Holds or lets go of the sound (pause and resume).
    virtual void set_paused(bool paused) = 0;
    // Plays what is queued to its end (drain) or drops it, and closes. False if what was
    // written could not be kept (a WAV file that could not be written).
    virtual bool finish(bool drain) = 0;
};

using AudioOutputFactory = std::function<std::unique_ptr<AudioOutput>()>;

// By name: "silent", or an ALSA device ("" = "default").
std::unique_ptr<AudioOutput> make_audio_output(const std::string& device);
std::unique_ptr<AudioOutput> make_alsa_output(const std::string& device);
std::unique_ptr<AudioOutput> make_silent_output();
std::unique_ptr<AudioOutput> make_wav_output(const std::string& path);

// The device the desktop app and lungguide-cli use: $LUNGGUIDE_AUDIO_DEVICE (an ALSA device
// name, or "silent"), else ALSA's "default".
std::string audio_device_from_environment();

} // namespace lungguide::platform
