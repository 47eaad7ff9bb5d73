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

// A read of this size holds whole pages (SQLite's largest is 64 KiB, and a read starts on a
// multiple of it), and the meta row is far smaller than a page, so the row never spans two
// reads. It also bounds memory, whatever the pack's size.
constexpr std::size_t chunk_size = 1 << 20;

struct SealScan {
    bool readable = false;
    int rows_found = 0;          // how many times the key is followed by 64 bytes
    long long value_offset = -1; // where the last one's value starts in the file
    std::string recorded;        // that value as found
    std::string digest;          // the file's SHA-256 with the value read as '0's
};

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The pattern is the key followed by its value: in an SQLite record the text columns of a
// row are stored one after the other, so "content_file_sha256" is directly followed by them.
SealScan scan_pack_file(const std::string& path) {
    SealScan scan;
    File file(std::fopen(path.c_str(), "rb"));
    if (!file) return scan;
    const std::string_view key = content_pack_seal_key;
    std::vector<char> chunk(chunk_size);
    Sha256 hash;
    long long chunk_offset = 0;
    std::size_t count = 0;
    while ((count = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
        const std::string_view text(chunk.data(), count);
        for (std::size_t at = text.find(key); at != std::string_view::npos;
             at = text.find(key, at + 1)) {
            const std::size_t value_at = at + key.size();
            if (value_at + seal_length > count) continue; // not a whole row: not the seal
            ++scan.rows_found;
            scan.value_offset = chunk_offset + static_cast<long long>(value_at);
            scan.recorded.assign(chunk.data() + value_at, seal_length);
            std::memset(chunk.data() + value_at, '0', seal_length);
        }
        hash.add(chunk.data(), count);
        chunk_offset += static_cast<long long>(count);
    }
    scan.readable = !std::ferror(file.get());
    scan.digest = hash.finish_hex();
    return scan;
}

} // namespace

std::string unsealed_content_pack_value() {
    return std::string(seal_length, '0');
}

Status seal_content_pack(const std::string& path) {
    const SealScan scan = scan_pack_file(path);
    if (!scan.readable)
        return Status::failure(Problem::failed, "cannot read " + path + " to seal it");
    if (scan.rows_found != 1 || scan.recorded != unsealed_content_pack_value())
        return Status::failure(Problem::invalid_input,
                               path + " has no single unsealed " + content_pack_seal_key + " row");
    File file(std::fopen(path.c_str(), "r+b"));
    const bool written =
        file && std::fseek(file.get(), scan.value_offset, SEEK_SET) == 0 &&
        std::fwrite(scan.digest.data(), 1, seal_length, file.get()) == seal_length &&
        std::fflush(file.get()) == 0;
    if (!written) return Status::failure(Problem::failed, "cannot write the seal into " + path);
    return Status::success();
}

bool content_pack_seal_holds(const std::string& path) {
    const SealScan scan = scan_pack_file(path);
    return scan.readable && scan.rows_found == 1 && scan.recorded == scan.digest;
}

} // namespace lungguide
