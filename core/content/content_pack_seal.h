// The content pack's seal and signature: what the file says of itself, in two meta rows.
//
// The builder ends every pack with two meta rows waiting to be filled in: the seal, 64 '0's,
// and the signature, a blob of 64 zero bytes (as a blob, the row fits in one page of the
// pack, so the bytes that follow the key in the file are its value). The builder seals it
// with the SHA-256 of the file as it is then, with both values blank, and signs that digest
// (content_pack_stamping.h, content_pack_signature.h). Neither row changes the digest, so the
// one pass that reads the file back gives both checks what they need. A pack whose bytes hash
// back to its seal is exactly the file the builder checked in full; its signature says the
// builder was LungGuide's. Hashing the file with the CPU's SHA instructions costs
// milliseconds, where integrity_check and the per-table digest cost seconds on a large pack.
//
// This file reads; the app links no code that writes a pack.
#pragma once

#include "common/result.h"

#include <string>

namespace lungguide {

inline constexpr const char* content_pack_seal_key = "content_file_sha256";
inline constexpr const char* content_pack_signature_key = "content_signature";

// The values before sealing and signing: 64 '0's, and 64 zero bytes.
std::string unsealed_content_pack_value();
std::string unsigned_content_pack_value();

// What a pack file says of itself, read in one pass.
struct ContentPackStamps {
    // Where one stamp's value is in the file: for the builder to fill it in.
    struct Row {
        int count = 0;               // how many times its key is followed by a whole value
        long long value_offset = -1; // where the last one's value starts
        std::string value;           // that value as found
    };
    bool readable = false;
    bool seal_holds = false; // the file holds its seal once, and hashes back to it
    std::string file_digest; // SHA-256 of the file with both values blank (hex)
    std::string signature;   // the one signature row's 64 bytes; "" when not exactly one
    Row seal_row, signature_row;
};
ContentPackStamps read_content_pack_stamps(const std::string& path);

// True when the file at path holds its seal once and hashes back to it.
bool content_pack_seal_holds(const std::string& path);

} // namespace lungguide
