// Index
//   the engine     eSpeak NG, once per process, used by one thread at a time
//   Playback       one job: sentences synthesised and written to the output as they come
//   EspeakSpeech   the service: requests in (any thread), the worker, events out
#include "espeak_speech.h"

#include "speech_libraries.h"

#include "common/utf8.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace lungguide::platform {

namespace {

using Clock = std::chrono::steady_clock;

// ---- the engine -------------------------------------------------------------------------

// eSpeak keeps its state in globals: one thread at a time, in the whole process.
std::mutex& engine_mutex() {
    static std::mutex mutex;
    return mutex;
}

// The sample rate, or 0 when eSpeak could not start (the library or its data is missing).
// Call with engine_mutex() held. Loads the library on the first call.
int engine_sample_rate() {
    static int rate = -1;
    if (rate < 0) {
        const EspeakLibrary* espeak = espeak_library();
        const int started = espeak ? espeak->initialize(AUDIO_OUTPUT_SYNCHRONOUS, 20, nullptr,
                                                        espeakINITIALIZE_DONT_EXIT)
                                   : 0;
        rate = started > 0 ? started : 0;
    }
    return rate;
}

constexpr const char* no_engine_message =
    "The voice LungGuide reads with could not be loaded (espeak-ng-data may be missing), so it "
    "cannot read aloud here. Everything is on the screen.";

// Byte offsets of each character (eSpeak counts characters from 1) and of the end.
std::vector<std::size_t> character_starts(const std::string& text) {
    std::vector<std::size_t> starts;
    for (std::size_t at = 0; at < text.size();) {
        starts.push_back(at);
        decode_utf8_code_point(text, at);
    }
    starts.push_back(text.size());
    return starts;
}

struct Job {
    std::uint64_t id = 0;
    std::vector<SpokenSentence> sentences;
    std::size_t first = 0;
    SpeechSettings settings;
    Clock::time_point asked_at;
};

// What the service offers the worker's playback: pausing, cancelling, events.
class Control {
  public:
    virtual ~Control() = default;
    // Waits while paused; false when the job was cancelled.
    virtual bool carry_on(AudioOutput& output) = 0;
    virtual void emit(SpeechEvent event) = 0;
};

// ---- Playback ---------------------------------------------------------------------------

// One job, on the worker thread, with the engine held.
class Playback {
  public:
    Playback(const Job& job, AudioOutput& output, Control& control, int rate)
        : job_(job), output_(output), control_(control), rate_(rate) {}

    // Reads every sentence; false when it was cancelled or the output failed.
    bool run() {
        const EspeakLibrary& espeak = *espeak_library(); // loaded: the rate is known
        espeak.set_synth_callback(&Playback::on_sound);
        espeak.set_voice_by_name(espeak_voice_name(job_.settings.voice).c_str());
        espeak.set_parameter(espeakRATE, espeak_words_per_minute(job_.settings.rate), 0);
        for (sentence_ = job_.first; sentence_ < job_.sentences.size(); ++sentence_) {
            text_ = job_.sentences[sentence_].text_for(SpeechEngine::espeak);
            starts_ = character_starts(text_);
            sentence_start_ = written_;
            hold(SpeechEvent::Kind::sentence, written_, 0, 0);
            espeak.synth(text_.c_str(), text_.size() + 1, 0, POS_CHARACTER, 0,
                         espeakCHARS_UTF8 | espeakPHONEMES | espeakENDPAUSE, nullptr, this);
            if (stopped_) return false;
        }
        return true;
    }

    // After the output drained: everything held is heard now.
    void release_all() { release(UINT64_MAX); }

  private:
    static int on_sound(short* samples, int count, espeak_EVENT* events) {
        if (!events) return 0;
        auto* self = static_cast<Playback*>(events->user_data);
        return self ? self->take(samples, count, events) : 1;
    }

    int take(const short* samples, int count, const espeak_EVENT* events) {
        for (const espeak_EVENT* event = events; event->type != espeakEVENT_LIST_TERMINATED;
             ++event) {
            if (event->type != espeakEVENT_WORD) continue;
            const std::size_t last = starts_.size() - 1;
            const std::size_t from = std::min<std::size_t>(event->text_position - 1, last);
            const std::size_t to = std::min<std::size_t>(from + event->length, last);
            if (to <= from) continue; // the pause after the last word
            const std::uint64_t at =
                sentence_start_ + static_cast<std::uint64_t>(event->audio_position) * rate_ / 1000;
            // Where the screen shows it (the engine's text has phonemes and expansions).
            const auto [shown_from, shown_to] = job_.sentences[sentence_].shown_range(
                SpeechEngine::espeak, starts_[from], starts_[to] - starts_[from]);
            hold(SpeechEvent::Kind::word, at, shown_from, shown_to - shown_from);
        }
        // Written in slices, so pause, stop and the events follow closely.
        const int slice = rate_ / 50;
        for (int done = 0; samples && done < count; done += slice) {
            if (!control_.carry_on(output_)) return stop();
            const int size = std::min(slice, count - done);
            if (!output_.write(samples + done, static_cast<std::size_t>(size))) return stop();
            if (written_ == 0) started();
            written_ += static_cast<std::uint64_t>(size);
            release(output_.heard());
        }
        return control_.carry_on(output_) ? 0 : stop();
    }

    int stop() {
        stopped_ = true;
        return 1; // eSpeak abandons the rest of the text
    }

    void started() {
        SpeechEvent event;
        event.kind = SpeechEvent::Kind::audio_started;
        event.job = job_.id;
        event.milliseconds =
            std::chrono::duration<double, std::milli>(Clock::now() - job_.asked_at).count();
        control_.emit(std::move(event));
    }

    void hold(SpeechEvent::Kind kind, std::uint64_t sample, std::size_t begin, std::size_t length) {
        SpeechEvent event;
        event.kind = kind;
        event.job = job_.id;
        event.sentence = sentence_;
        event.begin = begin;
        event.length = length;
        event.sample = sample;
        held_.push_back(std::move(event));
    }

    void release(std::uint64_t heard) {
        while (!held_.empty() && held_.front().sample <= heard) {
            control_.emit(std::move(held_.front()));
            held_.pop_front();
        }
    }

    const Job& job_;
    AudioOutput& output_;
    Control& control_;
    int rate_;
    std::size_t sentence_ = 0;
    std::string text_;
    std::vector<std::size_t> starts_;
    std::uint64_t sentence_start_ = 0;
    std::uint64_t written_ = 0;
    std::deque<SpeechEvent> held_;
    bool stopped_ = false;
};

// ---- EspeakSpeech -----------------------------------------------------------------------

class EspeakSpeech final : public SpeechService, private Control {
  public:
    explicit EspeakSpeech(AudioOutputFactory make_output)
        : make_output_(std::move(make_output)), worker_([this] { work(); }) {}

    ~EspeakSpeech() override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            quit_ = true;
            cancelled_ = true;
        }
        changed_.notify_all();
        worker_.join();
    }

    void speak(std::uint64_t job, std::vector<SpokenSentence> sentences, std::size_t first,
               const SpeechSettings& settings) override {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_ = Job{job, std::move(sentences), first, settings, Clock::now()};
        cancelled_ = true; // whatever plays now
        paused_ = false;
        changed_.notify_all();
    }

    void pause() override { set_paused(true); }
    void resume() override { set_paused(false); }

    void stop() override {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.reset();
        cancelled_ = true;
        paused_ = false;
        events_.clear();
        changed_.notify_all();
    }

    // No prepare(): the engine loads on the first Listen (speech_libraries.h says why).

    std::vector<SpeechEvent> take_events() override {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<SpeechEvent> events;
        events.swap(events_);
        return events;
    }

    void set_wake(std::function<void()> wake) override {
        std::lock_guard<std::mutex> lock(mutex_);
        wake_ = std::move(wake);
    }

  private:
    void set_paused(bool paused) {
        std::lock_guard<std::mutex> lock(mutex_);
        paused_ = paused;
        changed_.notify_all();
    }

    void work() {
        for (;;) {
            std::optional<Job> job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock, [this] { return quit_ || pending_; });
                if (quit_) return;
                job = std::move(pending_);
                pending_.reset();
                cancelled_ = false;
                playing_ = job->id;
            }
            std::lock_guard<std::mutex> engine(engine_mutex());
            const int rate = engine_sample_rate();
            if (rate == 0)
                unavailable(job->id, no_engine_message);
            else
                play(*job, rate);
        }
    }

    void play(const Job& job, int rate) {
        std::unique_ptr<AudioOutput> output = make_output_();
        const Status opened = output->open(rate);
        if (!opened.ok()) {
            unavailable(job.id, opened.message_for_person);
            return;
        }
        Playback playback(job, *output, *this, rate);
        const bool whole = playback.run();
        const bool kept = output->finish(whole);
        if (!whole) return;
        playback.release_all();
        if (!kept) {
            unavailable(job.id, "The sound could not be written.");
            return;
        }
        SpeechEvent finished;
        finished.kind = SpeechEvent::Kind::finished;
        finished.job = job.id;
        emit(std::move(finished));
    }

    void unavailable(std::uint64_t job, const std::string& message) {
        SpeechEvent event;
        event.kind = SpeechEvent::Kind::unavailable;
        event.job = job;
        event.message = message;
        emit(std::move(event));
    }

    // Control: called by the playback on the worker thread.
    bool carry_on(AudioOutput& output) override {
        std::unique_lock<std::mutex> lock(mutex_);
        if (paused_ && !cancelled_) {
            lock.unlock();
            output.set_paused(true);
            lock.lock();
            changed_.wait(lock, [this] { return !paused_ || cancelled_; });
            lock.unlock();
            output.set_paused(false);
            lock.lock();
        }
        return !cancelled_;
    }

    void emit(SpeechEvent event) override {
        std::function<void()> wake;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            // A job that was stopped or replaced says nothing more.
            if (event.job != playing_ ||
                (cancelled_ && event.kind != SpeechEvent::Kind::unavailable))
                return;
            events_.push_back(std::move(event));
            wake = wake_;
        }
        if (wake) wake();
    }

    AudioOutputFactory make_output_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Job> pending_;
    std::uint64_t playing_ = 0;
    bool cancelled_ = false;
    bool paused_ = false;
    bool quit_ = false;
    std::vector<SpeechEvent> events_;
    std::function<void()> wake_;
    std::thread worker_; // last: it starts when everything above is ready
};

} // namespace

std::string espeak_voice_name(SpeechVoice voice) {
    return std::string(speech_voice_id(voice)) + "+klatt2";
}

std::string espeak_phonemes(const std::string& text, SpeechVoice voice) {
    std::lock_guard<std::mutex> engine(engine_mutex());
    if (engine_sample_rate() == 0) return "";
    const EspeakLibrary& espeak = *espeak_library();
    espeak.set_voice_by_name(espeak_voice_name(voice).c_str());
    std::string phonemes;
    const void* next = text.c_str();
    // One clause per call; next becomes null at the end of the text.
    while (next) {
        const char* clause = espeak.text_to_phonemes(&next, espeakCHARS_UTF8, 0);
        if (!clause) break;
        phonemes += (phonemes.empty() ? "" : " ") + std::string(clause);
    }
    return phonemes;
}

std::unique_ptr<SpeechService> make_espeak_speech(AudioOutputFactory make_output) {
    return std::make_unique<EspeakSpeech>(std::move(make_output));
}

} // namespace lungguide::platform
