// ALSA playback: ALSA's own simple parameters (snd_pcm_set_params) with a tenth of a second
// of buffer, so pause, stop and the highlight follow the sound closely. Opened without
// blocking, so a sound server that does not answer can never hang the app.
#include "audio_output.h"

#include "speech_libraries.h"

#include "speech/speech_messages.h"

#include <cerrno>
#include <mutex>

namespace lungguide::platform {

namespace {

constexpr unsigned buffer_microseconds = 100000;

// ALSA prints its complaints to stderr ("cannot find card '0'"); the app says it calmly.
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

class AlsaOutput final : public AudioOutput {
  public:
    explicit AlsaOutput(std::string device) : device_(device.empty() ? "default" : device) {}
    ~AlsaOutput() override { finish(false); }

    Status open(int sample_rate) override {
        alsa_ = alsa_library();
        if (!alsa_) return Status::failure(Problem::not_found, no_audio_device_message());
        static std::once_flag quieted;
        std::call_once(quieted, [this] { alsa_->error_set_handler(quiet_alsa); });
        int error = alsa_->open(&pcm_, device_.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
        if (error >= 0) error = alsa_->nonblock(pcm_, 0);
        if (error >= 0)
            error = alsa_->set_params(pcm_, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                      static_cast<unsigned>(sample_rate), 1, buffer_microseconds);
        if (error < 0) {
            if (pcm_) alsa_->close(pcm_);
            pcm_ = nullptr;
            return Status::failure(Problem::not_found, no_audio_device_message());
        }
        return Status::success();
    }

    bool write(const std::int16_t* samples, std::size_t count) override {
        while (pcm_ && count > 0) {
            snd_pcm_sframes_t done = alsa_->writei(pcm_, samples, count);
            if (done == -EAGAIN) continue;
            if (done < 0) done = alsa_->recover(pcm_, static_cast<int>(done), 1);
            if (done < 0) return false;
            samples += done;
            count -= static_cast<std::size_t>(done);
            written_ += static_cast<std::uint64_t>(done);
        }
        return pcm_ != nullptr;
    }

    std::uint64_t heard() override {
        snd_pcm_sframes_t waiting = 0;
        if (!pcm_ || alsa_->delay(pcm_, &waiting) < 0 || waiting < 0) return written_;
        return written_ - std::min<std::uint64_t>(written_, static_cast<std::uint64_t>(waiting));
    }

    void set_paused(bool paused) override {
        // Devices that cannot pause play their last tenth of a second and then wait; the
        // next write recovers from the underrun.
        if (pcm_ && alsa_->pause(pcm_, paused ? 1 : 0) < 0 && !paused) alsa_->prepare(pcm_);
    }

    bool finish(bool drain) override {
        if (!pcm_) return true;
        if (drain)
            alsa_->drain(pcm_);
        else
            alsa_->drop(pcm_);
        alsa_->close(pcm_);
        pcm_ = nullptr;
        return true;
    }

  private:
    std::string device_;
    const AlsaLibrary* alsa_ = nullptr; // set by open
    snd_pcm_t* pcm_ = nullptr;
    std::uint64_t written_ = 0;
};

} // namespace

std::unique_ptr<AudioOutput> make_alsa_output(const std::string& device) {
    return std::make_unique<AlsaOutput>(device);
}

} // namespace lungguide::platform
