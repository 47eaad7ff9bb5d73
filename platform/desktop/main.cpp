// LungGuide on desktop Linux (and any GLFW platform): the GLFW host, the command line,
// and what to do when there is no display.
//
// Index
//   GlfwHost        window + GL context (gl3: GLX/desktop GL 3.3, es3: EGL/GLES 3.0),
//                   events with a counter for the power-aware loop, DPI, folders
//   no_display_help what to tell a person on a server
//   main            options, then platform::run()
#include "platform.h"
#include "renderers.h"
#include "runner.h"

#include "content_pack.h"
#include "user_data_dir.h"

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lungguide::platform {

namespace {

std::string executable_folder() {
    std::error_code error;
    auto path = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string(".") : path.parent_path().string();
}

// How long ago the process started, from /proc (counts the dynamic loader too).
double process_age_milliseconds_now() {
    std::ifstream stat_file("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat_file)),
                        std::istreambuf_iterator<char>());
    const auto close_paren = content.rfind(')');
    if (close_paren == std::string::npos) return 0.0;
    std::istringstream fields(content.substr(close_paren + 2));
    std::string field;
    // Field 3 is the state; starttime is field 22.
    for (int index = 3; index <= 22 && fields >> field; ++index) {
    }
    const double start_seconds = std::strtod(field.c_str(), nullptr) / sysconf(_SC_CLK_TCK);
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double now_seconds = boot.tv_sec + boot.tv_nsec / 1e9;
    return std::max(0.0, (now_seconds - start_seconds) * 1000.0);
}

class GlfwHost : public Host {
  public:
    GlfwHost()
        : created_at_(std::chrono::steady_clock::now()),
          age_at_creation_ms_(process_age_milliseconds_now()) {}
    ~GlfwHost() override { destroy_surface(); }

    bool create_surface(const SurfaceRequest& request, std::string& error) override {
        glfwSetErrorCallback([](int, const char* description) { last_glfw_error() = description; });
        if (!glfwInit()) {
            error = "No display: " + last_glfw_error();
            return false;
        }
        initialised_ = true;
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

    void new_frame() override { ImGui_ImplGlfw_NewFrame(); }
    void present() override { glfwSwapBuffers(window_); }

    std::string storage_folder(const std::string& explicit_folder) const override {
        return resolve_user_data_dir(explicit_folder);
    }

    std::string font_folder() const override {
        const std::string beside = executable_folder() + "/assets/fonts";
        if (std::filesystem::exists(beside + "/NotoSans-Regular.ttf")) return beside;
        const std::string installed = executable_folder() + "/../share/lungguide/fonts";
        if (std::filesystem::exists(installed + "/NotoSans-Regular.ttf")) return installed;
        return beside;
    }

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
};

// On a server there is no screen: say so, and point at what works without one.
void print_no_display_help(const std::string& reason) {
    const std::string folder = executable_folder();
    std::fprintf(stderr,
                 "LungGuide could not open a window (%s).\n"
                 "This computer seems to have no display, which is normal on a server.\n\n"
                 "You can still read the whole guide in the terminal:\n"
                 "  %s/lungguide-cli list classes\n"
                 "  %s/lungguide-cli show class egfr\n"
                 "  %s/lungguide-cli export --format markdown > lungguide.md\n\n"
                 "Or render the app's screens to pictures with a virtual display:\n"
                 "  xvfb-run -s '-screen 0 1280x800x24' %s/lungguide --screenshot home.png --size "
                 "1280x800 --route home\n",
                 reason.c_str(), folder.c_str(), folder.c_str(), folder.c_str(), folder.c_str());
}

bool parse_size(const std::string& text, int& width, int& height) {
    return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 200 &&
           height >= 200 && width <= 8192 && height <= 8192;
}

} // namespace

} // namespace lungguide::platform

int main(int argc, char** argv) {
    using namespace lungguide::platform;
    RunOptions options;
    std::string size = "1024x768";
    std::string theme;
    float text_scale = 0.0f;

    CLI::App cli{
        "LungGuide: targeted drug therapy for non-small cell lung cancer, to read offline."};
    cli.add_option("--route", options.route,
                   "Open this screen: home, class/egfr, drug/osimertinib, "
                   "search?q=tired, bookmarks, settings, about");
    cli.add_option("--gl", options.renderer,
                   "Renderer: gl3 (desktop OpenGL 3.3) or es3 (OpenGL ES 3)")
        ->check(CLI::IsMember({"gl3", "es3"}));
    cli.add_option("--theme", theme, "light, dark or high-contrast")
        ->check(CLI::IsMember({"light", "dark", "high-contrast"}));
    cli.add_option("--text-scale", text_scale, "Text size, 1.0 to 2.5")
        ->check(CLI::Range(1.0f, 2.5f));
    cli.add_option("--data-dir", options.data_folder, "Folder for bookmarks, notes and settings");
    cli.add_option("--pack", options.pack_path, "The content pack (lungguide-content.db)");
    cli.add_option("--size", size, "Window size in pixels, e.g. 768x1024");
    cli.add_option("--screenshot", options.screenshot_path,
                   "Render the route to this PNG file and exit");
    cli.add_option("--exit-after", options.exit_after_seconds, "Quit after this many seconds");
    cli.add_option("--stats", options.stats_path, "Write frame statistics (JSON) here at exit");
    cli.add_option("--bench-frames", options.bench_frames,
                   "Also draw this many frames back to back, timing CPU");
    CLI11_PARSE(cli, argc, argv);

    if (!parse_size(size, options.width, options.height)) {
        std::fprintf(stderr, "lungguide: --size must look like 768x1024\n");
        return 64;
    }
    if (!theme.empty()) options.theme = theme;
    if (text_scale > 0.0f) options.text_scale = text_scale;
    options.text_reader_hint = "Without a screen, the text reader " + executable_folder() +
                               "/lungguide-cli shows the same guide in a terminal.";

    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        print_no_display_help("no DISPLAY or WAYLAND_DISPLAY is set");
        // Interactive use: not a failure, there is simply no screen. A script asking for a
        // screenshot or stats did not get them, so it hears about it.
        return options.screenshot_path.empty() && options.stats_path.empty() ? 0 : 69;
    }
    GlfwHost host;
    const int code = run(host, options);
    if (code == 3) {
        print_no_display_help("the window or its GL context could not be created");
        return options.screenshot_path.empty() && options.stats_path.empty() ? 0 : 69;
    }
    return code;
}
