// The pack is tamper-evident: altered or damaged medical text is refused at open, never shown
// as the page's own. (Before the digest, half of randomly damaged packs opened, some with
// changed text.)
#include "content/content_pack_digest.h"
#include "content/markdown_export.h"
#include "content_test_support.h"

#include <cstdint>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

int run_sql(const std::string& path, const std::string& sql) {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &database) == SQLITE_OK);
    const int code = sqlite3_exec(database, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(database);
    return code;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the shipped pack records a digest of every table and passes it") {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open_v2(LUNGGUIDE_PACK_PATH, &database, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    const auto digest = compute_content_pack_digest(database);
    const std::string recorded = recorded_content_pack_digest(database);
    sqlite3_close(database);
    REQUIRE_MESSAGE(digest.ok(), digest.message_for_person());
    CHECK(contains(digest.value(), "side_effects "));
    CHECK(contains(digest.value(), "dictionary_words ")); // what search reads, too
    CHECK(contains(digest.value(), "sqlite_schema "));
    CHECK(first_differing_table(digest.value(), digest.value()).empty());
    CHECK(recorded == digest.value());
    // The open pack names its content by the digest read at open (diary links use it).
    CHECK(shipped_pack().digest() == recorded);
}

TEST_CASE("a pack with altered text is refused with a clear message") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    write_or_fail(path, read_or_fail(LUNGGUIDE_PACK_PATH));
    std::string table;
    SUBCASE("a side effect's sentence") {
        table = "side_effect_groups";
        REQUIRE(run_sql(path,
                        "UPDATE side_effect_groups SET text = 'Rare side effects: none.' "
                        "WHERE class_id = 'egfr' AND severity = 'rare_serious'") == SQLITE_OK);
    }
    SUBCASE("a drug's name") {
        table = "drugs";
        REQUIRE(run_sql(path, "UPDATE drugs SET name = 'Osimertinibb' WHERE id = "
                              "'osimertinib'") == SQLITE_OK);
    }
    SUBCASE("a view shadowing nothing but added to the schema") {
        table = "sqlite_schema";
        REQUIRE(run_sql(path, "CREATE VIEW extra AS SELECT 1") == SQLITE_OK);
    }
    SUBCASE("the recorded digest itself") {
        table = "side_effects";
        REQUIRE(run_sql(path, "UPDATE meta SET value = replace(value, 'side_effects ', "
                              "'side_effects 0') WHERE key = 'content_sha256'") == SQLITE_OK);
    }
    SUBCASE("no digest at all") {
        REQUIRE(run_sql(path, "DELETE FROM meta WHERE key = 'content_sha256'") == SQLITE_OK);
    }
    const auto result = open_content_pack(path);
    CHECK(!result.ok());
    CHECK(contains(result.message_for_person(), "changed or damaged since it was built"));
    CHECK(contains(result.message_for_person(), "Reinstall LungGuide"));
    if (!table.empty())
        CHECK_MESSAGE(contains(result.message_for_person(), table), result.message_for_person());
}

TEST_CASE("randomly damaged packs either are refused or show exactly the page's text") {
    const std::string original = read_or_fail(LUNGGUIDE_PACK_PATH);
    const std::string expected = export_guide_markdown(shipped_pack().guide());
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    std::uint32_t random = 12345;
    const auto next = [&random] {
        random = random * 1664525u + 1013904223u;
        return random >> 8;
    };
    int refused = 0;
    for (int run = 0; run < 60; ++run) {
        std::string damaged = original;
        const int flips = 1 + static_cast<int>(next() % 4);
        for (int flip = 0; flip < flips; ++flip) {
            // Past the 100-byte header, where a flip more often leaves a readable file.
            const std::size_t at = 100 + next() % (damaged.size() - 100);
            damaged[at] = static_cast<char>(damaged[at] ^ (1 << (next() % 8)));
        }
        write_or_fail(path, damaged);
        const auto result = open_content_pack(path);
        if (!result.ok()) {
            ++refused;
            CHECK(!result.message_for_person().empty());
            continue;
        }
        // Opened: then not one character of the guide may differ.
        CHECK_MESSAGE(export_guide_markdown(result.value()->guide()) == expected, "run " << run);
    }
    CHECK(refused > 0);
}

TEST_CASE("a FIFO given as the pack is refused at once, not waited on") {
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.fifo");
    REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    const auto result = open_content_pack(path);
    CHECK(!result.ok());
    CHECK(contains(result.message_for_person(), "not a file"));
}
