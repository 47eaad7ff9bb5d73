// The desktop host: a GLFW window with a GL 3.3 (GLX) or GLES 3 (EGL) context, events with
// a counter for the power-aware loop, DPI from glfwGetWindowContentScale, folders, and
// reading aloud with eSpeak NG (platform/speech/).
#include "glfw_host.h"

#include "espeak_speech.h"
#include "process_age.h"
#include "renderers.h"

#include "bookmarks/data_folder.h"
#include "common/data_files.h"
#include "content/content_pack.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <sstream>

namespace lungguide::platform {

namespace {

class GlfwHost : public Host {
  public:
    GlfwHost()
        : created_at_(std::chrono::steady_clock::now()),
          age_at_creation_ms_(process_age_milliseconds()) {}
    ~GlfwHost() override {
        speech_.reset(); // its thread may wake GLFW: it goes first
        destroy_surface();
    }

    bool create_surface(const SurfaceRequest& request, std::string& error) override {
        glfwSetErrorCallback([](int, const char* description) { last_glfw_error() = description; });
        if (!glfwInit()) {
            error = "No display: " + last_glfw_error();
            return false;
        }
        {
            std::lock_guard<std::mutex> lock(glfw_mutex_);
            initialised_ = true;
        }
        const bool es3 = request.renderer == "es3";
        glfwDefaultWindowHints();
        if (es3) {
            glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        } else {
            glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        }
        glfwWindowHint(GLFW_VISIBLE, request.visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
        // WM_CLASS, matched by the .desktop entry's StartupWMClass (dock icon, Xwayland).
        glfwWindowHintString(GLFW_X11_CLASS_NAME, "lungguide");
        glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "lungguide");
        window_ = glfwCreateWindow(request.width, request.height, request.title.c_str(), nullptr,
                                   nullptr);
        if (!window_) {
            error = std::string("Could not open a window with ") +
                    (es3 ? "OpenGL ES 3 (EGL)" : "OpenGL 3.3") + ": " + last_glfw_error();
            return false;
        }
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);
        glfwSetWindowUserPointer(window_, this);
        install_callbacks();
        if (request.before_imgui && !ImGui::GetCurrentContext()) request.before_imgui();
        // ImGui's GLFW backend chains to the callbacks installed above.
        ImGui_ImplGlfw_InitForOpenGL(window_, true);
        imgui_backend_ = true;
        renderer_ = es3 ? make_es3_renderer() : make_gl3_renderer();
        return true;
    }

    void destroy_surface() override {
        if (imgui_backend_) ImGui_ImplGlfw_Shutdown();
        imgui_backend_ = false;
        if (window_) glfwDestroyWindow(window_);
        window_ = nullptr;
        std::lock_guard<std::mutex> lock(glfw_mutex_); // no wake-up from the speech thread now
        if (initialised_) glfwTerminate();
        initialised_ = false;
    }

    Renderer& renderer() override { return *renderer_; }

    void framebuffer_size(int& width, int& height) const override {
        glfwGetFramebufferSize(window_, &width, &height);
    }

    float content_scale() const override {
        float x = 1.0f;
        float y = 1.0f;
        glfwGetWindowContentScale(window_, &x, &y);
        return x > 0.0f ? x : 1.0f;
    }

    void wait_events() override { glfwWaitEvents(); }
    void wait_events_timeout(double seconds) override {
        glfwWaitEventsTimeout(std::max(seconds, 0.0));
    }
    void poll_events() override { glfwPollEvents(); }
    std::uint64_t event_count() const override { return events_; }
    bool should_close() const override { return glfwWindowShouldClose(window_); }
    bool take_back_request() override {
        bool back = back_requested_;
        back_requested_ = false;
        return back;
    }

    // eSpeak NG into ALSA's default device ($LUNGGUIDE_AUDIO_DEVICE: another ALSA device,
    // or "silent"). Made on first use; its events wake glfwWaitEvents() from its thread.
    SpeechService* speech() override {
        if (!speech_) {
            const std::string device = audio_device_from_environment();
            speech_ = make_espeak_speech([device] { return make_audio_output(device); });
            speech_->set_wake([this] {
                std::lock_guard<std::mutex> lock(glfw_mutex_);
                if (initialised_) glfwPostEmptyEvent();
            });
        }
        return speech_.get();
    }

    void new_frame() override { ImGui_ImplGlfw_NewFrame(); }
    void present() override { glfwSwapBuffers(window_); }

    std::string data_folder(const std::string& chosen_folder) const override {
        const Result<std::string> folder = resolve_data_folder(chosen_folder);
        if (folder.ok()) return folder.value();
        std::fprintf(stderr, "lungguide: %s\n", folder.message_for_person().c_str());
        return {}; // the app then keeps nothing, and says there is no folder for its data
    }

    std::string font_folder() const override { return find_data_path("fonts", "assets/fonts"); }

    std::string content_pack_path() const override { return default_content_pack_path(); }

    double milliseconds_since_process_start() const override {
        const auto elapsed = std::chrono::steady_clock::now() - created_at_;
        return age_at_creation_ms_ + std::chrono::duration<double, std::milli>(elapsed).count();
    }

  private:
    static std::string& last_glfw_error() {
        static std::string message = "GLFW could not start";
        return message;
    }
    static GlfwHost& self(GLFWwindow* window) {
        return *static_cast<GlfwHost*>(glfwGetWindowUserPointer(window));
    }

    void install_callbacks() {
        // Anything that could change what is on screen counts as an event.
        glfwSetCursorPosCallback(
            window_, [](GLFWwindow* window, double, double) { ++self(window).events_; });
        glfwSetMouseButtonCallback(window_, [](GLFWwindow* window, int button, int action, int) {
            ++self(window).events_;
            // The mouse's "back" thumb button is the desktop's back button.
            if (button == GLFW_MOUSE_BUTTON_4 && action == GLFW_PRESS)
                self(window).back_requested_ = true;
        });
        glfwSetScrollCallback(window_,
                              [](GLFWwindow* window, double, double) { ++self(window).events_; });
        glfwSetKeyCallback(window_,
                           [](GLFWwindow* window, int, int, int, int) { ++self(window).events_; });
        glfwSetCharCallback(window_,
                            [](GLFWwindow* window, unsigned int) { ++self(window).events_; });
        glfwSetWindowFocusCallback(window_,
                                   [](GLFWwindow* window, int) { ++self(window).events_; });
        glfwSetCursorEnterCallback(window_,
                                   [](GLFWwindow* window, int) { ++self(window).events_; });
        glfwSetFramebufferSizeCallback(
            window_, [](GLFWwindow* window, int, int) { ++self(window).events_; });
        glfwSetWindowRefreshCallback(window_, [](GLFWwindow* window) { ++self(window).events_; });
        glfwSetWindowContentScaleCallback(
            window_, [](GLFWwindow* window, float, float) { ++self(window).events_; });
    }

    std::chrono::steady_clock::time_point created_at_;
    double age_at_creation_ms_ = 0.0;
    GLFWwindow* window_ = nullptr;
    bool initialised_ = false;
    bool imgui_backend_ = false;
    std::unique_ptr<Renderer> renderer_;
    std::uint64_t events_ = 0;
    bool back_requested_ = false;
    std::mutex glfw_mutex_; // initialised_, read by the speech thread's wake-ups
    std::unique_ptr<SpeechService> speech_;
};

} // namespace

std::unique_ptr<Host> make_glfw_host() {
    return std::make_unique<GlfwHost>();
}

} // namespace lungguide::platform
