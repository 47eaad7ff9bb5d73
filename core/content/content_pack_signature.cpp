#include "content/content_pack_signature.h"

// The generated public key of this build: LUNGGUIDE_PACK_PUBLIC_KEY (cmake/pack_signing.cmake).
#include "pack_public_key.h"

// Only the Ed25519 part of libsodium: verifying needs no sodium_init(), which seeds the random
// generator and picks implementations of other primitives, and the browser build compiles just
// these sources from Debian's libsodium (platform/web/CMakeLists.txt).
#include <sodium/crypto_sign_ed25519.h>

namespace lungguide {

const PackPublicKey& trusted_pack_public_key() {
    static const PackPublicKey key = LUNGGUIDE_PACK_PUBLIC_KEY;
    return key;
}

std::string content_pack_signed_message(const std::string& file_digest) {
    return "LungGuide content pack, SHA-256 of the file: " + file_digest;
}

PackSignature check_content_pack_signature(const ContentPackStamps& stamps,
                                           const PackPublicKey& key) {
    if (!stamps.readable || stamps.signature.size() != crypto_sign_ed25519_BYTES ||
        stamps.signature == unsigned_content_pack_value())
        return PackSignature::missing;
    const std::string message = content_pack_signed_message(stamps.file_digest);
    const int verified = crypto_sign_ed25519_verify_detached(
        reinterpret_cast<const unsigned char*>(stamps.signature.data()),
        reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data());
    return verified == 0 ? PackSignature::valid : PackSignature::not_valid;
}

} // namespace lungguide
