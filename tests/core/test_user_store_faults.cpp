// The user store under faults: old schemas, damaged files, a full disk, a read-only folder.
#include "bookmarks/user_store.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace lungguide;
using namespace user_store_test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A store with a few bookmarks, closed cleanly (so the WAL is folded into the main file).
void make_store_with_bookmarks(const std::string& folder, int count) {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE(store);
    // One import (one transaction, one checkpoint) rather than count fsynced adds.
    std::vector<Bookmark> bookmarks;
    for (int index = 0; index < count; ++index)
        bookmarks.push_back({0, "drug", "drug-" + std::to_string(index), "Mum",
                             std::string(500, 'n'), "", "", false, false});
    REQUIRE(store->import_bookmarks(bookmarks).ok());
}

// An empty version 1 store exactly as the first release wrote it, kept as a file on
// purpose: the migration must keep working on files already on people's devices, whatever
// the code does later. tests/fixtures/README.md says how it was made.
const char* const version_1_store =
    LUNGGUIDE_SOURCE_DIR "/tests/fixtures/user-store-version-1.sqlite";

} // namespace

TEST_CASE("migration from version 1 to the current version keeps every bookmark and setting") {
    TemporaryFolder temporary;
    const std::string path = temporary.file(user_store_file_name);
    const std::string version_1 = read_bytes(version_1_store);
    REQUIRE_MESSAGE(!version_1.empty(), version_1_store << " is missing");
    write_bytes(path, version_1);
    {
        RawDatabase old(path);
        REQUIRE(old.value("PRAGMA user_version") == "1");
        REQUIRE(old.execute(R"sql(
            INSERT INTO bookmarks (kind, target, note, created) VALUES
                ('class', 'egfr', 'Ask about skin care', '2024-01-05T09:00:00.000Z'),
                ('drug', 'osimertinib', NULL, '2024-01-06T10:30:00.000Z'),
                ('drug', 'erlotinib', 'stopped', '2024-01-07T11:00:00.000Z');
            DELETE FROM bookmarks WHERE target = 'erlotinib';
            INSERT INTO settings (key, value) VALUES ('text_scale', '1.25'), ('theme', 'dark');
        )sql") == SQLITE_OK);
    }
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(message.empty());

    const auto bookmarks = store->bookmarks();
    REQUIRE(bookmarks.size() == 2);
    CHECK(bookmarks[0].id == 1);
    CHECK(bookmarks[0].kind == "class");
    CHECK(bookmarks[0].target == "egfr");
    CHECK(bookmarks[0].person.empty());
    CHECK(bookmarks[0].note == "Ask about skin care");
    CHECK(bookmarks[0].created == "2024-01-05T09:00:00.000Z");
    CHECK(bookmarks[0].updated == "2024-01-05T09:00:00.000Z");
    CHECK(bookmarks[1].id == 2);
    CHECK(bookmarks[1].note.empty()); // NULL became ""
    CHECK(store->setting("text_scale", "1.0") == "1.25");
    CHECK(store->setting("theme", "light") == "dark");

    // Version 2 features work on the migrated data.
    std::int64_t id = 0;
    REQUIRE(store->add_bookmark("class", "egfr", "Mum", "hers", &id).ok());
    CHECK(id == 4); // id 3 (the removed erlotinib) is never handed out again
    CHECK(store->bookmarks().size() == 3);
    REQUIRE(store->add_bookmark("class", "egfr", "", "Ask about skin care").ok());
    CHECK(store->bookmarks().size() == 3); // the migrated bookmark is found and updated
    // Version 3: history.
    CHECK(store->record_view("class/egfr").ok());
    CHECK(store->recent_views(5) == std::vector<std::string>{"class/egfr"});

    RawDatabase raw(path);
    CHECK(raw.value("PRAGMA user_version") == std::to_string(user_store_schema_version));
    CHECK(raw.value("PRAGMA integrity_check") == "ok");
    CHECK(raw.value("SELECT COUNT(*) FROM sqlite_master WHERE name = 'bookmarks_version_2'") ==
          "0");
}

TEST_CASE("a store saved by a newer LungGuide is shown but never changed") {
    TemporaryFolder temporary;
    make_store_with_bookmarks(temporary.path(), 2);
    { RawDatabase(temporary.file(user_store_file_name)).execute("PRAGMA user_version = 99"); }
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE(store);
    CHECK(store->read_only());
    CHECK(contains(message, "newer version of LungGuide"));
    CHECK(store->bookmarks().size() == 2);
    const Status status = store->add_bookmark("class", "alk", "", "");
    CHECK_FALSE(status.ok());
    CHECK(status.problem == Problem::read_only);
    store.reset();
    CHECK(RawDatabase(temporary.file(user_store_file_name)).value("PRAGMA user_version") == "99");
}

TEST_CASE("a file that is not a database is kept aside, unchanged, and a new store started") {
    for (const std::string& content :
         {std::string("My notes for the doctor, typed in the wrong app.\n"), std::string(5000, 'x'),
          std::string("SQLite format 3")}) {
        TemporaryFolder temporary;
        const std::string path = temporary.file(user_store_file_name);
        write_bytes(path, content);
        std::string message;
        auto store = open_store(temporary.path(), message);
        REQUIRE_MESSAGE(store, message);
        CHECK(contains(message, "is not a LungGuide bookmarks file"));
        CHECK(contains(message, "kept, unchanged, at"));
        const auto aside = files_containing(temporary.path(), ".damaged-");
        REQUIRE(aside.size() == 1);
        CHECK(contains(message, aside[0]));
        CHECK(read_bytes(temporary.file(aside[0])) == content);
        CHECK(store->bookmarks().empty());
        CHECK(store->add_bookmark("class", "egfr", "", "").ok());
        CHECK(permissions(path) == 0600);
    }
}

namespace {
// Damages a store of 30 bookmarks with damage(), then checks it is kept aside byte for byte,
// that a fresh store holds the recovered ones, and that a file kept before is never
// overwritten.
void check_damaged_store_is_kept_aside(void (*damage)(std::string& bytes), std::size_t recovered) {
    TemporaryFolder temporary;
    const std::string path = temporary.file(user_store_file_name);
    make_store_with_bookmarks(temporary.path(), 30);
    std::string bytes = read_bytes(path);
    REQUIRE(bytes.size() > 8192);
    damage(bytes);
    write_bytes(path, bytes);

    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE_MESSAGE(store, message);
    CHECK(contains(message, "was damaged"));
    CHECK(contains(message, recovered == 0 ? "No bookmarks could be read from it, so LungGuide "
                                             "started a new, empty one."
                                           : "Recovered all 30 bookmarks."));
    const auto aside = kept_aside_in(temporary.path());
    REQUIRE(aside.size() == 1);
    CHECK(read_bytes(temporary.file(aside[0])) == bytes);
    CHECK(store->bookmarks().size() == recovered);
    CHECK(store->add_bookmark("class", "egfr", "", "").ok());

    // Damaged again later: the file kept aside before is not overwritten.
    store.reset();
    write_bytes(path, "garbage");
    store = open_store(temporary.path(), message);
    REQUIRE(store);
    CHECK(stores_in(temporary.path()).size() == 3);
    CHECK(read_bytes(temporary.file(aside[0])) == bytes);
}
} // namespace

TEST_CASE("a database with scrambled pages is kept aside and a new store started") {
    check_damaged_store_is_kept_aside(
        [](std::string& bytes) {
            for (std::size_t index = 4096; index < bytes.size(); ++index)
                bytes[index] = static_cast<char>(index * 7 + 3);
        },
        0);
}

// Its pages are intact: salvage finds the page size by trying each, and every bookmark
// matches its checksum.
TEST_CASE("a database with a scrambled header is kept aside and every bookmark recovered") {
    check_damaged_store_is_kept_aside(
        [](std::string& bytes) {
            for (std::size_t index = 16; index < 100; ++index)
                bytes[index] = '\xFF';
        },
        30);
}

TEST_CASE("a full disk: a clear message, and everything saved before is still there") {
    TemporaryFolder temporary;
    { make_store_with_bookmarks(temporary.path(), 1); }
    std::string message;
    UserStoreOptions options;
    options.max_page_count = 1; // SQLite clamps this to the current size: no room to grow
    auto store = open_store(temporary.path(), message, options);
    REQUIRE_MESSAGE(store, message);

    int saved = 0;
    Status status;
    for (int index = 0; index < 200; ++index) {
        status = store->add_bookmark("class", "class-" + std::to_string(index), "Dad",
                                     std::string(3000, 'a' + index % 26));
        if (!status.ok()) break;
        ++saved;
    }
    REQUIRE_FALSE(status.ok());
    CHECK(status.problem == Problem::disk_full);
    CHECK(contains(status.message_for_person, "the device is full"));
    CHECK(contains(status.message_for_person, "Everything saved before is still there"));
    // Other changes fail the same way, and reads still work.
    CHECK(store
              ->import_bookmarks(
                  {Bookmark{0, "drug", "x", "", std::string(3000, 'z'), "", "", false}})
              .problem == Problem::disk_full);
    CHECK(store->bookmarks(std::string("Dad")).size() == static_cast<std::size_t>(saved));
    store.reset();

    // With room again, every bookmark that was reported saved is there, and the file is sound.
    store = open_store(temporary.path(), message);
    REQUIRE(store);
    const auto dad = store->bookmarks(std::string("Dad"));
    REQUIRE(dad.size() == static_cast<std::size_t>(saved));
    for (int index = 0; index < saved; ++index) {
        CHECK(dad[index].target == "class-" + std::to_string(index));
        CHECK(dad[index].note == std::string(3000, 'a' + index % 26));
    }
    CHECK(store->bookmarks(std::string("Mum")).size() == 1);
    CHECK(store->check_integrity().ok());
    CHECK(store->add_bookmark("class", "egfr", "Dad", "").ok());
}

// Tests run as root, and chmod does not stop root from writing. A read-only open is what
// SQLite gets on a read-only disk, so that is what is tested here; tests/cli's
// bookmarks_read_only.sh also mounts a real read-only folder where the system allows it.
TEST_CASE("a read-only store: bookmarks can be read, changes are refused, nothing is lost") {
    TemporaryFolder temporary;
    make_store_with_bookmarks(temporary.path(), 3);
    const std::string before = read_bytes(temporary.file(user_store_file_name));
    std::string message;
    UserStoreOptions options;
    options.read_only = true;
    auto store = open_store(temporary.path(), message, options);
    REQUIRE_MESSAGE(store, message);
    CHECK(store->read_only());
    CHECK(contains(message, "can be read, but changes can't be saved"));
    CHECK(contains(message, "is read-only"));
    CHECK(store->bookmarks().size() == 3);
    for (const Status& status :
         {store->add_bookmark("class", "egfr", "", ""), store->update_note(1, "x"),
          store->remove_bookmark(1), store->record_view("class/egfr"),
          store->set_setting("theme", "dark"), store->clear_history()}) {
        CHECK_FALSE(status.ok());
        CHECK(status.problem == Problem::read_only);
        CHECK(contains(status.message_for_person, "Nothing was changed"));
    }
    store.reset();
    CHECK(read_bytes(temporary.file(user_store_file_name)) == before);
}

TEST_CASE("a read-only folder with no store yet, and a folder that can't be made") {
    TemporaryFolder temporary;
    std::string message;
    UserStoreOptions options;
    options.read_only = true;
    CHECK_FALSE(open_store(temporary.path(), message, options));
    CHECK(contains(message, "no saved bookmarks"));
    write_bytes(temporary.file("not-a-folder"), "x");
    CHECK_FALSE(open_store(temporary.file("not-a-folder/lungguide"), message));
    CHECK(contains(message, "is a file, not a folder"));
}

TEST_CASE("import: all or nothing, merging without duplicates") {
    TemporaryFolder temporary;
    auto store = opened_store(temporary.path());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Mum", "80 mg").ok());
    const std::vector<Bookmark> incoming = {
        {0, "drug", "osimertinib", "mum", "80 mg", "2024-01-01T00:00:00.000Z", "", false},
        {0, "drug", "osimertinib", "Mum", "ask about scans", "", "", false},
        {0, "class", "egfr", "Mum", "", "2024-01-02T00:00:00.000Z", "2024-01-03T00:00:00.000Z",
         false},
    };
    ImportCounts counts;
    REQUIRE(store->import_bookmarks(incoming, &counts).ok());
    CHECK(counts.added == 1);
    CHECK(counts.merged == 1);
    CHECK(counts.unchanged == 1);
    auto mum = store->bookmarks(std::string("Mum"));
    REQUIRE(mum.size() == 2);
    CHECK(mum[0].note == "80 mg\n\nask about scans");
    CHECK(mum[1].created == "2024-01-02T00:00:00.000Z"); // times come along
    CHECK(mum[1].updated == "2024-01-03T00:00:00.000Z");

    // The same again: nothing new.
    REQUIRE(store->import_bookmarks(incoming, &counts).ok());
    CHECK(counts.added == 0);
    CHECK(counts.merged == 0);
    CHECK(counts.unchanged == 3);
    CHECK(store->bookmarks().size() == 2);

    // One bad entry: nothing at all changes.
    const std::vector<Bookmark> bad = {{0, "class", "alk", "", "", "", "", false},
                                       {0, "page", "x", "", "", "", "", false}};
    const Status status = store->import_bookmarks(bad, &counts);
    CHECK_FALSE(status.ok());
    CHECK(status.problem == Problem::invalid_input);
    CHECK(contains(status.message_for_person, "Bookmark 2"));
    CHECK(store->bookmarks().size() == 2);
}
