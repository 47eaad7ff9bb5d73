// Speech to a WAV file, as fast as it is made: nothing waits for a device, and every
// sample counts as heard when it is written (so events fall where their sound is).
#include "audio_output.h"
#include "wav_file.h"

namespace lungguide::platform {

namespace {

class WavOutput final : public AudioOutput {
  public:
    explicit WavOutput(std::string path) : path_(std::move(path)) {}

    Status open(int sample_rate) override {
        pcm_.sample_rate = sample_rate;
        return Status::success();
    }
    bool write(const std::int16_t* samples, std::size_t count) override {
        pcm_.samples.insert(pcm_.samples.end(), samples, samples + count);
        return true;
    }
    std::uint64_t heard() override { return pcm_.samples.size(); }
    void set_paused(bool) override {}
    bool finish(bool) override {
        if (finished_) return true;
        finished_ = true;
        return write_wav(path_, pcm_).ok();
    }

  private:
    std::string path_;
    Pcm pcm_;
    bool finished_ = false;
};

} // namespace

std::unique_ptr<AudioOutput> make_wav_output(const std::string& path) {
    return std::make_unique<WavOutput>(path);
}

} // namespace lungguide::platform
