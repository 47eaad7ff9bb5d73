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

TEST_CASE("labels are NFC: the same letters typed two ways are one label") {
    // "Amélie" with é as one character, and as e + combining acute.
    CHECK(clean_label("Am\xC3\xA9lie").text == clean_label("Ame\xCC\x81lie").text);
    CHECK(clean_label("Ame\xCC\x81lie").text == "Am\xC3\xA9lie");
    CHECK(clean_label("A\xCC\x8A").text == "\xC3\x85");    // A + ring = Å
    CHECK(clean_label("\xE2\x84\xAB").text == "\xC3\x85"); // Ångström sign → Å
    CHECK(clean_label("\xE1\xB8\x8B\xCC\xA3").text == "\xE1\xB8\x8D\xCC\x87"); // ḍ̇ → ḍ̇
    CHECK(clean_label("q\xCC\x87\xCC\xA3").text == "q\xCC\xA3\xCC\x87");       // reordered
    CHECK(clean_label("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8").text == "\xEA\xB0\x81"); // 각
    CHECK(clean_label("\xCE\xB1\xCC\x81").text == "\xCE\xAC");                         // Greek ά
    CHECK(clean_label("\xD0\xB5\xCC\x88").text == "\xD1\x91"); // Cyrillic ё
    CHECK(clean_label("Mum").text == "Mum");
    CHECK(clean_note("Caf\x65\xCC\x81 au lait\nna\xC3\xAF\x76\x65").text ==
          "Caf\xC3\xA9 au lait\nna\xC3\xAF\x76\x65");
}

TEST_CASE("bidi controls and invisible characters are removed, so labels can't look alike") {
    const std::string mum = "Mum";
    for (const std::string& disguised :
         {std::string("M\xE2\x80\xAEum"),             // right-to-left override
          std::string("\xE2\x80\x8FMum"),             // right-to-left mark
          std::string("Mu\xE2\x81\xA6m\xE2\x81\xA9"), // isolates
          std::string("M\xE2\x80\x8Bum"),             // zero-width space
          std::string("Mu\xE2\x80\x8Dm"),             // zero-width joiner between letters
          std::string("\xEF\xBB\xBFMum"),             // byte-order mark
          std::string("Mu\xC2\xADm"),                 // soft hyphen
          std::string("Mum\xEF\xB8\x8F"),             // variation selector after a letter
          std::string("M\xE2\x81\xA0um"),             // word joiner
          std::string("Mum\xF3\xA0\x80\x81")})        // a tag character
        CHECK(clean_label(disguised).text == mum);
    // Other spaces look like a space, so they are one.
    CHECK(clean_label("Aunt\xC2\xA0May").text == "Aunt May");
    CHECK(clean_label("Aunt\xE2\x80\x83\xE2\x80\x83May").text == "Aunt May");
    // Inside emoji, where they show, joiners and selectors stay.
    const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F"
                               "\x91\xA7"; // 👨‍👩‍👧
    CHECK(clean_label(family).text == family);
    const std::string red_heart = "\xE2\x9D\xA4\xEF\xB8\x8F"; // ❤️
    CHECK(clean_label(red_heart).text == red_heart);
    // Notes too, with their line breaks kept.
    CHECK(clean_note("line one\xE2\x80\xAE\nline\xE2\x80\x8B two").text == "line one\nline two");
}

TEST_CASE("an excerpt for a message is one printable line") {
    CHECK(printable_excerpt("\x1B[2Jhello\x07\nworld", 40) == "[2Jhello world");
    CHECK(printable_excerpt(std::string(100, 'a'), 10) == std::string(10, 'a') + "\xE2\x80\xA6");
}
