// The read-only content pack: one SQLite file compiled from assets/content at build time.
//
// open_content_pack() checks the file before trusting it (exists, is a regular file, is
// SQLite, passes integrity_check, has our schema version, and every table matches the
// SHA-256 digest the builder recorded: see content_pack_digest.h) and loads the whole Guide into
// memory: the pack is small, and the UI then never waits on disk while drawing. A pack whose
// whole-file seal holds skips the two slow checks: it is the file the builder checked in
// full (content_pack_seal.h).
#pragma once

#include "common/result.h"
#include "content/guide.h"

#include <memory>
#include <string>

struct sqlite3;

namespace lungguide {

// Bumped whenever the pack's tables change shape; a pack of another version is refused.
constexpr int content_pack_schema_version = 2;

class ContentPack {
  public:
    ~ContentPack();
    ContentPack(const ContentPack&) = delete;
    ContentPack& operator=(const ContentPack&) = delete;

    const Guide& guide() const { return guide_; }
    const std::string& path() const { return path_; }
    // The open, read-only database, from which search reads its dictionary words (on the
    // thread that builds the index: SQLite serializes a connection's use).
    sqlite3* database() const { return database_; }

  private:
    friend struct ContentPackOpener;
    ContentPack() = default;
    std::string path_;
    sqlite3* database_ = nullptr;
    Guide guide_;
};

// On failure the message is a sentence a person can read: the pack is missing
// (Problem::not_found), is not a pack or not of this version (invalid_input), or is damaged
// or was changed since it was built (damaged).
Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path);

// Where the pack is looked for when no path is given: $LUNGGUIDE_PACK, then the installed
// ../share/lungguide/ relative to the running program, then beside it (the build tree).
std::string default_content_pack_path();

} // namespace lungguide
