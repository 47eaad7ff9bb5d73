// Salvage of a damaged store: stores damaged at random (bytes in the schema's text, in data
// pages, in indexes, whole pages zeroed, truncation) give back every bookmark and symptom
// diary entry SQLite itself can still read, none altered, with their ids; and the page walk
// by hand reads exactly what SQLite reads, the WAL's frames included.
#include "bookmarks/store_pages.h"
#include "bookmarks/store_salvage.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_store.h"
#include "bookmarks/user_store_schema.h"
#include "common/sqlite_statement.h"
#include "user_store_test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <random>
#include <set>
#include <string>

using namespace lungguide;
using namespace user_store_test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A note of about size bytes, with accents and an emoji, so long ones overflow their page.
std::string note_of(int index, std::size_t size) {
    std::string note = "Note " + std::to_string(index) + ": ";
    while (note.size() < size)
        note += "dose é 80 mg 😀 ask about the rash ";
    return note;
}

using user_store_schema::DiaryRow;

struct Reference {
    std::map<std::int64_t, Bookmark> bookmarks;
    std::int64_t highest_id_ever = 0;
    std::map<std::int64_t, std::string> drafts;
    std::map<std::int64_t, DiaryRow> diary; // as stored, checksum included
    std::int64_t highest_diary_id_ever = 0;
    std::string bytes;
};

bool same_row(const DiaryRow& one, const DiaryRow& other) {
    return one.id == other.id && one.person == other.person && one.day == other.day &&
           one.words == other.words && one.severity == other.severity && one.note == other.note &&
           one.created == other.created && one.updated == other.updated &&
           one.links_key == other.links_key && one.links == other.links &&
           one.checksum == other.checksum;
}

// The diary rows of the store at path, as stored (read with SQLite, from outside the store).
std::map<std::int64_t, DiaryRow> diary_rows_in(const std::string& path) {
    std::map<std::int64_t, DiaryRow> rows;
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite::Statement select(
            database,
            (std::string("SELECT ") + user_store_schema::diary_row_columns + " FROM symptom_diary")
                .c_str());
        while (select.step() == SQLITE_ROW) {
            const DiaryRow row = user_store_schema::diary_row_fields(select);
            rows[row.id] = row;
        }
    }
    sqlite3_close(database);
    return rows;
}

// 42 diary entries for three people (some notes long enough to overflow, some linked to the
// page), two removed: 40 left, ids up to 42 used.
void add_reference_diary(UserStore& store, Reference& reference) {
    static const char* const people[] = {"Mum", "Dad", ""};
    static const char* const words[] = {"the runs", "tired", "rash on my face", "hiccups"};
    std::vector<DiaryEntry> incoming;
    for (int index = 0; index < 42; ++index) {
        DiaryEntry entry;
        entry.person = people[index % 3];
        entry.date = "2024-0" + std::to_string(1 + index % 9) + "-1" + std::to_string(index % 10);
        entry.text = std::string(words[index % 4]) + " " + std::to_string(index);
        entry.severity = static_cast<DiarySeverity>(index % 4);
        entry.note = index % 5 == 0   ? "diary " + note_of(index, 1500)
                     : index % 2 == 0 ? "after lunch, day " + std::to_string(index)
                                      : "";
        incoming.push_back(entry);
    }
    SymptomDiary diary(store);
    REQUIRE(diary.import_entries(incoming).ok());
    const DiaryLinks links{"pack-1", {{"diarrhea", "diarrhea", "egfr", Severity::common}}, {}};
    for (std::int64_t id : {1, 4, 9, 21, 33})
        REQUIRE(diary.set_links(id, links).ok());
    for (std::int64_t removed : {5, 42})
        REQUIRE(diary.remove_entry(removed).ok());
    reference.highest_diary_id_ever = 42;
}

// 120 bookmarks (some with notes long enough to overflow), a few removed (so the id sequence
// runs past the highest id left), drafts, settings and history; closed, so all of it is in
// the main file. Made once (every change is fsynced) and copied where needed.
Reference build_reference(const std::string& folder) {
    Reference reference;
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    // One import: every change is fsynced and checkpointed, so one transaction, not 124.
    static const char* const people[] = {"Mum", "Dad", ""};
    std::vector<Bookmark> incoming;
    for (int index = 0; index < 124; ++index) {
        const std::size_t size = index % 7 == 0 ? 3500 : index % 3 == 0 ? 600 : 40;
        incoming.push_back({0, index % 2 ? "drug" : "class", "target-" + std::to_string(index),
                            people[index % 3], note_of(index, size), "", "", false, false});
    }
    REQUIRE(store->import_bookmarks(incoming).ok());
    reference.highest_id_ever = 124;
    for (std::int64_t removed : {7, 50, 123, 124})
        REQUIRE(store->remove_bookmark(removed).ok());
    for (std::int64_t id : {3, 9, 30, 77})
        REQUIRE(store->save_note_draft(id, "draft for " + std::to_string(id)).ok());
    REQUIRE(store->set_setting("theme", "dark").ok());
    for (int index = 0; index < 6; ++index)
        REQUIRE(store->record_view("class/target-" + std::to_string(index)).ok());
    add_reference_diary(*store, reference);
    for (const Bookmark& bookmark : store->bookmarks())
        reference.bookmarks[bookmark.id] = bookmark;
    for (const auto& [id, text] : store->note_drafts())
        reference.drafts[id] = text;
    store.reset();
    const std::string path = std::string(folder) + "/" + user_store_file_name;
    reference.bytes = read_bytes(path);
    reference.diary = diary_rows_in(path);
    REQUIRE(reference.diary.size() == 40);
    return reference;
}

// Salvage is tested for its logic: the folders live in memory where there is /dev/shm.
constexpr const char* in_memory = "/dev/shm";

const Reference& reference_store() {
    static const TemporaryFolder folder(in_memory);
    static const Reference reference = build_reference(folder.path());
    return reference;
}

// The reference store, copied into folder.
const Reference& make_reference(const std::string& folder) {
    const Reference& reference = reference_store();
    write_bytes(folder + "/" + user_store_file_name, reference.bytes);
    return reference;
}

bool same_bookmark(const Bookmark& one, const Bookmark& other) {
    return one.id == other.id && one.kind == other.kind && one.target == other.target &&
           one.person == other.person && one.note == other.note && one.created == other.created &&
           one.updated == other.updated;
}

// The store's diary rows must be the reference's, unaltered, but for rows that fail their
// checksum (a store that still opens, with a changed byte: shown flagged as damaged, never
// silently altered). Returns the ids of the rows that are whole.
std::set<std::int64_t> diary_back_unaltered(const std::string& folder, const Reference& reference) {
    std::set<std::int64_t> ids;
    for (const auto& [id, row] : diary_rows_in(folder + "/" + user_store_file_name)) {
        CAPTURE(id);
        REQUIRE(reference.diary.count(id) == 1);
        if (row.checksum != user_store_schema::diary_row_checksum(row)) continue;
        CHECK(same_row(row, reference.diary.at(id)));
        ids.insert(id);
    }
    return ids;
}

// Opens the damaged store in folder, which must give back all 120 bookmarks and all 40
// diary entries as they were.
std::unique_ptr<UserStore> open_with_all_back(const std::string& folder,
                                              const Reference& reference) {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    CHECK_MESSAGE(contains(message, "Recovered all 120 bookmarks and all 40 diary entries."),
                  message);
    const auto all = store->bookmarks();
    REQUIRE(all.size() == 120);
    for (const Bookmark& bookmark : all)
        CHECK(same_bookmark(bookmark, reference.bookmarks.at(bookmark.id)));
    CHECK(diary_back_unaltered(folder, reference).size() == 40);
    return store;
}

// The bookmarks plain SQLite can still read from a damaged file, unaltered: each id looked
// up on its own, with writable_schema (what the sqlite3 shell's .dump does).
std::set<std::int64_t> readable_by_sqlite(const std::string& path, const Reference& reference) {
    std::set<std::int64_t> readable;
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_exec(database, "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
        sqlite3_exec(database, "SELECT 1 FROM sqlite_schema", nullptr, nullptr, nullptr);
        for (const auto& [id, bookmark] : reference.bookmarks) {
            sqlite3_stmt* select = nullptr;
            if (sqlite3_prepare_v2(
                    database, "SELECT note, person, updated, checksum FROM bookmarks WHERE id = ?",
                    -1, &select, nullptr) != SQLITE_OK)
                break;
            sqlite3_bind_int64(select, 1, id);
            if (sqlite3_step(select) == SQLITE_ROW) {
                const auto text = [&](int column) {
                    const unsigned char* value = sqlite3_column_text(select, column);
                    return value ? std::string(reinterpret_cast<const char*>(value),
                                               sqlite3_column_bytes(select, column))
                                 : std::string();
                };
                // The whole row: one whose checksum is cut off can't be told from altered.
                if (text(0) == bookmark.note && text(1) == bookmark.person &&
                    text(2) == bookmark.updated &&
                    text(3) == user_store_schema::bookmark_checksum(bookmark))
                    readable.insert(id);
            }
            sqlite3_finalize(select);
        }
    }
    sqlite3_close(database);
    return readable;
}

// The diary rows plain SQLite can still read whole from a damaged file (every column, the
// checksum included, as stored), each id looked up on its own as for bookmarks.
std::set<std::int64_t> diary_readable_by_sqlite(const std::string& path,
                                                const Reference& reference) {
    std::set<std::int64_t> readable;
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(path.c_str(), &database, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_exec(database, "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
        sqlite3_exec(database, "SELECT 1 FROM sqlite_schema", nullptr, nullptr, nullptr);
        sqlite::Statement select(database,
                                 (std::string("SELECT ") + user_store_schema::diary_row_columns +
                                  " FROM symptom_diary WHERE id = ?")
                                     .c_str());
        for (const auto& [id, row] : reference.diary) {
            if (!select.prepared()) break;
            select.reset();
            select.bind(1, id);
            if (select.step() == SQLITE_ROW &&
                same_row(user_store_schema::diary_row_fields(select), row))
                readable.insert(id);
        }
    }
    sqlite3_close(database);
    return readable;
}

enum class Damage { schema_text, table_page, index_page, zeroed_page, truncated };

const char* damage_name(Damage damage) {
    switch (damage) {
    case Damage::schema_text:
        return "schema text";
    case Damage::table_page:
        return "table page";
    case Damage::index_page:
        return "index page";
    case Damage::zeroed_page:
        return "zeroed page";
    case Damage::truncated:
        break;
    }
    return "truncated";
}

// The pages whose first byte says they are of this b-tree type (13 table leaf, 5 table
// interior, 10 index leaf, 2 index interior).
std::vector<std::size_t> pages_of_type(const std::string& bytes, std::initializer_list<int> types) {
    std::vector<std::size_t> pages;
    for (std::size_t page = 1; page * 4096 < bytes.size(); ++page) {
        const int type = static_cast<unsigned char>(bytes[page * 4096]);
        if (std::find(types.begin(), types.end(), type) != types.end()) pages.push_back(page);
    }
    return pages;
}

void damage_bytes(std::string& bytes, Damage damage, std::mt19937& random) {
    const auto pick = [&](std::size_t count) {
        return std::uniform_int_distribution<std::size_t>(0, count - 1)(random);
    };
    const auto flip_in = [&](std::size_t start, std::size_t size) {
        const std::size_t flips = 1 + pick(3);
        for (std::size_t flip = 0; flip < flips; ++flip)
            bytes[start + pick(size)] ^= static_cast<char>(1 << pick(8));
    };
    if (damage == Damage::schema_text) {
        std::vector<std::size_t> texts;
        for (std::size_t at = bytes.find("CREATE"); at < 4096; at = bytes.find("CREATE", at + 1))
            texts.push_back(at);
        REQUIRE(!texts.empty());
        flip_in(texts[pick(texts.size())], 30);
    } else if (damage == Damage::table_page || damage == Damage::index_page) {
        const auto pages = damage == Damage::table_page ? pages_of_type(bytes, {13, 5})
                                                        : pages_of_type(bytes, {10, 2});
        REQUIRE(!pages.empty());
        flip_in(pages[pick(pages.size())] * 4096, 4096);
    } else if (damage == Damage::zeroed_page) {
        const std::size_t page = 1 + pick(bytes.size() / 4096 - 1);
        std::fill(bytes.begin() + page * 4096, bytes.begin() + (page + 1) * 4096, '\0');
    } else {
        bytes.resize(4096 + pick(bytes.size() - 4096));
    }
}

// The reference store's bytes with one byte changed in a table's statement in the schema
// (its first page): "CREATE TABLE" becomes "CREATE XABLE".
std::string schema_text_damaged(const Reference& reference, const std::string& statement) {
    std::string bytes = reference.bytes;
    const std::size_t at = bytes.find(statement);
    REQUIRE(at < 4096);
    bytes[at + 7] = 'X';
    return bytes;
}

// readable_by_sqlite or diary_readable_by_sqlite.
using ReadBySqlite = std::set<std::int64_t> (*)(const std::string&, const Reference&);

// What plain SQLite reads from a copy of these bytes, with read.
std::set<std::int64_t> sqlite_reads(const std::string& bytes, const Reference& reference,
                                    ReadBySqlite read) {
    TemporaryFolder oracle;
    write_bytes(oracle.file("copy.sqlite"), bytes);
    return read(oracle.file("copy.sqlite"), reference);
}

// SQLite reaches a leaf only through the interior pages above it: the reference store with
// table's root (an interior page) zeroed, from which plain SQLite reads no row of the table,
// must still give every bookmark and diary entry back (the page walk reads the leaves the
// page cut off, and believes a row there only when it matches its checksum).
void check_zeroed_root_page(const std::string& table, ReadBySqlite read) {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    const std::string path = folder.file(user_store_file_name);
    std::string root;
    {
        RawDatabase raw(path, true);
        root = raw.value("SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'");
    }
    std::string bytes = reference.bytes;
    const std::size_t start = (std::stoul(root) - 1) * 4096;
    REQUIRE(static_cast<unsigned char>(bytes[start]) == 5); // an interior page
    std::fill(bytes.begin() + start, bytes.begin() + start + 4096, '\0');
    write_bytes(path, bytes);
    CHECK(sqlite_reads(bytes, reference, read).empty());

    open_with_all_back(folder.path(), reference);
}

// Zeroes the leaf page holding rows.at(20), where(row) telling where a row's bytes lie;
// returns the ids of the rows that page held (more than one).
template <typename Rows, typename Where>
std::set<std::int64_t> zero_leaf_page_of(std::string& bytes, const Rows& rows, Where where) {
    const std::size_t page = where(rows.at(20)) / 4096;
    REQUIRE(page * 4096 < bytes.size());
    REQUIRE(static_cast<unsigned char>(bytes[page * 4096]) == 13);
    std::set<std::int64_t> lost;
    for (const auto& [id, row] : rows)
        if (where(row) / 4096 == page) lost.insert(id);
    REQUIRE(lost.size() > 1);
    std::fill(bytes.begin() + page * 4096, bytes.begin() + (page + 1) * 4096, '\0');
    return lost;
}

} // namespace

TEST_CASE("stores damaged at random give back every bookmark and diary entry SQLite can read, "
          "none altered") {
    TemporaryFolder origin(in_memory);
    const Reference& reference = make_reference(origin.path());
    std::mt19937 random(20240827);
    std::size_t total = 0, recovered_total = 0, sqlite_total = 0, salvaged_stores = 0;
    std::size_t diary_total = 0, diary_recovered_total = 0, diary_sqlite_total = 0;
    for (int trial = 0; trial < 50; ++trial) {
        const Damage damage = static_cast<Damage>(trial % 5);
        CAPTURE(trial);
        CAPTURE(damage_name(damage));
        TemporaryFolder folder(in_memory);
        std::string bytes = reference.bytes;
        damage_bytes(bytes, damage, random);
        const std::string path = folder.file(user_store_file_name);
        write_bytes(path, bytes);
        TemporaryFolder oracle(in_memory);
        write_bytes(oracle.file("copy.sqlite"), bytes);
        const std::set<std::int64_t> readable =
            readable_by_sqlite(oracle.file("copy.sqlite"), reference);
        const std::set<std::int64_t> diary_readable =
            diary_readable_by_sqlite(oracle.file("copy.sqlite"), reference);

        std::string message;
        auto store = open_store(folder.path(), message);
        REQUIRE_MESSAGE(store, message);
        std::map<std::int64_t, Bookmark> got;
        for (const Bookmark& bookmark : store->bookmarks())
            got[bookmark.id] = bookmark;
        for (const auto& [id, bookmark] : got) {
            CAPTURE(id);
            REQUIRE(reference.bookmarks.count(id) == 1);
            if (!bookmark.damaged) CHECK(same_bookmark(bookmark, reference.bookmarks.at(id)));
        }
        for (std::int64_t id : readable) {
            CAPTURE(id);
            CHECK(got.count(id) == 1);
        }
        // Every diary row in the store is the reference's, as stored (checksum included).
        const std::set<std::int64_t> diary_got = diary_back_unaltered(folder.path(), reference);
        for (std::int64_t id : diary_readable) {
            CAPTURE(id);
            CHECK(diary_got.count(id) == 1);
        }
        if (store->salvage()) {
            ++salvaged_stores;
            CHECK(store->salvage()->recovered == got.size());
            CHECK(store->salvage()->known >= got.size());
            CHECK(store->salvage()->diary_recovered == diary_got.size());
            CHECK(store->salvage()->diary_known >= diary_got.size());
            CHECK(kept_aside_in(folder.path()).size() == 1);
            CHECK(contains(message, store->salvage()->counts_sentence()));
            // No id that named a bookmark is handed out again.
            std::int64_t id = 0;
            REQUIRE(store->add_bookmark("class", "egfr", "New", "", &id).ok());
            CHECK(id > reference.highest_id_ever);
            DiaryEntry entry;
            entry.person = "New";
            entry.text = "tired";
            REQUIRE(SymptomDiary(*store).add_entry(entry, &id).ok());
            CHECK(id > reference.highest_diary_id_ever);
        }
        total += reference.bookmarks.size();
        recovered_total += got.size();
        sqlite_total += readable.size();
        diary_total += reference.diary.size();
        diary_recovered_total += diary_got.size();
        diary_sqlite_total += diary_readable.size();
    }
    CHECK(salvaged_stores >= 30);
    // Salvage reads more than SQLite alone: it mends the schema, and walks round damage.
    CHECK(recovered_total > sqlite_total);
    CHECK(diary_recovered_total > diary_sqlite_total);
    MESSAGE("salvage: " << recovered_total << " of " << total << " bookmarks back (" << sqlite_total
                        << " readable by SQLite itself), " << diary_recovered_total << " of "
                        << diary_total << " diary entries back (" << diary_sqlite_total
                        << ") in 50 damaged stores");
}

TEST_CASE("one damaged byte in the schema's text: every row back, drafts and settings too") {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    // "CREATE XABLE": SQLite reads no table at all.
    const std::string bytes = schema_text_damaged(reference, "CREATE TABLE \"bookmarks\"");
    const std::string path = folder.file(user_store_file_name);
    write_bytes(path, bytes);
    {
        RawDatabase plain(path, true);
        CHECK(plain.value("SELECT COUNT(*) FROM bookmarks").empty());
    }
    auto store = open_with_all_back(folder.path(), reference);
    CHECK(store->note_drafts().size() == reference.drafts.size());
    CHECK(store->setting("theme", "light") == "dark");
    CHECK(store->recent_views(50).size() == 6);
    std::int64_t id = 0;
    REQUIRE(store->add_bookmark("class", "egfr", "New", "", &id).ok());
    CHECK(id == reference.highest_id_ever + 1); // the sequence came along: 124 was removed
    DiaryEntry entry;
    entry.text = "tired";
    REQUIRE(SymptomDiary(*store).add_entry(entry, &id).ok());
    CHECK(id == reference.highest_diary_id_ever + 1); // 42 was removed
    CHECK(SymptomDiary(*store).check().ok());
}

TEST_CASE("a zeroed interior page: every bookmark below it still comes back") {
    check_zeroed_root_page("bookmarks", readable_by_sqlite);
}

// The indexes still name the bookmarks of a lost page: the person is told how many could
// not be read, and a numbered command names exactly what it named before, or fails.
TEST_CASE("a lost leaf page: 'Recovered 113 of 120 bookmarks; 7 could not be read.'") {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    const std::string path = folder.file(user_store_file_name);
    std::string bytes = reference.bytes;
    // The bookmarks' leaf page holding bookmark 20 (a short note: several share its page).
    // Each note starts "Note <index>: ", and the leaf holds at least that much of it.
    const auto where = [&](const Bookmark& bookmark) {
        return bytes.find(bookmark.note.substr(0, bookmark.note.find(':') + 1));
    };
    const std::set<std::int64_t> lost = zero_leaf_page_of(bytes, reference.bookmarks, where);
    write_bytes(path, bytes);

    std::string message;
    auto store = open_store(folder.path(), message);
    REQUIRE_MESSAGE(store, message);
    const std::size_t left = 120 - lost.size();
    CHECK_MESSAGE(contains(message, "Recovered " + std::to_string(left) +
                                        " of 120 bookmarks and all 40 diary entries; " +
                                        std::to_string(lost.size()) +
                                        " bookmarks could not be read."),
                  message);
    CHECK(contains(message, "importing that file brings back the ones that are missing"));
    CHECK(store->bookmarks().size() == left);
    for (std::int64_t id : lost) {
        CAPTURE(id);
        CHECK_FALSE(store->bookmark(id));
        CHECK(store->remove_bookmark(id).problem == Problem::not_found);
        CHECK(store->update_note(id, "x").problem == Problem::not_found);
    }
    const std::int64_t kept = lost.count(1) ? 2 : 1;
    Bookmark removed;
    REQUIRE(store->remove_bookmark(kept, &removed).ok());
    CHECK(same_bookmark(removed, reference.bookmarks.at(kept)));
}

// A family's diary is salvaged as their bookmarks are: the entries of a lost leaf page are
// counted from the diary's index and said to be missing, their ids never name another entry,
// and every other entry comes back as stored.
TEST_CASE("a lost diary page: 'Recovered all 120 bookmarks and 35 of 40 diary entries; 5 …'") {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    std::string bytes = reference.bytes;
    // The day and the words lie side by side in a diary row, and together are unique here.
    const auto where = [&](const DiaryRow& row) { return bytes.find(row.day + row.words); };
    const std::set<std::int64_t> lost = zero_leaf_page_of(bytes, reference.diary, where);
    REQUIRE(lost.size() < 40);
    write_bytes(folder.file(user_store_file_name), bytes);

    std::string message;
    auto store = open_store(folder.path(), message);
    REQUIRE_MESSAGE(store, message);
    const std::size_t left = 40 - lost.size();
    CHECK_MESSAGE(contains(message, "Recovered all 120 bookmarks and " + std::to_string(left) +
                                        " of 40 diary entries; " + std::to_string(lost.size()) +
                                        " diary entries could not be read."),
                  message);
    CHECK(contains(message, "If you exported your bookmarks and diary, importing that file"));
    REQUIRE(store->salvage());
    CHECK(store->salvage()->diary_known == 40);
    const std::set<std::int64_t> back = diary_back_unaltered(folder.path(), reference);
    CHECK(back.size() == left);
    SymptomDiary diary(*store);
    CHECK(diary.check().ok());
    for (std::int64_t id : lost) {
        CAPTURE(id);
        CHECK_FALSE(diary.entry(id));
        CHECK(diary.remove_entry(id).problem == Problem::not_found);
    }
    DiaryEntry entry;
    entry.text = "tired";
    std::int64_t id = 0;
    REQUIRE(diary.add_entry(entry, &id).ok());
    CHECK(id == reference.highest_diary_id_ever + 1);
    // Settings and `bookmarks check` list the kept file with both counts.
    const std::vector<KeptAsideFile> kept = store->kept_aside_files();
    REQUIRE(kept.size() == 1);
    REQUIRE(kept[0].counts());
    CHECK(kept[0].counts()->phrase() ==
          "120 of 120 bookmarks and " + std::to_string(left) + " of 40 diary entries");
}

// The diary's entry is the schema's last: with one damaged byte in it, SQLite reads every
// table but the diary; the page walk finds the diary by its root page.
TEST_CASE("one damaged byte in the diary's schema text: every entry back by the page walk") {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    const std::string bytes = schema_text_damaged(reference, "CREATE TABLE symptom_diary");
    write_bytes(folder.file(user_store_file_name), bytes);
    CHECK(sqlite_reads(bytes, reference, diary_readable_by_sqlite).empty());

    open_with_all_back(folder.path(), reference);
}

TEST_CASE("a zeroed interior page of the diary: every entry below it still comes back") {
    check_zeroed_root_page("symptom_diary", diary_readable_by_sqlite);
}

// What a killed writer (or an earlier LungGuide, which did not checkpoint after each change)
// left committed in the journal is part of the store: salvage reads it too.
TEST_CASE("a damaged store whose journal holds commits: those are salvaged too") {
    TemporaryFolder source, folder;
    const Reference& reference = make_reference(source.path());
    const std::string path = source.file(user_store_file_name);
    RawDatabase raw(path);
    REQUIRE(raw.execute("PRAGMA wal_autocheckpoint = 0") == SQLITE_OK);
    Bookmark changed = reference.bookmarks.at(1);
    changed.note = "changed in the journal";
    REQUIRE(raw.execute("UPDATE bookmarks SET note = '" + changed.note + "', checksum = '" +
                        user_store_schema::bookmark_checksum(changed) + "' WHERE id = 1") ==
            SQLITE_OK);
    std::string bytes = read_bytes(path);
    bytes[bytes.find("CREATE TABLE \"bookmarks\"") + 7] = 'X';
    write_bytes(folder.file(user_store_file_name), bytes);
    write_bytes(folder.file(user_store_file_name) + "-wal", read_bytes(path + "-wal"));

    std::string message;
    auto store = open_store(folder.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(contains(message, "Recovered all 120 bookmarks and all 40 diary entries."));
    CHECK(contains(message, "(with its journal, "));
    REQUIRE(store->bookmark(1));
    CHECK(store->bookmark(1)->note == "changed in the journal");
    CHECK_FALSE(store->bookmark(1)->damaged);
}

TEST_CASE("the page walk reads an intact store exactly as SQLite does, overflow pages too") {
    TemporaryFolder folder;
    const Reference& reference = make_reference(folder.path());
    const store_pages::StoreImage image(reference.bytes, "");
    REQUIRE(image.usable());
    store_pages::PageWalk walk(image);
    std::map<std::string, std::uint32_t> roots, indexes;
    walk.table_rows(1, [&](const store_pages::RawRow& row) {
        (row.values[0].bytes == "table" ? roots : indexes)[row.values[1].bytes] =
            static_cast<std::uint32_t>(row.values[3].integer);
    });
    for (const auto& [name, root] : roots)
        if (name != "bookmarks") walk.table_rows(root, [](const store_pages::RawRow&) {});
    for (const auto& [name, root] : indexes)
        if (name.find("bookmarks") != std::string::npos)
            CHECK(walk.index_rowids(root).size() == 120);
    std::map<std::int64_t, std::string> notes;
    walk.table_rows(roots.at("bookmarks"), [&](const store_pages::RawRow& row) {
        REQUIRE(row.values.size() == 8);
        notes[row.rowid] = row.values[4].bytes;
    });
    REQUIRE(notes.size() == reference.bookmarks.size());
    for (const auto& [id, bookmark] : reference.bookmarks)
        CHECK(notes.at(id) == bookmark.note);
    CHECK(walk.damaged_pages() == 0);
    // Nothing is left over: every leaf is reached from a root.
    std::size_t unreached = 0;
    walk.unreached_leaf_rows([&](const store_pages::RawRow&) { ++unreached; });
    CHECK(unreached == 0);
}

// SQLite's recovery rule for the WAL (frames count while salts match and the running checksum
// holds; the log ends at the last commit before the first that fails), checked against
// SQLite itself on WALs damaged at random.
TEST_CASE("the journal's frames are laid over the file exactly as SQLite's recovery does") {
    TemporaryFolder folder(in_memory);
    make_reference(folder.path());
    const std::string path = folder.file(user_store_file_name);
    RawDatabase raw(path);
    REQUIRE(raw.execute("PRAGMA wal_autocheckpoint = 0") == SQLITE_OK);
    for (int index = 0; index < 12; ++index)
        REQUIRE(raw.execute("INSERT INTO settings (key, value) VALUES ('key " +
                            std::to_string(index) + "', '" + std::string(300 * index, 'v') +
                            "')") == SQLITE_OK);
    const std::string main_file = read_bytes(path), wal = read_bytes(path + "-wal");
    REQUIRE(wal.size() > 32 + 12 * (24 + 4096));
    std::mt19937 random(7);
    for (int trial = 0; trial < 40; ++trial) {
        CAPTURE(trial);
        std::string damaged = wal;
        if (trial > 0) {
            const std::size_t at =
                std::uniform_int_distribution<std::size_t>(0, damaged.size() - 1)(random);
            damaged[at] ^= static_cast<char>(1 << (trial % 8));
        }
        TemporaryFolder copy(in_memory);
        write_bytes(copy.file("s.sqlite"), main_file);
        write_bytes(copy.file("s.sqlite-wal"), damaged);
        std::string by_sqlite;
        {
            RawDatabase itself(copy.file("s.sqlite"));
            by_sqlite = itself.value("SELECT group_concat(key || length(value), ',') FROM "
                                     "(SELECT * FROM settings ORDER BY key)");
        }
        const store_pages::StoreImage image(main_file, damaged);
        TemporaryFolder laid(in_memory);
        write_bytes(laid.file("s.sqlite"), image.bytes());
        RawDatabase by_hand(laid.file("s.sqlite"));
        CHECK(by_hand.value("SELECT group_concat(key || length(value), ',') FROM "
                            "(SELECT * FROM settings ORDER BY key)") == by_sqlite);
    }
}

// The app holds the store open; the text reader finds it damaged and salvages it. The app's
// next change must not go into the file now kept aside (it would be lost from view), and
// closing the app must not checkpoint or delete the fresh store's journal by its name.
TEST_CASE("a LungGuide holding a store that another salvaged can't write into the old one") {
    TemporaryFolder folder;
    make_reference(folder.path());
    std::string message;
    auto app = open_store(folder.path(), message);
    REQUIRE_MESSAGE(app, message);
    const std::string path = folder.file(user_store_file_name);
    {
        std::string bytes = read_bytes(path);
        bytes[bytes.find("CREATE TABLE \"bookmarks\"") + 7] = 'X';
        RawDatabase raw(path); // writes in place, as damage on the disk would
        write_bytes(path, bytes);
    }
    auto reader = open_store(folder.path(), message);
    REQUIRE_MESSAGE(reader, message);
    REQUIRE(reader->salvage());
    const Status refused = app->add_bookmark("class", "alk", "Held", "");
    CHECK_MESSAGE(refused.problem == Problem::failed, refused.message_for_person);
    CHECK_MESSAGE(contains(refused.message_for_person,
                           "another LungGuide found your bookmarks file "
                           "damaged"),
                  refused.message_for_person);
    std::int64_t id = 0;
    REQUIRE(reader->add_bookmark("class", "alk", "Fresh", "", &id).ok());
    REQUIRE(exists(path + "-wal"));
    REQUIRE(exists(path + "-shm"));
    app.reset(); // closes the old file's connection: the fresh store's files stay
    CHECK(exists(path + "-wal"));
    CHECK(exists(path + "-shm"));
    reader.reset();
    auto again = open_store(folder.path(), message);
    REQUIRE_MESSAGE(again, message);
    CHECK(message.empty());
    CHECK(again->bookmarks().size() == 121);
    CHECK(again->bookmark(id));
    CHECK(again->bookmarks(std::string("Held")).empty());
}
