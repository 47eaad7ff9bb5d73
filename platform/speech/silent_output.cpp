// A device that makes no sound but keeps a device's pace: what was written is "heard" at
// the sample rate in real time, and a write waits while more than a tenth of a second is
// queued, as ALSA's would. Tests and benchmarks run the app with it where there is no
// sound card (LUNGGUIDE_AUDIO_DEVICE=silent).
#include "audio_output.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace lungguide::platform {

namespace {

using Clock = std::chrono::steady_clock;

class SilentOutput final : public AudioOutput {
  public:
    Status open(int sample_rate) override {
        rate_ = sample_rate;
        started_ = Clock::now();
        return Status::success();
    }

    bool write(const std::int16_t*, std::size_t count) override {
        written_ += count;
        const std::uint64_t room = static_cast<std::uint64_t>(rate_) / 10;
        while (written_ > heard() + room)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return true;
    }

    std::uint64_t heard() override {
        const double seconds =
            std::chrono::duration<double>((paused_ ? paused_at_ : Clock::now()) - started_).count();
        return std::min<std::uint64_t>(written_, static_cast<std::uint64_t>(seconds * rate_));
    }

    void set_paused(bool paused) override {
        if (paused == paused_) return;
        if (paused)
            paused_at_ = Clock::now();
        else
            started_ += Clock::now() - paused_at_; // the pause is not heard
        paused_ = paused;
    }

    bool finish(bool drain) override {
        while (drain && heard() < written_)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return true;
    }

  private:
    int rate_ = 22050;
    Clock::time_point started_;
    Clock::time_point paused_at_;
    bool paused_ = false;
    std::uint64_t written_ = 0;
};

} // namespace

std::unique_ptr<AudioOutput> make_silent_output() {
    return std::make_unique<SilentOutput>();
}

std::unique_ptr<AudioOutput> make_audio_output(const std::string& device) {
    if (device == "silent") return make_silent_output();
    return make_alsa_output(device);
}

std::string audio_device_from_environment() {
    const char* device = std::getenv("LUNGGUIDE_AUDIO_DEVICE");
    return device && *device ? device : "default";
}

} // namespace lungguide::platform
