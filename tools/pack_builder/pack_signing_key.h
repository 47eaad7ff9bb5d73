// The content pack's signing key: an Ed25519 key kept in a file outside the repository.
//
// The file holds the key's 32-byte seed (RFC 8032's private key) as 64 hex digits, then a
// line end; readable by its owner only. Where the build takes it from: cmake/pack_signing.cmake.
#pragma once

#include "common/result.h"
#include "content/content_pack_signature.h"

#include <array>
#include <string>

namespace lungguide {

struct PackSigningKey {
    std::array<unsigned char, 64> secret{}; // libsodium's form: the seed, then the public key
    PackPublicKey public_key{};
    PackSigningKey() = default;
    PackSigningKey(const PackSigningKey& other) = default;
    PackSigningKey& operator=(const PackSigningKey& other) = default;
    ~PackSigningKey(); // wipes the secret
};

// The key in the file at path; on failure, what is wrong with the file.
Result<PackSigningKey> read_pack_signing_key(const std::string& path);

// The key whose seed is these 64 hex digits (a key file's text, line end and all).
Result<PackSigningKey> pack_signing_key_from_hex(std::string hex);

// Makes a new random key in a new file at path (mode 0600), never replacing one.
Status make_pack_signing_key(const std::string& path);

} // namespace lungguide
