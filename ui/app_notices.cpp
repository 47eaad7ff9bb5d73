// What the app tells the person at the bottom of the screen (App's part): a notice with an
// optional action (Undo), and the host's word that their data is saved (shown in the top bar,
// app_top_bar.cpp). The salvage notice at the top of every page is draw_salvage_notice().
#include "app.h"

#include "listen.h"
#include "screens.h"
#include "widgets.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

namespace lungguide::ui {

void App::show_save_status(const std::string& text) {
    save_status_ = text;
    save_status_shown_at_ = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    request_frames(settle_frames);
}

void App::show_notice(const std::string& text, const std::string& action_label,
                      std::function<void()> action) {
    notice_ = Notice{user_data_->for_person(text), action_label, std::move(action),
                     ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0};
    request_frames(settle_frames);
}

void App::draw_notice() {
    if (!notice_) return;
    const float em = layout_.em;
    const float height = layout_.touch + 2.0f * em;
    const float left = layout_.two_panes ? layout_.list_width : 0.0f;
    ImGui::SetCursorScreenPos(ImVec2(left, layout_.height - height - player_bar_height(*this)));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_.note_panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.4f * em));
    ImGui::BeginChild("notice", ImVec2(layout_.width - left, height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    surfaces_.push(palette_.note_panel);
    mark_live_region(look_); // a screen reader says what the notice says
    {
        // A line along the top edge separates the notice from the page.
        const ImVec2 corner = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(corner,
                                            ImVec2(corner.x + ImGui::GetWindowWidth(), corner.y),
                                            ImGui::ColorConvertFloat4ToU32(palette_.border), 2.0f);
    }
    Notice notice = *notice_; // the action may replace notice_
    const float buttons =
        (notice.action_label.empty() ? 0.0f
                                     : button_width(look_, notice.action_label) + 0.6f * em) +
        button_width(look_, "OK") + 0.6f * em;
    const float text_width = std::max(ImGui::GetContentRegionAvail().x - buttons, 6.0f * em);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.2f * em);
    ParagraphOptions plain; // wraps like all text: never inside a word
    plain.glossary_links = false;
    paragraph(look_, notice.text, plain);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - buttons + 0.6f * em);
    if (!notice.action_label.empty()) {
        ButtonOptions primary;
        primary.kind = ButtonKind::primary;
        if (button(look_, notice.action_label, primary, "notice action")) {
            notice_.reset();
            if (notice.action) notice.action();
        }
        ImGui::SameLine();
    }
    if (button(look_, "OK", {}, "notice ok")) notice_.reset();
    surfaces_.pop();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void draw_salvage_notice(App& app) {
    UserData& data = app.user_data();
    if (data.salvage_notice().empty()) return;
    Look& look = app.look();
    begin_box(look, app.palette().note_panel, app.palette().border);
    ParagraphOptions plain;
    plain.glossary_links = false;
    paragraph(look, data.salvage_notice(), plain);
    Flow flow(look);
    flow.next(button_width(look, "OK"));
    ButtonOptions primary;
    primary.kind = ButtonKind::primary;
    if (button(look, "OK", primary, "salvage notice ok")) data.dismiss_salvage_notice();
    if (app.route().screen != Screen::settings) {
        flow.next(button_width(look, "Open Settings"));
        if (button(look, "Open Settings", {}, "salvage notice settings"))
            app.go(Route{Screen::settings, "", ""});
    }
    end_box(look);
}

} // namespace lungguide::ui
