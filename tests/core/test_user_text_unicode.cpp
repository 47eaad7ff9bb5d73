// A person's text against Unicode's own data: every character that shows nothing is removed,
// so two labels that look the same are one person, and NFC makes the same letters typed two
// ways one text. The lists here come from Unicode's files, not from the code under test.
#include "bookmarks/user_text.h"
#include "common/utf8.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>
#include <string>
#include <utf8proc.h>
#include <vector>

using namespace lungguide;

namespace {

std::string utf8(const std::u32string& code_points) {
    return encode_utf8(code_points);
}

std::string hex(char32_t code_point) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(code_point));
    return text;
}

// Default_Ignorable_Code_Point, as Unicode 15's DerivedCoreProperties.txt lists it (assigned
// and reserved code points alike).
constexpr char32_t default_ignorable[][2] = {
    {0xAD, 0xAD},       {0x34F, 0x34F},     {0x61C, 0x61C},   {0x115F, 0x1160}, {0x17B4, 0x17B5},
    {0x180B, 0x180F},   {0x200B, 0x200F},   {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
    {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
};

bool is_listed_default_ignorable(char32_t code_point) {
    for (const auto& range : default_ignorable)
        if (code_point >= range[0] && code_point <= range[1]) return true;
    return false;
}

const utf8proc_property_t& properties(char32_t code_point) {
    return *utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point));
}

// Every code point that must vanish from a label: the list above, and every format
// character (Cf) the library knows.
std::vector<char32_t> invisible_code_points() {
    std::vector<char32_t> found;
    for (char32_t code_point = 0; code_point < 0x110000; ++code_point)
        if (is_listed_default_ignorable(code_point) ||
            properties(code_point).category == UTF8PROC_CATEGORY_CF)
            found.push_back(code_point);
    return found;
}

} // namespace

TEST_CASE("the library's ignorable characters are Unicode's Default_Ignorable ones") {
    int assigned = 0;
    for (char32_t code_point = 0; code_point < 0x110000; ++code_point) {
        const utf8proc_property_t& property = properties(code_point);
        if (property.category == UTF8PROC_CATEGORY_CN) continue;
        if (property.ignorable != is_listed_default_ignorable(code_point))
            FAIL_CHECK(hex(code_point) << ": the library and Unicode's list differ");
        assigned += property.ignorable;
    }
    CHECK(assigned == 405);
}

TEST_CASE("every character that shows nothing is removed from a label and a note") {
    const std::vector<char32_t> invisible = invisible_code_points();
    // 4,174 Default_Ignorable code points, and the 32 format characters that are not.
    CHECK(invisible.size() == 4174 + 32);
    int failures = 0;
    for (char32_t code_point : invisible) {
        const std::string inside = utf8({U'M', code_point, U'u', U'm'});
        const std::string after = utf8({U'M', U'u', U'm', code_point});
        const std::string before = utf8({code_point, U'M', U'u', U'm'});
        for (const std::string& label : {inside, after, before}) {
            if (clean_label(label).text == "Mum") continue;
            if (++failures <= 10) FAIL_CHECK(hex(code_point) << " is kept in a label");
        }
        if (clean_note(utf8({U'a', code_point, U'\n', U'b'})).text != "a\nb" && ++failures <= 10)
            FAIL_CHECK(hex(code_point) << " is kept in a note");
    }
    CHECK(failures == 0);
}

TEST_CASE("the characters that made a second \"Mum\" are one person now") {
    // From issue 23: each made a label that looks like "Mum" and was another person.
    for (char32_t code_point : {0x2800, 0x13430, 0x13438, 0x1BCA0, 0x110BD, 0x110CD, 0x3164, 0xFFA0,
                                0x115F, 0x1160, 0x16FE4, 0x1D159, 0x2065, 0xE0080}) {
        INFO(hex(code_point));
        CHECK(clean_label(utf8({U'M', U'u', U'm', code_point})).text == "Mum");
        CHECK(clean_label(utf8({code_point, U'M', U'u', U'm'})).text == "Mum");
    }
    // The blank braille cell and the null notehead are as wide as a letter: inside a label
    // they are a space, which shows, and a run of spaces is one.
    CHECK(clean_label(utf8({U'A', U'n', U'n', 0x2800, U'L', U'e', U'e'})).text == "Ann Lee");
    CHECK(clean_label(utf8({U'A', 0x1D159, 0x2800, U' ', U'B'})).text == "A B");
    // The Khitan filler is a blank mark of no width: it goes.
    CHECK(clean_label(utf8({U'M', 0x16FE4, U'u', U'm'})).text == "Mum");
    // A note keeps an empty braille cell: braille text has them.
    CHECK(clean_note(utf8({0x2801, 0x2800, 0x2803})).text == utf8({0x2801, 0x2800, 0x2803}));
}

TEST_CASE("labels that differ only in what can't be seen are one person in the store") {
    using user_store_test::open_store;
    lungguide::testing::TemporaryFolder temporary;
    std::string message;
    auto store = open_store(temporary.path(), message);
    REQUIRE_MESSAGE(store, message);
    for (char32_t code_point : {0x2800, 0x13430, 0x1BCA0, 0x110BD, 0x200B, 0xFEFF, 0xE0001})
        REQUIRE(store->add_bookmark("drug", "osimertinib", utf8({U'M', U'u', U'm', code_point}), "")
                    .ok());
    CHECK(store->bookmarks().size() == 1);
    CHECK(store->people() == std::vector<std::string>{"Mum"});
}

TEST_CASE("NFC: canonically equivalent labels are one text") {
    // Expected values from Unicode's NFC (Python's unicodedata.normalize).
    const std::vector<std::pair<std::u32string, std::u32string>> equivalent = {
        {U"e\u0323\u0302", U"\u1EC7"},            // Vietnamese ệ, marks in either order
        {U"e\u0302\u0323", U"\u1EC7"},            //
        {U"\u00C5\u0301", U"\u01FA"},             // Å + acute composes again
        {U"\u2126", U"\u03A9"},                   // Ohm sign is Omega (a singleton)
        {U"\u0958", U"\u0915\u093C"},             // Devanagari qa: excluded from composing
        {U"\u0915\u093C", U"\u0915\u093C"},       //
        {U"\u0344", U"\u0308\u0301"},             // a mark that decomposes into two
        {U"\uFB2C", U"\u05E9\u05BC\u05C1"},       // Hebrew presentation form
        {U"\U0001D15E", U"\U0001D157\U0001D165"}, // musical half note
        {U"\u1100\u1161\u11A8", U"\uAC01"},       // Hangul jamo: 각
        {U"\uAC00\u11A8", U"\uAC01"},             // syllable + final jamo
        {U"\u1E9B\u0323", U"\u1E9B\u0323"},       // long s with dots: stays
        {U"Jos\u0065\u0301 \u00C1lvarez", U"Jos\u00E9 \u00C1lvarez"}, //
    };
    for (const auto& [typed, composed] : equivalent) {
        INFO(utf8(typed));
        CHECK(clean_label(utf8(typed)).text == utf8(composed));
        CHECK(clean_note(utf8(typed)).text == utf8(composed));
    }
}

TEST_CASE("joiners and selectors stay inside emoji, and only there") {
    // Woman health worker, medium skin tone: the joiner follows a skin tone, not the emoji.
    const std::u32string health_worker = U"\U0001F469\U0001F3FD\u200D\u2695\uFE0F";
    CHECK(clean_label(utf8(health_worker)).text == utf8(health_worker));
    const std::u32string heart_on_fire = U"\u2764\uFE0F\u200D\U0001F525"; // ❤️‍🔥
    CHECK(clean_label(utf8(heart_on_fire)).text == utf8(heart_on_fire));
    // Between a letter and an emoji, or after a letter, they show nothing and go.
    CHECK(clean_label(utf8(U"Mum\u200D\U0001F600")).text == utf8(U"Mum\U0001F600"));
    CHECK(clean_label(utf8(U"\U0001F600\u200DMum")).text == utf8(U"\U0001F600Mum"));
    CHECK(clean_label(utf8(U"Mum\uFE0E")).text == "Mum");
    // A second selector adds nothing.
    CHECK(clean_label(utf8(U"\u2764\uFE0F\uFE0F")).text == utf8(U"\u2764\uFE0F"));
    // An emoji tag sequence keeps its black flag (the tags are invisible elsewhere).
    CHECK(clean_label(utf8(U"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074"
                           U"\U000E007F"))
              .text == utf8(U"\U0001F3F4"));
}
