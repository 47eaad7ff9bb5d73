// SHA-256 (FIPS 180-4), small and self-contained.
//
// Used to make the content pack tamper-evident and to checksum each bookmark row. Ours
// rather than a library's (OpenSSL's libcrypto, nettle; docs/bookmarks.md weighs them): the
// core also builds for the web (Emscripten), where neither is at hand, and about 200 lines
// (the portable rounds and the SHA-NI ones), tested against the NIST vectors, cost less than
// a dependency on every platform and ran faster than nettle here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace lungguide {

class Sha256 {
  public:
    // portable: the plain C++ rounds. fastest: the CPU's SHA instructions where it has them
    // (x86 SHA-NI), else portable. Both give the same digest; tests compare them.
    enum class Engine { portable, fastest };
    explicit Sha256(Engine engine = Engine::fastest);
    // Whether Engine::fastest uses the CPU's SHA instructions on this machine.
    static bool has_hardware_engine();
    void add(const void* data, std::size_t size);
    void add(const std::string& text) { add(text.data(), text.size()); }
    // Adds the length first, then the bytes, so ("ab","c") and ("a","bc") differ.
    void add_field(const std::string& text);
    // The digest; the object is spent afterwards.
    std::array<std::uint8_t, 32> finish();
    // The digest as 64 lower-case hex digits.
    std::string finish_hex();

  private:
    void compress(const std::uint8_t* blocks, std::size_t count);
    void compress_portable(const std::uint8_t* block);
    bool hardware_ = false;
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// SHA-256 of text, as 64 lower-case hex digits.
std::string sha256_hex(const std::string& text);

} // namespace lungguide
