// Index
//   construction      settings, user store, search index, start route
//   fonts and style   atlas rebuilds at the text size, themes
//   frame()           layout, window, panes, top bar, page dispatch
//   user data         people, bookmarks with undo, history (logic in user_data.cpp)
//   glossary panel, notices, keys
#include "app.h"

#include "bookmarks/user_store.h"
#include "content/content_pack.h"
#include "content/guide.h"
#include "diary/diary_links.h"
#include "font_atlas_cache.h"
#include "glossary.h"
#include "listen.h"
#include "screens.h"
#include "search/search.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
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

AppPreload::AppPreload() = default;
AppPreload::~AppPreload() = default;
AppPreload::AppPreload(AppPreload&&) noexcept = default;
AppPreload& AppPreload::operator=(AppPreload&&) noexcept = default;

void preload_fonts(AppPreload& preload, const ContentPack& pack, const std::string& data_folder,
                   const FontGuess& guess) {
    preload.glyph_ranges = glyph_ranges_for(code_points_of_guide(pack.guide()));
    if (guess.font_folder.empty() || data_folder.empty()) return;
    const FontRequest request =
        font_request_for(guess.font_folder, guess.content_scale, guess.text_scale,
                         preload.glyph_ranges, data_folder);
    std::error_code ignored;
    if (std::filesystem::exists(font_atlas_cache_path(request), ignored)) return; // kept before
    ImFontAtlas atlas; // built and written to the cache folder, where rebuild_fonts() finds it
    FontSet fonts;
    std::string error;
    build_font_atlas(atlas, request, fonts, error);
}

void preload_data(AppPreload& preload, const ContentPack& pack, const std::string& data_folder) {
    if (!preload.search && !preload.search_later.valid())
        preload.search = std::make_unique<SearchIndex>(pack);
    if (!data_folder.empty()) {
        Result<std::unique_ptr<UserStore>> opened = UserStore::open(data_folder);
        preload.store_message = opened.message_for_person();
        if (opened.ok()) preload.store = std::move(opened.value());
    }
}

AppPreload preload_app(const ContentPack& pack, const std::string& data_folder) {
    AppPreload preload;
    preload_fonts(preload, pack, data_folder, FontGuess{});
    preload_data(preload, pack, data_folder);
    return preload;
}

App::App(const ContentPack& pack, AppConfig config, AppPreload preload)
    : pack_(pack), config_(std::move(config)) {
    glossary_ = std::make_unique<GlossaryCache>(pack_.guide());
    if (!preload.search && !preload.search_later.valid())
        preload = preload_app(pack_, config_.data_folder);
    glyph_ranges_ = std::move(preload.glyph_ranges);
    search_ = std::move(preload.search);
    search_later_ = std::move(preload.search_later);
    user_data_ =
        std::make_unique<UserData>(pack_.guide(), config_.data_folder, config_.remember_settings,
                                   std::move(preload.store), std::move(preload.store_message));
    user_data_->set_paths_shown(config_.files.folders);
    UserStore* store = user_data_->store();
    if (store) {
        ThemeId saved_theme = ThemeId::light;
        if (parse_theme(store->setting("theme", "light"), saved_theme)) theme_ = saved_theme;
        text_scale_ =
            clamp_text_scale(std::strtof(store->setting("text_scale", "1").c_str(), nullptr));
        SpeechSettings speech;
        parse_speech_rate(store->setting("speech_rate", "normal"), speech.rate);
        parse_speech_voice(store->setting("speech_voice", "en-us"), speech.voice);
        listening_.set_settings(speech);
    }
    // Something worth telling (a read-only disk): say it once. A salvage has a notice of its
    // own, at the top of every page until OK (draw_salvage_notice).
    if (store && !store_message().empty() && !store->salvage()) show_notice(store_message());
    if (config_.theme) theme_ = *config_.theme;
    if (config_.text_scale) text_scale_ = clamp_text_scale(*config_.text_scale);
    palette_ = palette_for(theme_);

    Route start;
    std::string start_text = config_.start_route;
    if (start_text.empty() && store) start_text = store->setting("last_route", "home");
    if (!parse_route(start_text, start)) start = Route{};
    navigator_.reset(start);
    if (start.screen == Screen::search) search_text_ = start.query;
    // Back where the reader was in that page, when it is the page the app was paused on
    // ("class/egfr 76.19": the route, then the scroll in ems).
    const std::string place = store ? store->setting("last_scroll", "") : "";
    const std::size_t space = place.rfind(' ');
    if (space != std::string::npos && place.substr(0, space) == format_route(start) &&
        start.anchor.empty()) {
        restore_scroll_em_ = std::max(0.0f, std::strtof(place.c_str() + space + 1, nullptr));
        restore_route_ = place.substr(0, space);
        restore_frames_ = 30;
    }

    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;              // window positions are ours, not a file's
    io.ConfigInputTextCursorBlink = false; // a blinking cursor would need 60 fps forever
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
}

// UserData writes any waiting draft as it goes.
App::~App() = default;

SearchIndex* App::search_index() {
    // A deferred task (the browser, without threads) reports "deferred": get() builds it now.
    if (!search_ && search_later_.valid() &&
        search_later_.wait_for(std::chrono::seconds(0)) != std::future_status::timeout)
        search_ = search_later_.get();
    return search_.get();
}

void App::wait_for_search_index() {
    if (!search_ && search_later_.valid()) search_ = search_later_.get();
}

const DiaryLinker* App::diary_linker() {
    if (!diary_linker_ && search_index())
        diary_linker_ =
            std::make_unique<DiaryLinker>(*search_, pack_.guide(), content_pack_identity(pack_));
    return diary_linker_.get();
}

const Guide& App::guide() const {
    return pack_.guide();
}

// ---- fonts and style ------------------------------------------------------------------

bool App::rebuild_fonts(ImFontAtlas& atlas) {
    const FontRequest request = font_request_for(config_.font_folder, config_.content_scale,
                                                 text_scale_, glyph_ranges_, config_.data_folder);
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

void App::set_safe_area(ImVec2 top_left, ImVec2 bottom_right) {
    safe_top_left_ = top_left;
    safe_bottom_right_ = bottom_right;
}

// Settings are written when they change; what is left to keep is where the person is.
// (Theme and text size given on the command line override, and are not saved.)
void App::pause() {
    listening_.pause(); // nobody is looking: the reader resumes when they are back
    user_data_->save_drafts_now();
    const std::string route = format_route(navigator_.current());
    save_setting("last_route", route);
    // The place in the page too: a paused app may be ended (a browser discards a hidden tab).
    char place[32];
    std::snprintf(place, sizeof place, " %.2f", page_scroll_ / std::max(layout_.em, 1.0f));
    save_setting("last_scroll", route + place);
}

void App::resume() {
    request_frames(3);
}

void App::set_speech_settings(const SpeechSettings& settings) {
    listening_.set_settings(settings);
    save_setting("speech_rate", speech_rate_id(settings.rate));
    save_setting("speech_voice", speech_voice_id(settings.voice));
    request_frames(3);
}

void App::on_speech_event(const SpeechEvent& event) {
    if (!listening_.apply(event)) return;
    request_frames(2); // the highlight moves, and then is kept in view
    if (event.kind == SpeechEvent::Kind::unavailable) show_notice(event.message);
}

bool App::take_listen_anchor(const std::string& part) {
    if (listen_anchor_.empty() || listen_anchor_ != part) return false;
    listen_anchor_.clear();
    return true;
}

void App::set_theme(ThemeId theme) {
    theme_ = theme;
    palette_ = palette_for(theme);
    style_dirty_ = true;
    save_setting("theme", theme_id_name(theme));
    request_frames(3);
}

void App::set_palette(const Palette& palette) {
    palette_ = palette;
    style_dirty_ = true;
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
    if (route == navigator_.current()) {
        // Another place on the same page: jump there, no back entry.
        navigator_.replace(route);
        jump_to(route.anchor);
        return;
    }
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
    if (drawer_open_) {
        set_drawer_open(false);
        return true;
    }
    bool went = navigator_.back();
    if (went) request_frames(3);
    return went;
}

bool App::press_back() {
    return go_back();
}

namespace {
constexpr double highlight_seconds = 2.0; // long enough to find, short enough to be calm
}

void App::jump_to(const std::string& anchor) {
    const std::string name = normalize_anchor(anchor);
    if (name.rfind("term=", 0) == 0) {
        open_glossary(name.substr(5));
        return;
    }
    const Route& route = navigator_.current();
    const bool bookmarkable = route.screen == Screen::drug_class || route.screen == Screen::drug;
    if (name == "for-whom" && bookmarkable) { // the "for whom?" picker (bookmark_panel.cpp)
        open_bookmark_picker(*this, route.screen == Screen::drug ? "drug" : "class", route.id);
        return;
    }
    focus_note_ = name == "note" && bookmarkable; // the cursor in the page's note
    if (name == "menu") {                         // the drawer open, for screenshots and docs
        if (!layout_.two_panes) set_drawer_open(true);
        return;
    }
    if (name.rfind("listen=", 0) == 0) { // a Listen control of the page starts (listen.h)
        listen_anchor_ = name.substr(7);
        request_frames(3);
        return;
    }
    pending_anchor_ = name;
    highlight_.clear();
    scroller_.stop_all();
    request_frames(3);
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

void App::set_drawer_open(bool open) {
    drawer_open_ = open;
    drawer_needs_open_ = open;
    request_frames(open ? 14 : 3);
}

void App::on_route_changed() {
    const Route& route = navigator_.current();
    scroll_to_top_ = !navigator_.went_back();
    scroller_.stop_all();
    glossary_open_.clear();
    drawer_open_ = false;
    close_bookmark_picker(*this);
    screens_.bookmark_panel.confirm_remove = 0;
    user_data_->forget_cached_diary(); // another LungGuide may have written to it meanwhile
    save_status_.clear();
    pending_anchor_.clear();
    highlight_.clear();
    anchor_top_.clear();
    anchor_height_.clear();
    listen_anchor_.clear();
    // Reading aloud belongs to its page: leaving the page stops it.
    if (listening_.active() && listening_.owner().rfind(page_route_text(route) + " ", 0) != 0)
        listening_.stop();
    if (!navigator_.went_back() && !route.anchor.empty()) jump_to(route.anchor);
    if (route.screen == Screen::search) {
        search_text_ = route.query;
        focus_search_ = !navigator_.went_back();
    }
    user_data_->record_visit(page_route_text(route),
                             route.screen == Screen::drug_class || route.screen == Screen::drug);
}

// ---- frame ------------------------------------------------------------------------------

const char* width_class_name(WidthClass width_class) {
    switch (width_class) {
    case WidthClass::phone:
        return "phone";
    case WidthClass::tablet_portrait:
        return "tablet-portrait";
    case WidthClass::tablet_landscape:
        return "tablet-landscape";
    case WidthClass::desktop:
        return "desktop";
    }
    return "phone";
}

void App::compute_layout() {
    const ImGuiIO& io = ImGui::GetIO();
    Layout layout;
    layout.width = io.DisplaySize.x - safe_top_left_.x - safe_bottom_right_.x;
    layout.height = io.DisplaySize.y - safe_top_left_.y - safe_bottom_right_.y;
    layout.em = fonts_.body ? fonts_.body->FontSize : base_body_pixels;
    layout.touch = std::max(48.0f * config_.content_scale, 1.75f * layout.em);
    layout.compact_touch = std::max(48.0f * config_.content_scale,
                                    std::min(layout.touch, 60.0f * config_.content_scale));
    layout.pad =
        std::round(0.8f * base_body_pixels * config_.content_scale * std::sqrt(text_scale_));
    const float dp = layout.width / std::max(config_.content_scale, 0.5f);
    if (dp < 600.0f)
        layout.width_class = WidthClass::phone;
    else if (dp < 840.0f || layout.height > layout.width)
        layout.width_class = WidthClass::tablet_portrait;
    else if (dp < 1440.0f)
        layout.width_class = WidthClass::tablet_landscape;
    else
        layout.width_class = WidthClass::desktop;
    // A sidebar once the window is on its side and there is room for a list (15 em) and a
    // readable page (22 em) at this text size; otherwise the drawer.
    const float width_in_em = layout.width / layout.em;
    layout.two_panes = (layout.width_class == WidthClass::tablet_landscape ||
                        layout.width_class == WidthClass::desktop) &&
                       width_in_em >= 37.0f;
    layout.list_width =
        layout.two_panes
            ? std::floor(std::clamp(layout.width * 0.24f, 14.0f * layout.em, 18.0f * layout.em))
            : 0.0f;
    // About 75 characters a line (body text in Noto Sans averages about 0.37 em a
    // character): the comfortable reading measure of 60-80.
    layout.reading_width = 28.0f * layout.em;
    layout_ = layout;
}

void App::frame() {
    record_.clear();
    if (semantics_.on()) semantics_.begin_frame();
    surfaces_.start_frame(palette_.background, record_.on);
    highlight_surface_.clear();
    compute_layout();
    if (style_dirty_) {
        apply_style(theme_, palette_, layout_.em, layout_.pad, ImGui::GetStyle());
        style_dirty_ = false;
    }
    handle_keys();
    if (navigator_.take_changed()) on_route_changed();
    user_data_->tick(ImGui::GetTime());
    if (std::string problem = user_data_->take_draft_problem(); !problem.empty())
        show_notice(problem);
    if (layout_.two_panes && drawer_open_) drawer_open_ = false; // rotated to landscape

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(safe_top_left_);
    ImGui::SetNextWindowSize(ImVec2(layout_.width, layout_.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushFont(fonts_.body);
    // No background of its own: the renderer has just cleared the whole surface to
    // palette().background (opaque), and a full-screen blended quad over it changes no
    // pixel but is the costliest thing a software renderer draws (llvmpipe: about 9 ms of
    // CPU in a 1280x720 frame, the first one included).
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("LungGuide", nullptr, fixed);
    ImGui::PopStyleVar(2);

    if (layout_.two_panes) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette_.side_panel);
        // The sidebar keeps a visible scrollbar, and a fade at its foot while more is
        // below, so the last classes are never hidden without a cue.
        ImGui::BeginChild("list pane", ImVec2(layout_.list_width, 0), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
        surfaces_.push(palette_.side_panel);
        draw_list_pane();
        scroller_.update(layout_.em);
        draw_more_below_cue(look_, palette_.side_panel);
        surfaces_.pop();
        ImGui::EndChild();
        ImGui::PopStyleColor();
        const ImVec2 pane_max = ImGui::GetItemRectMax();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        // A thin line between the panes.
        draw->AddLine(ImVec2(pane_max.x, 0), ImVec2(pane_max.x, io.DisplaySize.y),
                      ImGui::ColorConvertFloat4ToU32(palette_.border));
        ImGui::SameLine(0, 0);
    }
    ImGui::BeginGroup();
    draw_top_bar();
    const std::vector<PageSection> sections = page_sections(*this);
    if (!sections.empty()) draw_section_bar(sections);
    mark_reading();
    draw_page();
    ImGui::EndGroup();
    draw_player_bar(*this);
    draw_notice();
    draw_drawer();
    draw_glossary_panel();
    draw_bookmark_picker(*this);
    record_unrecorded_text_box(look_);
    ImGui::End();
    ImGui::PopFont();
    if (semantics_.on()) semantics_.end_frame();
}

// The top bar keeps Back, where you are, and Search at every text size: on phones and
// upright tablets also the drawer's Menu. Buttons show words when they fit beside a
// readable title, else icons of finger size (their names are still what tests tap).
void App::draw_top_bar() {
    const float em = layout_.em;
    const float padding = 0.6f * layout_.pad;
    const float spacing = 0.5f * layout_.pad;
    const Route& route = navigator_.current();
    const float bar_width = ImGui::GetContentRegionAvail().x;
    const bool show_menu = !layout_.two_panes;
    const bool show_back = navigator_.can_go_back();
    const bool show_search = route.screen != Screen::search;
    const float title_room = 7.0f * em;
    float words = 2 * padding + title_room;
    if (show_menu) words += button_width(look_, "Menu") + spacing;
    if (show_back) words += button_width(look_, "‹ Back") + spacing;
    if (show_search) words += button_width(look_, "Search") + spacing;
    const bool with_words = words <= bar_width;
    const float icon = layout_.compact_touch;
    const float row = with_words ? layout_.touch : icon;

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::BeginChild("top bar", ImVec2(0, row + 2 * padding), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);

    ImGui::SetCursorPos(ImVec2(padding, padding));
    float left_end = padding;
    auto bar_button = [&](Icon icon_kind, const char* label, const char* id) {
        const bool pressed = with_words ? button(look_, label, {}, id)
                                        : icon_button(look_, icon_kind, label, id, icon);
        left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
        ImGui::SameLine();
        return pressed;
    };
    if (show_menu && bar_button(Icon::menu, "Menu", "top menu")) set_drawer_open(true);
    if (show_back && bar_button(Icon::back, "‹ Back", "top back")) go_back();
    float right_start = bar_width - padding;
    if (show_search) {
        right_start -= with_words ? button_width(look_, "Search") : icon;
        ImGui::SetCursorPos(ImVec2(right_start, padding));
        const bool pressed = with_words
                                 ? button(look_, "Search", {}, "top search")
                                 : icon_button(look_, Icon::search, "Search", "top search", icon);
        if (pressed) go(Route{Screen::search, "", ""});
    }
    // The host's word that the person's data is saved takes the title's place for a moment:
    // never over a control, and it goes with the next page or touch after a few seconds.
    const bool status_shown = !save_status_.empty() && save_status_shown_at_ >= 0.0 &&
                              ImGui::GetTime() - save_status_shown_at_ < 4.0;
    if (!status_shown) save_status_.clear();
    const std::string where = status_shown                   ? save_status_
                              : route.screen == Screen::home ? std::string("LungGuide")
                                                             : short_title();
    const float text_left = left_end + (left_end > padding ? 0.2f * em : 0.0f);
    if (!where.empty() && right_start - text_left > 1.5f * em) {
        // The title may not push the buttons off: it shrinks (down to the size of body
        // text at 100 %, the page's own title below stays large), then ends in "…".
        ImFont* font = fonts_.heading;
        const float room = right_start - spacing - text_left;
        const float natural = text_width_of(font, where);
        const float smallest =
            std::min(font->FontSize, 1.05f * base_body_pixels * config_.content_scale);
        const float size =
            natural <= room ? font->FontSize
                            : std::max(smallest, font->FontSize * room / std::max(natural, 1.0f));
        const ImVec2 window = ImGui::GetWindowPos();
        const ImVec2 start(window.x + text_left, window.y + padding + (row - size) * 0.5f);
        const std::string shown = ellipsized(font, size, where, room);
        surfaces_.record("top bar title", shown, palette_.heading);
        ImGui::GetWindowDrawList()->AddText(font, size, start,
                                            ImGui::ColorConvertFloat4ToU32(palette_.heading),
                                            shown.c_str(), shown.c_str() + shown.size());
        record_item("title:" + where, start, ImVec2(start.x + room, start.y + size));
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    rule(look_);
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
    case Screen::diary:
        return "Symptom diary";
    }
    return "LungGuide";
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

namespace {

// The section bar's one button naming where you are, when the chips do not fit.
LineButton current_section_button(const Layout& layout) {
    LineButton current;
    current.height = layout.compact_touch;
    current.selected = true;
    current.chevron = true;
    current.wrap = true;
    current.record_as = "sections";
    return current;
}

// As tall as the longest section name needs, so the bar never cuts a name ("How they wo…")
// nor changes height while the page scrolls.
float section_button_height(Look& look, const std::vector<PageSection>& sections,
                            const LineButton& button, float width) {
    float height = button.height;
    for (const PageSection& section : sections)
        height = std::max(height, line_button_height(look, section.label, button, width));
    return height;
}

} // namespace

// The section bar stays above the page: one chip per section when they fit on a line,
// else one button naming where you are that opens the list. Either way it jumps.
void App::draw_section_bar(const std::vector<PageSection>& sections) {
    const float em = layout_.em;
    const float width = ImGui::GetContentRegionAvail().x;
    float side = std::max(layout_.pad, std::floor((width - layout_.reading_width) * 0.5f));
    const float spacing = 0.4f * em;
    const std::string here = current_section(sections);
    float row = -spacing;
    for (const PageSection& section : sections)
        row += button_width(look_, section.label) + spacing;
    // Chips over the reading column, or centred over the page when wider than it.
    const bool chips = row <= width - 2.0f * layout_.pad;
    if (chips && row > width - 2.0f * side) side = std::floor((width - row) * 0.5f);
    LineButton current = current_section_button(layout_);
    const float height = chips
                             ? layout_.touch
                             : section_button_height(look_, sections, current, width - 2.0f * side);
    const float padding = 0.3f * layout_.pad;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, padding));
    ImGui::BeginChild("section bar", ImVec2(0, height + 2.0f * padding), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    static const char* const popup_name = "Sections";
    if (chips) {
        for (const PageSection& section : sections) {
            ButtonOptions options;
            options.bold = false;
            options.kind = section.anchor == here ? ButtonKind::selected : ButtonKind::normal;
            if (button(look_, section.label, options, ("jump " + section.anchor).c_str()))
                jump_to(section.anchor);
            ImGui::SameLine();
        }
    } else {
        // One line at every text size: where you are, and a chevron; a tap opens the list.
        std::string label;
        for (const PageSection& section : sections)
            if (section.anchor == here) label = section.label;
        current.height = height;
        if (line_button(look_, label, "sections", current)) {
            ImGui::OpenPopup(popup_name);
            request_frames(3);
        }
    }
    // The list of sections, under the bar: rows of one line, on screen (scrolling if
    // it must).
    const ImVec2 bar_corner = ImGui::GetWindowPos();
    const float list_top = bar_corner.y + ImGui::GetWindowHeight();
    ImGui::SetNextWindowPos(ImVec2(bar_corner.x + side * 0.5f, list_top));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width - side, 0),
                                        ImVec2(width - side, layout_.height - list_top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(0.5f * layout_.pad, 0.5f * layout_.pad));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, 0.25f * layout_.pad));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, palette_.background);
    ImGui::PushStyleColor(ImGuiCol_Border, palette_.heading);
    if (ImGui::BeginPopup(popup_name,
                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
        surfaces_.push(palette_.background);
        for (const PageSection& section : sections) {
            LineButton options;
            options.height = layout_.compact_touch;
            options.selected = section.anchor == here;
            if (line_button(look_, section.label, ("jump " + section.anchor).c_str(), options)) {
                jump_to(section.anchor);
                ImGui::CloseCurrentPopup();
            }
        }
        surfaces_.pop();
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    rule(look_);
}

// Medical content always carries its source: the page, who wrote it, and when.
static bool shows_medical_content(Screen screen) {
    return screen == Screen::home || screen == Screen::drug_class || screen == Screen::drug ||
           screen == Screen::search || screen == Screen::bookmarks || screen == Screen::diary;
}

void App::draw_page() {
    const float em = layout_.em;
    const float bottom_room =
        (notice_ ? layout_.touch + 2.0f * em : 0.0f) + player_bar_height(*this);
    // The page scrolls in its own child, named per page so each keeps its own scroll
    // position when coming back to it. (Neither the search text nor the anchor is part of
    // the name: typing or jumping must not make a new window.)
    const Route& current = navigator_.current();
    const std::string name =
        "content " +
        (current.screen == Screen::search ? std::string("search") : page_route_text(current));
    const float width = ImGui::GetContentRegionAvail().x;
    // Centre a comfortable reading column on wide screens.
    const float side = std::max(layout_.pad, std::floor((width - layout_.reading_width) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 0.8f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * em, 0.55f * em));
    ImGui::BeginChild(name.c_str(), ImVec2(0, -bottom_room), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleVar();
    record_item("page", ImGui::GetWindowPos(),
                ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(),
                       ImGui::GetWindowPos().y + ImGui::GetWindowHeight()));
    if (scroll_to_top_) {
        if (pending_anchor_.empty() && restore_scroll_em_ < 0.0f) ImGui::SetScrollY(0.0f);
        scroll_to_top_ = false;
    }
    draw_salvage_notice(*this);
    restore_scroll();
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
    case Screen::diary:
        draw_diary(*this);
        break;
    }
    if (shows_medical_content(current.screen)) draw_source_footer(*this);
    space(look_, 2.0f);
    keep_reading_in_view();
    scroller_.update(em);
    page_scroll_ = ImGui::GetScrollY();
    page_scroll_max_ = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

// The page's height is known only once it has been drawn: the place is set again over the
// first frames until the page is tall enough, or the person touches it.
void App::restore_scroll() {
    if (restore_scroll_em_ < 0.0f) return;
    const float target = restore_scroll_em_ * layout_.em;
    if (format_route(navigator_.current()) == restore_route_) ImGui::SetScrollY(target);
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::GetScrollMaxY() >= target || --restore_frames_ <= 0 || io.MouseClicked[0] ||
        io.MouseWheel != 0.0f || format_route(navigator_.current()) != restore_route_)
        restore_scroll_em_ = -1.0f;
    else
        request_frames(2);
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
    show_notice(user_data_->add_bookmark(kind, target, person).message_for_person);
}

void App::remove_bookmark_with_undo(std::int64_t id) {
    Status status = user_data_->remove_bookmark(id);
    if (!status.ok()) {
        show_notice(status.message_for_person);
        return;
    }
    show_notice(status.message_for_person, "Undo",
                [this]() { show_notice(user_data_->undo_remove().message_for_person); });
}

void App::remove_diary_entry_with_undo(std::int64_t id) {
    Status status = user_data_->remove_diary_entry(id);
    if (!status.ok()) {
        show_notice(status.message_for_person);
        return;
    }
    show_notice(status.message_for_person, "Undo", [this]() {
        show_notice(user_data_->undo_remove_diary_entry().message_for_person);
    });
}

void App::clear_history() {
    show_notice(user_data_->clear_history().message_for_person);
}

// ---- glossary panel, notices, keys ------------------------------------------------------

void App::open_glossary(const std::string& term_id) {
    glossary_open_ = term_id;
    glossary_body_height_ = 0.0f;
    glossary_needs_open_ = true;
    // Popups take a frame or two to appear (ocornut/imgui #1206), and the dimming behind
    // a modal fades in over about 0.2 s: a short burst of frames, then sleep again.
    request_frames(14);
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

void App::show_save_status(const std::string& text) {
    save_status_ = text;
    save_status_shown_at_ = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    request_frames(3);
}

void App::show_notice(const std::string& text, const std::string& action_label,
                      std::function<void()> action) {
    notice_ = Notice{user_data_->for_person(text), action_label, std::move(action),
                     ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0};
    request_frames(3);
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
    // The highlight of a place just jumped to fades out on its own.
    const bool highlighting = !highlight_.empty() && highlight_started_ >= 0.0 &&
                              ImGui::GetCurrentContext() &&
                              ImGui::GetTime() - highlight_started_ <= highlight_seconds;
    return scroller_.animating() || scroller_.dragging() || highlighting ||
           user_data_->draft_save_waiting();
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
