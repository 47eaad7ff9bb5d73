// The browser host: a WebGL 2 canvas (OpenGL ES 3) with touch, mouse and keyboard from
// emscripten's html5.h, the device pixel ratio as the content scale, and the virtual
// file system's folders. The page (site/index.html) owns the canvas; its accessible DOM
// (site/semantics.js) owns the text boxes the person types into.
#pragma once

#include "browser_files.h"
#include "platform.h"

#include <functional>
#include <memory>

namespace lungguide::platform {

// The person's data folder in emscripten's file system, kept in IndexedDB (browser_storage.h).
inline constexpr const char* browser_data_folder = "/data";

class WebHost : public Host {
  public:
    // Called from event callbacks: the main loop must run again (it pauses when idle).
    virtual void set_wake(std::function<void()> wake) = 0;
    // The browser's Back (history popstate) arrives here.
    virtual void request_back() = 0;
    // Files the person keeps: downloads, sharing, printing, the file picker.
    virtual BrowserFiles& files() = 0;
    // Input is waiting for the next frames (a tap's press and release are given to ImGui
    // in separate frames, so a tap never gets lost within one frame).
    virtual bool input_pending() const = 0;
};

std::unique_ptr<WebHost> make_web_host();

} // namespace lungguide::platform
