// Writing a content pack's stamps, the builder's last steps: the per-table digest
// (content_pack_digest.h), the seal and the signature (content_pack_seal.h). Apart from the
// readers so that the app, which only checks stamps, links no code that writes a pack
// (tests/CMakeLists.txt: programs_link_no_pack_writers).
#pragma once

#include "common/result.h"

#include <string>

struct sqlite3;

namespace lungguide {

// Records the digest of the pack as it is now, replacing one recorded before: the last step
// of building, and again after any later step that adds to a table (search's dictionary
// words). Also adds the blank seal and signature rows, filled in below once the file is
// closed.
Status record_content_pack_digest(sqlite3* database);

// Writes the seal into a closed pack that holds the unsealed row once (the builder's last
// step). Problem::invalid_input when the pack has no such row or more than one.
Status seal_content_pack(const std::string& path);

// Writes a 64-byte signature into the one unsigned signature row of a sealed pack.
// Problem::invalid_input when the seal does not hold, or there is not exactly one such row.
Status write_content_pack_signature(const std::string& path, const std::string& signature);

} // namespace lungguide
