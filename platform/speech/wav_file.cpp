#include "wav_file.h"

#include "common/file_text.h"

#include <cstring>
#include <fstream>

namespace lungguide::platform {

namespace {

void put(std::string& out, std::uint32_t value, int bytes) {
    for (int index = 0; index < bytes; ++index)
        out += static_cast<char>((value >> (8 * index)) & 0xFF);
}

std::uint32_t get(const std::string& in, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int index = 0; index < bytes; ++index)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + index]))
                 << (8 * index);
    return value;
}

Status not_wav(const std::string& path) {
    return Status::failure(Problem::invalid_input, path + " is not a 16-bit PCM WAV file.");
}

} // namespace

std::string wav_bytes(const Pcm& pcm) {
    const std::uint32_t data = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    std::string out = "RIFF";
    put(out, 36 + data, 4);
    out += "WAVEfmt ";
    put(out, 16, 4);
    put(out, 1, 2); // PCM
    put(out, 1, 2); // one channel
    put(out, static_cast<std::uint32_t>(pcm.sample_rate), 4);
    put(out, static_cast<std::uint32_t>(pcm.sample_rate) * 2, 4);
    put(out, 2, 2);
    put(out, 16, 2);
    out += "data";
    put(out, data, 4);
    for (std::int16_t sample : pcm.samples)
        put(out, static_cast<std::uint16_t>(sample), 2);
    return out;
}

Status write_wav(const std::string& path, const Pcm& pcm) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    const std::string bytes = wav_bytes(pcm);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file)
        return Status::failure(Problem::failed, "Could not write the sound to " + path + ".");
    return Status::success();
}

Result<Pcm> read_wav(const std::string& path) {
    Result<std::string> read = read_file_text(path);
    if (!read.ok()) return read.status();
    const std::string& in = read.value();
    if (in.size() < 12 || in.compare(0, 4, "RIFF") != 0 || in.compare(8, 4, "WAVE") != 0)
        return not_wav(path);
    Pcm pcm;
    int channels = 0;
    for (std::size_t at = 12; at + 8 <= in.size();) {
        const std::string id = in.substr(at, 4);
        const std::size_t size = get(in, at + 4, 4);
        const std::size_t body = at + 8;
        if (body + size > in.size()) return not_wav(path);
        if (id == "fmt " && size >= 16) {
            if (get(in, body, 2) != 1 || get(in, body + 14, 2) != 16) return not_wav(path);
            channels = static_cast<int>(get(in, body + 2, 2));
            pcm.sample_rate = static_cast<int>(get(in, body + 4, 4));
        } else if (id == "data" && channels > 0) {
            for (std::size_t offset = 0; offset + 2 * channels <= size; offset += 2 * channels)
                pcm.samples.push_back(static_cast<std::int16_t>(get(in, body + offset, 2)));
            return pcm;
        }
        at = body + size + (size & 1);
    }
    return not_wav(path);
}

} // namespace lungguide::platform
