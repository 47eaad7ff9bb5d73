#include "pack_signing.h"

#include "content/content_pack_seal.h"
#include "content/content_pack_signature.h"
#include "content/content_pack_stamping.h"

#include <sodium.h>

namespace lungguide {

Status sign_content_pack(const std::string& pack_path, const PackSigningKey& key) {
    if (sodium_init() < 0) return Status::failure(Problem::failed, "libsodium could not start");
    const ContentPackStamps stamps = read_content_pack_stamps(pack_path);
    if (!stamps.seal_holds)
        return Status::failure(Problem::invalid_input,
                               pack_path + " is not sealed, or its seal does not hold: not signed");
    const std::string message = content_pack_signed_message(stamps.file_digest);
    std::string signature(crypto_sign_ed25519_BYTES, '\0');
    crypto_sign_ed25519_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                                 reinterpret_cast<const unsigned char*>(message.data()),
                                 message.size(), key.secret.data());
    if (Status written = write_content_pack_signature(pack_path, signature); !written.ok())
        return written;
    if (check_content_pack_signature(read_content_pack_stamps(pack_path), key.public_key) !=
        PackSignature::valid)
        return Status::failure(Problem::failed,
                               "the signature written into " + pack_path + " does not hold");
    return Status::success();
}

} // namespace lungguide
