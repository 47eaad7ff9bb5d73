#include "surfaces.h"

#include <algorithm>

namespace lungguide::ui {

ImVec4 blend_over(const ImVec4& top, const ImVec4& under) {
    const float a = top.w;
    return ImVec4(top.x * a + under.x * (1.0f - a), top.y * a + under.y * (1.0f - a),
                  top.z * a + under.z * (1.0f - a), 1.0f);
}

void Surfaces::start_frame(const ImVec4& page, bool recording) {
    stack_.assign(1, blend_over(page, ImVec4(0, 0, 0, 1)));
    drawn_.clear();
    recording_ = recording;
}

void Surfaces::push(const ImVec4& colour) {
    stack_.push_back(blend_over(colour, current()));
}

void Surfaces::pop() {
    IM_ASSERT(stack_.size() > 1 && "Surfaces::pop() without push()");
    if (stack_.size() > 1) stack_.pop_back();
}

void Surfaces::record_on(const char* widget, std::string_view what, const ImVec4& text,
                         const ImVec4& surface, bool is_text) {
    if (!recording_) return;
    // The start of the words, cut before a character, not inside one.
    std::size_t shown = std::min<std::size_t>(what.size(), 48);
    while (shown < what.size() && (static_cast<unsigned char>(what[shown]) & 0xC0) == 0x80)
        --shown;
    const ImVec4 under = blend_over(surface, current());
    drawn_.push_back(
        {widget, std::string(what.substr(0, shown)), blend_over(text, under), under, is_text});
}

} // namespace lungguide::ui
