// The read-only content pack: one SQLite file compiled from assets/content at build time.
//
// open_content_pack() checks the file before trusting it (exists, is a regular file, is
// SQLite, is byte for byte the file LungGuide's pack builder sealed and signed, has our schema
// version), loads the whole Guide and search's dictionary words into memory and closes the
// file: the pack is small, and the UI then never waits on disk while drawing. The seal and
// the signature (content_pack_seal.h, content_pack_signature.h) cost a hash of the file and
// one signature check; a pack they do not vouch for is refused, after integrity_check and the
// per-table digest (content_pack_digest.h) have said whether it is damaged, of another
// version, or changed.
#pragma once

#include "common/result.h"
#include "content/content_pack_signature.h"
#include "content/guide.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lungguide {

// Bumped whenever the pack's tables change shape; a pack of another version is refused.
constexpr int content_pack_schema_version = 3;

class ContentPack {
  public:
    ContentPack(const ContentPack&) = delete;
    ContentPack& operator=(const ContentPack&) = delete;

    const Guide& guide() const { return guide_; }
    const std::string& path() const { return path_; }
    // The real words search must never correct, sorted (content_pack_dictionary.h). Read
    // with the Guide when the pack opens (the file is closed once it is open) and kept in
    // their compact front coding; each call decodes them, for search to keep.
    std::vector<std::string> dictionary_words() const;
    // The same words one at a time, without a list of them all.
    void visit_dictionary_words(const std::function<void(std::string_view)>& visit) const;
    // The digest the builder recorded of every table (content_pack_digest.h): what names
    // this pack's content. Empty for a pack without one.
    const std::string& digest() const { return digest_; }

  private:
    friend struct ContentPackOpener;
    ContentPack() = default;
    std::string path_;
    Guide guide_;
    std::string dictionary_front_coded_;
    std::string digest_;
};

// On failure the message is a sentence a person can read: the pack is missing
// (Problem::not_found), is not a pack or not of this version (invalid_input), or is damaged,
// was changed since it was built, or is not signed with the key this build trusts (damaged).
Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path);
// The same, trusting another key than the compiled-in one (tests, benchmarks).
Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path,
                                                       const PackPublicKey& key);

// The pack builder's own check of a pack it has just written, before it signs it: every check
// open_content_pack() makes but the seal and the signature (integrity_check, the schema
// version, every table's digest, the whole Guide read). It gives no pack to show.
Status check_unsigned_content_pack(const std::string& path);

// Where the pack is looked for when no path is given: $LUNGGUIDE_PACK, then the installed
// ../share/lungguide/ relative to the running program, then beside it (the build tree).
std::string default_content_pack_path();

} // namespace lungguide
