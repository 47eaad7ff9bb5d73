// Where the user store lives, and that its folder is private.
#include "bookmarks/data_folder.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <map>
#include <memory>
#include <string>

using namespace lungguide;
using namespace user_store_test;

namespace {
EnvironmentLookup environment(std::map<std::string, std::string> variables) {
    auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(variables));
    return [shared](const char* name) -> const char* {
        const auto found = shared->find(name);
        return found == shared->end() ? nullptr : found->second.c_str();
    };
}
} // namespace

TEST_CASE("the user-data folder: explicit, then LUNGGUIDE_DATA_DIR, then XDG, then home") {
    const auto all = environment(
        {{"LUNGGUIDE_DATA_DIR", "/own"}, {"XDG_DATA_HOME", "/xdg"}, {"HOME", "/home/jean"}});
    CHECK(resolve_data_folder("/explicit", all).value() == "/explicit");
    CHECK(resolve_data_folder("", all).value() == "/own");
    CHECK(
        resolve_data_folder("", environment({{"XDG_DATA_HOME", "/xdg"}, {"HOME", "/h"}})).value() ==
        "/xdg/lungguide");
    CHECK(resolve_data_folder("", environment({{"HOME", "/home/jean"}})).value() ==
          "/home/jean/.local/share/lungguide");
    // A relative or empty XDG_DATA_HOME is ignored (XDG spec).
    CHECK(resolve_data_folder("", environment({{"XDG_DATA_HOME", "relative/path"}, {"HOME", "/h"}}))
              .value() == "/h/.local/share/lungguide");
    CHECK(resolve_data_folder("", environment({{"XDG_DATA_HOME", ""}, {"HOME", "/h"}})).value() ==
          "/h/.local/share/lungguide");
}

// Issue 23: LUNGGUIDE_DATA_DIR='' silently used the default folder, and a relative $HOME
// put the store under whatever folder the program was started in.
TEST_CASE("an empty LUNGGUIDE_DATA_DIR or a relative HOME is refused, saying why") {
    const Result<std::string> empty =
        resolve_data_folder("", environment({{"LUNGGUIDE_DATA_DIR", ""}, {"HOME", "/h"}}));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.problem() == Problem::invalid_input);
    CHECK(empty.message_for_person().find("LUNGGUIDE_DATA_DIR is set, but empty") !=
          std::string::npos);
    for (const char* home : {"relative/home", ".", "~/x"}) {
        CAPTURE(home);
        const Result<std::string> relative = resolve_data_folder("", environment({{"HOME", home}}));
        REQUIRE_FALSE(relative.ok());
        CHECK(relative.message_for_person().find("not a full path") != std::string::npos);
        CHECK(relative.message_for_person().find("--data-dir") != std::string::npos);
    }
    // An explicit folder needs no HOME at all.
    CHECK(resolve_data_folder("/explicit", environment({{"HOME", "relative"}})).ok());
}

TEST_CASE("the folder is created with owner-only permissions, parents included") {
    TemporaryFolder temporary;
    const std::string nested = temporary.file("a/b/lungguide");
    REQUIRE(create_private_directory(nested).ok());
    CHECK(permissions(nested) == 0700);
    CHECK(permissions(temporary.file("a")) == 0700);
    // Again is fine.
    CHECK(create_private_directory(nested).ok());
}

TEST_CASE("a file in the way gives a message, not a crash") {
    TemporaryFolder temporary;
    write_bytes(temporary.file("blocker"), "x");
    const Status created = create_private_directory(temporary.file("blocker/lungguide"));
    CHECK(created.problem == Problem::invalid_input);
    CHECK(created.message_for_person.find("is a file, not a folder") != std::string::npos);
}
