// A damaged store's pages, read by hand: the SQLite file format (sqlite.org/fileformat.html)
// without SQLite, for salvage only.
//
// SQLite stops at the first damaged page on the way to a row; this reader walks every
// b-tree page it can still make sense of, and can also look at pages no tree reaches any
// more (the children of a damaged interior page). Nothing here decides what a row means:
// store_salvage.cpp checks each one (a bookmark against its checksum) before keeping it.
//
// Index
//   StoreImage        the main file's bytes with the journal's committed frames applied
//   RawValue, RawRow  a decoded record
//   PageWalk          table rows, index rowids, free pages
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lungguide::store_pages {

// The database as SQLite would read it: the main file, with the write-ahead log's frames
// laid over it by SQLite's own recovery rule (wal.c, walIndexRecover): frames count from the
// first one while their salts match the log's header and their running checksum holds; the
// log ends at the last commit frame before the first that fails. Nothing after it is read.
class StoreImage {
  public:
    // page_size 0: the one the header gives, else (a damaged header) the caller tries each.
    StoreImage(std::string main_file, const std::string& wal_file, std::uint32_t page_size = 0);

    bool usable() const { return page_size_ != 0; }
    std::uint32_t page_size() const { return page_size_; }
    std::uint32_t usable_size() const { return usable_size_; }
    std::uint32_t page_count() const { return page_count_; }
    // PRAGMA user_version from the header (offset 60), or -1 for a file too short to hold it.
    int user_version() const;
    // The page's bytes (page_size of them), or nullptr for 0 or a page past the end.
    const unsigned char* page(std::uint32_t number) const;
    // How many committed WAL frames were laid over the main file.
    std::size_t wal_frames_applied() const { return wal_frames_applied_; }
    // The bytes as SQLite would read them (for an in-memory copy).
    const std::string& bytes() const { return bytes_; }

    // The page size the header gives, or 0 when that field is damaged.
    static std::uint32_t header_page_size(const std::string& main_file);

  private:
    void apply_wal(const std::string& wal_file);
    std::string bytes_;
    std::uint32_t page_size_ = 0;
    std::uint32_t usable_size_ = 0;
    std::uint32_t page_count_ = 0;
    std::size_t wal_frames_applied_ = 0;
};

struct RawValue {
    enum class Type { null, integer, real, text, blob } type = Type::null;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string bytes; // text or blob
};

struct RawRow {
    std::int64_t rowid = 0;
    std::vector<RawValue> values;
    std::uint32_t page = 0; // the leaf page it was read from
};

// Walks b-trees page by page, skipping what does not make sense and remembering every page
// it reached, so that pages no tree reaches can be looked at afterwards.
class PageWalk {
  public:
    explicit PageWalk(const StoreImage& image) : image_(image) {}

    // Every row of the table b-tree rooted at root that can be decoded. A damaged page is
    // skipped with what lies under it; the rest of the tree is still read.
    void table_rows(std::uint32_t root, const std::function<void(const RawRow&)>& row);
    // The rowid (the last value) of every entry of the index b-tree rooted at root.
    std::set<std::int64_t> index_rowids(std::uint32_t root);
    // The rows of every table-leaf page that no walk so far reached and that is not on the
    // free list: what a damaged interior page cut off from its tree.
    void unreached_leaf_rows(const std::function<void(const RawRow&)>& row);

    std::size_t damaged_pages() const { return damaged_pages_; }

  private:
    void walk(std::uint32_t page_number, bool table, int depth,
              const std::function<void(const RawRow&)>& row, std::set<std::int64_t>* rowids);
    void leaf_table_rows(std::uint32_t page_number, const std::function<void(const RawRow&)>& row);
    std::set<std::uint32_t> free_pages() const;

    const StoreImage& image_;
    std::set<std::uint32_t> reached_; // by any walk so far
    std::set<std::uint32_t> walked_;  // by the current walk
    std::size_t damaged_pages_ = 0;
};

// A record's values (SQLite's record format), or nothing when its header does not fit.
std::optional<std::vector<RawValue>> decode_record(const std::string& payload);

} // namespace lungguide::store_pages
