// Compiles a Guide into the read-only SQLite content pack (see content_pack.h).
#pragma once

#include "common/result.h"
#include "content/guide.h"

#include <string>

namespace lungguide {

// Writes the pack to output_path (replacing it). The same Guide always gives the same
// bytes: rows go in a fixed order and nothing time-dependent is stored.
// The dictionary_words table is left empty: the builder fills it (store_dictionary_words).
Status build_content_pack(const Guide& guide, const std::string& output_path);

// The last step of every change to a pack file, once it is closed: opens it with the full
// checks (integrity_check and the per-table digest), then seals it (content_pack_seal.h).
// The pack builder then signs it (tools/pack_builder/pack_signing.h).
Status check_and_seal_content_pack(const std::string& path);

} // namespace lungguide
