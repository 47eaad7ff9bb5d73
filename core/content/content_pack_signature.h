// The content pack's signature: Ed25519 (libsodium) over the pack's whole-file SHA-256.
//
// The seal (content_pack_seal.h) tells an intact pack from a damaged one, but anyone can
// recompute it, and the per-table digests too, after changing the text. The signature can
// only be made with the private key of the pack builder, which never enters the repository;
// every program checks it with the public key compiled in (cmake/pack_signing.cmake). So a
// pack whose text was changed is refused whatever digests it carries, and an intact one is
// the file LungGuide's builder checked against the page.
#pragma once

#include "content/content_pack_seal.h"

#include <array>
#include <cstdint>
#include <string>

namespace lungguide {

using PackPublicKey = std::array<std::uint8_t, 32>;

// The key this build's programs trust: the public half of the key that signed its pack.
const PackPublicKey& trusted_pack_public_key();

// What is signed: a fixed label, so the signature can't be taken for another's, then the
// pack's whole-file SHA-256 (ContentPackStamps::file_digest).
std::string content_pack_signed_message(const std::string& file_digest);

enum class PackSignature {
    valid,    // made by the holder of the key, for exactly these bytes
    missing,  // no signature row, more than one, or one never filled in
    not_valid // another key's, or for other bytes
};

PackSignature check_content_pack_signature(const ContentPackStamps& stamps,
                                           const PackPublicKey& key);

} // namespace lungguide
