// Shared helpers for the content tests: the shipped pack, the page, temporary files.
#pragma once

#include "common/file_text.h"
#include "content/content_pack.h"
#include "pack_dictionary.h"
#include "pack_signing.h"
#include "search/search_dictionary.h"
#include "temporary_folder.h"

#include <doctest/doctest.h>
#include <fstream>
#include <string>

namespace lungguide::testing {

inline std::string source_path() {
    return std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/source/targeted-drug-therapy-nsclc.txt";
}

inline std::string read_or_fail(const std::string& path) {
    const lungguide::Result<std::string> text = lungguide::read_file_text(path);
    REQUIRE_MESSAGE(text.ok(), text.message_for_person());
    return text.value();
}

// Writes bytes to path, replacing it (a pack to damage, a file that is no pack).
inline void write_or_fail(const std::string& path, const std::string& bytes) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << bytes;
    REQUIRE(file.good());
}

// The pack the build ships, opened once for all tests.
inline const ContentPack& shipped_pack() {
    static auto result = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE_MESSAGE(result.ok(), result.message_for_person());
    return *result.value();
}

// The key this build signed its pack with (cmake/pack_signing.cmake).
inline const PackSigningKey& this_build_signing_key() {
    static const PackSigningKey key = [] {
        const Result<PackSigningKey> read = read_pack_signing_key(LUNGGUIDE_PACK_SIGNING_KEY_FILE);
        REQUIRE_MESSAGE(read.ok(), read.message_for_person());
        return read.value();
    }();
    return key;
}

// Another key: a fixed seed, so what the tests sign with it is the same every run.
inline const PackSigningKey& other_signing_key() {
    static const PackSigningKey key = [] {
        const Result<PackSigningKey> made = pack_signing_key_from_hex(
            "4c756e6747756964652074657374206b6579206e6f7420666f72207061636b73");
        REQUIRE(made.ok());
        return made.value();
    }();
    return key;
}

// Signs a pack a test has built, as the pack builder does.
inline void sign_or_fail(const std::string& path, const PackSigningKey& key) {
    const Status signed_pack = sign_content_pack(path, key);
    REQUIRE_MESSAGE(signed_pack.ok(), signed_pack.message_for_person);
}

// The dictionary words the build gives the pack builder (tools/CMakeLists.txt).
inline const std::vector<std::string>& build_dictionary_words() {
    static const std::vector<std::string> words = [] {
        return dictionary_words(
            read_word_list(read_or_fail("/usr/share/dict/american-english")),
            {read_word_list(read_or_fail("/usr/share/hunspell/en_med_glut.dic"))},
            read_word_list(read_or_fail("/usr/share/dict/british-english")));
    }();
    return words;
}

} // namespace lungguide::testing
