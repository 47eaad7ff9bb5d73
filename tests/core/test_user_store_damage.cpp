// Damage the store's own checks must notice, each from a fault found by attacking it:
// an edited schema, a damaged index, a changed byte in a row, a damaged WAL, a newer
// schema, links and special files in the store's place.
#include "bookmarks/user_store.h"
#include "user_store_test_support.h"

#include <algorithm>
#include <cstdio>
#include <doctest/doctest.h>
#include <string>
#include <unistd.h>

using namespace lungguide;
using namespace user_store_test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void make_store(const std::string& folder, int count, const std::string& note = "note") {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    // One import (one transaction, one checkpoint) rather than count fsynced adds.
    std::vector<Bookmark> bookmarks;
    for (int index = 0; index < count; ++index)
        bookmarks.push_back({0, "drug", "drug-" + std::to_string(index), "Mum",
                             note + " " + std::to_string(index), "", "", false, false});
    REQUIRE(store->import_bookmarks(bookmarks).ok());
}

// Opens the store in folder and checks it was kept aside byte for byte, and that a fresh
// store holds every one of its bookmarks, with their ids, and never reuses one.
void check_salvaged(const std::string& folder, const std::string& expected_bytes, int count) {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    CHECK(contains(message, "was damaged"));
    CHECK(contains(message, "Recovered all " + std::to_string(count) + " bookmarks."));
    CHECK(contains(message, "The damaged file is kept at " + folder + "/"));
    CHECK(stores_in(folder).size() == 2);
    const auto aside = kept_aside_in(folder);
    REQUIRE(aside.size() == 1);
    CHECK(read_bytes(folder + "/" + aside[0]) == expected_bytes);
    REQUIRE(store->salvage());
    CHECK(store->salvage()->recovered == static_cast<std::size_t>(count));
    const auto all = store->bookmarks();
    REQUIRE(all.size() == static_cast<std::size_t>(count));
    for (int index = 0; index < count; ++index) {
        CHECK(all[index].id == index + 1);
        CHECK(all[index].target == "drug-" + std::to_string(index));
        CHECK_FALSE(all[index].damaged);
    }
    CHECK(store->check_integrity().ok());
    std::int64_t id = 0;
    CHECK(store->add_bookmark("class", "egfr", "", "", &id).ok());
    CHECK(id == count + 1);
}

} // namespace

TEST_CASE("a schema edited to an unknown collation is noticed and salvaged, not stuck") {
    TemporaryFolder temporary;
    make_store(temporary.path(), 3);
    const std::string path = temporary.file(user_store_file_name);
    {
        RawDatabase raw(path);
        REQUIRE(raw.execute("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                            "replace(sql, 'COLLATE NOCASE', 'COLLATE NOSUCH') WHERE name = "
                            "'bookmarks'; PRAGMA writable_schema = OFF;") == SQLITE_OK);
    }
    check_salvaged(temporary.path(), read_bytes(path), 3);
}

TEST_CASE("a schema with an extra or a missing index is noticed") {
    for (const char* edit :
         {"CREATE INDEX surprise ON bookmarks (note)", "DROP INDEX bookmarks_by_person",
          "CREATE TRIGGER hidden AFTER INSERT ON bookmarks BEGIN "
          "DELETE FROM bookmarks; END"}) {
        CAPTURE(edit);
        TemporaryFolder temporary;
        make_store(temporary.path(), 2);
        const std::string path = temporary.file(user_store_file_name);
        { REQUIRE(RawDatabase(path).execute(edit) == SQLITE_OK); }
        check_salvaged(temporary.path(), read_bytes(path), 2);
    }
}

TEST_CASE("a damaged index is noticed at open, before a change builds on it") {
    TemporaryFolder temporary;
    make_store(temporary.path(), 20);
    const std::string path = temporary.file(user_store_file_name);
    std::string root_page;
    {
        RawDatabase raw(path);
        root_page = raw.value("SELECT rootpage FROM sqlite_master WHERE name = "
                              "'bookmarks_by_person'");
    }
    std::string bytes = read_bytes(path);
    const std::size_t page_size = 4096;
    const std::size_t page_start = (std::stoul(root_page) - 1) * page_size;
    REQUIRE(page_start + page_size <= bytes.size());
    // Every index entry holds the person: change one "Mum" inside the index page only.
    const std::size_t at = bytes.find("Mum", page_start);
    REQUIRE(at < page_start + page_size);
    bytes[at] = 'N';
    write_bytes(path, bytes);
    {
        RawDatabase raw(path);
        REQUIRE(raw.value("PRAGMA quick_check") == "ok"); // what the open used to run
    }
    check_salvaged(temporary.path(), bytes, 20);
}

TEST_CASE("a row changed on the disk is flagged damaged, shown as read, never corrected") {
    TemporaryFolder temporary;
    make_store(temporary.path(), 5, "Ask about the rash");
    const std::string path = temporary.file(user_store_file_name);
    std::string bytes = read_bytes(path);
    // A single flipped letter in one note: the file stays a sound SQLite database.
    const std::size_t at = bytes.find("Ask about the rash 3");
    REQUIRE(at != std::string::npos);
    bytes[at + 4] = 'A'; // "about" -> "About"
    write_bytes(path, bytes);

    auto store = opened_store(temporary.path());
    const auto all = store->bookmarks();
    REQUIRE(all.size() == 5);
    int damaged = 0;
    for (const Bookmark& bookmark : all) {
        if (!bookmark.damaged) continue;
        ++damaged;
        CHECK(bookmark.note == "Ask About the rash 3"); // what could be read, unchanged
        // Not "corrected" by a change that would write a fresh checksum over it.
        const Status status = store->update_note(bookmark.id, "new text");
        CHECK_FALSE(status.ok());
        CHECK(status.problem == Problem::damaged);
        CHECK(contains(status.message_for_person, "is damaged"));
        CHECK_FALSE(store->add_bookmark("drug", bookmark.target, "Mum", "again").ok());
        CHECK(store->bookmark(bookmark.id)->damaged);
    }
    CHECK(damaged == 1);
    const Status damaged_store = store->check_integrity();
    CHECK(damaged_store.problem == Problem::damaged);
    CHECK(contains(damaged_store.message_for_person, "no longer read as they were saved"));
    // Removing it works, and then the store is sound again.
    for (const Bookmark& bookmark : all)
        if (bookmark.damaged) REQUIRE(store->remove_bookmark(bookmark.id).ok());
    CHECK(store->check_integrity().ok());
}

TEST_CASE("stores of earlier versions get a checksum on every row") {
    TemporaryFolder temporary;
    const std::string path = temporary.file(user_store_file_name);
    make_store(temporary.path(), 4);
    {
        // Back to version 3 as that release left it: no checksum column, no note drafts, no
        // symptom diary.
        RawDatabase raw(path);
        REQUIRE(raw.execute("ALTER TABLE bookmarks DROP COLUMN checksum; "
                            "DROP TABLE note_drafts; DROP TABLE symptom_diary; "
                            "PRAGMA user_version = 3;") == SQLITE_OK);
    }
    auto store = opened_store(temporary.path());
    const auto all = store->bookmarks();
    REQUIRE(all.size() == 4);
    for (const Bookmark& bookmark : all)
        CHECK_FALSE(bookmark.damaged);
    store.reset();
    RawDatabase raw(path);
    CHECK(raw.value("PRAGMA user_version") == std::to_string(user_store_schema_version));
    CHECK(raw.value("SELECT COUNT(*) FROM bookmarks WHERE length(checksum) = 64") == "4");
}

namespace {

// A store as a kill -9 leaves it: the main file and a WAL holding the last commits, copied
// while the store is still open (closing would fold the WAL into the main file).
void make_crashed_store(const std::string& from, const std::string& to, int commits) {
    std::string message;
    auto store = open_store(from, message);
    REQUIRE(store);
    REQUIRE(store->add_bookmark("class", "egfr", "Mum", "before").ok());
    store.reset(); // the first bookmark is in the main file
    store = open_store(from, message);
    REQUIRE(store);
    for (int index = 0; index < commits; ++index)
        REQUIRE(store->add_bookmark("drug", "drug-" + std::to_string(index), "Mum", "saved").ok());
    const std::string path = std::string(from) + "/" + user_store_file_name;
    REQUIRE(exists(path + "-wal"));
    write_bytes(to + "/" + user_store_file_name, read_bytes(path));
    write_bytes(to + "/" + user_store_file_name + "-wal", read_bytes(path + "-wal"));
}

} // namespace

// Pages viewed and settings are written at every turn of a page: they wait for the next
// change of the person's own data (or a long log), sparing the device two or three syncs a
// page, while bookmarks, notes and drafts reach the main file at once.
TEST_CASE("history and settings are checkpointed with the next bookmark change, or a long log") {
    TemporaryFolder folder;
    std::string message;
    auto store = open_store(folder.path(), message);
    REQUIRE(store);
    const std::string wal = folder.file(user_store_file_name) + "-wal";
    REQUIRE(store->add_bookmark("class", "egfr", "Mum", "").ok());
    CHECK(read_bytes(wal).empty());
    REQUIRE(store->record_view("class/egfr").ok());
    REQUIRE(store->set_setting("theme", "dark").ok());
    CHECK_FALSE(read_bytes(wal).empty());
    REQUIRE(store->save_note_draft(1, "typed").ok());
    CHECK(read_bytes(wal).empty()); // the draft took them into the main file
    for (int index = 0; index < 300; ++index)
        REQUIRE(store->record_view("class/page-" + std::to_string(index)).ok());
    CHECK(read_bytes(wal).size() < 32 + 110 * (24 + 4096)); // never a long log
}

namespace {

// The WAL's frames: for each, its offset and whether it ends a commit.
std::vector<std::pair<std::size_t, bool>> wal_frames(const std::string& wal) {
    std::vector<std::pair<std::size_t, bool>> frames;
    for (std::size_t at = 32; at + 24 + 4096 <= wal.size(); at += 24 + 4096) {
        const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(wal[index]); };
        frames.emplace_back(at, (byte(at + 4) | byte(at + 5) | byte(at + 6) | byte(at + 7)) != 0);
    }
    return frames;
}

} // namespace

// A writer killed right after syncing its journal, while another LungGuide holds the store
// open, leaves frames that SQLite's recovery rightly ignores: they lie beyond a checksum or
// salt break. The old WAL check called them damage and set the whole store aside (issue 23:
// 143 of 280 rounds). Now SQLite's own reading is the only verdict.
TEST_CASE("frames beyond a checksum or salt break are what SQLite ignores, never damage") {
    TemporaryFolder source, crashed;
    make_store(source.path(), 2);
    const std::string path = source.file(user_store_file_name);
    RawDatabase raw(path);
    REQUIRE(raw.execute("PRAGMA wal_autocheckpoint = 0") == SQLITE_OK);
    for (const char* key : {"first", "second", "third"})
        REQUIRE(raw.execute(std::string("INSERT INTO settings (key, value) VALUES ('") + key +
                            "', 'yes')") == SQLITE_OK);
    std::string wal = read_bytes(path + "-wal");
    const auto frames = wal_frames(wal);
    const auto first_commit =
        std::find_if(frames.begin(), frames.end(), [](const auto& frame) { return frame.second; });
    REQUIRE(first_commit != frames.end());
    REQUIRE(first_commit + 1 != frames.end()); // later commits follow it
    const std::size_t broken = (first_commit + 1)->first;
    SUBCASE("a checksum break") {
        wal[broken + 24 + 2000] ^= 0x10;
    }
    SUBCASE("a salt break") {
        wal[broken + 9] ^= 0x01;
    }
    write_bytes(crashed.file(user_store_file_name), read_bytes(path));
    write_bytes(crashed.file(user_store_file_name) + "-wal", wal);
    // What SQLite itself reads from the same two files.
    TemporaryFolder reference;
    write_bytes(reference.file("copy.sqlite"), read_bytes(path));
    write_bytes(reference.file("copy.sqlite-wal"), wal);
    RawDatabase sqlite_itself(reference.file("copy.sqlite"));
    REQUIRE(sqlite_itself.value("SELECT group_concat(key) FROM settings") == "first");

    std::string message;
    auto store = open_store(crashed.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(message.empty());
    CHECK(files_containing(crashed.path(), ".damaged-").empty());
    CHECK(store->bookmarks().size() == 2);
    CHECK(store->setting("first", "") == "yes");
    CHECK(store->setting("second", "no") == "no");
    CHECK(store->check_integrity().ok());
}

// With a checkpoint after each change, an acknowledged change is in the main file: a journal
// that is torn, lost or garbage loses none of them (issue 23: a damaged journal tail rolled
// back acknowledged changes, 62 of 600).
TEST_CASE("every acknowledged change is in the main file: a torn, lost or garbage journal") {
    TemporaryFolder source, crashed;
    make_crashed_store(source.path(), crashed.path(), 5);
    const std::string path = crashed.file(user_store_file_name);
    CHECK(read_bytes(path + "-wal").empty()); // checkpointed: the journal holds nothing
    SUBCASE("intact") {}
    SUBCASE("torn last frame (a kill -9 while appending)") {
        std::string wal = read_bytes(path + "-wal");
        write_bytes(path + "-wal", wal + std::string(24 + 1000, '\x5A'));
    }
    SUBCASE("the journal is lost") {
        std::remove((path + "-wal").c_str());
    }
    SUBCASE("the journal is garbage") {
        std::string garbage(32 + 3 * (24 + 4096), '\0');
        for (std::size_t index = 0; index < garbage.size(); ++index)
            garbage[index] = static_cast<char>(index * 131 + 7);
        write_bytes(path + "-wal", garbage);
    }
    std::string message;
    auto store = open_store(crashed.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(message.empty());
    CHECK(store->bookmarks().size() == 6);
    CHECK(files_containing(crashed.path(), ".damaged-").empty());
}

TEST_CASE("a store from a newer version is left byte for byte untouched") {
    TemporaryFolder temporary;
    make_store(temporary.path(), 2);
    const std::string path = temporary.file(user_store_file_name);
    {
        RawDatabase raw(path);
        REQUIRE(raw.execute("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;") ==
                SQLITE_OK);
    }
    const std::string before = read_bytes(path);
    auto store = opened_store(temporary.path());
    CHECK(store->read_only());
    CHECK(store->bookmarks().size() == 2);
    store.reset();
    CHECK(read_bytes(path) == before); // not switched to WAL, not migrated, not touched
    CHECK_FALSE(exists(path + "-wal"));
}

TEST_CASE("a store that is a link is refused, and the file it points to is left alone") {
    for (const char* which : {"", "-wal", "-shm"}) {
        CAPTURE(which);
        TemporaryFolder temporary;
        if (std::string(which).size() > 0) make_store(temporary.path(), 1);
        const std::string other = temporary.file("someone-elses-file");
        write_bytes(other, "private");
        REQUIRE(chmod(other.c_str(), 0644) == 0);
        const std::string link = temporary.file(user_store_file_name) + which;
        REQUIRE(symlink(other.c_str(), link.c_str()) == 0);
        std::string message;
        CHECK_FALSE(open_store(temporary.path(), message));
        CHECK(contains(message, "is a link"));
        CHECK(permissions(other) == 0644);
        CHECK(read_bytes(other) == "private");
    }
}

TEST_CASE("a FIFO in the store's place is refused at once, not waited on") {
    TemporaryFolder temporary;
    REQUIRE(mkfifo(temporary.file(user_store_file_name).c_str(), 0600) == 0);
    std::string message;
    CHECK_FALSE(open_store(temporary.path(), message));
    CHECK(contains(message, "not an ordinary file"));
}

TEST_CASE("no more than bookmarks_max_count bookmarks, so every export can be imported") {
    TemporaryFolder temporary;
    auto store = opened_store(temporary.path());
    std::vector<Bookmark> many;
    for (std::size_t index = 0; index < bookmarks_max_count; ++index)
        many.push_back({0, "drug", "d" + std::to_string(index), "", "", "", "", false, false});
    REQUIRE(store->import_bookmarks(many).ok());
    const Status one_more = store->add_bookmark("class", "egfr", "", "");
    CHECK_FALSE(one_more.ok());
    CHECK(contains(one_more.message_for_person, "at most"));
    CHECK_FALSE(store->import_bookmarks({{0, "class", "alk", "", "", "", "", false, false}}).ok());
    CHECK(store->bookmarks().size() == bookmarks_max_count);
    // Updating one that is there still works.
    CHECK(store->add_bookmark("drug", "d7", "", "a note").ok());
}
