// LungGuide in the browser: the browser owns the loop and calls the Runner once per
// display refresh (requestAnimationFrame) while anything can change; with nothing to
// do the loop is paused, so an idle tab draws nothing, and any input resumes it.
// The page (site/index.html, site/app.js) provides the canvas, the soft-keyboard input,
// the save status and the service worker.
#include "browser_history.h"
#include "browser_storage.h"
#include "runner.h"
#include "semantics_mirror.h"
#include "web_host.h"

#include "app.h"
#include "text_box_edit.h"

#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"
#include "search/search.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace lungguide::platform {
namespace {

class BrowserApp {
  public:
    BrowserApp() : host_(make_web_host()), history_(*host_), storage_(browser_data_folder) {}

    void begin() {
        storage_.mount();
        host_->set_wake([this]() { wake(); });
        RunOptions options;
        options.renderer = "webgl2";
        options.route = BrowserHistory::start_route();
        runner_ = std::make_unique<Runner>(*host_, options);
        install_lifecycle();
        emscripten_set_main_loop_arg([](void* self) { static_cast<BrowserApp*>(self)->tick(); },
                                     this, 0, false);
    }

    void wake() {
        if (!loop_paused_) return;
        loop_paused_ = false;
        emscripten_resume_main_loop();
    }

    WebHost& host() { return *host_; }
    Runner* runner() { return started_ ? runner_.get() : nullptr; }
    BrowserHistory& history() { return history_; }

    // The page's text box holds this now (what is committed); the app's box takes it as
    // soon as it has the keyboard (ImGui opens it a frame or two after the focus).
    void edit_text(std::uint32_t id, std::string text, int start, int end) {
        edit_ = PendingEdit{id, std::move(text), start, end, 0};
        wake();
    }
    // Something for the app to do (a node activated): frames until it is done.
    void poke() {
        if (Runner* running = runner()) running->app().request_frames(ui::settle_frames);
        wake();
    }

  private:
    struct PendingEdit {
        std::uint32_t id = 0;
        std::string text;
        int start = 0;
        int end = 0;
        int frames = 0; // waited for the box to take the keyboard
    };

    void apply_edit() {
        if (!edit_) return;
        if (ui::replace_text_box_text(edit_->id, edit_->text, edit_->start, edit_->end)) {
            edit_.reset();
            runner_->app().request_frames(ui::settle_frames);
        } else if (++edit_->frames > 30) {
            edit_.reset(); // the box went away before it took the keyboard
        }
    }

    // The page around the canvas (under a notch, the home indicator, an overscroll) in the
    // app's own background colour, whatever the theme.
    void follow_background(const ImVec4& colour) {
        const unsigned packed = ImGui::ColorConvertFloat4ToU32(colour);
        if (packed == background_) return;
        background_ = packed;
        EM_ASM(
            {
                const colour =
                    'rgb(' + ($0 & 255) + ',' + (($0 >> 8) & 255) + ',' + (($0 >> 16) & 255) + ')';
                document.documentElement.style.background = colour;
                document.body.style.background = colour;
            },
            packed);
    }

    void tick() {
        if (!started_) {
            if (!storage_.ready()) return;
            if (!runner_->start()) {
                EM_ASM({ Module.lungguideFailed($0); }, runner_->exit_code());
                emscripten_cancel_main_loop();
                return;
            }
            started_ = true;
            runner_->app().semantics().set_on(true);
            EM_ASM({ Module.lungguideStarted(); });
        }
        apply_edit();
        ui::App& app = runner_->app();
        if (runner_->frame()) {
            mirror_.after_frame(app.semantics(), host_->content_scale(), app.layout().em);
            follow_background(app.palette().background);
        }
        if (!runner_->paused()) {
            history_.follow(app.navigator());
            storage_.after_frame([this]() { return bookmarks_state(); });
        }
        const bool waiting = edit_.has_value() || app.semantics().pending();
        if (runner_->idle() && !runner_->animating() && !host_->input_pending() && !waiting) {
            loop_paused_ = true;
            emscripten_pause_main_loop();
        }
    }

    // What the person would call "my bookmarks": each one's person, target and saved note,
    // and their diary entries. Not a note's draft: "Saved on this device" while the note is
    // still unsaved would say the opposite of the note box (drafts are kept just the same).
    std::uint64_t bookmarks_state() {
        std::uint64_t state = 1469598103934665603ull;
        auto mix = [&state](const std::string& text) {
            state = (state ^ std::hash<std::string>{}(text)) * 1099511628211ull;
        };
        lungguide::UserStore* store = runner_->app().store();
        if (!store) return state;
        const std::vector<lungguide::Bookmark> bookmarks = store->bookmarks();
        for (const lungguide::Bookmark& bookmark : bookmarks) {
            for (const std::string* text :
                 {&bookmark.person, &bookmark.kind, &bookmark.target, &bookmark.note})
                mix(*text);
        }
        const std::vector<lungguide::DiaryEntry> diary = lungguide::SymptomDiary(*store).entries();
        for (const lungguide::DiaryEntry& entry : diary)
            for (const std::string* text : {&entry.person, &entry.date, &entry.text, &entry.note})
                mix(*text);
        const bool something =
            !bookmarks.empty() || !diary.empty() || !store->note_drafts().empty();
        // The first bookmark, note or diary entry: ask the browser to keep the site's storage.
        if (something) host_->files().ask_to_keep();
        return state;
    }

    void install_lifecycle() {
        // A hidden tab (another app, the home screen, a locked tablet) may be discarded
        // by the browser without notice: save now.
        emscripten_set_visibilitychange_callback(
            this, EM_FALSE,
            [](int, const EmscriptenVisibilityChangeEvent* event, void* data) -> EM_BOOL {
                auto& self = *static_cast<BrowserApp*>(data);
                if (!self.started_) return EM_FALSE;
                if (event->hidden) {
                    self.runner_->pause();
                    self.storage_.sync_now();
                } else {
                    self.runner_->resume();
                    self.wake();
                }
                return EM_FALSE;
            });
        emscripten_set_webglcontextlost_callback("#canvas", this, EM_FALSE,
                                                 [](int, const void*, void* data) -> EM_BOOL {
                                                     auto& self = *static_cast<BrowserApp*>(data);
                                                     if (self.started_)
                                                         self.runner_->surface_lost();
                                                     return EM_TRUE; // we will handle the restore
                                                 });
        emscripten_set_webglcontextrestored_callback(
            "#canvas", this, EM_FALSE, [](int, const void*, void* data) -> EM_BOOL {
                auto& self = *static_cast<BrowserApp*>(data);
                if (self.started_) self.runner_->surface_regained();
                self.wake();
                return EM_FALSE;
            });
    }

    std::unique_ptr<WebHost> host_;
    BrowserHistory history_;
    BrowserStorage storage_;
    std::unique_ptr<Runner> runner_;
    SemanticsMirror mirror_;
    std::optional<PendingEdit> edit_;
    unsigned background_ = 0;
    bool started_ = false;
    bool loop_paused_ = false;
};

BrowserApp* the_app = nullptr;

// A node of the accessible DOM asked for something (activated, reached, focused, left): the
// app draws frames until it is done.
void ask_node(void (ui::Semantics::*request)(std::uint32_t), std::uint32_t id) {
    Runner* runner = the_app ? the_app->runner() : nullptr;
    if (!runner) return;
    (runner->app().semantics().*request)(id);
    the_app->poke();
}

} // namespace
} // namespace lungguide::platform

// Called by the page (site/app.js, site/semantics.js).
extern "C" {
// The accessible DOM (semantics.js): a node activated (a screen reader's double tap, Enter
// on a focused button), reached (scroll it into view), a text box's focus and its text.
EMSCRIPTEN_KEEPALIVE void lungguide_web_activate(std::uint32_t id) {
    lungguide::platform::ask_node(&lungguide::ui::Semantics::activate, id);
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_show(std::uint32_t id) {
    lungguide::platform::ask_node(&lungguide::ui::Semantics::show, id);
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_focus_text(std::uint32_t id) {
    lungguide::platform::ask_node(&lungguide::ui::Semantics::focus_text, id);
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_leave_text(std::uint32_t id) {
    lungguide::platform::ask_node(&lungguide::ui::Semantics::leave_text, id);
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_edit_text(std::uint32_t id, const char* utf8, int start,
                                                  int end) {
    using lungguide::platform::the_app;
    if (the_app && the_app->runner()) the_app->edit_text(id, utf8 ? utf8 : "", start, end);
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_popstate() {
    using lungguide::platform::the_app;
    if (!the_app || the_app->history().take_own_pop()) return;
    the_app->history().browser_went_back();
}
// The address bar's fragment was edited (or a link within the page followed): open it.
EMSCRIPTEN_KEEPALIVE void lungguide_web_open(const char* route) {
    using lungguide::platform::the_app;
    lungguide::platform::Runner* runner = the_app ? the_app->runner() : nullptr;
    if (!runner) return;
    the_app->history().opened_from_address();
    runner->app().go(std::string(route));
    the_app->wake();
}
EMSCRIPTEN_KEEPALIVE void lungguide_web_wake() {
    if (lungguide::platform::the_app) lungguide::platform::the_app->wake();
}
// "Saved on this device" (site/app.js, once IndexedDB has it): the app says it in its top
// bar, where the title is, so it never covers a control.
EMSCRIPTEN_KEEPALIVE void lungguide_web_save_status(const char* text) {
    using lungguide::platform::the_app;
    lungguide::platform::Runner* runner = the_app ? the_app->runner() : nullptr;
    if (!runner) return;
    runner->app().show_save_status(text);
    the_app->wake();
}
// The file picker gave a file (site/files.js).
EMSCRIPTEN_KEEPALIVE void lungguide_web_file_opened(const char* name, const char* text) {
    using lungguide::platform::the_app;
    if (!the_app || !the_app->runner()) return;
    the_app->host().files().opened(name ? name : "", text ? text : "");
    the_app->poke();
}
// Benchmarks (bench/web_measure.py): one search as the search screen runs it, timed inside
// the page, in milliseconds (the index is built at the first call, as at the first search).
EMSCRIPTEN_KEEPALIVE double lungguide_web_search_ms(const char* query) {
    using namespace lungguide::platform;
    Runner* runner = the_app ? the_app->runner() : nullptr;
    lungguide::SearchIndex* index = runner ? runner->app().search_index() : nullptr;
    if (!index || !query) return -1.0;
    const double start = emscripten_get_now();
    const lungguide::SearchResponse response = index->search(query);
    const double elapsed = emscripten_get_now() - start;
    return response.results.size() > 1000000 ? -1.0 : elapsed; // the answer is used
}
// Tests: what was tappable in the last frame, as JSON [{label, x0, y0, x1, y1}] in CSS
// pixels (the same hook the native UI tests tap by). The first call turns recording on.
EMSCRIPTEN_KEEPALIVE const char* lungguide_web_items() {
    using namespace lungguide::platform;
    static std::string json;
    json = "[]";
    Runner* runner = the_app ? the_app->runner() : nullptr;
    if (!runner) return json.c_str();
    lungguide::ui::App& app = runner->app();
    if (!app.recording()) {
        app.set_recording(true);
        app.request_frames(2);
        the_app->wake();
        return json.c_str();
    }
    const float ratio = the_app->host().content_scale();
    // CSS pixels to a tenth: enough to tap by, and short.
    const auto css = [ratio](float pixels) { return std::round(pixels / ratio * 10.0) / 10.0; };
    nlohmann::json items = nlohmann::json::array();
    for (const lungguide::ui::DrawnItem& item : app.drawn_items())
        items.push_back({{"label", item.label},
                         {"x0", css(item.min.x)},
                         {"y0", css(item.min.y)},
                         {"x1", css(item.max.x)},
                         {"y1", css(item.max.y)}});
    json = items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return json.c_str();
}
}

int main() {
    static lungguide::platform::BrowserApp app;
    lungguide::platform::the_app = &app;
    app.begin();
    return 0;
}
