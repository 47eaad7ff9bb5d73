// The browser host over emscripten's html5.h (see web_host.h). Touch is first-class: the
// first finger on the canvas is ImGui's pointer, as on the desktop, so the app's own
// tap and drag-to-scroll with inertia (ui/touch_scroll) work unchanged; the page never
// scrolls or zooms under the finger. Presses and releases queue up and reach ImGui one
// per frame, so a quick tap within one display refresh is never lost (ImGui 1.86 has no
// input queue of its own).
#include "web_host.h"

#include "renderers_web.h"
#include "web_speech.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <string>

namespace lungguide::platform {

namespace {

constexpr const char* canvas_selector = "#canvas";

struct PointerEvent {
    float x = 0.0f; // framebuffer pixels
    float y = 0.0f;
    int button = -1; // -1: a move only; else the button pressed or released
    bool down = false;
    float wheel = 0.0f; // lines, positive = up
};

// DOM KeyboardEvent.key names for the keys ImGui needs. Text is typed into the page's own
// text boxes (site/semantics.js), never through ImGui's; Tab is the browser's, moving
// through the accessible DOM.
struct KeyName {
    const char* dom;
    ImGuiKey key;
};
constexpr KeyName key_names[] = {
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape},
    {"a", ImGuiKey_A},
    {"c", ImGuiKey_C},
    {"v", ImGuiKey_V},
    {"x", ImGuiKey_X},
    {"y", ImGuiKey_Y},
    {"z", ImGuiKey_Z},
};

class BrowserHost : public WebHost {
  public:
    BrowserHost() = default;
    ~BrowserHost() override { destroy_surface(); }

    bool create_surface(const SurfaceRequest& request, std::string& error) override {
        update_canvas_size();
        EmscriptenWebGLContextAttributes attributes;
        emscripten_webgl_init_context_attributes(&attributes);
        attributes.majorVersion = 2; // WebGL 2 = OpenGL ES 3.0
        attributes.minorVersion = 0;
        attributes.alpha = false;
        attributes.depth = false;
        attributes.stencil = false;
        attributes.antialias = false;
        context_ = emscripten_webgl_create_context(canvas_selector, &attributes);
        if (context_ <= 0) {
            error = "This browser could not start WebGL 2, which LungGuide needs.";
            return false;
        }
        emscripten_webgl_make_context_current(context_);
        renderer_ = make_webgl2_renderer();
        (void)request;
        if (!callbacks_installed_) install_callbacks();
        ImGuiIO& io = ImGui::GetIO();
        io.BackendPlatformName = "lungguide_web";
        for (const KeyName& name : key_names)
            io.KeyMap[name.key] = name.key;
        io.SetClipboardTextFn = nullptr;
        last_time_ = emscripten_get_now();
        return true;
    }

    void destroy_surface() override {
        if (context_ > 0) emscripten_webgl_destroy_context(context_);
        context_ = 0;
    }

    Renderer& renderer() override { return *renderer_; }

    void framebuffer_size(int& width, int& height) const override {
        width = width_;
        height = height_;
    }

    float content_scale() const override {
        const double ratio = emscripten_get_device_pixel_ratio();
        return ratio > 0.0 ? static_cast<float>(ratio) : 1.0f;
    }

    // The browser owns the loop: these are never needed.
    void wait_events() override {}
    void wait_events_timeout(double) override {}
    void poll_events() override {}
    std::uint64_t event_count() const override { return events_; }
    bool should_close() const override { return false; }
    bool take_back_request() override {
        const bool back = back_requested_;
        back_requested_ = false;
        return back;
    }

    void set_text_input(bool wanted) override {
        // The page focuses the text box that has the app's keyboard (as soon as its node is
        // in the DOM), and again on the next touchend (iOS shows the keyboard only for a
        // focus made inside a user gesture).
        EM_ASM(
            {
                if (Module.lungguideSetTextInput) Module.lungguideSetTextInput($0);
            },
            wanted ? 1 : 0);
    }
    // The page lays the canvas out inside env(safe-area-inset-*), so the surface has no
    // insets of its own.
    SafeArea safe_area() const override { return {}; }
    ui::DeviceFiles device_files() override { return files_.device_files(); }
    BrowserFiles& files() override { return files_; }
    // speechSynthesis (web_speech.cpp); its events wake the paused main loop.
    SpeechService* speech() override {
        if (!speech_) {
            speech_ = make_web_speech();
            speech_->set_wake([this] { touched(); });
        }
        return speech_.get();
    }

    void new_frame() override {
        update_canvas_size();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
        const double now = emscripten_get_now();
        // After the loop slept, the first frame's time is the sleep: ImGui gets at most a
        // tenth of a second, so nothing that moves jumps.
        io.DeltaTime = static_cast<float>(std::min((now - last_time_) / 1000.0, 0.1));
        last_time_ = now;
        io.MouseWheel = 0.0f;
        // Moves up to and including the next press or release; the rest waits a frame. A
        // press lands where the pointer already is, one frame after it got there (ImGui
        // decides what is under the finger from the previous position).
        while (!pointer_queue_.empty()) {
            const PointerEvent event = pointer_queue_.front();
            const ImVec2 position(event.x, event.y);
            if (event.button >= 0 && event.button < 5) {
                if (io.MousePos.x != position.x || io.MousePos.y != position.y) {
                    io.MousePos = position;
                    break;
                }
                io.MouseDown[event.button] = event.down;
                pointer_queue_.pop_front();
                break;
            }
            io.MousePos = position;
            io.MouseWheel += event.wheel;
            pointer_queue_.pop_front();
        }
        if (!pointer_queue_.empty()) ++events_;
    }

    // The page counts frames (tests: an idle tab draws none) and notes when the first one
    // was drawn, in milliseconds since navigation started (bench: web_first_frame_ms).
    void present() override {
        ++frames_;
        EM_ASM(
            {
                Module.lungguideFrames = $0;
                if ($0 == 1) Module.lungguideFirstFrameMs = performance.now();
            },
            frames_);
    }

    std::string data_folder(const std::string& chosen_folder) const override {
        return chosen_folder.empty() ? browser_data_folder : chosen_folder;
    }
    std::string font_folder() const override { return "/app/fonts"; }
    std::string content_pack_path() const override { return "/app/lungguide-content.db"; }
    double milliseconds_since_process_start() const override {
        return emscripten_get_now(); // since navigation started (performance.now())
    }

    void set_wake(std::function<void()> wake) override { wake_ = std::move(wake); }
    void request_back() override {
        back_requested_ = true;
        touched();
    }
    bool input_pending() const override { return !pointer_queue_.empty(); }

  private:
    void touched() {
        ++events_;
        if (wake_) wake_();
    }

    void update_canvas_size() {
        double css_width = 0.0;
        double css_height = 0.0;
        emscripten_get_element_css_size(canvas_selector, &css_width, &css_height);
        const double ratio = content_scale();
        const int width = static_cast<int>(std::lround(css_width * ratio));
        const int height = static_cast<int>(std::lround(css_height * ratio));
        if (width == width_ && height == height_) return;
        width_ = width;
        height_ = height;
        emscripten_set_canvas_element_size(canvas_selector, width_, height_);
        ++events_;
    }

    void queue(PointerEvent event) {
        pointer_queue_.push_back(event);
        touched();
    }

    PointerEvent at(long target_x, long target_y) const {
        const float ratio = content_scale();
        PointerEvent event;
        event.x = static_cast<float>(target_x) * ratio;
        event.y = static_cast<float>(target_y) * ratio;
        return event;
    }

    static BrowserHost& self(void* data) { return *static_cast<BrowserHost*>(data); }

    // A screen reader that activated a node may also touch the canvas under it (iOS
    // VoiceOver's double tap): that is the same tap, not a second one.
    static bool echo_of_activation(long x, long y) {
        return EM_ASM_INT(
                   {
                       return Module.lungguideEchoOfActivation &&
                                      Module.lungguideEchoOfActivation($0, $1)
                                  ? 1
                                  : 0;
                   },
                   static_cast<int>(x), static_cast<int>(y)) != 0;
    }

    // Where a key goes: 0 the app; 1 a node of the accessible DOM that the keyboard reached
    // (the browser presses buttons and follows links; only Escape is the app's Back); 2 a
    // text box the person types into (nothing for the app).
    static int key_target() {
        return EM_ASM_INT({ return Module.lungguideKeyTarget ? Module.lungguideKeyTarget() : 0; });
    }

    void install_callbacks() {
        callbacks_installed_ = true;
        install_touch_callbacks();
        install_mouse_callbacks();
        install_key_callbacks();
    }

    // One finger drives the pointer, as a mouse would; the page itself never scrolls.
    void install_touch_callbacks() {
        auto on_touch = [](int type, const EmscriptenTouchEvent* touch, void* data) -> EM_BOOL {
            BrowserHost& host = self(data);
            for (int index = 0; index < touch->numTouches; ++index) {
                const EmscriptenTouchPoint& point = touch->touches[index];
                if (!point.isChanged) continue;
                if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
                    if (host.finger_ >= 0) continue; // one finger drives the pointer
                    if (echo_of_activation(point.targetX, point.targetY)) continue;
                    host.finger_ = point.identifier;
                    PointerEvent move = host.at(point.targetX, point.targetY);
                    host.queue(move); // hover at the spot first, as a mouse would
                    PointerEvent press = move;
                    press.button = 0;
                    press.down = true;
                    host.queue(press);
                } else if (point.identifier == host.finger_) {
                    PointerEvent event = host.at(point.targetX, point.targetY);
                    if (type != EMSCRIPTEN_EVENT_TOUCHMOVE) {
                        event.button = 0;
                        event.down = false;
                        host.finger_ = -1;
                    }
                    host.queue(event);
                }
            }
            return EM_TRUE; // no page scroll, zoom or emulated mouse events
        };
        emscripten_set_touchstart_callback(canvas_selector, this, EM_TRUE, on_touch);
        emscripten_set_touchmove_callback(canvas_selector, this, EM_TRUE, on_touch);
        emscripten_set_touchend_callback(canvas_selector, this, EM_TRUE, on_touch);
        emscripten_set_touchcancel_callback(canvas_selector, this, EM_TRUE, on_touch);
    }

    void install_mouse_callbacks() {
        auto on_mouse = [](int type, const EmscriptenMouseEvent* mouse, void* data) -> EM_BOOL {
            BrowserHost& host = self(data);
            // The mouse's "back" thumb button is Back, as on the desktop.
            if (mouse->button == 3) {
                if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) host.request_back();
                return EM_TRUE;
            }
            PointerEvent event = host.at(mouse->targetX, mouse->targetY);
            if (type != EMSCRIPTEN_EVENT_MOUSEMOVE) {
                static constexpr int imgui_button[] = {0, 2, 1}; // DOM: left, middle, right
                if (mouse->button > 2) return EM_FALSE;
                event.button = imgui_button[mouse->button];
                event.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
            }
            host.queue(event);
            return EM_FALSE;
        };
        emscripten_set_mousedown_callback(canvas_selector, this, EM_TRUE, on_mouse);
        emscripten_set_mouseup_callback(canvas_selector, this, EM_TRUE, on_mouse);
        emscripten_set_mousemove_callback(canvas_selector, this, EM_TRUE, on_mouse);

        emscripten_set_wheel_callback(
            canvas_selector, this, EM_TRUE,
            [](int, const EmscriptenWheelEvent* wheel, void* data) -> EM_BOOL {
                BrowserHost& host = self(data);
                PointerEvent event = host.at(wheel->mouse.targetX, wheel->mouse.targetY);
                const double lines = wheel->deltaMode == DOM_DELTA_PIXEL  ? wheel->deltaY / 40.0
                                     : wheel->deltaMode == DOM_DELTA_LINE ? wheel->deltaY
                                                                          : wheel->deltaY * 10;
                event.wheel = static_cast<float>(-lines);
                host.queue(event);
                return EM_TRUE;
            });
    }

    // Keys the app acts on (Escape, arrows, shortcuts), and a resize; text goes to the page's
    // own editors.
    void install_key_callbacks() {
        auto on_key = [](int type, const EmscriptenKeyboardEvent* key, void* data) -> EM_BOOL {
            BrowserHost& host = self(data);
            const int target = key_target();
            if (target == 2 || (target == 1 && std::strcmp(key->key, "Escape") != 0))
                return EM_FALSE;
            ImGuiIO& io = ImGui::GetIO();
            io.KeyCtrl = key->ctrlKey;
            io.KeyShift = key->shiftKey;
            io.KeyAlt = key->altKey;
            io.KeySuper = key->metaKey;
            const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
            for (const KeyName& name : key_names) {
                if (std::strcmp(key->key, name.dom) != 0) continue;
                const bool letter = name.dom[1] == '\0';
                if (letter && !key->ctrlKey && !key->metaKey) return EM_FALSE; // plain text
                io.KeysDown[name.key] = down;
                host.touched();
                return letter ? EM_FALSE : EM_TRUE; // let the browser copy and paste
            }
            host.touched();
            return EM_FALSE;
        };
        emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_TRUE, on_key);
        emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_TRUE, on_key);

        emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE,
                                       [](int, const EmscriptenUiEvent*, void* data) -> EM_BOOL {
                                           self(data).touched();
                                           return EM_FALSE;
                                       });
    }

    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context_ = 0;
    std::unique_ptr<Renderer> renderer_;
    std::unique_ptr<SpeechService> speech_;
    std::function<void()> wake_;
    std::deque<PointerEvent> pointer_queue_;
    BrowserFiles files_;
    long finger_ = -1;
    int width_ = 0;
    int height_ = 0;
    double last_time_ = 0.0;
    std::uint64_t events_ = 0;
    long frames_ = 0;
    bool back_requested_ = false;
    bool callbacks_installed_ = false;
};

} // namespace

std::unique_ptr<WebHost> make_web_host() {
    return std::make_unique<BrowserHost>();
}

} // namespace lungguide::platform
