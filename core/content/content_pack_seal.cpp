#include "content/content_pack_seal.h"

#include "common/sha256.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace lungguide {
namespace {

constexpr std::size_t seal_length = 64;
constexpr std::size_t signature_length = 64;

// A read of this size holds whole pages (SQLite's largest is 64 KiB, and a read starts on a
// multiple of it), and each meta row fits in one page, so a row never spans two reads. It also
// bounds memory, whatever the pack's size.
constexpr std::size_t chunk_size = 1 << 20;

// One meta row found by its key: in an SQLite record the columns of a row are stored one
// after the other, so the key is directly followed by the value.
struct Stamp {
    Stamp(std::string_view key_, std::size_t length_, char blank_)
        : key(key_), length(length_), blank(blank_) {}
    std::string_view key;
    std::size_t length;
    char blank;                  // what the value reads as while the file is hashed
    int rows_found = 0;          // how many times the key is followed by `length` bytes
    long long value_offset = -1; // where the last one's value starts in the file
    std::string recorded;        // that value as found
};

struct StampScan {
    bool readable = false;
    Stamp seal{content_pack_seal_key, seal_length, '0'};
    Stamp signature{content_pack_signature_key, signature_length, '\0'};
    std::string digest; // the file's SHA-256 with both values blank
};

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Both keys start so: the chunk is searched once for it, and each key checked where it is.
constexpr std::string_view shared_prefix = "content_";

// Records an occurrence of the stamp's key at `at` in one chunk, and blanks its value there.
void find_stamp(Stamp& stamp, std::vector<char>& chunk, std::size_t count, std::size_t at,
                long long chunk_offset) {
    const std::size_t value_at = at + stamp.key.size();
    if (value_at + stamp.length > count) return; // not a whole row: not the stamp
    if (std::string_view(chunk.data() + at, stamp.key.size()) != stamp.key) return;
    ++stamp.rows_found;
    stamp.value_offset = chunk_offset + static_cast<long long>(value_at);
    stamp.recorded.assign(chunk.data() + value_at, stamp.length);
    std::memset(chunk.data() + value_at, stamp.blank, stamp.length);
}

void find_stamps(StampScan& scan, std::vector<char>& chunk, std::size_t count,
                 long long chunk_offset) {
    const std::string_view text(chunk.data(), count);
    for (std::size_t at = text.find(shared_prefix); at != std::string_view::npos;
         at = text.find(shared_prefix, at + 1)) {
        find_stamp(scan.seal, chunk, count, at, chunk_offset);
        find_stamp(scan.signature, chunk, count, at, chunk_offset);
    }
}

StampScan scan_pack_file(const std::string& path) {
    StampScan scan;
    File file(std::fopen(path.c_str(), "rb"));
    if (!file) return scan;
    std::vector<char> chunk(chunk_size);
    Sha256 hash;
    long long chunk_offset = 0;
    std::size_t count = 0;
    while ((count = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
        find_stamps(scan, chunk, count, chunk_offset);
        hash.add(chunk.data(), count);
        chunk_offset += static_cast<long long>(count);
    }
    scan.readable = !std::ferror(file.get());
    scan.digest = scan.readable ? hash.finish_hex() : std::string();
    return scan;
}

bool seal_holds(const StampScan& scan) {
    return scan.readable && scan.seal.rows_found == 1 && scan.seal.recorded == scan.digest;
}

ContentPackStamps::Row row_of(const Stamp& stamp) {
    return {stamp.rows_found, stamp.value_offset, stamp.recorded};
}

} // namespace

std::string unsealed_content_pack_value() {
    return std::string(seal_length, '0');
}

std::string unsigned_content_pack_value() {
    return std::string(signature_length, '\0');
}

ContentPackStamps read_content_pack_stamps(const std::string& path) {
    const StampScan scan = scan_pack_file(path);
    ContentPackStamps stamps;
    stamps.readable = scan.readable;
    stamps.seal_holds = seal_holds(scan);
    stamps.file_digest = scan.digest;
    if (scan.signature.rows_found == 1) stamps.signature = scan.signature.recorded;
    stamps.seal_row = row_of(scan.seal);
    stamps.signature_row = row_of(scan.signature);
    return stamps;
}

bool content_pack_seal_holds(const std::string& path) {
    return seal_holds(scan_pack_file(path));
}

} // namespace lungguide
