// The content pack's tamper evidence: a SHA-256 of every table's content and of the schema.
//
// The pack builder records the digests in meta under content_pack_digest_key
// (content_pack_stamping.h); the loader recomputes them at open and refuses a pack whose text
// differs from what was built. SQLite keeps no checksums of its own, so without this a
// flipped byte in a sentence would be shown as the page's own text.
#pragma once

#include "common/result.h"

#include <string>

struct sqlite3;

namespace lungguide {

inline constexpr const char* content_pack_digest_key = "content_sha256";

// One line per table, "name sha256hex\n", sorted by name; "sqlite_schema" is the schema.
// The meta rows holding the digest, the seal and the signature are left out of the meta
// table's own digest. On failure, what could not be read (Problem::damaged).
Result<std::string> compute_content_pack_digest(sqlite3* database);

// The digest the builder recorded in meta, or "" when there is none.
std::string recorded_content_pack_digest(sqlite3* database);

// The first table whose line differs between two digests ("" when they are equal).
std::string first_differing_table(const std::string& recorded, const std::string& computed);

} // namespace lungguide
