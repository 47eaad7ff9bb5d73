// Signing the content pack: the pack builder's last step, after the pack is sealed.
// Only the pack builder (and the tests and benchmarks that make packs) link this; the app and
// the CLI only check signatures (core/content/content_pack_signature.h).
#pragma once

#include "common/result.h"
#include "pack_signing_key.h"

#include <string>

namespace lungguide {

// Signs the sealed pack at pack_path with key, in place, and checks the signature back.
// Problem::invalid_input when the pack is not sealed, or was signed already.
Status sign_content_pack(const std::string& pack_path, const PackSigningKey& key);

} // namespace lungguide
