// Index
//   draw_listen_button       Listen / Stop, and "not available" under it
//   draw_with_listen_beside  a heading or label with its Listen button
//   the player bar           what is read, transport (words or icons), speed
#include "listen.h"

#include "app.h"
#include "search/search.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace lungguide::ui {

namespace {

constexpr const char* listen_label = "Listen";
constexpr const char* stop_label = "Stop";
constexpr const char* not_available = "Not available on this device";

bool reading(App& app, const std::string& owner) {
    return app.listening().active() && app.listening().owner() == owner;
}

float listen_button_width(App& app) {
    float width =
        std::max(button_width(app.look(), listen_label), button_width(app.look(), stop_label));
    if (!app.listening().unavailable().empty())
        width = std::max(width,
                         text_width_of(app.fonts().body, not_available) + 1.8f * app.layout().pad);
    return width;
}

} // namespace

float listen_button_height(App& app, float width) {
    ButtonOptions options;
    if (!app.listening().unavailable().empty()) options.subtitle = not_available;
    return button_height(app.look(), listen_label, options, width);
}

void draw_listen_button(App& app, const std::string& owner, const std::string& title,
                        const MakeScript& make, ListenLook look) {
    Listening& listening = app.listening();
    const bool active = reading(app, owner);
    const std::string id = "listen " + owner;
    bool tapped = false;
    if (look == ListenLook::icon) {
        tapped =
            icon_button(app.look(), active ? Icon::stop : Icon::speaker,
                        active ? stop_label : listen_label, id.c_str(), app.layout().compact_touch);
    } else {
        ButtonOptions options;
        options.width = look == ListenLook::full_width ? -1.0f : listen_button_width(app);
        options.kind = active ? ButtonKind::selected : ButtonKind::normal;
        if (!active && !listening.unavailable().empty()) options.subtitle = not_available;
        tapped = button(app.look(), active ? stop_label : listen_label, options, id.c_str());
    }
    // "#listen=PART" in the route taps it (screenshots, benchmarks).
    const bool asked = !active && app.take_listen_anchor(owner.substr(owner.rfind(' ') + 1));
    app.record_item("listen:" + owner, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!tapped && !asked) return;
    if (active)
        listening.stop();
    else
        listening.start(owner, title, make());
    app.request_frames(settle_frames);
}

void draw_with_listen_beside(App& app, const std::function<void()>& draw_left,
                             const std::string& owner, const std::string& title,
                             const MakeScript& make, bool icon_when_narrow) {
    const float width = available_width();
    const float gap = 0.6f * app.layout().em;
    // In words when what is on the left keeps a comfortable line; else an icon.
    const bool words = width - listen_button_width(app) - gap >= 12.0f * app.layout().em;
    if (!words && (!icon_when_narrow || !app.listening().unavailable().empty())) {
        draw_left();
        draw_listen_button(app, owner, title, make);
        return;
    }
    const float button = words ? listen_button_width(app) : app.layout().compact_touch;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - button - gap);
    draw_left();
    ImGui::PopTextWrapPos();
    const float left_bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y;
    // Level with the last line on the left (a heading, a label), never above the row.
    const float height = words ? button_height(app.look(), listen_label, {}, button) : button;
    ImGui::SetCursorScreenPos(
        ImVec2(top.x + width - button, std::max(top.y, left_bottom - height)));
    draw_listen_button(app, owner, title, make, words ? ListenLook::words : ListenLook::icon);
    const float bottom = std::max(left_bottom, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
}

void draw_listen_to_answer(App& app, const SearchResponse& response) {
    const bool something =
        !response.not_listed.empty() ||
        std::any_of(response.results.begin(), response.results.end(), [](const SearchResult& r) {
            return r.full_match && r.kind == SearchResultKind::side_effect;
        });
    if (!something) return;
    const std::string owner = page_route_text(app.route()) + " answer";
    draw_listen_button(app, owner, "Search answer",
                       [&app, &response] { return spoken_search_answer(app.guide(), response); });
    if (!reading(app, owner)) return;
    // What is read is shown as it is read: it is on no page of its own.
    const Palette& palette = app.palette();
    begin_box(app.look(), palette.note_panel, palette.border);
    ParagraphOptions plain;
    plain.glossary_links = false;
    for (const SpokenSentence& sentence : app.listening().script())
        paragraph(app.look(), sentence.shown, plain);
    end_box(app.look());
}

// ---- the player bar ---------------------------------------------------------------------

namespace {

struct BarLayout {
    float padding = 0.0f;
    float gap = 0.0f;
    float status = 0.0f; // the status's font size
    float row = 0.0f;    // a row of buttons
    bool words = false;  // the transport buttons in words (else icons)
    float transport = 0.0f;
    float speed = 0.0f; // one speed button, side by side with the transport
    bool one_row = false;
    float height = 0.0f;
};

struct Transport {
    Icon icon;
    const char* label;
    const char* id;
};

std::vector<Transport> transport(const Listening& listening) {
    return {{Icon::previous, "Previous", "listen previous"},
            listening.paused() ? Transport{Icon::play, "Resume", "listen resume"}
                               : Transport{Icon::pause, "Pause", "listen pause"},
            {Icon::next, "Next", "listen next"},
            {Icon::stop, "Stop", "listen stop"}};
}

constexpr SpeechRate rates[] = {SpeechRate::slower, SpeechRate::normal, SpeechRate::faster};

// One row (transport, status, speeds) when it all fits; else the speeds on a row of their own.
BarLayout bar_layout(App& app, float width) {
    const Layout& layout = app.layout();
    BarLayout bar;
    bar.padding = 0.5f * layout.pad;
    bar.gap = 0.4f * layout.pad;
    // Like the top bar's title: large text, up to a size that still leaves room for a line.
    bar.status = std::min(layout.em, 1.3f * base_body_pixels * app.config().content_scale);
    bar.row = layout.compact_touch;
    const float inner = width - 2.0f * bar.padding;
    float words = button_width(app.look(), "Resume") - button_width(app.look(), "Pause");
    for (const Transport& control : transport(app.listening()))
        words += button_width(app.look(), control.label) + bar.gap;
    bar.words = words + 6.0f * bar.status <= inner;
    bar.transport = bar.words ? words : 4.0f * (bar.row + bar.gap);
    for (SpeechRate rate : rates)
        bar.speed = std::max(bar.speed, button_width(app.look(), speech_rate_label(rate)));
    bar.one_row = bar.transport + 3.0f * (bar.speed + bar.gap) + 12.0f * bar.status <= inner;
    bar.height = 2.0f * bar.padding + (bar.one_row ? bar.row : 2.0f * bar.row + bar.gap);
    return bar;
}

// "Reading aloud: Common side effects · 3 of 9", or as much of it as fits.
std::string status_text(App& app, ImFont* font, float size, float room) {
    const Listening& listening = app.listening();
    const std::string where =
        std::to_string(listening.current() + 1) + " of " + std::to_string(listening.count());
    const std::string doing = listening.paused() ? "Paused" : "Reading aloud";
    for (const std::string& text :
         {doing + ": " + listening.title() + " · " + where, doing + " · " + where})
        if (font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x <= room) return text;
    return ellipsized(font, size, listening.paused() ? "Paused, " + where : where, room);
}

void draw_status(App& app, const BarLayout& bar, float room) {
    if (room < 2.0f * bar.status) return;
    ImFont* font = app.fonts().bold;
    const std::string text = status_text(app, font, bar.status, room);
    const ImVec2 at(ImGui::GetCursorScreenPos().x,
                    ImGui::GetCursorScreenPos().y + 0.5f * (bar.row - bar.status));
    app.surfaces().record("player status", text, app.palette().text);
    ImGui::GetWindowDrawList()->AddText(font, bar.status, at,
                                        ImGui::ColorConvertFloat4ToU32(app.palette().text),
                                        text.c_str(), text.c_str() + text.size());
    app.record_item("player:" + text, at, ImVec2(at.x + room, at.y + bar.status));
}

void draw_transport(App& app, const BarLayout& bar) {
    Listening& listening = app.listening();
    for (const Transport& control : transport(listening)) {
        const bool pressed =
            bar.words ? button(app.look(), control.label, {}, control.id)
                      : icon_button(app.look(), control.icon, control.label, control.id, bar.row);
        ImGui::SameLine(0.0f, bar.gap);
        if (!pressed) continue;
        const std::string id = control.id;
        if (id == "listen previous") listening.previous();
        if (id == "listen next") listening.next();
        if (id == "listen pause") listening.pause();
        if (id == "listen resume") listening.resume();
        if (id == "listen stop") listening.stop();
        app.request_frames(settle_frames);
    }
}

void draw_speeds(App& app, const BarLayout& bar, float each) {
    for (SpeechRate rate : rates) {
        LineButton options;
        options.height = bar.row;
        options.selected = app.listening().settings().rate == rate;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + each); // the button's width
        const bool pressed =
            line_button(app.look(), speech_rate_label(rate),
                        (std::string("speed ") + speech_rate_id(rate)).c_str(), options);
        ImGui::PopTextWrapPos();
        ImGui::SameLine(0.0f, bar.gap);
        if (!pressed) continue;
        SpeechSettings settings = app.listening().settings();
        settings.rate = rate;
        app.set_speech_settings(settings);
    }
}

} // namespace

float player_bar_height(App& app) {
    if (!app.listening().active()) return 0.0f;
    const float left = app.layout().two_panes ? app.layout().list_width : 0.0f;
    return bar_layout(app, app.layout().width - left).height;
}

void draw_player_bar(App& app) {
    if (!app.listening().active()) return;
    const Layout& layout = app.layout();
    const float left = layout.two_panes ? layout.list_width : 0.0f;
    const float width = layout.width - left;
    const BarLayout bar = bar_layout(app, width);
    const Palette& palette = app.palette();
    ImGui::SetCursorScreenPos(ImVec2(left, layout.height - bar.height));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette.note_panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(bar.padding, bar.padding));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(bar.gap, bar.gap));
    ImGui::BeginChild("player", ImVec2(width, bar.height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    app.surfaces().push(palette.note_panel);
    const ImVec2 corner = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddLine(corner, ImVec2(corner.x + width, corner.y),
                                        ImGui::ColorConvertFloat4ToU32(palette.border), 2.0f);
    app.record_item("player", corner, ImVec2(corner.x + width, corner.y + bar.height));
    const float inner = width - 2.0f * bar.padding;
    draw_transport(app, bar);
    const float speeds = bar.one_row ? 3.0f * (bar.speed + bar.gap) : 0.0f;
    draw_status(app, bar, inner - bar.transport - speeds);
    if (bar.one_row) {
        ImGui::SetCursorPosX(width - bar.padding - speeds + bar.gap);
        draw_speeds(app, bar, bar.speed);
    } else {
        ImGui::NewLine();
        draw_speeds(app, bar, std::floor((inner - 2.0f * bar.gap) / 3.0f));
    }
    app.surfaces().pop();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

} // namespace lungguide::ui
