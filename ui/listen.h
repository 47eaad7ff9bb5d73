// Reading aloud on screen: a Listen button on each part of a page that can be read, and the
// player bar at the foot of the screen while it is read (pause and resume, the sentence
// before and after, stop, and the speed). The sentence being read is tinted where the page
// shows it and kept in view (App). The state is App's Listening (listening.h); the engine
// is the platform's (platform/speech_service.h), never called from here.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace lungguide {
struct SpokenSentence;
struct SearchResponse;
} // namespace lungguide

namespace lungguide::ui {

class App;

using MakeScript = std::function<std::vector<SpokenSentence>()>;

// A finger-sized "Listen" button. `owner` names this part of the page ("class/egfr uses"),
// `title` is what the player says it reads, `make` gives the sentences when tapped. While
// this part is read the button says "Stop" and stops it; where nothing can be read aloud,
// a line under its label says so.
// As an icon (a loudspeaker, a square while it reads) where a row has no room for the word.
enum class ListenLook { words, full_width, icon };
void draw_listen_button(App& app, const std::string& owner, const std::string& title,
                        const MakeScript& make, ListenLook look = ListenLook::words);

// Its height at `width` (a full-width button), for panels that keep room for it.
float listen_button_height(App& app, float width);

// Something (a heading, a label) with its Listen button beside it at the right: in words when
// both fit on the line, else as an icon (large text on a phone), and under it in words once
// the device has said it cannot read aloud (so the control can say so).
// A label that must keep its size (the side-effect boxes' "COMMON") passes
// icon_when_narrow = false: then the button goes under it instead.
void draw_with_listen_beside(App& app, const std::function<void()>& draw_left,
                             const std::string& owner, const std::string& title,
                             const MakeScript& make, bool icon_when_narrow = true);

// Search's Listen: reads the answer ("Diarrhea: listed as common for …"), when there is one
// to read (a side effect the query fully matched, or a complaint the page does not list).
void draw_listen_to_answer(App& app, const SearchResponse& response);

// The player's height at the foot of the screen (0 when nothing is read), and the player.
float player_bar_height(App& app);
void draw_player_bar(App& app);

} // namespace lungguide::ui
