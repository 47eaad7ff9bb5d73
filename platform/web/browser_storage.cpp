#include "browser_storage.h"

#include <emscripten.h>

#include <filesystem>
#include <system_error>

namespace lungguide::platform {

BrowserStorage::BrowserStorage(std::string folder) : folder_(std::move(folder)) {}

void BrowserStorage::mount() {
    EM_ASM(
        {
            const folder = UTF8ToString($0);
            FS.mkdir(folder);
            FS.mount(IDBFS, {}, folder);
            // A page kept in the back/forward cache (Safari, WebKit) must not keep its
            // IndexedDB connection: the next page of the app would wait for it forever.
            // Closing lets any copy under way finish first; the next copy opens it again.
            window.addEventListener(
                'pagehide', function() {
                    for (const name in IDBFS.dbs) {
                        try {
                            IDBFS.dbs[name].close();
                        } catch (error) {
                        }
                    }
                    IDBFS.dbs = {};
                });
            Module.lungguideStorageReady = false;
            FS.syncfs(
                true, function(error) {
                    if (error) console.error('LungGuide: could not load saved data', error);
                    Module.lungguideStorageReady = true;
                    if (Module.lungguideWake) Module.lungguideWake();
                });
            // One copy to IndexedDB at a time; a change during a copy starts another after
            // it. announce: the bookmarks changed, so the person is told once it is saved.
            Module.lungguideSync = function(announce) {
                Module.lungguideAnnounce = Module.lungguideAnnounce || !!announce;
                if (Module.lungguideSyncing) {
                    Module.lungguideSyncAgain = true;
                    return;
                }
                Module.lungguideSyncing = true;
                Module.lungguideSaveStatus('saving', Module.lungguideAnnounce);
                FS.syncfs(
                    false, function(error) {
                        Module.lungguideSyncing = false;
                        if (Module.lungguideSyncAgain) {
                            Module.lungguideSyncAgain = false;
                            Module.lungguideSync(0);
                            return;
                        }
                        Module.lungguideSaveStatus(error ? 'failed' : 'saved',
                                                   Module.lungguideAnnounce || !!error);
                        Module.lungguideAnnounce = false;
                    });
            };
        },
        folder_.c_str());
}

bool BrowserStorage::ready() const {
    return EM_ASM_INT({ return Module.lungguideStorageReady ? 1 : 0; }) != 0;
}

// Sizes and modification times of every file: changes whenever SQLite wrote something.
std::uint64_t BrowserStorage::signature() const {
    std::uint64_t signature = 1469598103934665603ull;
    std::error_code error;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder_, error)) {
        std::error_code ignored;
        const auto size = entry.is_regular_file(ignored) ? entry.file_size(ignored) : 0;
        const auto time = entry.last_write_time(ignored).time_since_epoch().count();
        for (const std::uint64_t value :
             {static_cast<std::uint64_t>(size), static_cast<std::uint64_t>(time),
              static_cast<std::uint64_t>(std::hash<std::string>{}(entry.path().string()))})
            signature = (signature ^ value) * 1099511628211ull;
    }
    return signature;
}

void BrowserStorage::after_frame(const std::function<std::uint64_t()>& bookmarks_state) {
    const std::uint64_t now = signature();
    if (synced_signature_ == 0) {
        synced_signature_ = now; // what was loaded is already in IndexedDB
        bookmarks_state_ = bookmarks_state();
        bookmarks_known_ = true;
        return;
    }
    if (now == synced_signature_) return;
    synced_signature_ = now;
    const std::uint64_t state = bookmarks_state();
    const bool announce = !bookmarks_known_ || state != bookmarks_state_;
    bookmarks_state_ = state;
    bookmarks_known_ = true;
    EM_ASM({ Module.lungguideSync($0); }, announce ? 1 : 0);
}

void BrowserStorage::sync_now() {
    synced_signature_ = signature();
    EM_ASM({ Module.lungguideSync(0); });
}

} // namespace lungguide::platform
