// The user store's everyday behaviour: bookmarks, notes, people, undo, history, settings.
#include "bookmarks/user_store.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace lungguide;
using namespace user_store_test;

namespace {
std::unique_ptr<UserStore> open_store(const std::string& folder) {
    std::string message;
    auto store = user_store_test::open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    CHECK_MESSAGE(message.empty(), message);
    return store;
}
} // namespace

TEST_CASE("a new store is private, in WAL mode, at the current schema version") {
    TemporaryFolder temporary;
    const std::string folder = temporary.file("data/lungguide");
    {
        auto store = open_store(folder);
        CHECK(store->path() == folder + "/" + user_store_file_name);
        CHECK(store->add_bookmark("class", "egfr", "", "").ok());
    }
    CHECK(permissions(folder) == 0700);
    CHECK(permissions(folder + "/" + user_store_file_name) == 0600);
    RawDatabase raw(folder + "/" + user_store_file_name);
    CHECK(raw.value("PRAGMA journal_mode") == "wal");
    CHECK(raw.value("PRAGMA user_version") == std::to_string(user_store_schema_version));
}

TEST_CASE("an existing store file with loose permissions is tightened to 0600") {
    TemporaryFolder temporary;
    { open_store(temporary.path()); }
    chmod(temporary.file(user_store_file_name).c_str(), 0644);
    { open_store(temporary.path()); }
    CHECK(permissions(temporary.file(user_store_file_name)) == 0600);
}

TEST_CASE("add, list, annotate and remove bookmarks; they survive reopening") {
    TemporaryFolder temporary;
    std::int64_t class_id = 0, drug_id = 0;
    {
        auto store = open_store(temporary.path());
        Status status = store->add_bookmark("class", "egfr", "Mum", "", &class_id);
        CHECK(status.ok());
        CHECK(status.message_for_person.empty());
        CHECK(
            store->add_bookmark("drug", "osimertinib", "Mum", "80 mg from 1 March", &drug_id).ok());
        CHECK(drug_id != class_id);
        CHECK(store->add_bookmark("class", "alk", "", "").ok());
        CHECK(store->update_note(class_id, "Ask about the rash").ok());
    }
    auto store = open_store(temporary.path());
    const auto all = store->bookmarks();
    REQUIRE(all.size() == 3);
    CHECK(all[0].person.empty()); // nobody in particular sorts first
    CHECK(all[0].target == "alk");
    const auto mum = store->bookmarks(std::string("Mum"));
    REQUIRE(mum.size() == 2);
    CHECK(mum[0].kind == "class");
    CHECK(mum[0].target == "egfr");
    CHECK(mum[0].note == "Ask about the rash");
    CHECK(mum[0].created <= mum[0].updated);
    CHECK(mum[1].kind == "drug");
    CHECK(mum[1].note == "80 mg from 1 March");
    CHECK(mum[1].created.size() == std::string("2024-08-27T10:15:00.123Z").size());
    CHECK(mum[1].created.back() == 'Z');
    CHECK(store->bookmarks(std::string("")).size() == 1);
    CHECK(store->people() == std::vector<std::string>{"Mum"});

    Bookmark removed;
    CHECK(store->remove_bookmark(drug_id, &removed).ok());
    CHECK(removed.target == "osimertinib");
    CHECK(removed.note == "80 mg from 1 March");
    CHECK(store->bookmarks(std::string("Mum")).size() == 1);
    CHECK_FALSE(store->bookmark(drug_id));
}

TEST_CASE("adding the same target for the same person again updates it") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    std::int64_t first = 0, second = 0, third = 0;
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Mum", "first note", &first).ok());
    const Bookmark before = *store->bookmark(first);

    // No note given: the old note is kept, never wiped.
    Status status = store->add_bookmark("drug", "osimertinib", "Mum", "", &second);
    CHECK(status.ok());
    CHECK(status.message_for_person == "This was already bookmarked.");
    CHECK(second == first);
    CHECK(store->bookmark(first)->note == "first note");

    // A note given replaces it; the label matches without regard to case or extra spaces.
    status = store->add_bookmark("drug", "osimertinib", "  mum ", "second note", &third);
    CHECK(status.ok());
    CHECK(third == first);
    const Bookmark after = *store->bookmark(first);
    CHECK(after.note == "second note");
    CHECK(after.created == before.created);
    CHECK(after.updated >= before.updated);
    CHECK(after.person == "Mum");
    CHECK(store->bookmarks().size() == 1);

    // Another person, or the class of the same name, is another bookmark.
    CHECK(store->add_bookmark("drug", "osimertinib", "Dad", "").ok());
    CHECK(store->add_bookmark("drug", "osimertinib", "", "").ok());
    CHECK(store->bookmarks().size() == 3);
    CHECK(store->people() == std::vector<std::string>{"Dad", "Mum"});
}

TEST_CASE("bounds: a note of 4000 characters, a label of 80, control characters stripped") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    std::string long_note;
    for (int index = 0; index < 4100; ++index)
        long_note += "\xC3\xA9"; // é
    std::string long_label(100, 'L');
    std::int64_t id = 0;
    Status status = store->add_bookmark("class", "egfr", long_label, long_note, &id);
    CHECK(status.ok());
    CHECK(status.message_for_person.find("4000 characters") != std::string::npos);
    CHECK(status.message_for_person.find("name was longer than 80") != std::string::npos);
    const Bookmark saved = *store->bookmark(id);
    CHECK(saved.note.size() == 8000); // 4000 two-byte characters, none cut in half
    CHECK(saved.person == std::string(80, 'L'));

    CHECK(store->update_note(id, "line 1\nline\x07 2\x1B").ok());
    CHECK(store->bookmark(id)->note == "line 1\nline 2");
    status = store->update_note(id, long_note);
    CHECK(status.ok());
    CHECK_FALSE(status.message_for_person.empty());
}

TEST_CASE("user text is data, never SQL") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    const std::string hostile = "Robert'); DROP TABLE bookmarks;--";
    std::int64_t id = 0;
    REQUIRE(store->add_bookmark("class", "egfr", hostile, hostile, &id).ok());
    CHECK(store->bookmark(id)->person == hostile);
    CHECK(store->bookmark(id)->note == hostile);
    CHECK(store->bookmarks(hostile).size() == 1);
    CHECK(store->set_setting("theme", "' OR 1=1 --").ok());
    CHECK(store->setting("theme", "") == "' OR 1=1 --");
}

TEST_CASE("bad input is refused with a reason and changes nothing") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    Status status = store->add_bookmark("page", "egfr", "", "");
    CHECK_FALSE(status.ok());
    CHECK(status.problem == Problem::invalid_input);
    CHECK(status.message_for_person.find("\"class\" or a \"drug\"") != std::string::npos);
    CHECK(store->add_bookmark("drug", "  \n ", "", "").problem == Problem::invalid_input);
    CHECK(store->add_bookmark("drug", std::string(81, 'x'), "", "").problem ==
          Problem::invalid_input);
    CHECK(store->update_note(999, "x").problem == Problem::not_found);
    CHECK(store->remove_bookmark(999).problem == Problem::not_found);
    CHECK(store->bookmarks().empty());
}

TEST_CASE("undo: a removed bookmark comes back with its id and times") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    std::int64_t id = 0;
    REQUIRE(store->add_bookmark("drug", "sotorasib", "Dad", "note A", &id).ok());
    REQUIRE(store->add_bookmark("class", "kras", "Dad", "").ok());
    Bookmark removed;
    REQUIRE(store->remove_bookmark(id, &removed).ok());
    REQUIRE(store->restore_bookmark(removed).ok());
    const auto back = store->bookmark(id);
    REQUIRE(back);
    CHECK(back->note == "note A");
    CHECK(back->created == removed.created);
    CHECK(back->updated == removed.updated);

    // Removed, then re-added before the undo: one bookmark, both notes kept.
    REQUIRE(store->remove_bookmark(id, &removed).ok());
    std::int64_t again = 0;
    REQUIRE(store->add_bookmark("drug", "sotorasib", "Dad", "note B", &again).ok());
    CHECK(again != id); // ids are never reused
    REQUIRE(store->restore_bookmark(removed).ok());
    CHECK(store->bookmarks(std::string("Dad")).size() == 2);
    CHECK(store->bookmark(again)->note == "note B\n\nnote A");
    CHECK_FALSE(store->bookmark(id));
}

TEST_CASE("ids are never reused, even after the newest is removed and the store reopened") {
    TemporaryFolder temporary;
    std::int64_t first = 0, second = 0, third = 0;
    {
        auto store = open_store(temporary.path());
        REQUIRE(store->add_bookmark("class", "egfr", "", "", &first).ok());
        REQUIRE(store->add_bookmark("class", "alk", "", "", &second).ok());
        REQUIRE(store->remove_bookmark(second).ok());
    }
    auto store = open_store(temporary.path());
    REQUIRE(store->add_bookmark("class", "ret", "", "", &third).ok());
    CHECK(third > second);
}

TEST_CASE("history: most recent first, one entry per page, at most 50, clearable") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    CHECK(store->recent_views(10).empty());
    CHECK(store->record_view("class/egfr").ok());
    CHECK(store->record_view("drug/osimertinib").ok());
    CHECK(store->record_view("class/egfr").ok());
    CHECK(store->recent_views(10) == std::vector<std::string>{"class/egfr", "drug/osimertinib"});
    for (int index = 0; index < 70; ++index)
        REQUIRE(store->record_view("page/" + std::to_string(index)).ok());
    const auto recent = store->recent_views(1000);
    CHECK(recent.size() == history_max_entries);
    CHECK(recent.front() == "page/69");
    CHECK(recent.back() == "page/20");
    RawDatabase raw(store->path());
    CHECK(raw.value("SELECT COUNT(*) FROM history") == "50"); // bounded on disk too
    CHECK(store->recent_views(3).size() == 3);
    CHECK(store->clear_history().ok());
    CHECK(store->recent_views(10).empty());
    CHECK(store->record_view(" \n").problem == Problem::invalid_input);
}

TEST_CASE("settings: a fallback until set, then kept across reopening") {
    TemporaryFolder temporary;
    {
        auto store = open_store(temporary.path());
        CHECK(store->setting("text_scale", "1.0") == "1.0");
        CHECK(store->set_setting("text_scale", "1.5").ok());
        CHECK(store->set_setting("theme", "dark").ok());
        CHECK(store->set_setting("theme", "high_contrast").ok());
        CHECK(store->set_setting("last_route", "drug/osimertinib").ok());
        CHECK(store->set_setting("", "x").problem == Problem::invalid_input);
    }
    auto store = open_store(temporary.path());
    CHECK(store->setting("text_scale", "1.0") == "1.5");
    CHECK(store->setting("theme", "light") == "high_contrast");
    CHECK(store->setting("last_route", "") == "drug/osimertinib");
    const Status integrity = store->check_integrity();
    CHECK_MESSAGE(integrity.ok(), integrity.message_for_person);
}

TEST_CASE("two open stores on one folder (the app and the CLI) see each other's changes") {
    TemporaryFolder temporary;
    auto app = open_store(temporary.path());
    auto cli = open_store(temporary.path());
    REQUIRE(app->add_bookmark("class", "egfr", "Mum", "from the app").ok());
    REQUIRE(cli->add_bookmark("class", "egfr", "mum", "from the CLI").ok());
    REQUIRE(cli->add_bookmark("drug", "osimertinib", "Mum", "").ok());
    const auto seen_by_app = app->bookmarks(std::string("Mum"));
    REQUIRE(seen_by_app.size() == 2);
    CHECK(seen_by_app[0].note == "from the CLI");
    CHECK(app->set_setting("theme", "dark").ok());
    CHECK(cli->setting("theme", "light") == "dark");
}

TEST_CASE("two labels that look the same are the same person") {
    TemporaryFolder temporary;
    auto store = open_store(temporary.path());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Am\xC3\xA9lie", "").ok());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Ame\xCC\x81lie", "").ok());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Am\xE2\x80\xAE\xC3\xA9lie", "").ok());
    CHECK(store->bookmarks().size() == 1);
    CHECK(store->people() == std::vector<std::string>{"Am\xC3\xA9lie"});
    CHECK(store->bookmarks(std::string("Ame\xCC\x81lie")).size() == 1);
}
