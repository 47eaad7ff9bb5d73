#include "pack_signing_key.h"

#include "common/file_text.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace lungguide {

PackSigningKey::~PackSigningKey() {
    sodium_memzero(secret.data(), secret.size());
}

Result<PackSigningKey> pack_signing_key_from_hex(std::string hex) {
    if (sodium_init() < 0) return Status::failure(Problem::failed, "libsodium could not start");
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' '))
        hex.pop_back();
    std::array<unsigned char, crypto_sign_ed25519_SEEDBYTES> seed{};
    std::size_t length = 0;
    const bool decoded = hex.size() == 2 * seed.size() &&
                         sodium_hex2bin(seed.data(), seed.size(), hex.data(), hex.size(), nullptr,
                                        &length, nullptr) == 0 &&
                         length == seed.size();
    sodium_memzero(hex.data(), hex.size());
    if (!decoded)
        return Status::failure(Problem::invalid_input,
                               "not a pack signing key: it must hold 64 hex digits (an Ed25519 "
                               "seed) and a line end");
    PackSigningKey key;
    crypto_sign_ed25519_seed_keypair(key.public_key.data(), key.secret.data(), seed.data());
    sodium_memzero(seed.data(), seed.size());
    return key;
}

Result<PackSigningKey> read_pack_signing_key(const std::string& path) {
    Result<std::string> text = read_file_text(path);
    if (!text.ok())
        return Status::failure(text.problem(), "cannot read the pack signing key " + path + ": " +
                                                   text.message_for_person());
    Result<PackSigningKey> key = pack_signing_key_from_hex(std::move(text.value()));
    if (!key.ok()) return Status::failure(key.problem(), path + " is " + key.message_for_person());
    return key;
}

Status make_pack_signing_key(const std::string& path) {
    if (sodium_init() < 0) return Status::failure(Problem::failed, "libsodium could not start");
    std::array<unsigned char, crypto_sign_ed25519_SEEDBYTES> seed{};
    randombytes_buf(seed.data(), seed.size());
    std::array<char, 2 * crypto_sign_ed25519_SEEDBYTES + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), seed.data(), seed.size());
    sodium_memzero(seed.data(), seed.size());
    std::string line(hex.data());
    line += '\n';
    sodium_memzero(hex.data(), hex.size());
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (file < 0)
        return Status::failure(Problem::failed, "cannot make the pack signing key " + path + ": " +
                                                    std::strerror(errno));
    const bool written =
        ::write(file, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(file) == 0;
    ::close(file);
    sodium_memzero(line.data(), line.size());
    if (!written) {
        ::unlink(path.c_str());
        return Status::failure(Problem::failed, "cannot write the pack signing key " + path);
    }
    return Status::success();
}

} // namespace lungguide
