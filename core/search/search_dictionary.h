// Real English words, read at build time from Debian's word lists, so that search never
// "corrects" a real word ("black") into a page word ("back").
//
// Lists: /usr/share/dict/american-english (wamerican), /usr/share/hunspell/en_med_glut.dic
// (hunspell-en-med, medical words) and /usr/share/dict/british-english (wbritish). A word
// only the British list has ("tumour", "oesophagus") is a spelling of a word the page
// writes the American way, so it is left out: search may still correct it to the page's
// spelling. Only the words that lie within typo reach of a page word reach the pack (see
// SearchIndex::real_words_in_typo_reach, defined here with them), which keeps the pack small;
// the pack builder stores them (content/content_pack_dictionary_builder.h). None of this is
// linked into the app: it reads the words back with the pack (ContentPack::dictionary_words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

// The folded words of a word list: one word a line, or a hunspell .dic file (a count on the
// first line, "word/FLAGS" after). Words with digits are skipped.
std::vector<std::string> read_word_list(std::string_view text);

// Sorted, without repeats: the American words and those of the other lists, less the
// British spellings (words the British list has and the American one lacks).
std::vector<std::string> dictionary_words(const std::vector<std::string>& american,
                                          const std::vector<std::vector<std::string>>& others,
                                          const std::vector<std::string>& british);

} // namespace lungguide
