// How much text LungGuide takes in at once, before any cleaning: a note or a person's label
// typed, pasted or imported. Longer text is refused with a message saying so, never read
// whole and then shortened (an import of one 100 MB note once took 1.25 GB of memory).
// Internal to core/bookmarks; the characters kept after cleaning are in user_text.h.
#pragma once

#include <cstddef>
#include <string>

namespace lungguide {

// Room for the longest note kept (note_max_characters of 4 bytes each) with every
// character carrying combining marks or invisible ones that cleaning removes; likewise for
// a label (label_max_characters).
constexpr std::size_t note_max_input_bytes = 64 * 1024;
constexpr std::size_t label_max_input_bytes = 1024;

// "a note holds at most 4,000 characters, and LungGuide refuses more than 64 KB of text for
// one rather than shorten it" (what: "note", or "name" or "id" for a label's limits).
std::string limit_sentence(const char* what);
// "the note is 100 MB long: " and the limit sentence.
std::string too_long_reason(const char* what, std::size_t bytes);

} // namespace lungguide
