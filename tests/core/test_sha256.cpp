// SHA-256 against the NIST FIPS 180-4 examples, fed whole and in uneven pieces.
#include "common/sha256.h"

#include <doctest/doctest.h>
#include <string>

using namespace lungguide;

TEST_CASE("SHA-256 gives the NIST example digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 is the same however the input is split") {
    std::string text;
    for (int index = 0; index < 1000; ++index)
        text += static_cast<char>(index * 7 + 3);
    const std::string whole = sha256_hex(text);
    for (std::size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u}) {
        Sha256 hash;
        for (std::size_t at = 0; at < text.size(); at += piece)
            hash.add(text.substr(at, piece));
        CHECK(hash.finish_hex() == whole);
    }
}

TEST_CASE("fields are length-prefixed, so moving a boundary changes the digest") {
    Sha256 first, second;
    first.add_field("ab");
    first.add_field("c");
    second.add_field("a");
    second.add_field("bc");
    CHECK(first.finish_hex() != second.finish_hex());
}

namespace {
std::string digest_with(Sha256::Engine engine, const std::string& text) {
    Sha256 hash(engine);
    hash.add(text);
    return hash.finish_hex();
}
} // namespace

TEST_CASE("the CPU's SHA instructions and the portable rounds give the same digests") {
    const std::string engine =
        Sha256::has_hardware_engine() ? "the CPU's SHA instructions" : "portable C++";
    MESSAGE("this machine's SHA-256 uses " << engine);
    CHECK(digest_with(Sha256::Engine::portable, "abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest_with(Sha256::Engine::portable, std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Every length up to eight blocks and some long ones, of bytes that are not text.
    std::uint32_t seed = 12345;
    std::string text;
    for (std::size_t length = 0; length <= 70000; length += (length < 520 ? 1 : 4099)) {
        while (text.size() < length) {
            seed = seed * 1664525u + 1013904223u;
            text += static_cast<char>(seed >> 24);
        }
        const std::string part = text.substr(0, length);
        REQUIRE(digest_with(Sha256::Engine::fastest, part) ==
                digest_with(Sha256::Engine::portable, part));
    }
}
