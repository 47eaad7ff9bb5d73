// The pack's whole-file seal: it holds only for the very bytes the builder checked and
// sealed, and it lets open_content_pack() skip its slow checks on exactly that file.
#include "content/content_pack.h"
#include "content/content_pack_builder.h"
#include "content/content_pack_seal.h"
#include "content/content_pack_stamping.h"
#include "content_test_support.h"
#include "temporary_folder.h"

#include <fstream>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_CASE("the shipped pack carries one seal, and it holds") {
    const std::string bytes = read_or_fail(LUNGGUIDE_PACK_PATH);
    CHECK(occurrences(bytes, content_pack_seal_key) == 1);
    CHECK(bytes.find(std::string(content_pack_seal_key) + unsealed_content_pack_value()) ==
          std::string::npos);
    CHECK(content_pack_seal_holds(LUNGGUIDE_PACK_PATH));
}

TEST_CASE("any changed byte breaks the seal or the signature, and the pack is refused") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    const std::string bytes = read_or_fail(LUNGGUIDE_PACK_PATH);
    // Bytes all through the file: the header, every part of the pages, the seal and the
    // signature themselves.
    const std::size_t seal_at = bytes.find(content_pack_seal_key) + 19;
    const std::size_t signature_at =
        bytes.find(content_pack_signature_key) + std::string(content_pack_signature_key).size();
    std::vector<std::size_t> places{
        0, 20, 100, seal_at, seal_at + 63, signature_at, signature_at + 63, bytes.size() - 1};
    for (std::size_t at = 7; at < bytes.size(); at += 1021)
        places.push_back(at);
    int refused = 0;
    for (std::size_t at : places) {
        std::string changed = bytes;
        changed[at] = static_cast<char>(changed[at] ^ 0x20);
        write_or_fail(path, changed);
        INFO("byte " << at);
        // The signature is hashed as zero bytes: a change there leaves the seal holding, and
        // the signature then fails. Anywhere else the seal breaks.
        const bool in_signature = at >= signature_at && at < signature_at + 64;
        CHECK(content_pack_seal_holds(path) == in_signature);
        // Even a change SQLite never reads (free space in a page) is refused now: the
        // signature is of the bytes, and the full checks only name the damage.
        if (!open_content_pack(path).ok()) ++refused;
    }
    CHECK(refused == static_cast<int>(places.size()));
    write_or_fail(path, bytes);
    CHECK(content_pack_seal_holds(path));
}

TEST_CASE("a pack's seal is written once, by the builder, and a second sealing is refused") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    REQUIRE(build_content_pack(shipped_pack().guide(), path).ok());
    CHECK(content_pack_seal_holds(path));
    const std::string sealed = read_or_fail(path);
    const Status again = seal_content_pack(path);
    CHECK(again.problem == Problem::invalid_input);
    CHECK(read_or_fail(path) == sealed);
    // The same Guide gives the same sealed bytes.
    const std::string second_path = temporary.file("again.db");
    REQUIRE(build_content_pack(shipped_pack().guide(), second_path).ok());
    CHECK(read_or_fail(second_path) == sealed);
}

TEST_CASE("a file without a seal, or no file, has no seal that holds") {
    TemporaryFolder temporary;
    CHECK_FALSE(content_pack_seal_holds(temporary.file("missing.db")));
    const std::string path = temporary.file("plain.db");
    write_or_fail(path, "SQLite format 3");
    CHECK_FALSE(content_pack_seal_holds(path));
    CHECK(seal_content_pack(path).problem == Problem::invalid_input);
    // A key with no room for its value after it is not a seal.
    write_or_fail(path, std::string("xx") + content_pack_seal_key + "0123");
    CHECK_FALSE(content_pack_seal_holds(path));
    CHECK(seal_content_pack(path).problem == Problem::invalid_input);
}
