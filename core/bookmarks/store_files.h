// The files of a user store in its folder: the store, its -wal and -shm, and the damaged
// stores kept aside. Internal to core/bookmarks.
#pragma once

#include "common/time_text.h"

#include <optional>
#include <string>
#include <sys/types.h>

namespace lungguide::store_files {

// "file:" and the path percent-encoded (a "?" or "#" in a folder name would otherwise end
// it), then "?query" when one is given: an SQLite URI filename.
std::string sqlite_uri(const std::string& path, const std::string& query = "");

// The folder with every link and "." or ".." resolved (realpath). SQLite's NOFOLLOW refuses
// a link anywhere in a path, and people's home or data folders often sit behind one; only
// the store's own files must not be links. "" when it does not exist.
std::string real_folder(const std::string& folder);

// An advisory lock on the folder (flock on the folder itself: no lock file), held while a
// store is opened, created, migrated, checked or salvaged, so that two LungGuides never do
// those at once. Waits up to wait_ms. Where the system has no such locks, held() is true and
// nothing is locked (a browser tab is one process).
class FolderLock {
  public:
    FolderLock(const std::string& folder, bool exclusive, int wait_ms);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    bool held() const { return held_; }

  private:
    int descriptor_ = -1;
    bool held_ = false;
};

// Which file a path names now (lstat): to tell that a store was replaced under us.
struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity& other) const {
        return device == other.device && inode == other.inode;
    }
};
std::optional<FileIdentity> identity_of(const std::string& path);

// A whole regular file, never through a link. False when it can't be read; a missing file
// reads as "" and true.
bool read_whole_file(const std::string& path, std::string& bytes);

// Makes the folder's entries (a rename, a new name) durable.
void sync_folder(const std::string& folder);

bool file_exists(const std::string& path);

// "20240827T101500Z": the time, as it goes into a kept-aside file's name (common/time_text.h).
using lungguide::compact_timestamp_now;

// The name a damaged store is kept under: "lungguide-user.damaged-<stamp>[-N].sqlite".
constexpr const char* damaged_name_prefix = "lungguide-user.damaged-";

} // namespace lungguide::store_files
