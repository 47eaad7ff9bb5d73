// Damage the store's own checks must notice, each from a fault found by attacking it:
// an edited schema, a damaged index, a changed byte in a row, a damaged WAL, a newer
// schema, links and special files in the store's place.
#include "bookmarks/user_store.h"
#include "user_store_test_support.h"

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
    for (int index = 0; index < count; ++index)
        REQUIRE(store
                    ->add_bookmark("drug", "drug-" + std::to_string(index), "Mum",
                                   note + " " + std::to_string(index))
                    .ok());
}

// Opens the store in folder and checks it was set aside whole and a new one started.
void check_set_aside(const std::string& folder, const std::string& expected_bytes) {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    CHECK(contains(message, "started a new, empty one"));
    CHECK(contains(message, "kept, unchanged, as"));
    const auto aside = files_containing(folder, ".damaged-");
    REQUIRE(!aside.empty());
    CHECK(read_bytes(folder + "/" + aside[0]) == expected_bytes);
    CHECK(store->bookmarks().empty());
    CHECK(store->add_bookmark("class", "egfr", "", "").ok());
}

} // namespace

TEST_CASE("a schema edited to an unknown collation is noticed and set aside, not stuck") {
    TemporaryFolder temporary;
    make_store(temporary.path(), 3);
    const std::string path = temporary.file(user_store_file_name);
    {
        RawDatabase raw(path);
        REQUIRE(raw.execute("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
                            "replace(sql, 'COLLATE NOCASE', 'COLLATE NOSUCH') WHERE name = "
                            "'bookmarks'; PRAGMA writable_schema = OFF;") == SQLITE_OK);
    }
    check_set_aside(temporary.path(), read_bytes(path));
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
        check_set_aside(temporary.path(), read_bytes(path));
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
    check_set_aside(temporary.path(), bytes);
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

    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE_MESSAGE(store, message);
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
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE_MESSAGE(store, message);
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

TEST_CASE("a WAL with a damaged frame is set aside with its store, and the person told") {
    TemporaryFolder source, crashed;
    make_crashed_store(source.path(), crashed.path(), 5);
    const std::string path = crashed.file(user_store_file_name);
    std::string wal = read_bytes(path + "-wal");
    REQUIRE(wal.size() > 32 + 24 + 4096);
    SUBCASE("a byte of the first frame's page") {
        // The five commits behind it would silently vanish.
        wal[32 + 24 + 100] = static_cast<char>(wal[32 + 24 + 100] ^ 0x40);
    }
    SUBCASE("the first frame's salt") {
        wal[32 + 9] = static_cast<char>(wal[32 + 9] ^ 0x01);
    }
    write_bytes(path + "-wal", wal);
    const std::string main_bytes = read_bytes(path);

    std::string message;
    auto store = open_store(crashed.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(contains(message, "damaged journal"));
    CHECK(contains(message, "kept, unchanged, as"));
    const auto aside = files_containing(crashed.path(), ".damaged-");
    // The store and its WAL, both kept byte for byte, side by side.
    REQUIRE(aside.size() == 2);
    for (const std::string& name : aside) {
        if (contains(name, "-wal"))
            CHECK(read_bytes(crashed.file(name)) == wal);
        else
            CHECK(read_bytes(crashed.file(name)) == main_bytes);
    }
}

TEST_CASE("an intact WAL, or one with only a torn last frame, opens with every commit") {
    TemporaryFolder source, crashed;
    make_crashed_store(source.path(), crashed.path(), 5);
    const std::string path = crashed.file(user_store_file_name);
    SUBCASE("intact") {}
    SUBCASE("torn last frame (a kill -9 while appending)") {
        std::string wal = read_bytes(path + "-wal");
        write_bytes(path + "-wal", wal + std::string(24 + 1000, '\x5A'));
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
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE(store);
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
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE(store);
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
