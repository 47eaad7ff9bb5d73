// The places of a page (App's part): anchors where a place begins and ends, the band that
// highlights a place jumped to or read aloud, which section the reader is in, and the sentence
// read aloud kept in view. Jumping to a place is navigation (app.cpp, App::jump_to()).
#include "app.h"

#include "speech/spoken_text.h"

#include <imgui_internal.h>

#include <algorithm>
#include <optional>
#include <string>

namespace lungguide::ui {

namespace {
constexpr double highlight_seconds = 2.0; // long enough to find, short enough to be calm
}

void App::anchor(const std::string& name) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float top = ImGui::GetCursorPosY(); // in the page's coordinates, scroll included
    anchor_top_[name] = top;
    if (!pending_anchor_.empty() && pending_anchor_ == name) {
        // The place itself at the top, with a little room above it. (SetScrollHereY would
        // use the previous item's line.)
        ImGui::SetScrollFromPosY(ImGui::GetCursorScreenPos().y - window->Pos.y - 0.5f * layout_.em,
                                 0.0f);
        if (highlight_ != name) {
            highlight_ = name;
            highlight_started_ = ImGui::GetTime();
        }
        // Keep the place until the person touches the screen (layout settles over frames).
        if (ImGui::GetIO().MouseClicked[0] || ImGui::GetIO().MouseWheel != 0.0f)
            pending_anchor_.clear();
    }
    const SpokenSentence* spoken = listening_.sentence();
    if (spoken && spoken->source.empty() && spoken->place == name) {
        // Being read aloud: a steady band for as long as it is read.
        draw_place_band(name, 1.0f, true);
        return;
    }
    if (highlight_ != name || highlight_started_ < 0.0) return;
    // A soft band behind the place, fading out: drawn before the place's own text, at the
    // height it had in the last frame.
    const double age = ImGui::GetTime() - highlight_started_;
    if (age > highlight_seconds) return;
    draw_place_band(
        name,
        static_cast<float>(std::min(1.0, 2.0 * (highlight_seconds - age) / highlight_seconds)),
        false);
}

void App::draw_place_band(const std::string& name, float fade, bool read_aloud) {
    const auto height = anchor_height_.find(name);
    if (height == anchor_height_.end()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec4 colour = palette_.link;
    colour.w = 0.16f * fade;
    const float margin = 0.25f * layout_.em;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 min(start.x - margin, start.y - margin);
    const ImVec2 max(start.x + available_width() + margin, start.y + height->second + margin);
    window->DrawList->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(colour),
                                    0.3f * layout_.em);
    ImVec4 edge = palette_.link;
    edge.w = fade;
    window->DrawList->AddRectFilled(min, ImVec2(min.x + std::max(3.0f, 0.15f * layout_.em), max.y),
                                    ImGui::ColorConvertFloat4ToU32(edge));
    if (read_aloud) { // kept in view by keep_reading_in_view()
        reading_.drawn = true;
        reading_.window = window->ID;
        reading_.top = min.y;
        reading_.bottom = max.y;
    } else {
        record_item("highlight:" + name, min, max);
    }
    // What the place draws until anchor_end() lies on the tinted band.
    surfaces_.push(colour);
    highlight_surface_ = name;
}

void App::anchor_end(const std::string& name) {
    if (highlight_surface_ == name) {
        surfaces_.pop();
        highlight_surface_.clear();
    }
    const auto top = anchor_top_.find(name);
    if (top == anchor_top_.end()) return;
    anchor_height_[name] = ImGui::GetCursorPosY() - top->second - ImGui::GetStyle().ItemSpacing.y;
}

std::string App::current_section(const std::vector<PageSection>& sections) const {
    std::string current = sections.empty() ? std::string() : sections.front().anchor;
    const float reading_line = page_scroll_ + 1.5f * layout_.em;
    for (const PageSection& section : sections) {
        const auto top = anchor_top_.find(section.anchor);
        if (top == anchor_top_.end()) continue;
        // At the very end of the page the last section counts, even if it cannot reach the top.
        if (top->second <= reading_line ||
            (page_scroll_max_ > 0.0f && page_scroll_ >= page_scroll_max_ - 1.0f &&
             top->second <= page_scroll_ + layout_.height * 0.5f))
            current = section.anchor;
    }
    return current;
}

// The highlight of a place just jumped to fades out on its own (App::animating()).
bool App::highlighting() const {
    return !highlight_.empty() && highlight_started_ >= 0.0 && ImGui::GetCurrentContext() &&
           ImGui::GetTime() - highlight_started_ <= highlight_seconds;
}

// The sentence read aloud, for the paragraphs that show it (look.h's ReadingMark).
void App::mark_reading() {
    reading_ = ReadingMark{};
    const SpokenSentence* sentence = listening_.sentence();
    if (!sentence || !sentence->place.empty()) return;
    // A sentence on no page (a search answer) is shown from the script itself.
    const std::string_view source =
        sentence->source.empty() ? std::string_view(sentence->shown) : sentence->source;
    reading_.begin = source.data();
    reading_.end = reading_.begin + source.size();
    if (const auto word = listening_.word(); word && word->second <= source.size()) {
        reading_.word_begin = reading_.begin + word->first;
        reading_.word_end = reading_.begin + word->second;
    }
}

// Once per sentence, not against a finger: the sentence read aloud is scrolled into view, a
// third of the way down so what was just read stays above it (a sentence taller than the
// page, at its top). Inside such a sentence the word being said is followed, as long as
// the reader has not scrolled away from it.
void App::keep_reading_in_view() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!reading_.drawn || reading_.window != window->ID) return;
    record_item("reading:" + std::to_string(listening_.current()),
                ImVec2(window->Pos.x, reading_.top),
                ImVec2(window->Pos.x + window->Size.x, reading_.bottom));
    if (reading_.word_drawn && listening_.word())
        record_item("reading:word=" + std::to_string(listening_.word()->first),
                    ImVec2(window->Pos.x, reading_.word_top),
                    ImVec2(window->Pos.x + window->Size.x, reading_.word_bottom));
    if (scroller_.dragging()) return;
    const float margin = 0.5f * layout_.em;
    const float top = window->Pos.y + margin;
    const float bottom = window->Pos.y + window->Size.y - margin;
    const float room = bottom - top;
    std::optional<float> target; // where the page should start, in screen pixels
    if (listening_.wants_view()) {
        listening_.brought_into_view();
        if (reading_.top < top || reading_.bottom > bottom)
            target = reading_.bottom - reading_.top > 0.7f * room ? reading_.top - margin
                                                                  : reading_.top - 0.3f * room;
    } else if (reading_.word_drawn && reading_.top < bottom && reading_.bottom > top &&
               (reading_.word_top < top || reading_.word_bottom > bottom)) {
        target = reading_.word_top - 0.3f * room;
    }
    if (!target) return;
    ImGui::SetScrollY(ImGui::GetScrollY() + *target - window->Pos.y);
    request_frames(2);
}

} // namespace lungguide::ui
