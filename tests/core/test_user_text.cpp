// Bounds and cleaning of what people type: notes and "for" labels.
#include "bookmarks/user_text.h"

#include <doctest/doctest.h>
#include <string>

using namespace lungguide;

namespace {
std::string repeat(const std::string& piece, std::size_t times) {
    std::string result;
    for (std::size_t index = 0; index < times; ++index)
        result += piece;
    return result;
}
} // namespace

TEST_CASE("characters are counted, not bytes") {
    CHECK(count_characters("") == 0);
    CHECK(count_characters("Mum") == 3);
    CHECK(count_characters("Grand-mère") == 10);         // è is 2 bytes
    CHECK(count_characters("\xE2\x82\xAC") == 1);        // € is 3 bytes
    CHECK(count_characters("\xF0\x9F\x98\x80 ok") == 4); // 😀 is 4 bytes
    CHECK(count_characters("a\xFF"
                           "b") == 3); // an invalid byte is one character
}

TEST_CASE("a note is cut at 4000 characters on a character boundary") {
    const std::string long_ascii = repeat("a", note_max_characters + 10);
    CleanedText cut = clean_note(long_ascii);
    CHECK(cut.was_shortened);
    CHECK(cut.text.size() == note_max_characters);

    // 2-byte characters: 4000 characters is 8000 bytes, and no half character is left.
    const std::string long_accented = repeat("\xC3\xA9", note_max_characters + 1);
    cut = clean_note(long_accented);
    CHECK(cut.was_shortened);
    CHECK(count_characters(cut.text) == note_max_characters);
    CHECK(cut.text.size() == 2 * note_max_characters);
    CHECK(cut.text == repeat("\xC3\xA9", note_max_characters));

    // Exactly at the limit is not shortened.
    const std::string exact = repeat("\xF0\x9F\x98\x80", note_max_characters);
    cut = clean_note(exact);
    CHECK_FALSE(cut.was_shortened);
    CHECK(cut.text == exact);
}

TEST_CASE("a label is cut at 80 characters on a character boundary") {
    const std::string emoji = "\xF0\x9F\x98\x80";
    CleanedText cut = clean_label(repeat(emoji, 81));
    CHECK(cut.was_shortened);
    CHECK(cut.text == repeat(emoji, 80));
    cut = clean_label(repeat("x", 80));
    CHECK_FALSE(cut.was_shortened);
    CHECK(cut.text.size() == 80);
}

TEST_CASE("control characters are stripped; a note keeps its line breaks") {
    // NUL, BEL, ESC, DEL and the C1 control U+0085 go; newlines stay.
    const std::string typed = std::string("Dose\x01 80\x1B[31m mg\x7F\n") +
                              "start\xC2\x85 1 March" + std::string(1, '\0') + "!";
    CHECK(clean_note(typed).text == "Dose 80[31m mg\nstart 1 March!");
    CHECK(clean_note("line one\r\nline two\rline three").text == "line one\nline two\nline three");
    CHECK(clean_note("a\tb").text == "a b");
    CHECK(clean_note("  \n  keep inner  \n\n  ").text == "keep inner");
}

TEST_CASE("a label is one tidy line") {
    CHECK(clean_label("  Mum \n (Jean)\t\x07 ").text == "Mum (Jean)");
    CHECK(clean_label("\x01\x02").text.empty());
}

TEST_CASE("invalid UTF-8 becomes the replacement character") {
    CHECK(clean_note("a\xFF"
                     "b")
              .text == "a\xEF\xBF\xBD"
                       "b");
    CHECK(clean_note("\xC0\xAF").text == "\xEF\xBF\xBD\xEF\xBF\xBD");    // overlong "/"
    CHECK(clean_note("\xED\xA0\x80").text == repeat("\xEF\xBF\xBD", 3)); // a surrogate
    CHECK(clean_note("\xE2\x82").text == repeat("\xEF\xBF\xBD", 2));     // cut short
}
