// A pack that is missing, truncated, corrupted, foreign or of another schema version gives a
// clear message and no pack: never a crash. Also: the pack build is deterministic.
#include "content/content_pack_builder.h"
#include "content_test_support.h"

#include <cstdio>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::string shipped_bytes() {
    return read_or_fail(LUNGGUIDE_PACK_PATH);
}

void run_sql(const std::string& path, const char* sql) {
    sqlite3* database = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &database) == SQLITE_OK);
    CHECK(sqlite3_exec(database, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(database);
}

} // namespace

TEST_CASE("a missing pack is reported, not crashed on") {
    auto result = open_content_pack("/nonexistent/folder/lungguide-content.db");
    CHECK(!result.ok());
    CHECK(result.message_for_person().find("missing") != std::string::npos);
}

TEST_CASE("an empty, truncated or corrupted pack is reported as damaged") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path();
    const std::string bytes = shipped_bytes();
    REQUIRE(bytes.size() > 8192);

    SUBCASE("empty file") {
        write_or_fail(folder + "/pack.db", "");
    }
    SUBCASE("cut in half") {
        write_or_fail(folder + "/pack.db", bytes.substr(0, bytes.size() / 2));
    }
    SUBCASE("cut after the header page") {
        write_or_fail(folder + "/pack.db", bytes.substr(0, 4096));
    }
    SUBCASE("pages overwritten with noise") {
        std::string damaged = bytes;
        for (std::size_t index = 4096; index < damaged.size(); index += 7)
            damaged[index] = static_cast<char>(index * 31);
        write_or_fail(folder + "/pack.db", damaged);
    }
    auto result = open_content_pack(folder + "/pack.db");
    CHECK(!result.ok());
    CHECK(result.message_for_person().find("damaged") != std::string::npos);
}

TEST_CASE("a file that is not a LungGuide pack is refused") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path();
    SUBCASE("plain text") {
        write_or_fail(folder + "/pack.db", "this is not a database\n");
    }
    SUBCASE("another SQLite database") {
        run_sql(folder + "/pack.db", "CREATE TABLE t(x);");
    }
    auto result = open_content_pack(folder + "/pack.db");
    CHECK(!result.ok());
    CHECK(result.message_for_person().find("not a LungGuide content pack") != std::string::npos);
}

TEST_CASE("a pack of another schema version is refused with both versions named") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path();
    write_or_fail(folder + "/pack.db", shipped_bytes());
    run_sql(folder + "/pack.db", "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    auto result = open_content_pack(folder + "/pack.db");
    CHECK(!result.ok());
    CHECK(result.message_for_person().find("another version") != std::string::npos);
    CHECK(result.message_for_person().find("99") != std::string::npos);
}

TEST_CASE("a pack with a table missing is reported as damaged") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path();
    write_or_fail(folder + "/pack.db", shipped_bytes());
    run_sql(folder + "/pack.db", "DROP TABLE side_effects");
    auto result = open_content_pack(folder + "/pack.db");
    CHECK(!result.ok());
    CHECK(result.message_for_person().find("damaged") != std::string::npos);
}

TEST_CASE("a pack in a folder whose name needs URI escaping opens") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path() + "/odd ?#% name";
    REQUIRE(mkdir(folder.c_str(), 0700) == 0);
    write_or_fail(folder + "/pack.db", shipped_bytes());
    auto result = open_content_pack(folder + "/pack.db");
    CHECK_MESSAGE(result.ok(), result.message_for_person());
}

TEST_CASE("building the pack is deterministic: the same content gives the same bytes") {
    TemporaryFolder temporary;
    const std::string folder = temporary.path();
    const Guide& guide = shipped_pack().guide();
    for (const char* name : {"/first.db", "/second.db"}) {
        REQUIRE(build_content_pack(guide, folder + name).ok());
        REQUIRE(add_dictionary_words_to_pack(guide, folder + name, build_dictionary_words()).ok());
        sign_or_fail(folder + name, this_build_signing_key()); // Ed25519 signing is deterministic
    }
    const std::string first = read_or_fail(folder + "/first.db");
    CHECK(first == read_or_fail(folder + "/second.db"));
    // The build tool, run in another process, made the same bytes too.
    CHECK(first == shipped_bytes());
    auto reopened = open_content_pack(folder + "/first.db");
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->guide().classes.size() == 10);
}
