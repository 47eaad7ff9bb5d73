// The person's data folder in the browser: emscripten's IDBFS keeps /data in IndexedDB.
// The app writes SQLite into memory as on any disk; after each frame that changed a
// file, the folder is copied to IndexedDB in one transaction, and only when that
// transaction has completed does the page say "Saved on this device" (data-state="saved"
// on #save-status). A reload, or the browser process being killed after that, keeps it.
#pragma once

#include <cstdint>
#include <string>

namespace lungguide::platform {

class BrowserStorage {
  public:
    explicit BrowserStorage(std::string folder);
    // Mounts the folder and starts loading it from IndexedDB (asynchronous).
    void mount();
    // Loaded: the app may open its store now.
    bool ready() const;
    // After each frame: if any file in the folder changed, copy it to IndexedDB.
    void after_frame();
    // Now, whether or not anything seems changed (the tab is being hidden).
    void sync_now();

  private:
    std::uint64_t signature() const;
    std::string folder_;
    std::uint64_t synced_signature_ = 0;
};

} // namespace lungguide::platform
