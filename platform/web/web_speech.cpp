// The browser's speechSynthesis behind the speech seam. Sentences go to site/speech.js as
// JSON, each in its plain form (respellings, no eSpeak phonemes); its events come back
// through lungguide_web_speech_event() on the browser's one thread, with word ranges in
// UTF-8 bytes of that plain text, which are mapped to what the screen shows.
#include "web_speech.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lungguide::platform {

namespace {

class WebSpeech;
WebSpeech* the_speech = nullptr; // the page has one (the host's); events find it here

class WebSpeech final : public SpeechService {
  public:
    WebSpeech() { the_speech = this; }
    ~WebSpeech() override {
        stop();
        the_speech = nullptr;
    }

    void speak(std::uint64_t job, std::vector<SpokenSentence> sentences, std::size_t first,
               const SpeechSettings& settings) override {
        nlohmann::json texts = nlohmann::json::array();
        for (const SpokenSentence& sentence : sentences)
            texts.push_back(sentence.text_for(SpeechEngine::plain));
        sentences_ = std::move(sentences);
        job_ = job;
        const std::string json = texts.dump();
        EM_ASM({ Module.lungguideSpeech.speak($0, UTF8ToString($1), $2, $3, UTF8ToString($4)); },
               static_cast<int>(job), json.c_str(), static_cast<int>(first),
               web_speech_rate(settings.rate), speech_voice_id(settings.voice));
    }
    void pause() override {
        EM_ASM({ Module.lungguideSpeech.pause(); });
    }
    void resume() override {
        EM_ASM({ Module.lungguideSpeech.resume(); });
    }
    void stop() override {
        job_ = 0;
        events_.clear();
        EM_ASM({ Module.lungguideSpeech.stop(); });
    }
    void prepare() override {
        EM_ASM({ Module.lungguideSpeech.prepare(); });
    }

    std::vector<SpeechEvent> take_events() override {
        std::vector<SpeechEvent> events;
        events.swap(events_);
        return events;
    }
    void set_wake(std::function<void()> wake) override { wake_ = std::move(wake); }

    void heard(int job, int kind, int sentence, int begin, int length) {
        SpeechEvent event;
        event.kind = static_cast<SpeechEvent::Kind>(kind);
        event.job = static_cast<std::uint64_t>(job);
        event.sentence = static_cast<std::size_t>(sentence);
        if (event.job != job_ || kind < 0 ||
            kind > static_cast<int>(SpeechEvent::Kind::unavailable))
            return;
        switch (event.kind) {
        case SpeechEvent::Kind::word: {
            if (event.sentence >= sentences_.size()) return;
            const auto [from, to] = sentences_[event.sentence].shown_range(
                SpeechEngine::plain, static_cast<std::size_t>(begin),
                static_cast<std::size_t>(length));
            event.begin = from;
            event.length = to - from;
            break;
        }
        case SpeechEvent::Kind::audio_started:
            event.milliseconds = begin;
            break;
        case SpeechEvent::Kind::unavailable:
            event.message = begin == 1 ? no_voice_message() : no_speech_engine_message();
            // Also for the page (tests, and a live region for screen readers).
            EM_ASM({ Module.lungguideSpeechMessage = UTF8ToString($0); }, event.message.c_str());
            break;
        default:
            break;
        }
        events_.push_back(std::move(event));
        if (wake_) wake_();
    }

  private:
    std::uint64_t job_ = 0;
    std::vector<SpokenSentence> sentences_;
    std::vector<SpeechEvent> events_;
    std::function<void()> wake_;
};

} // namespace

std::unique_ptr<SpeechService> make_web_speech() {
    return std::make_unique<WebSpeech>();
}

} // namespace lungguide::platform

// Called by site/speech.js.
extern "C" EMSCRIPTEN_KEEPALIVE void lungguide_web_speech_event(int job, int kind, int sentence,
                                                                int begin, int length) {
    if (lungguide::platform::the_speech)
        lungguide::platform::the_speech->heard(job, kind, sentence, begin, length);
}
