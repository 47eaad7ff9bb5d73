// Index
//   helpers       CPU clock, scratch folder, start-up worker
//   Runner        start, frame, the one frame function, lifecycle (pause/resume, surface
//                 lost/regained), stop; observers
#include "runner.h"

#include "common/exit_code.h"

#include "app.h"
#include "content/content_pack.h"
#include "search/search.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>

namespace lungguide::platform {

namespace {

// CPU time of this thread: what a frame costs us, not the GPU and not the wait.
double thread_cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

// A scratch folder for screenshots, so they never read or write the person's own data.
std::string make_scratch_folder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lungguide-shot-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) return "";
    return buffer.data();
}

// Headless browsers (virtual time) and very fast hosts can report a zero or negative
// frame time, which Dear ImGui asserts against.
constexpr float smallest_delta_time = 1.0f / 1000.0f;

// What the start-up worker loads. The pack is declared first so that it outlives the
// preload's search index task, which reads it.
struct Loaded {
    std::unique_ptr<ContentPack> pack;
    std::string pack_problem; // why there is no pack, for a person
    ui::AppPreload preload;
};

// The browser build has no threads (a tab's WebAssembly without SharedArrayBuffer): there
// the worker's work runs when it is asked for, at get(), and guesses no atlas.
#ifdef __EMSCRIPTEN__
constexpr std::launch loading_policy = std::launch::deferred;
#else
constexpr std::launch loading_policy = std::launch::async;
#endif

// Fulfils a promise when it goes out of scope, however the scope is left.
class Signal {
  public:
    explicit Signal(std::promise<void>& promise) : promise_(promise) {}
    ~Signal() { promise_.set_value(); }
    Signal(const Signal&) = delete;
    Signal& operator=(const Signal&) = delete;

  private:
    std::promise<void>& promise_;
};

// The pack, the first font atlas, the search index and the bookmarks store load on a worker
// while the main thread creates the window and the GL context (most of start-up, and none of
// it ours). ImGui counts every allocation in its current context, so the worker's atlas must
// be finished before the main thread has one: fonts_ready.
std::future<Loaded> start_loading(const std::string& pack_path, const std::string& data_folder,
                                  const ui::FontGuess& guess, std::future<void>& fonts_ready) {
    std::promise<void> fonts_done;
    fonts_ready = fonts_done.get_future();
    return std::async(loading_policy, [pack_path, data_folder, guess,
                                       fonts_done = std::move(fonts_done)]() mutable {
        Loaded loaded;
        {
            const Signal fonts_finished(fonts_done); // also without a pack, or on a throw
            Result<std::unique_ptr<ContentPack>> opened = open_content_pack(pack_path);
            if (!opened.ok()) {
                loaded.pack_problem = opened.message_for_person();
                return loaded;
            }
            loaded.pack = std::move(opened.value());
            // The search index is not needed for the first screen: on a large pack it is
            // still being built when the window shows (the search screen says so).
            loaded.preload.search_later = std::async(loading_policy, [pack = loaded.pack.get()] {
                return std::make_unique<SearchIndex>(*pack);
            });
            ui::preload_fonts(loaded.preload, *loaded.pack, data_folder, guess);
        }
        ui::preload_data(loaded.preload, *loaded.pack, data_folder);
        return loaded;
    });
}

// The window the command line asks for (hidden while it renders a screenshot).
SurfaceRequest surface_request(const RunOptions& options) {
    SurfaceRequest request;
    request.width = options.width;
    request.height = options.height;
    request.visible = options.screenshot_path.empty();
    request.renderer = options.renderer;
    return request;
}

// The App's configuration from the command line (or the host's defaults).
ui::AppConfig app_config(Host& host, const RunOptions& options, const std::string& data_folder,
                         std::optional<float> text_scale) {
    ui::AppConfig config;
    config.font_folder = host.font_folder();
    config.content_scale = host.content_scale();
    config.start_route = options.route;
    config.text_reader_hint = options.text_reader_hint;
    if (options.theme) {
        ui::ThemeId theme;
        if (ui::parse_theme(*options.theme, theme))
            config.theme = theme;
        else
            std::fprintf(stderr, "lungguide: unknown theme \"%s\"; using the saved one\n",
                         options.theme->c_str());
    }
    config.text_scale = text_scale;
    config.data_folder = data_folder;
    config.remember_settings = options.screenshot_path.empty();
    config.files = host.device_files();
    return config;
}

} // namespace

// What exists only between start() and stop().
struct Runner::State {
    std::unique_ptr<ContentPack> pack;
    std::unique_ptr<ui::App> app;
    std::string scratch_folder;
    std::uint64_t seen_events = 0;
    int frames_to_draw = ui::settle_frames;
    long frames_drawn = 0;
    bool text_input_shown = false;
    bool drawing_for_observers = false; // frame() draws only because an observer asked
    bool idle_told = false;             // observers heard went_idle() since the last frame
    bool speech_prepared = false;       // the engine was told to load once start-up settled
};

Runner::Runner(Host& host, RunOptions options)
    : host_(host), options_(std::move(options)), state_(std::make_unique<State>()) {}

Runner::~Runner() {
    if (started_) stop();
}

ui::App& Runner::app() {
    return *state_->app;
}

// ---- start ----------------------------------------------------------------------------

bool Runner::start() {
    const bool screenshot = !options_.screenshot_path.empty();
    State& state = *state_;

    std::string data_folder;
    if (screenshot && options_.data_folder.empty()) {
        state.scratch_folder = make_scratch_folder();
        data_folder = state.scratch_folder;
    } else {
        data_folder = host_.data_folder(options_.data_folder);
    }
    const std::optional<float> text_scale = options_.text_scale;

    const std::string pack_path =
        options_.pack_path.empty() ? host_.content_pack_path() : options_.pack_path;
    ui::FontGuess guess;
    if (loading_policy == std::launch::async) {
        guess.font_folder = host_.font_folder();
        guess.text_scale = text_scale.value_or(1.0f);
    }
    std::future<void> fonts_ready;
    std::future<Loaded> loading = start_loading(pack_path, data_folder, guess, fonts_ready);

    IMGUI_CHECKVERSION();
    SurfaceRequest request = surface_request(options_);
    request.before_imgui = [&fonts_ready] {
        fonts_ready.wait();
        ImGui::CreateContext();
    };
    if (loading_policy == std::launch::deferred) ImGui::CreateContext(); // worker runs after
    std::string error;
    bool surface = host_.create_surface(request, error);
    if (!ImGui::GetCurrentContext()) request.before_imgui(); // no surface: the context anyway
    bool renderer = surface && host_.renderer().init(error);
    if (surface && !renderer) host_.destroy_surface();

    // Without the pack there is nothing to show: that is said first, as before the worker.
    Loaded loaded = loading.get();
    if (!loaded.pack || !renderer) {
        loaded.preload = {}; // the store closes before its scratch folder goes
        std::error_code ignored;
        if (!state.scratch_folder.empty())
            std::filesystem::remove_all(state.scratch_folder, ignored);
    }
    if (!loaded.pack) {
        if (renderer) {
            host_.renderer().shutdown();
            host_.destroy_surface();
        }
        ImGui::DestroyContext();
        std::fprintf(stderr, "lungguide: %s\n", loaded.pack_problem.c_str());
        exit_code_ = exit_failure;
        return false;
    }
    state.pack = std::move(loaded.pack);
    if (!renderer) {
        ImGui::DestroyContext();
        std::fprintf(stderr, "lungguide: %s\n", error.c_str());
        exit_code_ = exit_unavailable;
        return false;
    }
    surface_ready_ = true;

    const ui::AppConfig config = app_config(host_, options_, data_folder, text_scale);

    state.app = std::make_unique<ui::App>(*state.pack, config, std::move(loaded.preload));
    if (screenshot) state.app->wait_for_search_index(); // a shot shows answers, not "getting ready"
    if (!state.app->store_message().empty())
        std::fprintf(stderr, "lungguide: %s\n", state.app->store_message().c_str());
    state.seen_events = host_.event_count();
    state.frames_to_draw = ui::settle_frames;
    started_ = true;
    return true;
}

// ---- frames ---------------------------------------------------------------------------

bool Runner::idle() {
    State& state = *state_;
    const bool nothing_to_draw =
        paused_ || !surface_ready_ || (state.frames_to_draw <= 0 && !observers_want_frames());
    if (nothing_to_draw && started_ && !state.idle_told) {
        state.idle_told = true;
        const double now = host_.milliseconds_since_process_start();
        for (FrameObserver* observer : observers_)
            observer->went_idle(now);
    }
    // Start-up first; then the speech engine loads, so the first Listen starts at once.
    if (nothing_to_draw && started_ && !state.speech_prepared) {
        state.speech_prepared = true;
        if (SpeechService* speech = host_.speech()) speech->prepare();
    }
    return nothing_to_draw;
}

bool Runner::animating() const {
    return started_ && !paused_ && state_->app->animating();
}

bool Runner::observers_want_frames() const {
    return std::any_of(observers_.begin(), observers_.end(),
                       [](const FrameObserver* observer) { return observer->frames_wanted() > 0; });
}

void Runner::take_what_happened() {
    State& state = *state_;
    ui::App& app = *state.app;
    if (host_.event_count() != state.seen_events) {
        state.seen_events = host_.event_count();
        state.frames_to_draw = std::max(state.frames_to_draw, ui::settle_frames);
    }
    if (host_.take_back_request()) {
        app.press_back();
        state.frames_to_draw = std::max(state.frames_to_draw, ui::settle_frames);
    }
    if (app.animating()) state.frames_to_draw = std::max(state.frames_to_draw, 1);
    if (take_speech_events()) state.frames_to_draw = std::max(state.frames_to_draw, 2);
    // Asked for between frames (a browser test hook, a host service).
    state.frames_to_draw = std::max(state.frames_to_draw, app.take_frames_wanted());
}

bool Runner::frame() {
    if (!started_ || paused_ || !surface_ready_) return false;
    State& state = *state_;
    take_what_happened();
    if (state.frames_to_draw <= 0 && !observers_want_frames()) return false;
    state.drawing_for_observers = state.frames_to_draw <= 0;
    draw_frame();
    state.drawing_for_observers = false;
    forward_speech_requests();
    state.frames_to_draw = std::max(state.frames_to_draw - 1, state.app->take_frames_wanted());
    return true;
}

bool Runner::draw_frame() {
    if (!started_ || paused_ || !surface_ready_) return false;
    State& state = *state_;
    ui::App& app = *state.app;
    Renderer& renderer = host_.renderer();
    app.set_content_scale(host_.content_scale()); // moved to another monitor
    const SafeArea safe = host_.safe_area();
    app.set_safe_area(ImVec2(safe.left, safe.top), ImVec2(safe.right, safe.bottom));
    if (app.fonts_dirty()) {
        app.rebuild_fonts(*ImGui::GetIO().Fonts);
        renderer.recreate_font_texture();
    }
    DrawnFrame frame;
    frame.number = ++state.frames_drawn;
    frame.started_ms = host_.milliseconds_since_process_start();
    frame.reading_aloud = app.listening().active();
    frame.for_observer = state.drawing_for_observers;
    frame.renderer = &renderer;
    const double cpu_start = thread_cpu_milliseconds();
    renderer.new_frame();
    host_.new_frame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::max(io.DeltaTime, smallest_delta_time);
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    const double cpu_ui = thread_cpu_milliseconds();
    host_.framebuffer_size(frame.width, frame.height);
    renderer.clear(frame.width, frame.height, app.palette().background);
    renderer.render(ImGui::GetDrawData());
    frame.ui_cpu_ms = cpu_ui - cpu_start;
    frame.gl_cpu_ms = thread_cpu_milliseconds() - cpu_ui;
    for (FrameObserver* observer : observers_)
        observer->frame_drawn(frame);
    host_.present();
    update_text_input();
    state.idle_told = false;
    frame.shown_ms = host_.milliseconds_since_process_start();
    for (FrameObserver* observer : observers_)
        observer->frame_presented(frame);
    return true;
}

void Runner::add_observer(FrameObserver& observer) {
    observers_.push_back(&observer);
}

void Runner::remove_observer(FrameObserver& observer) {
    observers_.erase(std::remove(observers_.begin(), observers_.end(), &observer),
                     observers_.end());
}

// The soft keyboard follows ImGui: shown while a text field is active.
void Runner::update_text_input() {
    const bool wanted = ImGui::GetIO().WantTextInput;
    if (wanted == state_->text_input_shown) return;
    state_->text_input_shown = wanted;
    host_.set_text_input(wanted);
}

// ---- reading aloud ----------------------------------------------------------------------

void Runner::forward_speech_requests() {
    State& state = *state_;
    ui::App& app = *state.app;
    SpeechService* speech = host_.speech();
    while (std::optional<SpeechRequest> request = app.take_speech_request()) {
        if (!speech) {
            if (request->kind != SpeechRequest::Kind::speak) continue;
            SpeechEvent none;
            none.kind = SpeechEvent::Kind::unavailable;
            none.job = request->job;
            none.message = no_speech_engine_message();
            app.on_speech_event(none);
            continue;
        }
        switch (request->kind) {
        case SpeechRequest::Kind::speak:
            for (FrameObserver* observer : observers_)
                observer->speech_sent(host_.milliseconds_since_process_start());
            speech->speak(request->job, std::move(request->sentences), request->first,
                          request->settings);
            break;
        case SpeechRequest::Kind::pause:
            speech->pause();
            break;
        case SpeechRequest::Kind::resume:
            speech->resume();
            break;
        case SpeechRequest::Kind::stop:
            speech->stop();
            break;
        }
    }
}

bool Runner::take_speech_events() {
    SpeechService* speech = host_.speech();
    if (!speech) return false;
    State& state = *state_;
    const std::vector<SpeechEvent> events = speech->take_events();
    for (const SpeechEvent& event : events) {
        for (FrameObserver* observer : observers_)
            observer->speech_event(event);
        state.app->on_speech_event(event);
    }
    return !events.empty();
}

// ---- lifecycle ------------------------------------------------------------------------

void Runner::pause() {
    if (!started_ || paused_) return;
    paused_ = true;
    state_->app->pause();
    forward_speech_requests(); // reading aloud pauses too
}

void Runner::resume() {
    if (!started_ || !paused_) return;
    paused_ = false;
    state_->app->resume();
    state_->seen_events = host_.event_count();
    state_->frames_to_draw = std::max(state_->frames_to_draw, ui::settle_frames);
}

void Runner::surface_lost() {
    if (!surface_ready_) return;
    host_.renderer().shutdown();
    surface_ready_ = false;
    if (state_->text_input_shown) host_.set_text_input(false);
    state_->text_input_shown = false;
}

bool Runner::surface_regained() {
    if (surface_ready_ || !started_) return surface_ready_;
    std::string error;
    if (!host_.renderer().init(error)) {
        std::fprintf(stderr, "lungguide: %s\n", error.c_str());
        return false;
    }
    surface_ready_ = true;
    // The font texture went with the old context: rebuild it at the next frame.
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    state_->frames_to_draw = std::max(state_->frames_to_draw, ui::settle_frames);
    return true;
}

int Runner::stop() {
    if (!started_) return exit_code_;
    State& state = *state_;
    state.app->pause();
    if (SpeechService* speech = host_.speech()) speech->stop();
    RunEnd end;
    end.renderer = host_.renderer().name();
    end.gl = host_.renderer().describe();
    end.route = ui::format_route(state.app->route());
    for (FrameObserver* observer : observers_)
        observer->stopping(end);
    state.app.reset();
    if (surface_ready_) host_.renderer().shutdown();
    surface_ready_ = false;
    host_.destroy_surface();
    ImGui::DestroyContext();
    if (!state.scratch_folder.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(state.scratch_folder, ignored);
    }
    started_ = false;
    return exit_code_;
}

} // namespace lungguide::platform
