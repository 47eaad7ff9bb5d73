// The glossary panel (App's part): a word's explanation from the page, centred over it,
// with Listen and Close. Where the page's words are found is GlossaryMatcher (glossary.h).
#include "app.h"

#include "content/guide.h"
#include "listen.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <algorithm>
#include <string>

namespace lungguide::ui {

void App::open_glossary(const std::string& term_id) {
    glossary_open_ = term_id;
    glossary_body_height_ = 0.0f;
    glossary_needs_open_ = true;
    request_frames(modal_open_frames);
}

void App::draw_glossary_panel() {
    const GlossaryTerm* term =
        glossary_open_.empty() ? nullptr : guide().find_glossary_term(glossary_open_);
    const float em = layout_.em;
    // Nearly the whole width on a phone with large text: margins and padding grow with the
    // layout's padding, not with the text.
    const float margin = std::min(em, layout_.pad);
    const float width = std::min(layout_.width - 2.0f * margin, 30.0f * em);
    const bool open =
        begin_centred_modal(look_, "Explained on this page", glossary_needs_open_, width);
    if (open) {
        if (!term) {
            ImGui::CloseCurrentPopup();
        } else {
            // The explanation scrolls inside the panel when it is taller than the screen
            // (250 % on a phone), so Close always stays on screen below it.
            const float close_height =
                layout_.touch + 2.0f * 0.6f * em + listen_button_height(*this, width) + 0.6f * em;
            const float most = layout_.height - 2.0f * margin - 2.0f * layout_.pad - close_height;
            const float body = glossary_body_height_ > 0.0f
                                   ? std::min(glossary_body_height_, std::max(most, 3.0f * em))
                                   : std::max(most, 3.0f * em);
            ImGui::BeginChild("glossary text", ImVec2(0, body), false,
                              ImGuiWindowFlags_NoScrollbar);
            heading(look_, term->term);
            ParagraphOptions plain;
            plain.glossary_links = false;
            paragraph(look_, term->explanation, plain);
            if (!term->class_id.empty()) {
                if (const DrugClass* drug_class = guide().find_class(term->class_id)) {
                    ParagraphOptions muted;
                    muted.glossary_links = false;
                    muted.colour = &palette_.text_muted;
                    paragraph(look_,
                              "The page explains this in the section \"" + drug_class->name + "\".",
                              muted);
                }
            }
            glossary_body_height_ = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
            keep_reading_in_view();
            scroller_.update(em);
            draw_more_below_cue(look_, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
            ImGui::EndChild();
            space(look_, 0.3f);
            draw_listen_button(
                *this, page_route_text(navigator_.current()) + " term=" + term->id, term->term,
                [term] { return spoken_glossary_term(*term); }, ListenLook::full_width);
            ButtonOptions close;
            close.width = -1.0f;
            close.kind = ButtonKind::primary;
            if (button(look_, "Close", close, "close glossary")) {
                glossary_open_.clear();
                ImGui::CloseCurrentPopup();
            }
        }
    }
    end_centred_modal(look_, open);
    if (!open && !glossary_open_.empty() && !glossary_needs_open_) glossary_open_.clear();
    // A word's explanation is read from its panel: closing the panel stops it.
    if (glossary_open_.empty() && listening_.active() &&
        listening_.owner().find(" term=") != std::string::npos)
        listening_.stop();
}

} // namespace lungguide::ui
