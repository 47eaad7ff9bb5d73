// Cleaning and bounding the text people type into the user store: notes and "for" labels.
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
CleanedText clean_label(const std::string& text);

} // namespace lungguide
