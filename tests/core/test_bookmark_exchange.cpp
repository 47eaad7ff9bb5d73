// Bookmarks as JSON: the list shape, export, import, and files that must be refused.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/user_store.h"
#include "bookmarks/user_text.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

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
    auto first = open_store(first_folder.path(), message);
    REQUIRE(first);
    REQUIRE(first->add_bookmark("drug", "osimertinib", "Mum", "80 mg daily\nAsk: \"rash?\"").ok());
    REQUIRE(first->add_bookmark("class", "egfr", "Mum", "").ok());
    REQUIRE(first->add_bookmark("class", "alk", "", "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80").ok());
    const std::string file = first_folder.file("export.json");
    REQUIRE(write_file_atomically(file,
                                  bookmarks_export_json(first->bookmarks(), "2024-09-01T00:00:00Z"))
                .ok());
    CHECK(permissions(file) == 0600);
    CHECK(files_containing(first_folder.path(), ".tmp-").empty());

    const auto read = read_bookmarks_file(file);
    REQUIRE_MESSAGE(read.ok(), read.message_for_person());
    REQUIRE(read.value().size() == 3);

    // Into a store that already has one of them with another note.
    auto second = open_store(second_folder.path(), message);
    REQUIRE(second);
    REQUIRE(second->add_bookmark("drug", "osimertinib", "Mum", "from the pharmacist").ok());
    ImportCounts counts;
    REQUIRE(second->import_bookmarks(read.value(), &counts).ok());
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
    REQUIRE(second->import_bookmarks(read.value(), &counts).ok());
    CHECK(counts.added == 0);
    CHECK(counts.merged == 0);
    CHECK(second->bookmarks().size() == 3);

    // The list --json output imports too.
    const auto listed = parse_bookmarks_json(bookmarks_to_json(first->bookmarks()));
    REQUIRE(listed.ok());
    CHECK(listed.value().size() == 3);
}

TEST_CASE("malformed files are refused with a clear reason") {
    const auto error_of = [](const std::string& text) {
        const auto file = parse_bookmarks_json(text);
        CHECK_FALSE(file.ok());
        return file.message_for_person();
    };
    CHECK(contains(error_of("{\"bookmarks\": [ {\"kind\": "), "not valid JSON"));
    CHECK(contains(error_of(""), "not valid JSON"));
    CHECK(contains(error_of("[1, 2]"), "no \"bookmarks\" list"));
    CHECK(contains(error_of(R"({"bookmarks": {}})"), "no \"bookmarks\" list"));
    CHECK(contains(error_of(R"({"format": "something-else", "bookmarks": []})"),
                   "not a LungGuide bookmarks file"));
    CHECK(contains(error_of(R"({"format": "lungguide-bookmarks", "version": 3, "bookmarks": []})"),
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
    CHECK(
        contains(read_bookmarks_file("/nonexistent/file.json").message_for_person(), "can't open"));
}

TEST_CASE("an export that can't be written says so and leaves no temporary file") {
    TemporaryFolder temporary;
    const Status status = write_file_atomically(temporary.file("missing-folder/export.json"), "{}");
    CHECK_FALSE(status.ok());
    CHECK(contains(status.message_for_person, "could not write"));
    // Writing over an existing file replaces it whole.
    write_bytes(temporary.file("export.json"), "old");
    REQUIRE(write_file_atomically(temporary.file("export.json"), "new content").ok());
    CHECK(read_bytes(temporary.file("export.json")) == "new content");
    CHECK(files_containing(temporary.path(), ".tmp-").empty());
}

TEST_CASE("import reads only regular files, and checks the size before reading") {
    CHECK(contains(read_bookmarks_file("/dev/zero").message_for_person(),
                   "is not a file LungGuide can import"));
    CHECK(contains(read_bookmarks_file("/tmp").message_for_person(),
                   "is not a file LungGuide can import"));
    TemporaryFolder temporary;
    const std::string fifo = temporary.file("pipe");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(contains(read_bookmarks_file(fifo).message_for_person(),
                   "is not a file LungGuide can import"));
    // A sparse file one byte over the limit: refused without reading its 120 MB of zeros.
    const std::string huge = temporary.file("huge.json");
    write_bytes(huge, "");
    REQUIRE(truncate(huge.c_str(), static_cast<off_t>(largest_bookmarks_file_bytes + 1)) == 0);
    CHECK(contains(read_bookmarks_file(huge).message_for_person(), "too large"));
}

TEST_CASE("deep nesting is refused at once, whatever the file's size") {
    for (const std::string& text : {std::string(15 * 1024 * 1024, '['), std::string(100000, '{'),
                                    std::string("{\"bookmarks\": [{\"kind\": \"drug\", \"target\": "
                                                "\"a\", \"x\": [[[[[[[[[[1]]]]]]]]]]}]}")}) {
        const auto file = parse_bookmarks_json(text);
        CHECK_FALSE(file.ok());
        CHECK((contains(file.message_for_person(), "nested") ||
               contains(file.message_for_person(), "not valid JSON")));
    }
    CHECK(contains(parse_bookmarks_json(std::string(1000, '[')).message_for_person(), "nested"));
}

TEST_CASE("an export of a full store can be imported back, far beyond the old 16 MB") {
    // The largest bookmark there can be: the longest note of 4-byte characters, the longest
    // label and id. A full store of them still fits the import limit.
    std::string longest_note;
    for (std::size_t index = 0; index < note_max_characters; ++index)
        longest_note += "\xF0\x9F\x98\x80";
    std::string longest_label;
    for (std::size_t index = 0; index < label_max_characters; ++index)
        longest_label += "\xF0\x9F\x98\x80";
    const Bookmark largest{123456789,
                           "class",
                           std::string(80, 'x'),
                           longest_label,
                           longest_note,
                           "2024-08-27T10:15:00.123Z",
                           "2024-08-27T10:15:00.123Z",
                           true,
                           true};
    const std::string one = bookmarks_export_json({largest}, "2024-09-01T00:00:00Z");
    const std::string two = bookmarks_export_json({largest, largest}, "2024-09-01T00:00:00Z");
    const std::uint64_t per_bookmark = two.size() - one.size();
    CHECK(one.size() + per_bookmark * (bookmarks_max_count - 1) <= largest_bookmarks_file_bytes);

    // And a real round trip of an export over 16 MB.
    TemporaryFolder first_folder, second_folder;
    std::string message;
    auto first = open_store(first_folder.path(), message);
    REQUIRE(first);
    std::vector<Bookmark> many;
    for (int index = 0; index < 1100; ++index)
        many.push_back({0, "drug", "drug-" + std::to_string(index), "Mum", longest_note, "", "",
                        false, false});
    REQUIRE(first->import_bookmarks(many).ok());
    const std::string file = first_folder.file("export.json");
    REQUIRE(write_file_atomically(file,
                                  bookmarks_export_json(first->bookmarks(), "2024-09-01T00:00:00Z"))
                .ok());
    CHECK(read_bytes(file).size() > 16u * 1024 * 1024);
    const auto read = read_bookmarks_file(file);
    REQUIRE_MESSAGE(read.ok(), read.message_for_person());
    auto second = open_store(second_folder.path(), message);
    REQUIRE(second);
    REQUIRE(second->import_bookmarks(read.value()).ok());
    CHECK(second->bookmarks().size() == 1100);
    CHECK(second->bookmarks()[1099].note == longest_note);
}

TEST_CASE("impossible times are refused") {
    for (const char* good : {"2024-02-29T23:59:59.123Z", "2023-12-31T00:00:00Z",
                             "2000-02-29T12:00:00.5Z", "1970-01-01T00:00:00Z"})
        CHECK_MESSAGE(is_utc_timestamp(good), good);
    for (const char* bad : {"2023-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z",
                            "2024-00-10T10:00:00Z", "2024-04-31T10:00:00Z", "2024-01-01T24:00:00Z",
                            "2024-01-01T10:60:00Z", "2024-01-01T10:00:61Z", "1900-02-29T10:00:00Z",
                            "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00", "2024-01-01 10:00:00Z",
                            "0000-01-01T00:00:00Z", "2024-01-01T10:00:00.1.2Z"})
        CHECK_FALSE_MESSAGE(is_utc_timestamp(bad), bad);
}

TEST_CASE("an import error never echoes escape sequences from the file") {
    const auto file = parse_bookmarks_json(
        R"({"bookmarks": [{"kind": "drug", "target": "a", "created": "\u001b]0;owned\u0007\u001b[2J\u009b31m"}]})");
    CHECK_FALSE(file.ok());
    CHECK(contains(file.message_for_person(), "not a date"));
    for (char character : file.message_for_person()) {
        const unsigned char byte = static_cast<unsigned char>(character);
        CHECK(byte != 0x1B);
        CHECK(byte != 0x07);
    }
    CHECK_FALSE(contains(file.message_for_person(), "\xC2\x9B")); // the 8-bit CSI
}

TEST_CASE("bookmarks list --json marks a damaged row") {
    Bookmark damaged{4, "drug", "osimertinib", "", "", "", "", false, true};
    CHECK(contains(bookmarks_to_json({damaged}), "\"damaged\":true"));
}

TEST_CASE("the next export removes temporary files a killed export left, and only those") {
    TemporaryFolder temporary;
    const auto make = [&](const std::string& name, mode_t mode) {
        write_bytes(temporary.file(name), "{\"format\": \"lungguide-bookmarks\", private notes");
        REQUIRE(chmod(temporary.file(name).c_str(), mode) == 0);
    };
    make("export.json.tmp-Ab3xYz", 0600); // mkstemp's name
    make("export.json.tmp-4242-0", 0600); // a linked O_TMPFILE's name
    make("export.json.tmp-notes", 0600);  // not a name we make
    make("export.json.tmp-Qw9rTy", 0644); // not private, so not ours
    make("other.json.tmp-Ab3xYz", 0600);  // another target's
    REQUIRE(symlink(temporary.file("other.json.tmp-Ab3xYz").c_str(),
                    temporary.file("export.json.tmp-Lk1nkd").c_str()) == 0);
    REQUIRE(write_file_atomically(temporary.file("export.json"), "{}").ok());
    CHECK_FALSE(exists(temporary.file("export.json.tmp-Ab3xYz")));
    CHECK_FALSE(exists(temporary.file("export.json.tmp-4242-0")));
    CHECK(exists(temporary.file("export.json.tmp-notes")));
    CHECK(exists(temporary.file("export.json.tmp-Qw9rTy")));
    CHECK(exists(temporary.file("other.json.tmp-Ab3xYz")));
    struct stat link_info {};
    CHECK(lstat(temporary.file("export.json.tmp-Lk1nkd").c_str(), &link_info) == 0);
    CHECK(read_bytes(temporary.file("export.json")) == "{}");
}

namespace {
std::string file_with_note(const std::string& note, const std::string& person = "Mum") {
    return R"({"bookmarks":[{"kind":"drug","target":"osimertinib","for":")" + person +
           R"(","note":")" + note + R"("}]})";
}
} // namespace

// Issue 23: a file with one 100 MB note was read whole, parsed whole and shortened after:
// 1.25 GB at its peak, and it was imported. A note or a name far longer than one can be is
// now refused, saying so, before it is held whole.
TEST_CASE("an import with a note or a name far longer than one can be is refused, saying so") {
    // Longer than a note holds, but within what is read: imported, then shortened.
    const auto long_note = parse_bookmarks_json(file_with_note(std::string(10000, 'a')));
    REQUIRE(long_note.ok());
    CHECK(long_note.value()[0].note.size() == 10000);
    // Over the 64 KB read for one note: refused, with the sizes in the message.
    const auto too_long = parse_bookmarks_json(file_with_note(std::string(70 * 1024, 'a')));
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.problem() == Problem::invalid_input);
    CHECK(contains(too_long.message_for_person(), "Bookmark 1 in the file can't be imported: the "
                                                  "note is 70 KB long: a note holds at most "
                                                  "4,000 characters"));
    // The same note written as \u escapes counts as what it decodes to.
    std::string escaped;
    for (int index = 0; index < 11000; ++index)
        escaped += "\\u00e9";
    CHECK(contains(parse_bookmarks_json(file_with_note(escaped)).message_for_person(),
                   "the note is 22 KB long") == false);
    CHECK(parse_bookmarks_json(file_with_note(escaped)).ok());
    const auto name = parse_bookmarks_json(file_with_note("x", std::string(2000, 'M')));
    CHECK(contains(name.message_for_person(), "the name is 2 KB long: a name holds at most 80"));
}

TEST_CASE("a text longer than any bookmarks file has stops the read there, in any field") {
    const std::string huge(2 * 1024 * 1024, 'a');
    for (const std::string& text : {file_with_note(huge), file_with_note("x", huge),
                                    R"({"bookmarks":[],"unknown":")" + huge + R"("})",
                                    R"({"bookmarks":[{"kind":"drug","target":"x","note":)" +
                                        std::string(5000, '1') + "}]}"}) {
        const auto file = parse_bookmarks_json(text);
        REQUIRE_FALSE(file.ok());
        CHECK_MESSAGE(contains(file.message_for_person(), "far longer than any bookmarks file has"),
                      file.message_for_person());
    }
    // Streamed from a file: the same, after reading a few hundred kilobytes of it.
    TemporaryFolder folder;
    const std::string path = folder.file("huge-note.json");
    write_bytes(path, file_with_note(std::string(20 * 1024 * 1024, 'a')));
    const auto read = read_bookmarks_file(path);
    REQUIRE_FALSE(read.ok());
    CHECK(contains(read.message_for_person(), "Bookmark 1 in the file holds a text far longer"));
}

TEST_CASE("a note or a name far longer than one can be is refused when typed too") {
    TemporaryFolder folder;
    std::string message;
    auto store = open_store(folder.path(), message);
    REQUIRE(store);
    const std::string huge(100 * 1024, 'a');
    const Status add = store->add_bookmark("drug", "osimertinib", "Mum", huge);
    CHECK(add.problem == Problem::invalid_input);
    CHECK(contains(add.message_for_person, "The note is 100 KB long: a note holds at most "
                                           "4,000 characters, and LungGuide refuses more than "
                                           "64 KB of text for one rather than shorten it."));
    CHECK(contains(
        store->add_bookmark("drug", "osimertinib", std::string(1500, 'M'), "").message_for_person,
        "The name is 2 KB long"));
    CHECK(store->bookmarks().empty());
    std::int64_t id = 0;
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Mum", "short", &id).ok());
    CHECK(store->update_note(id, huge).problem == Problem::invalid_input);
    CHECK(store->save_note_draft(id, huge).problem == Problem::invalid_input);
    CHECK(store->bookmark(id)->note == "short");
    CHECK(store->note_drafts().empty());
    // Longer than a note holds, within what is read: kept, shortened, and the person told.
    const Status shortened = store->update_note(id, std::string(10000, 'b'));
    CHECK(shortened.ok());
    CHECK(contains(shortened.message_for_person, "only the first 4000 were kept"));
}
