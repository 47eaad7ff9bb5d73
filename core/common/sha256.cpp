#include "common/sha256.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LUNGGUIDE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace lungguide {
namespace {

constexpr std::uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotate_right(std::uint32_t value, int bits) {
    return (value >> bits) | (value << (32 - bits));
}

#ifdef LUNGGUIDE_SHA_NI
// CPUID leaf 7 EBX bit 29 (SHA), leaf 1 ECX bits 19 (SSE4.1) and 9 (SSSE3).
bool cpu_has_sha_ni() {
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const bool sse = (ecx & (1u << 19)) && (ecx & (1u << 9));
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return sse && (ebx & (1u << 29));
}

// The 64 rounds with SHA-NI, four at a time. The state is kept as ABEF and CDGH, the
// order sha256rnds2 works in; each group of four message words after the first four is
// made from the previous four groups with sha256msg1/msg2.
__attribute__((target("sha,sse4.1,ssse3"))) void
compress_with_sha_ni(std::uint32_t state[8], const std::uint8_t* blocks, std::size_t count) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
    __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
    dcba = _mm_shuffle_epi32(dcba, 0xB1);             // CDAB
    hgfe = _mm_shuffle_epi32(hgfe, 0x1B);             // EFGH
    __m128i abef = _mm_alignr_epi8(dcba, hgfe, 8);    // ABEF
    __m128i cdgh = _mm_blend_epi16(hgfe, dcba, 0xF0); // CDGH
    for (; count > 0; --count, blocks += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        __m128i words[4];
        for (int group = 0; group < 4; ++group)
            words[group] = _mm_shuffle_epi8(
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks + 16 * group)), byte_swap);
        for (int group = 0; group < 16; ++group) {
            __m128i message = _mm_add_epi32(
                words[group & 3],
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(&round_constants[4 * group])));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message);
            message = _mm_shuffle_epi32(message, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, message);
            if (group < 12) {
                const __m128i next = _mm_add_epi32(
                    _mm_sha256msg1_epu32(words[group & 3], words[(group + 1) & 3]),
                    _mm_alignr_epi8(words[(group + 3) & 3], words[(group + 2) & 3], 4));
                words[group & 3] = _mm_sha256msg2_epu32(next, words[(group + 3) & 3]);
            }
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }
    dcba = _mm_shuffle_epi32(abef, 0x1B); // FEBA
    hgfe = _mm_shuffle_epi32(cdgh, 0xB1); // DCHG
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), _mm_blend_epi16(dcba, hgfe, 0xF0));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), _mm_alignr_epi8(hgfe, dcba, 8));
}

const bool sha_ni_available = cpu_has_sha_ni();
#endif

} // namespace

bool Sha256::has_hardware_engine() {
#ifdef LUNGGUIDE_SHA_NI
    return sha_ni_available;
#else
    return false;
#endif
}

Sha256::Sha256(Engine engine)
    : hardware_(engine == Engine::fastest && has_hardware_engine()), state_{
                                                                         0x6a09e667, 0xbb67ae85,
                                                                         0x3c6ef372, 0xa54ff53a,
                                                                         0x510e527f, 0x9b05688c,
                                                                         0x1f83d9ab, 0x5be0cd19} {}

void Sha256::compress(const std::uint8_t* blocks, std::size_t count) {
#ifdef LUNGGUIDE_SHA_NI
    if (hardware_) return compress_with_sha_ni(state_.data(), blocks, count);
#endif
    for (; count > 0; --count, blocks += 64)
        compress_portable(blocks);
}

void Sha256::compress_portable(const std::uint8_t* block) {
    std::uint32_t words[64];
    for (int index = 0; index < 16; ++index)
        words[index] = static_cast<std::uint32_t>(block[index * 4]) << 24 |
                       static_cast<std::uint32_t>(block[index * 4 + 1]) << 16 |
                       static_cast<std::uint32_t>(block[index * 4 + 2]) << 8 |
                       static_cast<std::uint32_t>(block[index * 4 + 3]);
    for (int index = 16; index < 64; ++index) {
        const std::uint32_t low = words[index - 15];
        const std::uint32_t high = words[index - 2];
        const std::uint32_t sigma0 = rotate_right(low, 7) ^ rotate_right(low, 18) ^ (low >> 3);
        const std::uint32_t sigma1 = rotate_right(high, 17) ^ rotate_right(high, 19) ^ (high >> 10);
        words[index] = words[index - 16] + sigma0 + words[index - 7] + sigma1;
    }
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int index = 0; index < 64; ++index) {
        const std::uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const std::uint32_t choice = (e & f) ^ (~e & g);
        const std::uint32_t first = h + sum1 + choice + round_constants[index] + words[index];
        const std::uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t second = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + first;
        d = c;
        c = b;
        b = a;
        a = first + second;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

void Sha256::add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    total_bytes_ += size;
    if (buffered_ > 0) {
        const std::size_t take = std::min(size, buffer_.size() - buffered_);
        std::memcpy(buffer_.data() + buffered_, bytes, take);
        buffered_ += take;
        bytes += take;
        size -= take;
        if (buffered_ < buffer_.size()) return;
        compress(buffer_.data(), 1);
        buffered_ = 0;
    }
    const std::size_t whole_blocks = size / 64;
    compress(bytes, whole_blocks);
    bytes += whole_blocks * 64;
    size -= whole_blocks * 64;
    if (size > 0) std::memcpy(buffer_.data(), bytes, size);
    buffered_ = size;
}

void Sha256::add_field(const std::string& text) {
    const std::uint64_t length = text.size();
    std::uint8_t encoded[8];
    for (int index = 0; index < 8; ++index)
        encoded[index] = static_cast<std::uint8_t>(length >> (56 - 8 * index));
    add(encoded, sizeof encoded);
    add(text);
}

std::array<std::uint8_t, 32> Sha256::finish() {
    const std::uint64_t total_bits = total_bytes_ * 8;
    const std::uint8_t one_bit = 0x80;
    add(&one_bit, 1);
    const std::uint8_t zero = 0;
    while (buffered_ != 56)
        add(&zero, 1);
    std::uint8_t length[8];
    for (int index = 0; index < 8; ++index)
        length[index] = static_cast<std::uint8_t>(total_bits >> (56 - 8 * index));
    add(length, sizeof length);
    std::array<std::uint8_t, 32> digest{};
    for (int index = 0; index < 8; ++index)
        for (int part = 0; part < 4; ++part)
            digest[index * 4 + part] = static_cast<std::uint8_t>(state_[index] >> (24 - 8 * part));
    return digest;
}

std::string Sha256::finish_hex() {
    static const char* const hex = "0123456789abcdef";
    std::string text;
    for (std::uint8_t byte : finish()) {
        text += hex[byte >> 4];
        text += hex[byte & 15];
    }
    return text;
}

std::string sha256_hex(const std::string& text) {
    Sha256 hash;
    hash.add(text);
    return hash.finish_hex();
}

} // namespace lungguide
