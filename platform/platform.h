// The platform seam: everything the app needs from a device, behind two small interfaces.
//
// Host     window/surface, events, DPI, data folder, asset location, back button,
//          clock, soft keyboard, safe area. One implementation per target:
//          platform/desktop/ (GLFW) and platform/web/ (the browser, emscripten); an
//          Android native activity (EGL + GLES3) or iOS would add one folder beside them.
// Renderer the GPU side of Dear ImGui: desktop OpenGL 3, OpenGL ES 3 or WebGL 2.
// runner.h's Runner drives both; the host owns the loop and calls Runner::frame().
//
// The lifecycle a host reports to its Runner (docs/app.md has the Android and iOS mapping):
//   pause / resume     the app leaves or returns to the screen (Android onPause, iOS
//                      sceneWillResignActive, a hidden browser tab, a desktop window
//                      closing). On pause the App saves drafts and settings at once:
//                      a mobile OS may kill a paused app without another word.
//   surface lost /     the GL surface or context goes away and comes back (Android
//   surface regained   destroys its EGL surface on pause; WebGL loses its context under
//                      memory pressure). The Runner releases GL objects on loss and
//                      recreates them, font texture included, on the new surface.
//   soft keyboard      when a text field wants input (ImGui's io.WantTextInput) the Runner
//                      asks the host to show the on-screen keyboard, and to hide it after.
//   safe area          notches, rounded corners and home indicators: the host reports
//                      insets and the App keeps everything tappable inside them.
//   files              how a file the person keeps is handed over (ui/device_files.h):
//                      a desktop saves into folders; a browser downloads, shares or
//                      prints, and never shows a folder or a path.
//   speech             reading aloud (speech_service.h): the Runner passes the App's
//                      requests to the host's SpeechService and its events back.
//
// The clipboard reaches the UI through ImGui's io.SetClipboardTextFn, which each host's
// ImGui platform backend installs.
#pragma once

#include "device_files.h"
#include "speech_service.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lungguide::platform {

class Renderer {
  public:
    virtual ~Renderer() = default;
    virtual const char* name() const = 0; // "gl3" | "es3" | "webgl2"
    // Call with the context current.
    virtual bool init(std::string& error) = 0;
    virtual void shutdown() = 0;
    virtual void new_frame() = 0;
    virtual void clear(int width, int height, const ImVec4& colour) = 0;
    virtual void render(ImDrawData* draw_data) = 0;
    // After the UI rebuilt the font atlas (text size changed).
    virtual bool recreate_font_texture() = 0;
    // RGBA, top row first.
    virtual bool read_pixels(int width, int height, std::vector<unsigned char>& rgba) = 0;
    // GL_VERSION and GL_RENDERER, for logs and stats.
    virtual std::string describe() const = 0;
};

// Insets from each edge of the surface that the system covers, in framebuffer pixels.
struct SafeArea {
    float left = 0.0f;
    float top = 0.0f;
    float right = 0.0f;
    float bottom = 0.0f;
};

struct SurfaceRequest {
    int width = 1024;
    int height = 768;
    bool visible = true;  // false for --screenshot (nothing flashes on screen)
    std::string renderer; // "gl3" | "es3" (desktop), "webgl2" (the browser)
    std::string title = "LungGuide";
    // Called by create_surface() once the window and GL context exist, just before the ImGui
    // platform backend starts, if there is no ImGui context yet: the Runner creates it here,
    // after its start-up worker is done with ImGui's allocator (the font atlas).
    std::function<void()> before_imgui;
};

class Host {
  public:
    virtual ~Host() = default;

    // Window and surface, with a current GL context and the ImGui platform backend (after
    // request.before_imgui, if given).
    virtual bool create_surface(const SurfaceRequest& request, std::string& error) = 0;
    virtual void destroy_surface() = 0;
    virtual Renderer& renderer() = 0;
    virtual void framebuffer_size(int& width, int& height) const = 0;
    virtual float content_scale() const = 0; // DPI: 1.0 = 96 dpi desktop, 2.0 = "retina"

    // Events. Every input, resize or expose bumps event_count(), so the loop knows
    // whether anything happened while it slept.
    virtual void wait_events() = 0;
    virtual void wait_events_timeout(double seconds) = 0;
    virtual void poll_events() = 0;
    virtual std::uint64_t event_count() const = 0;
    virtual bool should_close() const = 0;
    // The mobile back button (Android) or gesture; desktop maps the mouse's back button.
    virtual bool take_back_request() = 0;

    // Lifecycle services (defaults: a desktop has no soft keyboard and no notch).
    // Show (true) or hide (false) the on-screen keyboard.
    virtual void set_text_input(bool wanted) { (void)wanted; }
    virtual SafeArea safe_area() const { return {}; }
    // Files the person keeps, and whether their data is kept. The default is a desktop's:
    // folders, named and shown with their paths.
    virtual ui::DeviceFiles device_files() { return {}; }
    // Reading aloud; nullptr where the platform has no engine (the app then says so).
    virtual SpeechService* speech() { return nullptr; }

    // Per frame: feeds ImGui's io (size, mouse, keys, time) from the platform.
    virtual void new_frame() = 0;
    virtual void present() = 0;

    // The person's data folder (the one given, else the platform's own), and the assets.
    virtual std::string data_folder(const std::string& chosen_folder) const = 0;
    virtual std::string font_folder() const = 0;
    virtual std::string content_pack_path() const = 0;

    // Milliseconds since the process started (for first_frame_ms).
    virtual double milliseconds_since_process_start() const = 0;
};

} // namespace lungguide::platform
