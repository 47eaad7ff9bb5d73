// Search's dictionary words travel in the pack as one front-coded row, are read when the pack
// opens, and reach search as plain words: the pack keeps no file open behind it.
#include "content/content_pack_dictionary.h"
#include "content/content_pack_dictionary_builder.h"
#include "content_test_support.h"

#include <algorithm>
#include <filesystem>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// How many of this process's open files are the file at path.
int descriptors_open_on(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path target = fs::canonical(path);
    int count = 0;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator("/proc/self/fd", error)) {
        std::error_code unreadable;
        const fs::path points_at = fs::read_symlink(entry.path(), unreadable);
        if (!unreadable && points_at == target) ++count;
    }
    return count;
}

} // namespace

TEST_CASE("front coding gives back the words it was given") {
    // Shared beginnings of none, some, and more than the nine a line can say.
    const std::vector<std::string> words = {
        "back",    "backache",        "backaches",        "black",
        "blister", "counterproposal", "counterproposals", "counterpunch"};
    const std::string coded = front_code_words(words);
    CHECK(coded.rfind("0back\n4ache\n8s\n1lack\n", 0) == 0);
    CHECK(front_decode_words(coded) == words);
    // A line that is not front coding is skipped, not read as a word.
    CHECK(front_decode_words("0back\nnot coded\n4ache\n") ==
          std::vector<std::string>{"back", "backache"});
    CHECK(front_decode_words("").empty());
}

TEST_CASE("the pack hands search its dictionary words at open, and keeps no file open") {
    auto opened = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE(opened.ok());
    const std::vector<std::string>& words = opened.value()->dictionary_words();
    // Real words one slip from a page word: "black" is not "back", "joins" not "joints".
    for (const char* word : {"black", "joins", "stole", "blister"})
        CHECK_MESSAGE(std::binary_search(words.begin(), words.end(), word), word);
    CHECK(std::is_sorted(words.begin(), words.end()));
    CHECK(words.size() > 1000);
    // Everything is read: the connection is closed, and the pack's file with it.
    CHECK(descriptors_open_on(LUNGGUIDE_PACK_PATH) == 0);
}
