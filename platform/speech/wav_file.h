// WAV files of 16-bit mono PCM: written by lungguide-cli speak --wav, read back by tests.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lungguide::platform {

struct Pcm {
    int sample_rate = 0;
    std::vector<std::int16_t> samples;
};

// The file's bytes for these samples (RIFF/WAVE, PCM, 16-bit, one channel).
std::string wav_bytes(const Pcm& pcm);
// Writes them; on failure the message names the file.
Status write_wav(const std::string& path, const Pcm& pcm);
// Reads a 16-bit PCM WAV (the first channel of several).
Result<Pcm> read_wav(const std::string& path);

} // namespace lungguide::platform
