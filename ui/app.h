// The reader app: all state, and one function that draws the whole GUI from it.
//
// The GUI is a function of state (hello_imgui style): frame() reads App's fields and
// draws; taps change the fields; nothing is retained in widgets. The host (platform/)
// owns the window, the GL renderer and the event loop, and calls, per frame:
//     if (app.fonts_dirty()) { app.rebuild_fonts(atlas); recreate the font texture; }
//     ImGui::NewFrame(); app.frame(); ImGui::Render();
// ui/ knows nothing of GLFW or GL.
//
// Index
//   AppConfig      what the host tells the app at start
//   Layout         width class (phone, tablet portrait/landscape, desktop), per frame
//   PageSection    a place the section bar jumps to
//   App            state, navigation, user data, search, fonts, drawing helpers
// Screen state lives in screen_state.h, the person's data in user_data.h; App owns both.
#pragma once

#include "device_files.h"
#include "fonts.h"
#include "listening.h"
#include "look.h"
#include "navigation.h"
#include "screen_state.h"
#include "surfaces.h"
#include "theme.h"
#include "touch_scroll.h"
#include "user_data.h"
#include "widgets.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lungguide {
class ContentPack;
struct Guide;
struct DrugClass;
struct Drug;
struct GlossaryTerm;
class UserStore;
struct Bookmark;
class SearchIndex;
class DiaryLinker;
} // namespace lungguide

namespace lungguide::ui {

struct GlossaryMatch;

struct AppConfig {
    std::string font_folder;         // holds NotoSans-Regular.ttf and NotoSans-Bold.ttf
    std::string data_folder;         // the person's own data; "" = keep nothing on disk
    float content_scale = 1.0f;      // DPI scale from the platform (glfwGetWindowContentScale)
    std::string start_route;         // "" = the saved last route, else home
    std::optional<ThemeId> theme;    // overrides the saved setting (and is not saved)
    std::optional<float> text_scale; // 1.0 .. 2.5; overrides the saved setting
    bool remember_settings = true;   // false for screenshots: never write the user's store
    std::string text_reader_hint;    // e.g. where lungguide-cli is, shown in About
    // How files the person keeps are handed over, and whether their data is kept
    // (device_files.h). The default is the desktop's: folders.
    DeviceFiles files;
};

// What App needs that takes time but no ImGui: the search index, the bookmarks store and
// the glyph ranges. Made by preload_app() on a worker thread while the host creates the
// window and GL context (start-up near the floor); App makes what it was not given.
struct AppPreload {
    AppPreload();
    ~AppPreload(); // the members' types are complete only in app.cpp
    AppPreload(AppPreload&&) noexcept;
    AppPreload& operator=(AppPreload&&) noexcept;
    std::unique_ptr<SearchIndex> search;
    // Or the index still being built: on a large pack it takes longer than the window, and
    // the first screen needs only the pack. The search screen says it is getting ready.
    std::future<std::unique_ptr<SearchIndex>> search_later;
    std::unique_ptr<UserStore> store;
    std::string store_message;
    std::vector<ImWchar> glyph_ranges;
};
AppPreload preload_app(const ContentPack& pack, const std::string& data_folder);

// The atlas the first frame will most likely ask for: the host's usual content scale and the
// start's text size. A wrong guess costs only the worker's time (the App builds its own).
struct FontGuess {
    std::string font_folder; // "" = no guess
    float content_scale = 1.0f;
    float text_scale = 1.0f;
};
// preload_app() in two steps, for a worker that must be done with ImGui's allocator (the
// atlas) before the main thread creates the ImGui context: first the glyph ranges and the
// guessed atlas, rasterised into data_folder's font atlas cache so that the App's first
// rebuild_fonts() only reads it back; then the search index and the bookmarks store.
void preload_fonts(AppPreload& preload, const ContentPack& pack, const std::string& data_folder,
                   const FontGuess& guess);
void preload_data(AppPreload& preload, const ContentPack& pack, const std::string& data_folder);

// A place on a long page that the section bar jumps to ("section=side-effects").
struct PageSection {
    std::string label;
    std::string anchor;
};

// A short message at the bottom of the screen, optionally with an action (Undo).
struct Notice {
    std::string text;
    std::string action_label; // "" = no action
    std::function<void()> action;
    double shown_at = 0.0;
};

class App final : public LookRequests {
  public:
    App(const ContentPack& pack, AppConfig config, AppPreload preload = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // --- host interface -------------------------------------------------------------
    bool fonts_dirty() const { return fonts_dirty_; }
    // Rebuilds the atlas at the current text size. The host then recreates the GPU texture.
    bool rebuild_fonts(ImFontAtlas& atlas);
    // Draws one frame. Call between ImGui::NewFrame() and ImGui::Render().
    void frame();
    // True while something moves on its own (inertia scrolling): the host wakes on a timer.
    bool animating() const;
    // Frames the app wants drawn even without input (after navigation, popups opening).
    int take_frames_wanted();
    // The platform's back button / gesture. Returns false at the start (host may quit).
    bool press_back();
    void set_content_scale(float scale);
    // Insets the system covers (notch, rounded corners, home indicator), in pixels: the
    // whole GUI stays inside them.
    void set_safe_area(ImVec2 top_left, ImVec2 bottom_right);
    // The host's lifecycle: pause() saves drafts and settings now (the app may be killed
    // while paused, or closed), and pauses reading aloud; resume() is called when it is on
    // screen again.
    void pause();
    void resume();
    // Reading aloud: what to ask of the platform's speech service next (the host calls this
    // after each frame until it is empty), and what the service reported.
    std::optional<SpeechRequest> take_speech_request() { return listening_.take_request(); }
    void on_speech_event(const SpeechEvent& event);
    const std::string& font_error() const { return font_error_; }
    std::string store_message() const { return user_data_->store_message(); }
    // Why there are no bookmarks, in a sentence: the store's own message, or no data folder.
    std::string store_unavailable_reason() const { return user_data_->store_unavailable_reason(); }

    // --- state, for screens and tests -------------------------------------------------
    const Guide& guide() const;
    const ContentPack& pack() const { return pack_; }
    Navigator& navigator() { return navigator_; }
    const Route& route() const { return navigator_.current(); }
    void go(const Route& route);
    void go(const std::string& route_text);
    void go_home();
    bool go_back();

    ThemeId theme() const { return theme_; }
    void set_theme(ThemeId theme);
    float text_scale() const { return text_scale_; }
    void set_text_scale(float scale);
    const Palette& palette() const { return palette_; }
    // Draws with these colours until the theme changes (the contrast test's bad palette).
    void set_palette(const Palette& palette);
    const FontSet& fonts() const { return fonts_; }
    const Layout& layout() const { return layout_; }
    TouchScroller& scroller() { return scroller_; }

    UserData& user_data() { return *user_data_; }
    UserStore* store() { return user_data_->store(); }
    // nullptr while the index is still being built (search_later); never waits for the
    // thread building it. Without threads (the browser) the index is built here, once.
    SearchIndex* search_index();
    // Waits for the index (a screenshot must show the answer, not "getting ready").
    void wait_for_search_index();
    // What links a diary entry's words to the page; null while the index is being built.
    const DiaryLinker* diary_linker();
    const std::string& person() const { return user_data_->person(); }
    void set_person(const std::string& person);
    std::vector<std::string> people() const { return user_data_->people(); }
    // The bookmark for this target and the current person, if any.
    std::optional<Bookmark> find_bookmark(const std::string& kind, const std::string& target) const;
    // Bookmarks for person (who becomes the current person) and says so in a notice.
    void bookmark_for(const std::string& kind, const std::string& target,
                      const std::string& person);
    // Removes and offers Undo in a notice.
    void remove_bookmark_with_undo(std::int64_t id);
    void remove_diary_entry_with_undo(std::int64_t id);

    static std::string person_label(const std::string& person) {
        return UserData::person_label(person);
    }

    // Glossary: the term whose explanation panel is open ("" = none).
    void open_glossary(const std::string& term_id) override;
    const std::string& open_glossary_id() const { return glossary_open_; }
    // Where the page's explained terms occur in a text (cached per text).
    const std::vector<GlossaryMatch>& glossary_matches(std::string_view text) override;
    std::vector<std::string> glossary_terms_in(const std::vector<std::string_view>& texts) const;

    // Places in a page. A route may end in "#se=<slug>", "#section=<name>", "#drug=<id>"
    // (scroll that place to the top and highlight it briefly), "#term=ID" (open that
    // glossary panel) or "#menu" (open the drawer). Screens call anchor() where a place begins and
    // anchor_end() where it ends (for the highlight's height); the section bar reads where each
    // place is.
    void anchor(const std::string& name);
    void anchor_end(const std::string& name);
    // Scrolls the current page to one of its places, without a back entry.
    void jump_to(const std::string& anchor);
    // The anchor whose place the reader is at (the last section above the top of the page).
    std::string current_section(const std::vector<PageSection>& sections) const;
    // The drawer (navigation on phones and upright tablets).
    bool drawer_open() const { return drawer_open_; }
    void set_drawer_open(bool open);

    void show_notice(const std::string& text, const std::string& action_label = "",
                     std::function<void()> action = nullptr);
    void request_frames(int count) override;

    // The search box text lives here so it survives going to a result and back.
    std::string& search_text() { return search_text_; }
    bool& search_only_bookmarked() { return search_only_bookmarked_; }
    // True once when the search screen has just been opened: put the cursor in the box.
    bool take_focus_search() {
        bool focus = focus_search_;
        focus_search_ = false;
        return focus;
    }

    // True once when the start route ended in "#note": put the cursor in the page's note.
    bool take_focus_note() {
        bool focus = focus_note_;
        focus_note_ = false;
        return focus;
    }

    // Settings screen actions.
    void clear_history();

    // Reading aloud (listening.h; the controls are in listen.h).
    Listening& listening() { return listening_; }
    // Speed and voice, kept in the settings; applied to what is being read.
    void set_speech_settings(const SpeechSettings& settings);
    // True once when a route's "#listen=PART" asks this page's Listen control PART to start
    // (screenshots and benchmarks open a page already reading).
    bool take_listen_anchor(const std::string& part);

    // What widgets draw with (look.h): screens pass it to every widget.
    Look& look() { return look_; }
    // What screens remember between frames.
    ScreenState& screens() { return screens_; }
    // The colour under what is being drawn (surfaces.h): panels, popups and boxes push it.
    Surfaces& surfaces() { return surfaces_; }

    const AppConfig& config() const { return config_; }

    // The host says where the person's data stands in the browser's storage ("Saved on this
    // device"): shown in the top bar where the title is, never over a control, until the next
    // page or for a few seconds.
    void show_save_status(const std::string& text);

    // Test hook: when on, frame() fills drawn_items() with every tappable thing, and
    // drawn_texts() and drawn_colours() with what was written where, in which colours.
    void set_recording(bool on) { record_.on = on; }
    bool recording() const { return record_.on; }
    const std::vector<DrawnItem>& drawn_items() const { return record_.items; }
    void record_item(const std::string& label, ImVec2 min, ImVec2 max) {
        record_.item(label, min, max);
    }
    // Every (text colour, surface colour) pair drawn in the last frame (surfaces.h).
    const std::vector<DrawnColours>& drawn_colours() const { return surfaces_.drawn(); }
    const std::vector<DrawnText>& drawn_texts() const { return record_.texts; }
    // What the last frame drew, as meaning (semantics.h); a host that mirrors it for
    // assistive technology turns it on and sends actions back through it.
    Semantics& semantics() { return semantics_; }

  private:
    void compute_layout();
    void draw_top_bar();
    std::string short_title() const;
    void draw_list_pane();
    void draw_places(bool with_classes);
    void draw_drawer();
    void draw_section_bar(const std::vector<PageSection>& sections);
    void draw_page();
    void restore_scroll();
    void draw_glossary_panel();
    void draw_notice();
    void keep_reading_in_view();
    // The band behind a place of the page: the fading highlight of a place jumped to, or the
    // steady one of a place read aloud.
    void draw_place_band(const std::string& name, float fade, bool read_aloud);
    bool highlighting() const;
    void mark_reading();
    void handle_keys();
    void on_route_changed();
    void save_setting(const std::string& key, const std::string& value) {
        user_data_->save_setting(key, value);
    }

    struct GlossaryCache;
    const ContentPack& pack_;
    std::unique_ptr<GlossaryCache> glossary_;
    AppConfig config_;
    Navigator navigator_;
    ThemeId theme_ = ThemeId::light;
    float text_scale_ = 1.0f;
    Palette palette_;
    FontSet fonts_;
    bool fonts_dirty_ = true;
    std::string font_error_;
    std::vector<ImWchar> glyph_ranges_;
    Layout layout_;
    ImVec2 safe_top_left_{0, 0};
    ImVec2 safe_bottom_right_{0, 0};
    TouchScroller scroller_;
    std::unique_ptr<UserData> user_data_;
    ScreenState screens_;
    BoxState box_state_;
    Surfaces surfaces_;
    std::unique_ptr<SearchIndex> search_;
    std::future<std::unique_ptr<SearchIndex>> search_later_; // until it is taken into search_
    std::unique_ptr<DiaryLinker> diary_linker_;              // once search_ is there
    std::string glossary_open_;
    bool glossary_needs_open_ = false;
    float glossary_body_height_ = 0.0f; // the explanation's height in the last frame
    std::optional<Notice> notice_;
    std::string save_status_;
    double save_status_shown_at_ = -1.0;
    std::string search_text_;
    bool search_only_bookmarked_ = false;
    bool focus_search_ = false;
    bool focus_note_ = false;
    std::string pending_anchor_;
    // Where each place of the current page began and how tall it was (last frame), in
    // the page's own coordinates, and the page's scroll.
    std::unordered_map<std::string, float> anchor_top_;
    std::unordered_map<std::string, float> anchor_height_;
    float page_scroll_ = 0.0f;
    float page_scroll_max_ = 0.0f;
    std::string highlight_;
    double highlight_started_ = -1.0;
    bool drawer_open_ = false;
    bool drawer_needs_open_ = false;
    std::string highlight_surface_; // the anchor whose highlight pushed a surface
    bool first_route_ = true;
    int frames_wanted_ = 2;
    bool scroll_to_top_ = true;
    // Where the page was scrolled when the app was last paused, in body-text ems, if it
    // opens on that page again (a discarded browser tab, a killed mobile app); < 0: none.
    float restore_scroll_em_ = -1.0f;
    std::string restore_route_; // the page it is for
    int restore_frames_ = 0;    // frames the restore may still wait for the page's height
    bool style_dirty_ = true;
    Listening listening_;
    std::string listen_anchor_; // "#listen=PART" of the route, until its control starts it
    ReadingMark reading_;
    DrawRecord record_;
    Semantics semantics_;
    // Last: it refers to the members above.
    Look look_{theme_,  palette_, fonts_, layout_,   config_.content_scale, surfaces_, box_state_,
               record_, reading_, *this,  semantics_};
};

} // namespace lungguide::ui
