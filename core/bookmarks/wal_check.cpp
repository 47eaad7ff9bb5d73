#include "bookmarks/wal_check.h"

#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace lungguide {
namespace {

constexpr std::size_t header_bytes = 32;
constexpr std::size_t frame_header_bytes = 24;

std::uint32_t big_endian(const unsigned char* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
           static_cast<std::uint32_t>(bytes[2]) << 8 | bytes[3];
}

// SQLite's WAL checksum (the Fletcher-like sum in wal.c), continued from s0, s1.
void checksum(const unsigned char* bytes, std::size_t size, bool big_endian_words,
              std::uint32_t& s0, std::uint32_t& s1) {
    for (std::size_t at = 0; at + 8 <= size; at += 8) {
        std::uint32_t first = big_endian(bytes + at);
        std::uint32_t second = big_endian(bytes + at + 4);
        if (!big_endian_words) {
            first = __builtin_bswap32(first);
            second = __builtin_bswap32(second);
        }
        s0 += first + s1;
        s1 += second + s0;
    }
}

bool read_at(int descriptor, unsigned char* buffer, std::size_t size, off_t offset) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t count =
            pread(descriptor, buffer + done, size - done, offset + static_cast<off_t>(done));
        if (count <= 0) return false;
        done += static_cast<std::size_t>(count);
    }
    return true;
}

WalState inspect_once(int descriptor, off_t size) {
    if (size < static_cast<off_t>(header_bytes)) return WalState::empty;
    unsigned char header[header_bytes];
    if (!read_at(descriptor, header, header_bytes, 0)) return WalState::empty;
    const std::uint32_t magic = big_endian(header);
    const std::uint32_t page_size = big_endian(header + 8);
    const bool frames_follow = size > static_cast<off_t>(header_bytes + frame_header_bytes);
    const bool valid_page_size =
        page_size >= 512 && page_size <= 65536 && (page_size & (page_size - 1)) == 0;
    if ((magic & 0xFFFFFFFE) != 0x377f0682 || !valid_page_size)
        return frames_follow ? WalState::damaged : WalState::empty;
    const bool big_endian_words = (magic & 1) != 0;
    std::uint32_t s0 = 0, s1 = 0;
    checksum(header, 24, big_endian_words, s0, s1);
    if (s0 != big_endian(header + 24) || s1 != big_endian(header + 28))
        return frames_follow ? WalState::damaged : WalState::empty;

    const std::size_t frame_bytes = frame_header_bytes + page_size;
    std::vector<unsigned char> frame(frame_bytes);
    bool broken = false;
    bool any_frame = false;
    for (off_t offset = header_bytes; offset + static_cast<off_t>(frame_bytes) <= size;
         offset += static_cast<off_t>(frame_bytes)) {
        if (!read_at(descriptor, frame.data(), frame_bytes, offset)) break;
        // Frames of an earlier generation carry other salts, and SQLite's log ends at the
        // first of them. Every restart makes new salts, so a frame of this generation can
        // only follow one with other salts when that one's salts were damaged.
        if (std::memcmp(frame.data() + 8, header + 16, 8) != 0) {
            broken = true;
            continue;
        }
        const bool commit = big_endian(frame.data() + 4) != 0;
        if (broken) {
            // A commit of this generation beyond a bad frame: changes SQLite would drop.
            if (commit) return WalState::damaged;
            continue;
        }
        checksum(frame.data(), 8, big_endian_words, s0, s1);
        checksum(frame.data() + frame_header_bytes, page_size, big_endian_words, s0, s1);
        if (big_endian(frame.data()) == 0 || s0 != big_endian(frame.data() + 16) ||
            s1 != big_endian(frame.data() + 20)) {
            broken = true;
            continue;
        }
        any_frame = true;
    }
    return any_frame ? WalState::intact : WalState::empty;
}

} // namespace

WalState inspect_wal(const std::string& wal_path) {
    const int descriptor = ::open(wal_path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0) return WalState::empty;
    WalState state = WalState::empty;
    // Another LungGuide may be appending or restarting the log while it is read; damage is
    // only believed when it reads the same from an unchanging file, several times over.
    for (int attempt = 0; attempt < 4; ++attempt) {
        struct stat before {
        }, after{};
        if (fstat(descriptor, &before) != 0 || !S_ISREG(before.st_mode)) break;
        state = inspect_once(descriptor, before.st_size);
        if (fstat(descriptor, &after) != 0) break;
        const bool unchanged = before.st_size == after.st_size &&
                               before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
                               before.st_mtim.tv_nsec == after.st_mtim.tv_nsec;
        if (state != WalState::damaged || (unchanged && attempt >= 2)) break;
        usleep(50 * 1000);
    }
    ::close(descriptor);
    return state;
}

} // namespace lungguide
