// The content pack's seal: a SHA-256 of the whole file, recorded inside it.
//
// The builder ends every pack with a meta row whose value is 64 '0's, and seal_content_pack()
// replaces them with the SHA-256 of the file as it is then (with the '0's in place). A pack
// whose bytes hash back to its seal is exactly the file the builder checked in full, so
// open_content_pack() may skip integrity_check and the per-table digest, which on a large pack
// cost seconds: hashing the file with the CPU's SHA instructions costs milliseconds. A pack
// without a seal, or whose seal does not hold, gets the full checks, as before.
#pragma once

#include "common/result.h"

#include <string>

namespace lungguide {

inline constexpr const char* content_pack_seal_key = "content_file_sha256";

// The seal's value before sealing: 64 '0's.
std::string unsealed_content_pack_value();

// Writes the seal into a closed pack that holds the unsealed row once (the builder's last
// step). Problem::invalid_input when the pack has no such row or more than one.
Status seal_content_pack(const std::string& path);

// True when the file at path holds its seal once and hashes back to it.
bool content_pack_seal_holds(const std::string& path);

} // namespace lungguide
