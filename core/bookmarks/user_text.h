// Cleaning and bounding the text people type into the user store: notes and "for" labels.
//
// All cleaned text is in Unicode NFC (so "é" typed as e + accent and as one character are
// the same label), without the characters that show nothing (every Default_Ignorable_Code_Point,
// such as bidi controls and zero-width spaces, and every format character), so no two labels
// can differ only in what can't be seen, and with other spaces made plain spaces. In a label,
// the few characters drawn blank that Unicode marks as neither (U+2800, the empty braille
// cell) are a space too. A zero-width joiner or variation selector is kept only inside an
// emoji, where it shows (an emoji tag sequence, such as the flag of Scotland, keeps only its
// black flag). The Unicode data and NFC are libutf8proc's (Unicode 15 in Debian 12; the web
// build compiles Debian's source). Look-alike letters of different scripts (Latin "M",
// Cyrillic "М") are not folded.
//
// Limits count characters (Unicode code points), never bytes, so a note in Greek or with
// emoji gets the same room as one in English, and text is only ever cut between whole
// UTF-8 characters.
#pragma once

#include <cstddef>
#include <string>

namespace lungguide {

constexpr std::size_t note_max_characters = 4000;
constexpr std::size_t label_max_characters = 80;

// What cleaning did, so the caller can tell the person.
struct CleanedText {
    std::string text;
    bool was_shortened = false;
};

// Number of characters in UTF-8 text; an invalid byte counts as one character.
std::size_t count_characters(const std::string& text);

// A note keeps its line breaks. Windows and old Mac line ends become "\n", a tab becomes a
// space, every other control character is removed, invalid UTF-8 becomes U+FFFD, leading
// and trailing blank space is trimmed, and the result is cut to note_max_characters.
CleanedText clean_note(const std::string& text);

// One line of text, cut to max_characters: control characters and line breaks become
// spaces, runs of spaces become one, and the ends are trimmed.
CleanedText clean_single_line(const std::string& text, std::size_t max_characters);

// A label ("Mum", "Dad") is one line: control characters and line breaks become spaces,
// runs of spaces become one, the ends are trimmed, and it is cut to label_max_characters.
// Blank-looking characters go too, so two labels that look the same are one person.
CleanedText clean_label(const std::string& text);

// Text from outside (an import file) made safe to quote in a message: one line, no control
// or escape characters, at most max_characters, with "…" when cut.
std::string printable_excerpt(const std::string& text, std::size_t max_characters);

} // namespace lungguide
