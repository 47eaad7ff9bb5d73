// The App: construction, settings, navigation and the frame. Its other parts, one file each:
//   app_top_bar.cpp         Menu, Back, the title or saved status, Search
//   app_section_bar.cpp     the section chips above a long page
//   app_drawer.cpp          the places and classes: sidebar or drawer
//   app_places.cpp          anchors, the highlight band, the sentence read aloud kept in view
//   app_notices.cpp         the notice at the bottom (with Undo), the saved status, salvage
//   app_glossary_panel.cpp  a word's explanation over the page
//
// Index
//   construction      settings, user store, search index, start route
//   fonts and style   atlas rebuilds at the text size, themes
//   navigation        go, back, jumps to a place, what a new page resets
//   frame()           layout, window, panes, page dispatch, the scroll restored
//   user data         people, bookmarks with undo, history (logic in user_data.cpp)
//   keys and frames   Esc and Alt+Left, animating(), frames wanted
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
    request_frames(settle_frames);
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
    request_frames(settle_frames);
}

void App::set_speech_settings(const SpeechSettings& settings) {
    listening_.set_settings(settings);
    save_setting("speech_rate", speech_rate_id(settings.rate));
    save_setting("speech_voice", speech_voice_id(settings.voice));
    request_frames(settle_frames);
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
    request_frames(settle_frames);
}

void App::set_palette(const Palette& palette) {
    palette_ = palette;
    style_dirty_ = true;
    request_frames(settle_frames);
}

void App::set_text_scale(float scale) {
    scale = clamp_text_scale(scale);
    if (std::fabs(scale - text_scale_) < 0.001f) return;
    text_scale_ = scale;
    fonts_dirty_ = true;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", scale);
    save_setting("text_scale", buffer);
    request_frames(settle_frames);
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
    request_frames(settle_frames);
}

void App::go(const std::string& route_text) {
    Route route;
    if (parse_route(route_text, route)) go(route);
}

void App::go_home() {
    navigator_.go(Route{});
    request_frames(settle_frames);
}

bool App::go_back() {
    if (!glossary_open_.empty()) {
        glossary_open_.clear();
        request_frames(settle_frames);
        return true;
    }
    if (drawer_open_) {
        set_drawer_open(false);
        return true;
    }
    bool went = navigator_.back();
    if (went) request_frames(settle_frames);
    return went;
}

bool App::press_back() {
    return go_back();
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
        request_frames(settle_frames);
        return;
    }
    pending_anchor_ = name;
    highlight_.clear();
    scroller_.stop_all();
    request_frames(settle_frames);
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
    request_frames(settle_frames);
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

// ---- keys and frames ----------------------------------------------------------------------

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
    return scroller_.animating() || scroller_.dragging() || highlighting() ||
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