// Index
//   construction      settings, user store, search index, start route
//   fonts and style   atlas rebuilds at the text size, themes
//   frame()           layout, window, panes, top bar, page dispatch
//   user data         people, bookmarks with undo, history (logic in user_data.cpp)
//   glossary panel, notices, keys
#include "app.h"

#include "content_pack.h"
#include "glossary.h"
#include "guide.h"
#include "screens.h"
#include "search.h"
#include "user_store.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace lungguide::ui {

namespace {

constexpr float min_text_scale = 1.0f;
constexpr float max_text_scale = 2.5f;

float clamp_text_scale(float scale) {
    if (!(scale >= min_text_scale)) return min_text_scale; // also catches NaN
    if (scale > max_text_scale) return max_text_scale;
    // Steps of 5% keep the atlas cache meaningful and the label tidy.
    return std::round(scale * 20.0f) / 20.0f;
}

} // namespace

// The glossary matcher and a per-text cache of its results (the page's strings are stable).
struct App::GlossaryCache {
    explicit GlossaryCache(const Guide& guide) : matcher(guide) {}
    GlossaryMatcher matcher;
    std::unordered_map<std::string, std::vector<GlossaryMatch>> by_text;
};

// ---- construction -------------------------------------------------------------------

App::App(const ContentPack& pack, AppConfig config) : pack_(pack), config_(std::move(config)) {
    glossary_ = std::make_unique<GlossaryCache>(pack_.guide());
    glyph_ranges_ = glyph_ranges_for(code_points_of_guide(pack_.guide()));
    search_ = std::make_unique<SearchIndex>(pack_);

    user_data_ =
        std::make_unique<UserData>(pack_.guide(), config_.data_folder, config_.remember_settings);
    UserStore* store = user_data_->store();
    if (store) {
        ThemeId saved_theme = ThemeId::light;
        if (parse_theme(store->setting("theme", "light"), saved_theme)) theme_ = saved_theme;
        text_scale_ =
            clamp_text_scale(std::strtof(store->setting("text_scale", "1").c_str(), nullptr));
    }
    // Something worth telling (a damaged file set aside, a read-only disk): say it once.
    if (store && !store_message().empty()) show_notice(store_message());
    if (config_.theme) theme_ = *config_.theme;
    if (config_.text_scale) text_scale_ = clamp_text_scale(*config_.text_scale);
    palette_ = palette_for(theme_);

    Route start;
    std::string start_text = config_.start_route;
    std::string fragment;
    if (const auto hash = start_text.find('#'); hash != std::string::npos) {
        fragment = start_text.substr(hash + 1);
        start_text.erase(hash);
    }
    if (start_text.empty() && store) start_text = store->setting("last_route", "home");
    if (!parse_route(start_text, start)) start = Route{};
    navigator_.reset(start);
    if (start.screen == Screen::search) search_text_ = start.query;
    if (fragment.rfind("term=", 0) == 0)
        open_glossary(fragment.substr(5));
    else if (fragment == "for-whom" &&
             (start.screen == Screen::drug_class || start.screen == Screen::drug))
        open_bookmark_picker(*this, start.screen == Screen::drug ? "drug" : "class", start.id);
    else
        pending_anchor_ = fragment;
    focus_note_ = fragment == "note";

    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;              // window positions are ours, not a file's
    io.ConfigInputTextCursorBlink = false; // a blinking cursor would need 60 fps forever
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
}

App::~App() {
    pause();
}

void App::pause() {
    user_data_->save_drafts_now();
}

void App::resume() {
    request_frames(3);
}

const Guide& App::guide() const {
    return pack_.guide();
}

// ---- fonts and style ------------------------------------------------------------------

bool App::rebuild_fonts(ImFontAtlas& atlas) {
    FontRequest request;
    request.regular_path = config_.font_folder + "/NotoSans-Regular.ttf";
    request.bold_path = config_.font_folder + "/NotoSans-Bold.ttf";
    request.body_pixels = std::round(base_body_pixels * config_.content_scale * text_scale_);
    request.glyph_ranges = glyph_ranges_;
    request.text_scale = text_scale_;
    font_error_.clear();
    bool ok = build_font_atlas(atlas, request, fonts_, font_error_);
    fonts_dirty_ = false;
    style_dirty_ = true;
    request_frames(3);
    return ok;
}

void App::set_content_scale(float scale) {
    if (scale <= 0.0f || std::fabs(scale - config_.content_scale) < 0.01f) return;
    config_.content_scale = scale;
    fonts_dirty_ = true;
}

void App::set_theme(ThemeId theme) {
    theme_ = theme;
    palette_ = palette_for(theme);
    style_dirty_ = true;
    save_setting("theme", theme_id_name(theme));
    request_frames(3);
}

void App::set_text_scale(float scale) {
    scale = clamp_text_scale(scale);
    if (std::fabs(scale - text_scale_) < 0.001f) return;
    text_scale_ = scale;
    fonts_dirty_ = true;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", scale);
    save_setting("text_scale", buffer);
    request_frames(3);
}

const std::vector<GlossaryMatch>& App::glossary_matches(std::string_view text) {
    auto& cache = glossary_->by_text;
    std::string key(text);
    auto found = cache.find(key);
    if (found != cache.end()) return found->second;
    if (cache.size() > 4000) cache.clear(); // search snippets come and go
    return cache.emplace(std::move(key), glossary_->matcher.find(text)).first->second;
}

std::vector<std::string> App::glossary_terms_in(const std::vector<std::string_view>& texts) const {
    return glossary_->matcher.terms_in(texts);
}

// ---- navigation -----------------------------------------------------------------------

void App::go(const Route& route) {
    navigator_.go(route);
    request_frames(3);
}

void App::go(const std::string& route_text) {
    Route route;
    if (parse_route(route_text, route)) go(route);
}

void App::go_home() {
    navigator_.go(Route{});
    request_frames(3);
}

bool App::go_back() {
    if (!glossary_open_.empty()) {
        glossary_open_.clear();
        request_frames(3);
        return true;
    }
    bool went = navigator_.back();
    if (went) request_frames(3);
    return went;
}

bool App::press_back() {
    return go_back();
}

void App::anchor(const char* name) {
    if (pending_anchor_.empty() || pending_anchor_ != name) return;
    ImGui::SetScrollHereY(0.0f);
    // Keep the place until the person touches the screen (layout settles over frames).
    if (ImGui::GetIO().MouseClicked[0] || ImGui::GetIO().MouseWheel != 0.0f)
        pending_anchor_.clear();
}

void App::on_route_changed() {
    const Route& route = navigator_.current();
    scroll_to_top_ = !navigator_.went_back();
    scroller_.stop_all();
    if (!first_route_) {
        glossary_open_.clear();
        close_bookmark_picker(*this);
        screens_.bookmark_panel.confirm_remove = 0;
        pending_anchor_.clear();
    }
    first_route_ = false;
    if (route.screen == Screen::search) {
        search_text_ = route.query;
        focus_search_ = !navigator_.went_back();
    }
    UserStore* store = user_data_->store();
    if (store && config_.remember_settings && !store->read_only()) {
        if (route.screen == Screen::drug_class || route.screen == Screen::drug)
            store->record_view(format_route(route));
        store->set_setting("last_route", format_route(route));
    }
}

// ---- frame ------------------------------------------------------------------------------

void App::compute_layout() {
    const ImGuiIO& io = ImGui::GetIO();
    Layout layout;
    layout.width = io.DisplaySize.x;
    layout.height = io.DisplaySize.y;
    layout.em = fonts_.body ? fonts_.body->FontSize : base_body_pixels;
    layout.touch = std::max(48.0f * config_.content_scale, 1.75f * layout.em);
    layout.pad =
        std::round(0.8f * base_body_pixels * config_.content_scale * std::sqrt(text_scale_));
    const float width_in_em = layout.width / layout.em;
    // Two panes once there is room for a list (15 em) and a readable page (22 em).
    layout.two_panes = width_in_em >= 36.0f;
    if (!layout.two_panes)
        layout.form = FormFactor::phone;
    else if (width_in_em < 60.0f)
        layout.form = FormFactor::tablet;
    else
        layout.form = FormFactor::desktop;
    layout.list_width =
        layout.two_panes
            ? std::floor(std::clamp(layout.width * 0.3f, 14.0f * layout.em, 19.0f * layout.em))
            : 0.0f;
    // About 70 characters a line: the comfortable reading measure.
    layout.reading_width = 36.0f * layout.em;
    layout_ = layout;
}

void App::frame() {
    drawn_items_.clear();
    compute_layout();
    if (style_dirty_) {
        apply_style(theme_, layout_.em, layout_.pad, ImGui::GetStyle());
        style_dirty_ = false;
    }
    handle_keys();
    if (navigator_.take_changed()) on_route_changed();
    user_data_->tick(ImGui::GetTime());

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushFont(fonts_.body);
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("LungGuide", nullptr, fixed);
    ImGui::PopStyleVar(2);

    if (layout_.two_panes) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_.side_panel);
        ImGui::BeginChild("list pane", ImVec2(layout_.list_width, 0), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_list_pane();
        scroller_.update(layout_.em);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        // A thin line between the panes.
        const ImVec2 top = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x, 0), ImVec2(top.x, io.DisplaySize.y),
                                            ImGui::ColorConvertFloat4ToU32(palette_.border));
        ImGui::SameLine(0, 0);
    }
    ImGui::BeginGroup();
    draw_top_bar();
    draw_page();
    ImGui::EndGroup();
    draw_notice();
    draw_glossary_panel();
    draw_bookmark_picker(*this);
    ImGui::End();
    ImGui::PopFont();
}

// The top bar: back (when there is somewhere to go back to), and on phones the two
// ways out that the list pane gives on tablets: Home and Search.
void App::draw_top_bar() {
    const float em = layout_.em;
    const float padding = 0.6f * layout_.pad;
    const float spacing = 0.5f * layout_.pad;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::BeginChild("top bar", ImVec2(0, layout_.touch + 2 * padding), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const Route& route = navigator_.current();
    const float bar_width = ImGui::GetWindowWidth();

    // Buttons in order of importance; with large text on a phone the less important ones
    // drop out rather than overflow (Search is also on Home). Back and Home sit on the
    // left, Search on the right, and where you are goes in between when it fits.
    float room = bar_width - 2 * padding;
    auto fits = [&](const char* label) {
        const float width = button_width(*this, label) + spacing;
        if (width > room) return false;
        room -= width;
        return true;
    };
    const bool show_back = navigator_.can_go_back() && fits("‹ Back");
    const bool show_home = !layout_.two_panes && route.screen != Screen::home && fits("Home");
    const bool show_search = !layout_.two_panes && route.screen != Screen::search && fits("Search");

    ImGui::SetCursorPos(ImVec2(padding, padding));
    float left_end = padding;
    if (show_back) {
        if (button(*this, "‹ Back", {}, "top back")) go_back();
        left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
        ImGui::SameLine();
    }
    if (show_home) {
        if (button(*this, "Home", {}, "top home")) go_home();
        left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
    }
    float right_start = bar_width - padding;
    if (show_search) {
        right_start -= button_width(*this, "Search");
        ImGui::SetCursorPos(ImVec2(right_start, padding));
        if (button(*this, "Search", {}, "top search")) go(Route{Screen::search, "", ""});
    }
    const std::string where = layout_.two_panes                ? short_title()
                              : (route.screen == Screen::home) ? std::string("LungGuide")
                              : (show_back || show_home)       ? std::string()
                                                               : short_title();
    const float text_left = left_end + (left_end > padding ? 0.5f * em : 0.0f);
    if (!where.empty() && right_start - text_left > 4.0f * em) {
        ImFont* font = fonts_.heading;
        const ImVec2 window = ImGui::GetWindowPos();
        const ImVec2 start(window.x + text_left,
                           window.y + padding + (layout_.touch - font->FontSize) * 0.5f);
        const float right = window.x + right_start - spacing;
        ImGui::PushFont(font);
        ImGui::PushStyleColor(ImGuiCol_Text, palette_.heading);
        ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), start,
                                  ImVec2(right, start.y + font->FontSize), right, right,
                                  where.c_str(), where.c_str() + where.size(), nullptr);
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    rule(*this);
}

std::string App::short_title() const {
    const Route& route = navigator_.current();
    switch (route.screen) {
    case Screen::home:
        return "Home";
    case Screen::drug_class:
        if (const DrugClass* drug_class = guide().find_class(route.id)) return drug_class->name;
        return "Drug class";
    case Screen::drug:
        if (const Drug* drug = guide().find_drug(route.id)) return drug->name;
        return "Drug";
    case Screen::search:
        return "Search";
    case Screen::bookmarks:
        return "Bookmarks";
    case Screen::settings:
        return "Settings";
    case Screen::about:
        return "About & sources";
    case Screen::summary:
        return "Summary for the doctor";
    }
    return "LungGuide";
}

void App::draw_list_pane() {
    const Route& route = navigator_.current();
    const float em = layout_.em;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.45f * em));
    ImGui::PushFont(fonts_.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_.heading);
    ImGui::TextUnformatted("LungGuide");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    space(*this, 0.3f);
    struct Place {
        const char* label;
        Screen screen;
    };
    const Place places[] = {{"Home", Screen::home},
                            {"Search", Screen::search},
                            {"Bookmarks", Screen::bookmarks},
                            {"Settings", Screen::settings},
                            {"About & sources", Screen::about}};
    for (const Place& place : places) {
        ButtonOptions options;
        options.width = -1.0f;
        options.kind = route.screen == place.screen ? ButtonKind::selected : ButtonKind::normal;
        if (button(*this, place.label, options)) {
            if (place.screen == Screen::home)
                go_home();
            else
                go(Route{place.screen, "", ""});
        }
    }
    space(*this, 0.4f);
    subheading(*this, "Drug classes");
    const Drug* current_drug = route.screen == Screen::drug ? guide().find_drug(route.id) : nullptr;
    for (const DrugClass& drug_class : guide().classes) {
        ButtonOptions options;
        options.width = -1.0f;
        options.bold = false;
        bool here = route.screen == Screen::drug_class && route.id == drug_class.id;
        if (current_drug && !current_drug->class_ids.empty() &&
            current_drug->class_ids.front() == drug_class.id)
            here = true;
        options.kind = here ? ButtonKind::selected : ButtonKind::normal;
        if (button(*this, drug_class.name, options, drug_class.id.c_str()))
            go(Route{Screen::drug_class, drug_class.id, ""});
    }
    space(*this, 0.5f);
    ImGui::PopStyleVar();
}

void App::draw_page() {
    const float em = layout_.em;
    const float bottom_room = notice_ ? layout_.touch + 2.0f * em : 0.0f;
    // The page scrolls in its own child, named per route so each page keeps its own
    // scroll position when coming back to it.
    // (The search text is not part of the name: typing must not make a new window.)
    const Route& current = navigator_.current();
    const std::string name =
        "content " +
        (current.screen == Screen::search ? std::string("search") : format_route(current));
    const float width = ImGui::GetContentRegionAvail().x;
    // Centre a comfortable reading column on wide screens.
    const float side = std::max(layout_.pad, std::floor((width - layout_.reading_width) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 0.8f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.55f * em));
    ImGui::BeginChild(name.c_str(), ImVec2(0, -bottom_room), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleVar();
    if (scroll_to_top_) {
        if (pending_anchor_.empty()) ImGui::SetScrollY(0.0f);
        scroll_to_top_ = false;
    }
    switch (navigator_.current().screen) {
    case Screen::home:
        draw_home(*this);
        break;
    case Screen::drug_class:
        draw_class(*this);
        break;
    case Screen::drug:
        draw_drug(*this);
        break;
    case Screen::search:
        draw_search(*this);
        break;
    case Screen::bookmarks:
        draw_bookmarks(*this);
        break;
    case Screen::settings:
        draw_settings(*this);
        break;
    case Screen::about:
        draw_about(*this);
        break;
    case Screen::summary:
        draw_summary(*this);
        break;
    }
    space(*this, 2.0f);
    scroller_.update(em);
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// ---- user data ------------------------------------------------------------------------

void App::set_person(const std::string& person) {
    user_data_->set_person(person);
    request_frames(3);
}

std::optional<Bookmark> App::find_bookmark(const std::string& kind,
                                           const std::string& target) const {
    return user_data_->find_bookmark(kind, target, user_data_->person());
}

void App::bookmark_for(const std::string& kind, const std::string& target,
                       const std::string& person) {
    show_notice(user_data_->add_bookmark(kind, target, person).message);
}

void App::remove_bookmark_with_undo(std::int64_t id) {
    StoreStatus status = user_data_->remove_bookmark(id);
    if (!status.ok) {
        show_notice(status.message);
        return;
    }
    show_notice(status.message, "Undo",
                [this]() { show_notice(user_data_->undo_remove().message); });
}

void App::clear_history() {
    show_notice(user_data_->clear_history().message);
}

// ---- glossary panel, notices, keys ------------------------------------------------------

void App::open_glossary(const std::string& term_id) {
    glossary_open_ = term_id;
    glossary_needs_open_ = true;
    // Popups take a frame or two to appear (ocornut/imgui #1206), and the dimming behind
    // a modal fades in over about 0.2 s: a short burst of frames, then sleep again.
    request_frames(14);
}

void App::draw_glossary_panel() {
    const char* popup_name = "Explained on this page";
    if (glossary_needs_open_) {
        ImGui::OpenPopup(popup_name);
        glossary_needs_open_ = false;
    }
    const GlossaryTerm* term =
        glossary_open_.empty() ? nullptr : guide().find_glossary_term(glossary_open_);
    const float em = layout_.em;
    const float width = std::min(layout_.width - 2.0f * em, 30.0f * em);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowPos(ImVec2(layout_.width * 0.5f, layout_.height * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.2f * em, 1.0f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.6f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, palette_.heading);
    if (ImGui::BeginPopupModal(popup_name, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (!term) {
            ImGui::CloseCurrentPopup();
        } else {
            heading(*this, term->term);
            ParagraphOptions plain;
            plain.glossary_links = false;
            paragraph(*this, term->explanation, plain);
            if (!term->class_id.empty()) {
                if (const DrugClass* drug_class = guide().find_class(term->class_id)) {
                    ParagraphOptions muted;
                    muted.glossary_links = false;
                    muted.colour = &palette_.text_muted;
                    paragraph(*this,
                              "The page explains this in the section \"" + drug_class->heading +
                                  "\".",
                              muted);
                }
            }
            space(*this, 0.3f);
            ButtonOptions close;
            close.width = -1.0f;
            close.kind = ButtonKind::primary;
            if (button(*this, "Close", close, "close glossary")) {
                glossary_open_.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    } else if (!glossary_open_.empty() && !glossary_needs_open_) {
        glossary_open_.clear();
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
}

void App::show_notice(const std::string& text, const std::string& action_label,
                      std::function<void()> action) {
    notice_ = Notice{text, action_label, std::move(action),
                     ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0};
    request_frames(3);
}

void App::draw_notice() {
    if (!notice_) return;
    const float em = layout_.em;
    const float height = layout_.touch + 2.0f * em;
    const float left = layout_.two_panes ? layout_.list_width : 0.0f;
    ImGui::SetCursorScreenPos(ImVec2(left, layout_.height - height));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_.note_panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.4f * em));
    ImGui::BeginChild("notice", ImVec2(layout_.width - left, height), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
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
                                     : button_width(*this, notice.action_label) + 0.6f * em) +
        button_width(*this, "OK") + 0.6f * em;
    const float text_width = std::max(ImGui::GetContentRegionAvail().x - buttons, 6.0f * em);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.4f * em);
    ImGui::TextUnformatted(notice.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - buttons + 0.6f * em);
    if (!notice.action_label.empty()) {
        ButtonOptions primary;
        primary.kind = ButtonKind::primary;
        if (button(*this, notice.action_label, primary, "notice action")) {
            notice_.reset();
            if (notice.action) notice.action();
        }
        ImGui::SameLine();
    }
    if (button(*this, "OK", {}, "notice ok")) notice_.reset();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    // Esc and Alt+Left go back; Esc inside the search box first leaves the box.
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const bool alt_left =
        io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false);
    if ((escape && !io.WantTextInput) || alt_left) go_back();
}

// Also true while a typed note waits to be written, so the host wakes to write it.
bool App::animating() const {
    return scroller_.animating() || scroller_.dragging() || user_data_->draft_save_waiting();
}

int App::take_frames_wanted() {
    int wanted = frames_wanted_;
    frames_wanted_ = 0;
    return wanted;
}

void App::request_frames(int count) {
    frames_wanted_ = std::max(frames_wanted_, count);
}

} // namespace lungguide::ui
