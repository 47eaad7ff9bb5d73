#include "bookmarks/store_pages.h"

#include <cstring>

namespace lungguide::store_pages {
namespace {

constexpr std::size_t wal_header_bytes = 32;
constexpr std::size_t frame_header_bytes = 24;
constexpr int deepest_tree = 20; // far deeper than any real store's b-tree

std::uint32_t big_endian_32(const unsigned char* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
           static_cast<std::uint32_t>(bytes[2]) << 8 | bytes[3];
}

std::uint32_t big_endian_16(const unsigned char* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 8 | bytes[1];
}

const unsigned char* as_bytes(const std::string& text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

bool is_page_size(std::uint32_t size) {
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

// SQLite's WAL checksum (walChecksumBytes), continued from s0, s1.
void wal_checksum(const unsigned char* bytes, std::size_t size, bool big_endian_words,
                  std::uint32_t& s0, std::uint32_t& s1) {
    for (std::size_t at = 0; at + 8 <= size; at += 8) {
        std::uint32_t first = big_endian_32(bytes + at);
        std::uint32_t second = big_endian_32(bytes + at + 4);
        if (!big_endian_words) {
            first = __builtin_bswap32(first);
            second = __builtin_bswap32(second);
        }
        s0 += first + s1;
        s1 += second + s0;
    }
}

// A varint at bytes (at most end): its value and length, or length 0 when it runs past end.
std::size_t read_varint(const unsigned char* bytes, const unsigned char* end,
                        std::uint64_t& value) {
    value = 0;
    for (std::size_t index = 0; index < 9; ++index) {
        if (bytes + index >= end) return 0;
        if (index == 8) {
            value = value << 8 | bytes[index];
            return 9;
        }
        value = value << 7 | (bytes[index] & 0x7F);
        if ((bytes[index] & 0x80) == 0) return index + 1;
    }
    return 0;
}

std::int64_t signed_big_endian(const unsigned char* bytes, std::size_t size) {
    std::uint64_t value = (bytes[0] & 0x80) ? ~std::uint64_t{0} : 0;
    for (std::size_t index = 0; index < size; ++index)
        value = value << 8 | bytes[index];
    return static_cast<std::int64_t>(value);
}

// How many bytes of a payload of this size stay on its b-tree page (the rest overflows).
std::size_t local_payload(std::uint64_t payload, std::uint32_t usable, bool table_leaf) {
    const std::uint64_t most = table_leaf ? usable - 35 : (usable - 12) * 64 / 255 - 23;
    if (payload <= most) return static_cast<std::size_t>(payload);
    const std::uint64_t least = (usable - 12) * 32 / 255 - 23;
    const std::uint64_t spill = least + (payload - least) % (usable - 4);
    return static_cast<std::size_t>(spill <= most ? spill : least);
}

} // namespace

std::uint32_t StoreImage::header_page_size(const std::string& main_file) {
    if (main_file.size() < 100 || std::memcmp(main_file.data(), "SQLite format 3", 16) != 0)
        return 0;
    const std::uint32_t raw = big_endian_16(as_bytes(main_file) + 16);
    const std::uint32_t size = raw == 1 ? 65536 : raw;
    return is_page_size(size) ? size : 0;
}

StoreImage::StoreImage(std::string main_file, const std::string& wal_file, std::uint32_t page_size)
    : bytes_(std::move(main_file)) {
    page_size_ = page_size != 0 ? page_size : header_page_size(bytes_);
    if (!is_page_size(page_size_)) {
        page_size_ = 0;
        return;
    }
    // LungGuide never reserves bytes at the end of a page (only encryption extensions do),
    // so a reserved-bytes field other than 0 is damage, not a layout to follow.
    usable_size_ = page_size_;
    // SQLite reads a short last page as if zero-filled.
    bytes_.resize((bytes_.size() + page_size_ - 1) / page_size_ * page_size_, '\0');
    apply_wal(wal_file);
    page_count_ = static_cast<std::uint32_t>(bytes_.size() / page_size_);
}

void StoreImage::apply_wal(const std::string& wal_file) {
    if (wal_file.size() < wal_header_bytes) return;
    const unsigned char* header = as_bytes(wal_file);
    const std::uint32_t magic = big_endian_32(header);
    if ((magic & 0xFFFFFFFE) != 0x377f0682 || big_endian_32(header + 4) != 3007000 ||
        big_endian_32(header + 8) != page_size_)
        return;
    const bool big_endian_words = (magic & 1) != 0;
    std::uint32_t s0 = 0, s1 = 0;
    wal_checksum(header, 24, big_endian_words, s0, s1);
    if (s0 != big_endian_32(header + 24) || s1 != big_endian_32(header + 28)) return;

    const std::size_t frame_bytes = frame_header_bytes + page_size_;
    std::size_t valid_frames = 0, committed_frames = 0;
    std::uint32_t committed_pages = 0;
    for (std::size_t offset = wal_header_bytes; offset + frame_bytes <= wal_file.size();
         offset += frame_bytes) {
        const unsigned char* frame = header + offset;
        if (std::memcmp(frame + 8, header + 16, 8) != 0 || big_endian_32(frame) == 0) break;
        wal_checksum(frame, 8, big_endian_words, s0, s1);
        wal_checksum(frame + frame_header_bytes, page_size_, big_endian_words, s0, s1);
        if (s0 != big_endian_32(frame + 16) || s1 != big_endian_32(frame + 20)) break;
        ++valid_frames;
        if (big_endian_32(frame + 4) != 0) {
            committed_frames = valid_frames;
            committed_pages = big_endian_32(frame + 4);
        }
    }
    for (std::size_t index = 0; index < committed_frames; ++index) {
        const unsigned char* frame = header + wal_header_bytes + index * frame_bytes;
        const std::size_t at = static_cast<std::size_t>(big_endian_32(frame) - 1) * page_size_;
        if (bytes_.size() < at + page_size_) bytes_.resize(at + page_size_, '\0');
        std::memcpy(&bytes_[at], frame + frame_header_bytes, page_size_);
    }
    if (committed_frames > 0)
        bytes_.resize(static_cast<std::size_t>(committed_pages) * page_size_, '\0');
    wal_frames_applied_ = committed_frames;
}

int StoreImage::user_version() const {
    if (bytes_.size() < 64) return -1;
    return static_cast<int>(big_endian_32(as_bytes(bytes_) + 60));
}

const unsigned char* StoreImage::page(std::uint32_t number) const {
    if (number == 0 || number > page_count_) return nullptr;
    return as_bytes(bytes_) + static_cast<std::size_t>(number - 1) * page_size_;
}

std::optional<std::vector<RawValue>> decode_record(const std::string& payload) {
    const unsigned char* start = as_bytes(payload);
    const unsigned char* end = start + payload.size();
    std::uint64_t header_size = 0;
    std::size_t at = read_varint(start, end, header_size);
    if (at == 0 || header_size < at || header_size > payload.size()) return std::nullopt;
    std::vector<RawValue> values;
    std::size_t body = static_cast<std::size_t>(header_size);
    while (at < header_size) {
        std::uint64_t type = 0;
        const std::size_t length = read_varint(start + at, start + header_size, type);
        if (length == 0) return std::nullopt;
        at += length;
        static const std::size_t integer_sizes[] = {0, 1, 2, 3, 4, 6, 8};
        RawValue value;
        std::size_t size = 0;
        if (type >= 1 && type <= 6) {
            size = integer_sizes[type];
            value.type = RawValue::Type::integer;
        } else if (type == 7) {
            size = 8;
            value.type = RawValue::Type::real;
        } else if (type == 8 || type == 9) {
            value.type = RawValue::Type::integer;
            value.integer = type == 9 ? 1 : 0;
        } else if (type >= 12) {
            size = static_cast<std::size_t>((type - 12) / 2);
            value.type = type % 2 == 0 ? RawValue::Type::blob : RawValue::Type::text;
        } else if (type != 0) {
            return std::nullopt; // 10 and 11 are reserved
        }
        if (size > payload.size() - body) return std::nullopt;
        if (value.type == RawValue::Type::integer && size > 0)
            value.integer = signed_big_endian(start + body, size);
        if (value.type == RawValue::Type::real) {
            const std::uint64_t bits =
                static_cast<std::uint64_t>(signed_big_endian(start + body, 8));
            std::memcpy(&value.real, &bits, sizeof value.real);
        }
        if (value.type == RawValue::Type::text || value.type == RawValue::Type::blob)
            value.bytes.assign(payload, body, size);
        body += size;
        values.push_back(std::move(value));
    }
    if (body != payload.size()) return std::nullopt;
    return values;
}

namespace {

// One cell's payload: the part on its page and the overflow chain after it.
std::optional<std::string> read_payload(const StoreImage& image, const unsigned char* cell,
                                        const unsigned char* page_end, std::uint64_t size,
                                        bool table_leaf) {
    const std::uint32_t usable = image.usable_size();
    if (size > static_cast<std::uint64_t>(image.page_count()) * usable) return std::nullopt;
    const std::size_t local = local_payload(size, usable, table_leaf);
    if (cell + local > page_end) return std::nullopt;
    std::string payload(reinterpret_cast<const char*>(cell), local);
    if (local == size) return payload;
    if (cell + local + 4 > page_end) return std::nullopt;
    std::uint32_t next = big_endian_32(cell + local);
    std::set<std::uint32_t> seen;
    while (payload.size() < size) {
        const unsigned char* overflow = image.page(next);
        if (!overflow || !seen.insert(next).second) return std::nullopt;
        const std::size_t take =
            std::min<std::uint64_t>(usable - 4, size - static_cast<std::uint64_t>(payload.size()));
        payload.append(reinterpret_cast<const char*>(overflow + 4), take);
        next = big_endian_32(overflow);
    }
    return payload;
}

// The b-tree page's header offset (page 1 starts after the file header).
std::size_t header_offset(std::uint32_t page_number) {
    return page_number == 1 ? 100 : 0;
}

} // namespace

void PageWalk::leaf_table_rows(std::uint32_t page_number,
                               const std::function<void(const RawRow&)>& row) {
    const unsigned char* page = image_.page(page_number);
    const std::size_t header = header_offset(page_number);
    const unsigned char* page_end = page + image_.usable_size();
    const std::uint32_t cells = big_endian_16(page + header + 3);
    const std::size_t pointers = header + 8;
    if (pointers + 2 * static_cast<std::size_t>(cells) > image_.usable_size()) {
        ++damaged_pages_;
        return;
    }
    for (std::uint32_t index = 0; index < cells; ++index) {
        const std::uint32_t offset = big_endian_16(page + pointers + 2 * index);
        if (offset < pointers + 2 * cells || offset >= image_.usable_size()) continue;
        std::uint64_t size = 0, rowid = 0;
        const std::size_t first = read_varint(page + offset, page_end, size);
        if (first == 0) continue;
        const std::size_t second = read_varint(page + offset + first, page_end, rowid);
        if (second == 0) continue;
        const std::optional<std::string> payload =
            read_payload(image_, page + offset + first + second, page_end, size, true);
        if (!payload) continue;
        std::optional<std::vector<RawValue>> values = decode_record(*payload);
        if (!values) continue;
        row(RawRow{static_cast<std::int64_t>(rowid), std::move(*values), page_number});
    }
}

void PageWalk::walk(std::uint32_t page_number, bool table, int depth,
                    const std::function<void(const RawRow&)>& row, std::set<std::int64_t>* rowids) {
    const unsigned char* page = image_.page(page_number);
    // A page is read once per tree (a damaged pointer could make a loop), but may be reached
    // by two trees: a damaged pointer in one must not take a page from its own tree.
    if (!page || depth > deepest_tree || !walked_.insert(page_number).second) {
        ++damaged_pages_;
        return;
    }
    const std::size_t header = header_offset(page_number);
    const unsigned type = page[header];
    const bool leaf = type == (table ? 13u : 10u);
    if (!leaf && type != (table ? 5u : 2u)) {
        ++damaged_pages_;
        return;
    }
    reached_.insert(page_number);
    if (leaf && table) return leaf_table_rows(page_number, row);
    const unsigned char* page_end = page + image_.usable_size();
    const std::uint32_t cells = big_endian_16(page + header + 3);
    const std::size_t pointers = header + (leaf ? 8 : 12);
    if (pointers + 2 * static_cast<std::size_t>(cells) > image_.usable_size()) {
        ++damaged_pages_;
        return;
    }
    for (std::uint32_t index = 0; index < cells; ++index) {
        const std::uint32_t offset = big_endian_16(page + pointers + 2 * index);
        if (offset < pointers + 2 * cells || offset + 4 > image_.usable_size()) continue;
        const unsigned char* cell = page + offset;
        if (!leaf) {
            walk(big_endian_32(cell), table, depth + 1, row, rowids);
            if (table) continue;
            cell += 4;
        }
        std::uint64_t size = 0;
        const std::size_t length = read_varint(cell, page_end, size);
        if (length == 0) continue;
        const std::optional<std::string> payload =
            read_payload(image_, cell + length, page_end, size, false);
        const auto values = payload ? decode_record(*payload) : std::nullopt;
        if (values && !values->empty() && values->back().type == RawValue::Type::integer)
            rowids->insert(values->back().integer);
    }
    if (!leaf) walk(big_endian_32(page + header + 8), table, depth + 1, row, rowids);
}

void PageWalk::table_rows(std::uint32_t root, const std::function<void(const RawRow&)>& row) {
    walked_.clear();
    walk(root, true, 0, row, nullptr);
}

std::set<std::int64_t> PageWalk::index_rowids(std::uint32_t root) {
    std::set<std::int64_t> rowids;
    walked_.clear();
    walk(
        root, false, 0, [](const RawRow&) {}, &rowids);
    return rowids;
}

std::set<std::uint32_t> PageWalk::free_pages() const {
    std::set<std::uint32_t> free;
    if (image_.page_count() == 0) return free;
    std::uint32_t trunk = big_endian_32(image_.page(1) + 32);
    while (const unsigned char* page = image_.page(trunk)) {
        if (!free.insert(trunk).second) break;
        const std::uint32_t leaves = big_endian_32(page + 4);
        for (std::uint32_t index = 0; index < leaves && 8 + 4 * (index + 1) <= image_.usable_size();
             ++index)
            free.insert(big_endian_32(page + 8 + 4 * index));
        trunk = big_endian_32(page);
    }
    return free;
}

void PageWalk::unreached_leaf_rows(const std::function<void(const RawRow&)>& row) {
    const std::set<std::uint32_t> free = free_pages();
    for (std::uint32_t number = 2; number <= image_.page_count(); ++number) {
        if (reached_.count(number) || free.count(number)) continue;
        if (image_.page(number)[0] != 13) continue;
        leaf_table_rows(number, row);
    }
}

} // namespace lungguide::store_pages
