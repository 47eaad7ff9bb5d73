// Reading aloud, as the app keeps it: what is being read, where it is, and what to ask of
// the platform next. No ImGui and no engine: taps call these methods, the host takes the
// requests (App::take_speech_request) and brings back the engine's events
// (App::on_speech_event). The controls that draw it are in listen.h.
#pragma once

#include "speech/speech_messages.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lungguide::ui {

class Listening {
  public:
    // Reads `script` from sentence `first`, in place of whatever was read. `owner` names
    // the Listen control that asked ("class/egfr side-effects"), `title` what the player
    // says it reads ("Common side effects").
    void start(std::string owner, std::string title, std::vector<SpokenSentence> script,
               std::size_t first = 0);
    void pause();
    void resume();
    void stop();
    void next();
    void previous();
    // Speed and voice: kept, and applied from the sentence being read.
    void set_settings(const SpeechSettings& settings);
    const SpeechSettings& settings() const { return settings_; }

    // The engine's news. Returns true when what is shown changed.
    bool apply(const SpeechEvent& event);
    std::optional<SpeechRequest> take_request();

    // Reading (or about to, or paused): the player bar shows.
    bool active() const { return phase_ != Phase::idle; }
    bool paused() const { return phase_ == Phase::paused; }
    bool starting() const { return phase_ == Phase::starting; }
    const std::string& owner() const { return owner_; }
    const std::string& title() const { return title_; }
    std::size_t current() const { return current_; }
    std::size_t count() const { return script_.size(); }
    const std::vector<SpokenSentence>& script() const { return script_; }
    // The sentence being read (or asked for, until the engine says it began); else null.
    const SpokenSentence* sentence() const;
    // The word being read, as a range of the sentence's `shown`, when the engine says.
    std::optional<std::pair<std::size_t, std::size_t>> word() const { return word_; }

    // Why nothing can be read aloud here, once the platform said so ("" = it can).
    const std::string& unavailable() const { return unavailable_; }
    void dismiss_unavailable() { unavailable_.clear(); }

    // True while the sentence that began has not been brought into view yet.
    bool wants_view() const { return wants_view_; }
    void brought_into_view() { wants_view_ = false; }

  private:
    enum class Phase { idle, starting, reading, paused };
    void ask(SpeechRequest::Kind kind);
    void speak_from(std::size_t first);

    Phase phase_ = Phase::idle;
    std::string owner_;
    std::string title_;
    std::vector<SpokenSentence> script_;
    std::size_t current_ = 0;
    bool current_started_ = false;
    std::optional<std::pair<std::size_t, std::size_t>> word_;
    SpeechSettings settings_;
    bool settings_changed_while_paused_ = false;
    std::uint64_t job_ = 0;      // the job whose events count (0: none)
    std::uint64_t last_job_ = 0; // numbers are never reused
    std::deque<SpeechRequest> requests_;
    std::string unavailable_;
    bool wants_view_ = false;
};

} // namespace lungguide::ui
