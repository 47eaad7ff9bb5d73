// Salvage, the reading half: what a damaged store still holds. The writing half (a fresh
// store, the damaged one kept aside) is store_salvage_files.cpp.
#include "bookmarks/store_salvage.h"

#include "bookmarks/store_pages.h"
#include "bookmarks/user_store.h"
#include "bookmarks/user_store_schema.h"
#include "common/sqlite_statement.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace lungguide {
namespace {

using sqlite::Statement;
using store_pages::RawRow;
using store_pages::RawValue;
using user_store_schema::DiaryRow;

// The schema version that made the symptom diary (symptom_diary.h).
constexpr int diary_schema_version = 7;

// Rows of one table are read by rowid; where a damaged page stops SQLite, the next rowids
// are tried one by one, this many times at most per table (the page walk reads the rest).
constexpr int probes_per_table = 200;
// When the id sequence itself could not be read, new ids start this far above the highest
// id seen, so that one of a bookmark that could not be read is not handed out again.
constexpr std::int64_t unknown_sequence_margin = 1000;

// Everything read so far, by both readers.
struct Collected {
    int version = user_store_schema_version;
    std::map<std::int64_t, Bookmark> bookmarks; // checked against their checksums
    std::set<std::int64_t> bookmark_ids;        // every id seen in the table, readable or not
    std::set<std::int64_t> index_ids;           // ids the indexes hold
    std::map<std::int64_t, SalvagedStore::Draft> drafts;
    std::map<std::string, std::string> settings;
    std::map<std::int64_t, SalvagedStore::View> history;
    std::map<std::int64_t, DiaryRow> diary; // checked against their checksums
    std::set<std::int64_t> diary_ids;       // every id seen in the table, readable or not
    std::set<std::int64_t> diary_index_ids; // ids its index holds
    std::int64_t bookmark_sequence = -1;    // -1: not read
    std::int64_t history_sequence = -1;
    std::int64_t diary_sequence = -1;
};

// A bookmark row (rowid and the values of its columns, as the version lays them out) that
// is whole, or nothing. From version 4 on it must match its checksum.
std::optional<Bookmark> checked_bookmark(int version, std::int64_t rowid,
                                         const std::vector<std::optional<std::string>>& fields,
                                         const std::optional<std::string>& checksum) {
    // fields: kind, target, person, note, created, updated (person and updated may be absent)
    for (int required : {0, 1, 4})
        if (!fields[required]) return std::nullopt;
    Bookmark bookmark;
    bookmark.id = rowid;
    bookmark.kind = *fields[0];
    bookmark.target = *fields[1];
    bookmark.person = fields[2].value_or("");
    bookmark.note = fields[3].value_or("");
    bookmark.created = *fields[4];
    bookmark.updated = fields[5].value_or(bookmark.created);
    if ((bookmark.kind != "class" && bookmark.kind != "drug") || bookmark.target.empty())
        return std::nullopt;
    if (version >= 4 && checksum != user_store_schema::bookmark_checksum(bookmark))
        return std::nullopt;
    return bookmark;
}

std::optional<std::string> text_of(const std::vector<RawValue>& values, std::size_t index) {
    if (index >= values.size() || values[index].type != RawValue::Type::text) return std::nullopt;
    return values[index].bytes;
}

// A bookmark row read by hand: its record as the version lays it out.
std::optional<Bookmark> bookmark_from_record(int version, const RawRow& row) {
    const std::vector<RawValue>& values = row.values;
    if (version == 1) {
        if (values.size() > 5) return std::nullopt;
        return checked_bookmark(version, row.rowid,
                                {text_of(values, 1), text_of(values, 2), std::string(),
                                 text_of(values, 3), text_of(values, 4), std::nullopt},
                                std::nullopt);
    }
    const std::size_t columns = version >= 4 ? 8 : 7;
    if (values.size() > columns) return std::nullopt;
    return checked_bookmark(version, row.rowid,
                            {text_of(values, 1), text_of(values, 2), text_of(values, 3),
                             text_of(values, 4), text_of(values, 5), text_of(values, 6)},
                            text_of(values, 7));
}

bool looks_like_bookmark(const RawRow& row) {
    const std::optional<std::string> kind = text_of(row.values, 1);
    return kind && (*kind == "class" || *kind == "drug");
}

void keep_bookmark(Collected& collected, const Bookmark& bookmark) {
    collected.bookmark_ids.insert(bookmark.id);
    collected.bookmarks.emplace(bookmark.id, bookmark);
}

// A diary row is kept only when it matches its checksum; its id is known either way.
void keep_diary_row(Collected& collected, const DiaryRow& row) {
    collected.diary_ids.insert(row.id);
    if (row.checksum == user_store_schema::diary_row_checksum(row))
        collected.diary.emplace(row.id, row);
}

// A diary row read by hand: eleven values (the id's is null: it is the rowid), all text but
// the first. Only a whole row is one.
std::optional<DiaryRow> diary_row_from_record(const RawRow& row) {
    if (row.values.size() != 11) return std::nullopt;
    DiaryRow fields;
    fields.id = row.rowid;
    std::size_t index = 1;
    for (std::string* field :
         {&fields.person, &fields.day, &fields.words, &fields.severity, &fields.note,
          &fields.created, &fields.updated, &fields.links_key, &fields.links, &fields.checksum}) {
        const std::optional<std::string> text = text_of(row.values, index++);
        if (!text) return std::nullopt;
        *field = *text;
    }
    return fields;
}

// ---- SQLite, on an in-memory copy -------------------------------------------------------

// The file's bytes as an in-memory database SQLite can read, never touching the file. The
// header's WAL flag is cleared in the copy: the log was already laid over it.
sqlite3* open_memory_copy(const std::string& bytes) {
    sqlite3* database = nullptr;
    if (sqlite3_open(":memory:", &database) != SQLITE_OK || bytes.size() < 100) {
        sqlite3_close(database);
        return nullptr;
    }
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (!copy) {
        sqlite3_close(database);
        return nullptr;
    }
    std::memcpy(copy, bytes.data(), bytes.size());
    copy[18] = copy[19] = 1;
    const int code =
        sqlite3_deserialize(database, "main", copy, static_cast<sqlite3_int64>(bytes.size()),
                            static_cast<sqlite3_int64>(bytes.size()),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (code != SQLITE_OK) {
        sqlite3_close(database);
        return nullptr;
    }
    return database;
}

// Two names that differ in at most one byte: what one damaged byte does to a name.
bool one_byte_apart(const std::string& one, const std::string& other) {
    if (one.size() != other.size()) return false;
    std::size_t different = 0;
    for (std::size_t index = 0; index < one.size(); ++index)
        different += one[index] != other[index] ? 1 : 0;
    return different <= 1;
}

// Reads "SELECT rowid, … WHERE rowid >= ? ORDER BY rowid" row by row. Where a damaged page
// stops it, goes on from the next rowids, then reads down from the top to the first error.
template <typename OnRow>
void read_carefully(sqlite3* database, const std::string& ascending, const std::string& descending,
                    OnRow on_row) {
    std::int64_t next = std::numeric_limits<std::int64_t>::min();
    for (int probes = 0; probes < probes_per_table; ++probes) {
        Statement select(database, ascending.c_str());
        if (!select.prepared()) return;
        select.bind(1, next);
        bool went_back = false;
        while (select.step() == SQLITE_ROW) {
            // A rowid below the last one is a damaged page read as rows: going on from it
            // would read the same rows again and again and never reach those after it.
            if (select.integer(0) < next) {
                went_back = true;
                break;
            }
            on_row(select);
            if (select.integer(0) == std::numeric_limits<std::int64_t>::max()) return;
            next = select.integer(0) + 1;
        }
        if (!went_back && select.result() == SQLITE_OK) return;
        next = next == std::numeric_limits<std::int64_t>::min() ? 1 : next + 1;
    }
    Statement select(database, descending.c_str());
    while (select.step() == SQLITE_ROW)
        on_row(select);
}

std::string bookmark_columns_for(int version) {
    if (version == 1) return "rowid, kind, target, '', COALESCE(note, ''), created, created, ''";
    if (version < 4) return "rowid, kind, target, person, note, created, updated, ''";
    return "rowid, kind, target, person, note, created, updated, checksum";
}

// "SELECT columns FROM table WHERE rowid >= ? ORDER BY rowid", and the same downwards.
std::pair<std::string, std::string> by_rowid(const std::string& columns, const char* table) {
    const std::string select = "SELECT " + columns + " FROM " + table + " WHERE rowid ";
    return {select + ">= ? ORDER BY rowid", select + "<= 9223372036854775807 ORDER BY rowid DESC"};
}

std::optional<std::string> column_text(const Statement& row, int column) {
    if (row.type(column) != SQLITE_TEXT) return std::nullopt;
    return row.text(column);
}

// A bookmark row SQLite read, as bookmark_columns_for() selects it.
void keep_bookmark_row(Collected& collected, const Statement& row) {
    const std::int64_t id = row.integer(0);
    collected.bookmark_ids.insert(id);
    std::vector<std::optional<std::string>> fields;
    for (int column = 1; column <= 6; ++column)
        fields.push_back(column_text(row, column));
    const std::optional<Bookmark> bookmark =
        checked_bookmark(collected.version, id, fields, column_text(row, 7));
    if (bookmark) keep_bookmark(collected, *bookmark);
}

// A diary row SQLite read, as diary_row_columns selects it: every column but the id text.
void keep_diary_statement_row(Collected& collected, const Statement& row) {
    collected.diary_ids.insert(row.integer(0));
    for (int column = 1; column <= 10; ++column)
        if (row.type(column) != SQLITE_TEXT) return;
    keep_diary_row(collected, user_store_schema::diary_row_fields(row));
}

void read_bookmarks_with_sqlite(sqlite3* database, Collected& collected) {
    const auto [up, down] = by_rowid(bookmark_columns_for(collected.version), "bookmarks");
    read_carefully(database, up, down,
                   [&](const Statement& row) { keep_bookmark_row(collected, row); });
    if (collected.version < diary_schema_version) return;
    const auto [diary_up, diary_down] =
        by_rowid(user_store_schema::diary_row_columns, "symptom_diary");
    read_carefully(database, diary_up, diary_down,
                   [&](const Statement& row) { keep_diary_statement_row(collected, row); });
}

// A range read stops at the damaged leaf where it starts; a lookup by id goes down another
// path of the tree. So every id up to the sequence (ids are never reused) that no range read
// reached is also looked up on its own, as the sqlite3 shell's .recover does.
constexpr std::int64_t most_ids_looked_up = 100000;

template <typename OnRow>
void look_up_unread(sqlite3* database, const std::string& columns, const char* table,
                    std::int64_t sequence, const std::set<std::int64_t>& seen, OnRow on_row) {
    const std::int64_t last = std::min(sequence, most_ids_looked_up);
    Statement select(database,
                     ("SELECT " + columns + " FROM " + table + " WHERE rowid = ?").c_str());
    if (!select.prepared()) return;
    for (std::int64_t id = 1; id <= last; ++id) {
        if (seen.count(id)) continue;
        select.reset();
        select.bind(1, id);
        if (select.step() == SQLITE_ROW) on_row(select);
    }
}

void look_up_unread_rows(sqlite3* database, Collected& collected) {
    look_up_unread(database, bookmark_columns_for(collected.version), "bookmarks",
                   collected.bookmark_sequence, collected.bookmark_ids,
                   [&](const Statement& row) { keep_bookmark_row(collected, row); });
    if (collected.version < diary_schema_version) return;
    look_up_unread(database, user_store_schema::diary_row_columns, "symptom_diary",
                   collected.diary_sequence, collected.diary_ids,
                   [&](const Statement& row) { keep_diary_statement_row(collected, row); });
}

// AUTOINCREMENT's high-water mark of one table, from a row of sqlite_sequence.
void keep_sequence(Collected& collected, const std::string& table, std::int64_t sequence) {
    if (table == "bookmarks")
        collected.bookmark_sequence = std::max(collected.bookmark_sequence, sequence);
    if (table == "history")
        collected.history_sequence = std::max(collected.history_sequence, sequence);
    if (table == "symptom_diary")
        collected.diary_sequence = std::max(collected.diary_sequence, sequence);
}

void read_others_with_sqlite(sqlite3* database, Collected& collected) {
    if (collected.version >= 5) {
        const auto [up, down] = by_rowid("rowid, text, updated", "note_drafts");
        read_carefully(database, up, down, [&](const Statement& row) {
            collected.drafts.emplace(
                row.integer(0), SalvagedStore::Draft{row.integer(0), row.text(1), row.text(2)});
        });
    }
    const auto [settings_up, settings_down] = by_rowid("rowid, key, value", "settings");
    read_carefully(database, settings_up, settings_down, [&](const Statement& row) {
        collected.settings.emplace(row.text(1), row.text(2));
    });
    if (collected.version >= 3) {
        const auto [up, down] = by_rowid("rowid, route, viewed", "history");
        read_carefully(database, up, down, [&](const Statement& row) {
            collected.history.emplace(
                row.integer(0), SalvagedStore::View{row.integer(0), row.text(1), row.text(2)});
        });
    }
    Statement sequence(database, "SELECT name, seq FROM sqlite_sequence");
    bool any = false;
    while (sequence.step() == SQLITE_ROW) {
        any = true;
        keep_sequence(collected, sequence.text(0), sequence.integer(1));
    }
    // Read whole without a diary row: no diary entry was ever added.
    if (any && sequence.result() == SQLITE_OK)
        collected.diary_sequence = std::max<std::int64_t>(collected.diary_sequence, 0);
}

void read_with_sqlite(const std::string& bytes, Collected& collected) {
    sqlite3* database = open_memory_copy(bytes);
    if (!database) return;
    // As the sqlite3 shell's .dump does: where one entry of the schema can't be parsed, the
    // entries before it are still loaded. (The page walk reads the tables the damaged
    // entries would have named, by their root pages.)
    sqlite::execute(database, "PRAGMA writable_schema = ON");
    sqlite::execute(database, "SELECT 1 FROM sqlite_schema LIMIT 1");
    read_bookmarks_with_sqlite(database, collected);
    read_others_with_sqlite(database, collected);
    look_up_unread_rows(database, collected);
    sqlite3_close(database);
}

// ---- by hand, page by page -------------------------------------------------------------

// Root pages by table, from sqlite_schema read by hand (its root is page 1). A name one
// damaged byte away from one the migrations make is taken for it.
struct Roots {
    std::map<std::string, std::uint32_t> tables;
    std::vector<std::uint32_t> bookmark_indexes;
    std::vector<std::uint32_t> diary_indexes;
};

std::string known_name(const std::string& name, const std::vector<std::string>& known) {
    for (const std::string& candidate : known)
        if (name == candidate) return candidate;
    for (const std::string& candidate : known)
        if (one_byte_apart(name, candidate)) return candidate;
    return name;
}

Roots read_roots(store_pages::PageWalk& walk) {
    const std::vector<std::string> tables = {"bookmarks", "note_drafts",   "settings",
                                             "history",   "symptom_diary", "sqlite_sequence"};
    Roots roots;
    walk.table_rows(1, [&](const RawRow& row) {
        const std::optional<std::string> type = text_of(row.values, 0);
        const std::optional<std::string> name = text_of(row.values, 1);
        const std::optional<std::string> table = text_of(row.values, 2);
        if (!type || !name || !table || row.values.size() < 4 ||
            row.values[3].type != RawValue::Type::integer || row.values[3].integer <= 0 ||
            row.values[3].integer > std::numeric_limits<std::uint32_t>::max())
            return;
        const auto root = static_cast<std::uint32_t>(row.values[3].integer);
        if (one_byte_apart(*type, "table") && !roots.tables.count(known_name(*name, tables)))
            roots.tables[known_name(*name, tables)] = root;
        else if (one_byte_apart(*type, "index") && known_name(*table, tables) == "bookmarks")
            roots.bookmark_indexes.push_back(root);
        else if (one_byte_apart(*type, "index") && known_name(*table, tables) == "symptom_diary")
            roots.diary_indexes.push_back(root);
    });
    return roots;
}

// Reads one table's rows by hand, if its root is known.
void walk_table(store_pages::PageWalk& walk, const Roots& roots, const char* table,
                const std::function<void(const RawRow&)>& row) {
    const auto found = roots.tables.find(table);
    if (found != roots.tables.end()) walk.table_rows(found->second, row);
}

void read_others_by_hand(store_pages::PageWalk& walk, const Roots& roots, Collected& collected) {
    walk_table(walk, roots, "note_drafts", [&](const RawRow& row) {
        const auto text = text_of(row.values, 1), updated = text_of(row.values, 2);
        if (row.values.size() == 3 && text && updated)
            collected.drafts.emplace(row.rowid, SalvagedStore::Draft{row.rowid, *text, *updated});
    });
    walk_table(walk, roots, "settings", [&](const RawRow& row) {
        const auto key = text_of(row.values, 0), value = text_of(row.values, 1);
        if (row.values.size() == 2 && key && value) collected.settings.emplace(*key, *value);
    });
    walk_table(walk, roots, "history", [&](const RawRow& row) {
        const auto route = text_of(row.values, 1), viewed = text_of(row.values, 2);
        if (row.values.size() == 3 && route && viewed)
            collected.history.emplace(row.rowid, SalvagedStore::View{row.rowid, *route, *viewed});
    });
    walk_table(walk, roots, "sqlite_sequence", [&](const RawRow& row) {
        const auto name = text_of(row.values, 0);
        if (name && row.values.size() == 2 && row.values[1].type == RawValue::Type::integer)
            keep_sequence(collected, *name, row.values[1].integer);
    });
}

// The rowids a table's indexes hold. With the sequence known, an id above it is a damaged
// entry, not a row; without, only ids every index agrees on are believed.
std::set<std::int64_t> index_evidence(store_pages::PageWalk& walk,
                                      const std::vector<std::uint32_t>& indexes,
                                      std::int64_t sequence) {
    std::set<std::int64_t> believed;
    bool first = true;
    for (std::uint32_t root : indexes) {
        const std::set<std::int64_t> ids = walk.index_rowids(root);
        if (sequence >= 0) {
            for (std::int64_t id : ids)
                if (id > 0 && id <= sequence) believed.insert(id);
            continue;
        }
        if (first) {
            believed = ids;
        } else {
            std::set<std::int64_t> both;
            std::set_intersection(believed.begin(), believed.end(), ids.begin(), ids.end(),
                                  std::inserter(both, both.begin()));
            believed = std::move(both);
        }
        first = false;
    }
    return believed;
}

// Reads by hand what SQLite could not.
void read_by_hand(const store_pages::StoreImage& image, Collected& collected) {
    store_pages::PageWalk walk(image);
    const Roots roots = read_roots(walk);
    const auto bookmark_row = [&](const RawRow& row) {
        if (!looks_like_bookmark(row)) return;
        collected.bookmark_ids.insert(row.rowid);
        if (const std::optional<Bookmark> bookmark = bookmark_from_record(collected.version, row))
            keep_bookmark(collected, *bookmark);
    };
    walk_table(walk, roots, "bookmarks", bookmark_row);
    walk_table(walk, roots, "symptom_diary", [&](const RawRow& row) {
        if (const std::optional<DiaryRow> diary_row = diary_row_from_record(row))
            keep_diary_row(collected, *diary_row);
    });
    read_others_by_hand(walk, roots, collected);
    const std::set<std::int64_t> indexed =
        index_evidence(walk, roots.bookmark_indexes, collected.bookmark_sequence);
    collected.index_ids.insert(indexed.begin(), indexed.end());
    const std::set<std::int64_t> diary_indexed =
        index_evidence(walk, roots.diary_indexes, collected.diary_sequence);
    collected.diary_index_ids.insert(diary_indexed.begin(), diary_indexed.end());
    // Leaf pages no tree reaches: only a bookmark, or a diary entry, that matches its
    // checksum is believed (a diary row has eleven values, a bookmark at most eight).
    if (collected.version >= 4)
        walk.unreached_leaf_rows([&](const RawRow& row) {
            if (row.values.size() != 11) return bookmark_row(row);
            const std::optional<DiaryRow> diary_row = diary_row_from_record(row);
            if (diary_row &&
                diary_row->checksum == user_store_schema::diary_row_checksum(*diary_row))
                keep_diary_row(collected, *diary_row);
        });
}

// The diary's part of finish(): its rows, how many there were, and its sequence. An id seen
// only in a damaged row or index entry is believed when it is not above the sequence.
void finish_diary(Collected& collected, SalvagedStore& salvaged) {
    for (auto& [id, row] : collected.diary)
        salvaged.diary.push_back(std::move(row));
    std::set<std::int64_t> known;
    for (const std::set<std::int64_t>* ids : {&collected.diary_ids, &collected.diary_index_ids})
        for (std::int64_t id : *ids)
            if (collected.diary.count(id) ||
                (id > 0 && (collected.diary_sequence < 0 || id <= collected.diary_sequence)))
                known.insert(id);
    salvaged.diary_known = known.size();
    const std::int64_t highest_id = known.empty() ? 0 : std::max<std::int64_t>(*known.rbegin(), 0);
    if (collected.diary_sequence >= 0)
        salvaged.diary_sequence = std::max(collected.diary_sequence, highest_id);
    else if (collected.version >= diary_schema_version && salvaged.looked_like_a_store)
        salvaged.diary_sequence = highest_id + unknown_sequence_margin;
    else
        salvaged.diary_sequence = highest_id;
}

SalvagedStore finish(Collected& collected, bool looked_like_a_store) {
    SalvagedStore salvaged;
    salvaged.version = collected.version;
    for (auto& [id, bookmark] : collected.bookmarks)
        salvaged.bookmarks.push_back(std::move(bookmark));
    std::set<std::int64_t> known = collected.bookmark_ids;
    known.insert(collected.index_ids.begin(), collected.index_ids.end());
    salvaged.bookmarks_known = known.size();
    for (auto& [id, draft] : collected.drafts)
        salvaged.drafts.push_back(std::move(draft));
    for (auto& setting : collected.settings)
        salvaged.settings.push_back(setting);
    for (auto& [id, view] : collected.history)
        salvaged.history.push_back(std::move(view));
    const std::int64_t highest_id = known.empty() ? 0 : std::max<std::int64_t>(*known.rbegin(), 0);
    salvaged.bookmark_sequence =
        collected.bookmark_sequence >= 0
            ? std::max(collected.bookmark_sequence, highest_id)
            : highest_id + (known.empty() && !looked_like_a_store ? 0 : unknown_sequence_margin);
    const std::int64_t highest_view =
        collected.history.empty() ? 0 : collected.history.rbegin()->first;
    salvaged.history_sequence = std::max(collected.history_sequence, highest_view);
    salvaged.looked_like_a_store = looked_like_a_store || !known.empty();
    finish_diary(collected, salvaged);
    return salvaged;
}

// Bookmarks and diary entries read whole: what a page size is judged by.
std::size_t rows_read(const Collected& collected) {
    return collected.bookmarks.size() + collected.diary.size();
}

} // namespace

SalvagedStore read_damaged_store(const std::string& main_file, const std::string& wal_file) {
    // The header's page size first, read by SQLite and by hand; then, when that reads no
    // bookmark or diary entry (the header itself may be damaged), every other page size by hand,
    // the one that reads the most kept.
    const std::uint32_t header_page_size = store_pages::StoreImage::header_page_size(main_file);
    std::vector<std::uint32_t> page_sizes;
    if (header_page_size != 0) page_sizes.push_back(header_page_size);
    for (std::uint32_t page_size = 512; page_size <= 65536; page_size *= 2)
        if (page_size != header_page_size) page_sizes.push_back(page_size);
    std::optional<Collected> best;
    for (std::uint32_t page_size : page_sizes) {
        // Other page sizes only when the header's reads no row at all.
        if (page_size != header_page_size && header_page_size != 0 && best && rows_read(*best) > 0)
            break;
        const store_pages::StoreImage image(main_file, wal_file, page_size);
        if (image.page_count() == 0) continue;
        Collected attempt;
        const int version = image.user_version();
        if (version >= 1 && version <= user_store_schema_version) attempt.version = version;
        if (page_size == header_page_size) read_with_sqlite(image.bytes(), attempt);
        read_by_hand(image, attempt);
        if (!best || rows_read(attempt) > rows_read(*best)) best = std::move(attempt);
    }
    if (!best) best.emplace();
    return finish(*best, header_page_size != 0);
}

} // namespace lungguide
