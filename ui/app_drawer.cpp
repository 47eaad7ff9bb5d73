// The places and the drug classes (App's part): in the sidebar beside the page on wide
// screens, or in the drawer that slides over the page on phones and upright tablets.
#include "app.h"

#include "content/guide.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace lungguide::ui {

void App::set_drawer_open(bool open) {
    drawer_open_ = open;
    drawer_needs_open_ = open;
    request_frames(open ? modal_open_frames : settle_frames);
}

// The places, and the classes (except where a page already shows them as tiles).
void App::draw_places(bool with_classes) {
    const Route& route = navigator_.current();
    const float em = layout_.em;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.45f * em));
    struct Place {
        const char* label;
        Screen screen;
    };
    const Place places[] = {{"Home", Screen::home},           {"Search", Screen::search},
                            {"Bookmarks", Screen::bookmarks}, {"Symptom diary", Screen::diary},
                            {"Settings", Screen::settings},   {"About & sources", Screen::about}};
    for (const Place& place : places) {
        ButtonOptions options;
        options.width = -1.0f;
        options.kind = route.screen == place.screen ? ButtonKind::selected : ButtonKind::normal;
        if (button(look_, place.label, options, (std::string("place ") + place.label).c_str())) {
            if (place.screen == Screen::home)
                go_home();
            else if (place.screen == Screen::diary) // the current person's
                go(Route{place.screen, "", person()});
            else
                go(Route{place.screen, "", ""});
            drawer_open_ = false;
        }
    }
    if (with_classes) {
        space(look_, 0.4f);
        subheading(look_, "Drug classes");
        const Drug* current_drug =
            route.screen == Screen::drug ? guide().find_drug(route.id) : nullptr;
        for (const DrugClass& drug_class : guide().classes) {
            ButtonOptions options;
            options.width = -1.0f;
            options.bold = false;
            bool here = route.screen == Screen::drug_class && route.id == drug_class.id;
            if (current_drug && !current_drug->class_ids.empty() &&
                current_drug->class_ids.front() == drug_class.id)
                here = true;
            options.kind = here ? ButtonKind::selected : ButtonKind::normal;
            if (button(look_, drug_class.name, options, ("side " + drug_class.id).c_str())) {
                go(Route{Screen::drug_class, drug_class.id, ""});
                drawer_open_ = false;
            }
        }
    }
    space(look_, 0.5f);
    ImGui::PopStyleVar();
}

void App::draw_list_pane() {
    ImGui::PushFont(fonts_.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_.heading);
    ImGui::TextUnformatted("LungGuide");
    surfaces_.record("side panel title", "LungGuide", palette_.heading);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    space(look_, 0.3f);
    // Home shows the classes as tiles; the sidebar does not repeat them there.
    draw_places(navigator_.current().screen != Screen::home);
}

// The drawer: the places and the classes, sliding over the page from the left.
void App::draw_drawer() {
    const char* popup_name = "Menu";
    if (drawer_needs_open_) {
        ImGui::OpenPopup(popup_name);
        drawer_needs_open_ = false;
    }
    const float em = layout_.em;
    const float width = std::floor(std::min(layout_.width * 0.88f, 22.0f * em));
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, layout_.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout_.pad, layout_.pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.45f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, palette_.side_panel);
    if (ImGui::BeginPopupModal(popup_name, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoScrollbar)) {
        if (!drawer_open_) {
            ImGui::CloseCurrentPopup();
        } else {
            surfaces_.push(palette_.side_panel);
            ButtonOptions close;
            close.width = -1.0f;
            close.kind = ButtonKind::primary;
            if (button(look_, "Close menu", close, "close menu")) drawer_open_ = false;
            // A tap beside the drawer closes it, as on every phone.
            if (ImGui::IsMouseReleased(0) && ImGui::GetIO().MousePos.x > width &&
                !scroller_.dragging())
                drawer_open_ = false;
            ImGui::BeginChild("drawer list", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
            draw_places(true);
            scroller_.update(em);
            ImGui::EndChild();
            surfaces_.pop();
            if (!drawer_open_) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else if (drawer_open_ && !drawer_needs_open_) {
        drawer_open_ = false;
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
}

} // namespace lungguide::ui
