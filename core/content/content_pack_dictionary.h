// The dictionary words a pack stores for search: real English words that lie within typo
// reach of a page word, which search must know as words rather than "correct" ("black" is
// not a slip for "back"). The pack builder chooses them (SearchIndex::real_words_in_typo_reach)
// and stores them (content_pack_dictionary_builder.h); the loader reads them when the pack
// opens, and ContentPack::dictionary_words() hands them to search as plain words.
//
// Stored as one front-coded row of the dictionary_words table (content_pack_schema.h): each
// word in sorted order as one character '0'+n for the n leading letters it shares with the
// word before (at most 9), its remaining letters, and a newline. A table of words would take
// four times the room.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace lungguide {

// The words of front-coded text, in their order. A line that is not front coding is skipped.
std::vector<std::string> front_decode_words(std::string_view coded);
// The same, one word at a time.
void for_each_front_decoded_word(std::string_view coded,
                                 const std::function<void(std::string_view)>& visit);

// The dictionary words of an open pack, front coded (a 48 KB row where the 10,366 words
// would take 330 KB as strings). A pack without the table (a generated benchmark pack) has
// none. False when the table is there but cannot be read. ContentPack::dictionary_words()
// decodes them.
bool read_content_pack_dictionary(sqlite3* database, std::string& front_coded);

} // namespace lungguide
