// Bookmarks as JSON: the list shape, export, import, and files that must be refused.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_store.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace lungguide;
using namespace user_store_test;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("the list shape: documented keys in order, null for no label and no note") {
    Bookmark with_all{7,
                      "drug",
                      "osimertinib",
                      "Mum",
                      "80 mg",
                      "2024-01-01T00:00:00.000Z",
                      "2024-01-02T00:00:00.000Z",
                      false};
    Bookmark bare{
        8, "class", "kras", "", "", "2024-01-03T00:00:00.000Z", "2024-01-03T00:00:00.000Z", true};
    const std::string text = bookmarks_to_json({with_all, bare});
    CHECK(text == R"({"bookmarks":[{"id":7,"kind":"drug","target":"osimertinib","for":"Mum",)"
                  R"("note":"80 mg","created":"2024-01-01T00:00:00.000Z","updated":)"
                  R"("2024-01-02T00:00:00.000Z"},{"id":8,"kind":"class","target":"kras",)"
                  R"("for":null,"note":null,"created":"2024-01-03T00:00:00.000Z",)"
                  R"("updated":"2024-01-03T00:00:00.000Z","missing":true}]})");
}

TEST_CASE("export and import round trip through a file, merging without duplicates") {
    TemporaryFolder first_folder, second_folder;
    std::string message;
    auto first = UserStore::open(first_folder.path(), message);
    REQUIRE(first);
    REQUIRE(first->add_bookmark("drug", "osimertinib", "Mum", "80 mg daily\nAsk: \"rash?\"").ok);
    REQUIRE(first->add_bookmark("class", "egfr", "Mum", "").ok);
    REQUIRE(first->add_bookmark("class", "alk", "", "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80").ok);
    const std::string file = first_folder.file("export.json");
    REQUIRE(write_file_atomically(file,
                                  bookmarks_export_json(first->bookmarks(), "2024-09-01T00:00:00Z"))
                .ok);
    CHECK(permissions(file) == 0600);
    CHECK(files_containing(first_folder.path(), ".tmp-").empty());

    const BookmarkFile read = read_bookmarks_file(file);
    REQUIRE_MESSAGE(read.ok, read.error);
    REQUIRE(read.bookmarks.size() == 3);

    // Into a store that already has one of them with another note.
    auto second = UserStore::open(second_folder.path(), message);
    REQUIRE(second);
    REQUIRE(second->add_bookmark("drug", "osimertinib", "Mum", "from the pharmacist").ok);
    ImportCounts counts;
    REQUIRE(second->import_bookmarks(read.bookmarks, &counts).ok);
    CHECK(counts.added == 2);
    CHECK(counts.merged == 1);
    const auto mum = second->bookmarks(std::string("Mum"));
    REQUIRE(mum.size() == 2);
    CHECK(mum[0].note == "from the pharmacist\n\n80 mg daily\nAsk: \"rash?\"");
    const auto nobody = second->bookmarks(std::string(""));
    REQUIRE(nobody.size() == 1);
    CHECK(nobody[0].note == "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(nobody[0].created == first->bookmarks(std::string(""))[0].created);

    // Importing the same file again adds nothing.
    REQUIRE(second->import_bookmarks(read.bookmarks, &counts).ok);
    CHECK(counts.added == 0);
    CHECK(counts.merged == 0);
    CHECK(second->bookmarks().size() == 3);

    // The list --json output imports too.
    const BookmarkFile listed = parse_bookmarks_json(bookmarks_to_json(first->bookmarks()));
    REQUIRE(listed.ok);
    CHECK(listed.bookmarks.size() == 3);
}

TEST_CASE("malformed files are refused with a clear reason") {
    const auto error_of = [](const std::string& text) {
        const BookmarkFile file = parse_bookmarks_json(text);
        CHECK_FALSE(file.ok);
        CHECK(file.bookmarks.empty());
        return file.error;
    };
    CHECK(contains(error_of("{\"bookmarks\": [ {\"kind\": "), "not valid JSON"));
    CHECK(contains(error_of(""), "not valid JSON"));
    CHECK(contains(error_of("[1, 2]"), "no \"bookmarks\" list"));
    CHECK(contains(error_of(R"({"bookmarks": {}})"), "no \"bookmarks\" list"));
    CHECK(contains(error_of(R"({"format": "something-else", "bookmarks": []})"),
                   "not a LungGuide bookmarks file"));
    CHECK(contains(error_of(R"({"format": "lungguide-bookmarks", "version": 2, "bookmarks": []})"),
                   "newer version"));
    CHECK(contains(error_of(R"({"bookmarks": [{"kind": "drug", "target": "a"}, 5]})"),
                   "Bookmark 2 in the file is not a bookmark"));
    CHECK(
        contains(error_of(R"({"bookmarks": [{"kind": "page", "target": "a"}]})"), "unknown kind"));
    CHECK(contains(error_of(R"({"bookmarks": [{"kind": "drug"}]})"), "has no target"));
    CHECK(contains(error_of(R"({"bookmarks": [{"kind": "drug", "target": "a", "note": 5}]})"),
                   "\"note\" that is not text"));
    CHECK(contains(
        error_of(R"({"bookmarks": [{"kind": "drug", "target": "a", "created": "yesterday"}]})"),
        "not a date"));
    CHECK(contains(read_bookmarks_file("/nonexistent/file.json").error, "can't open"));
}

TEST_CASE("an export that can't be written says so and leaves no temporary file") {
    TemporaryFolder temporary;
    const StoreStatus status =
        write_file_atomically(temporary.file("missing-folder/export.json"), "{}");
    CHECK_FALSE(status.ok);
    CHECK(contains(status.message, "could not write"));
    // Writing over an existing file replaces it whole.
    write_bytes(temporary.file("export.json"), "old");
    REQUIRE(write_file_atomically(temporary.file("export.json"), "new content").ok);
    CHECK(read_bytes(temporary.file("export.json")) == "new content");
    CHECK(files_containing(temporary.path(), ".tmp-").empty());
}
