#include "listening.h"

#include <algorithm>

namespace lungguide::ui {

void Listening::start(std::string owner, std::string title, std::vector<SpokenSentence> script,
                      std::size_t first) {
    owner_ = std::move(owner);
    title_ = std::move(title);
    script_ = std::move(script);
    unavailable_.clear();
    if (script_.empty()) {
        stop();
        return;
    }
    speak_from(std::min(first, script_.size() - 1));
}

void Listening::speak_from(std::size_t first) {
    job_ = ++last_job_;
    current_ = first;
    current_started_ = false;
    word_.reset();
    phase_ = Phase::starting;
    settings_changed_while_paused_ = false;
    SpeechRequest request;
    request.kind = SpeechRequest::Kind::speak;
    request.job = job_;
    request.sentences = script_;
    request.first = first;
    request.settings = settings_;
    requests_.push_back(std::move(request));
    wants_view_ = true;
}

void Listening::ask(SpeechRequest::Kind kind) {
    SpeechRequest request;
    request.kind = kind;
    request.job = job_;
    requests_.push_back(std::move(request));
}

void Listening::pause() {
    if (phase_ != Phase::reading && phase_ != Phase::starting) return;
    phase_ = Phase::paused;
    ask(SpeechRequest::Kind::pause);
}

void Listening::resume() {
    if (phase_ != Phase::paused) return;
    if (settings_changed_while_paused_) {
        speak_from(current_); // the new speed from the start of this sentence
        return;
    }
    phase_ = current_started_ ? Phase::reading : Phase::starting;
    ask(SpeechRequest::Kind::resume);
}

void Listening::stop() {
    if (phase_ != Phase::idle) ask(SpeechRequest::Kind::stop);
    phase_ = Phase::idle;
    job_ = 0;
    word_.reset();
    wants_view_ = false;
}

void Listening::next() {
    if (!active()) return;
    if (current_ + 1 >= script_.size()) {
        stop();
        return;
    }
    speak_from(current_ + 1);
}

void Listening::previous() {
    if (!active()) return;
    speak_from(current_ > 0 ? current_ - 1 : 0);
}

void Listening::set_settings(const SpeechSettings& settings) {
    const bool changed = settings.rate != settings_.rate || settings.voice != settings_.voice;
    settings_ = settings;
    if (!changed || !active()) return;
    if (phase_ == Phase::paused)
        settings_changed_while_paused_ = true;
    else
        speak_from(current_);
}

bool Listening::apply(const SpeechEvent& event) {
    if (job_ == 0 || event.job != job_) return false; // a job stopped or replaced since
    switch (event.kind) {
    case SpeechEvent::Kind::sentence:
        if (event.sentence >= script_.size()) return false;
        current_ = event.sentence;
        current_started_ = true;
        word_.reset();
        if (phase_ == Phase::starting) phase_ = Phase::reading;
        wants_view_ = true;
        return true;
    case SpeechEvent::Kind::word:
        if (event.sentence != current_ || !current_started_) return false;
        word_ = std::make_pair(event.begin, event.begin + event.length);
        return true;
    case SpeechEvent::Kind::finished:
        phase_ = Phase::idle;
        job_ = 0;
        word_.reset();
        return true;
    case SpeechEvent::Kind::unavailable:
        unavailable_ = event.message;
        phase_ = Phase::idle;
        job_ = 0;
        word_.reset();
        return true;
    case SpeechEvent::Kind::audio_started:
        return false;
    }
    return false;
}

std::optional<SpeechRequest> Listening::take_request() {
    if (requests_.empty()) return std::nullopt;
    SpeechRequest request = std::move(requests_.front());
    requests_.pop_front();
    return request;
}

const SpokenSentence* Listening::sentence() const {
    if (!active() || current_ >= script_.size()) return nullptr;
    return &script_[current_];
}

} // namespace lungguide::ui
