// The pack builder's dictionary step: of the real English words (search/search_dictionary.h),
// those search would otherwise correct into a page word, stored in the pack just built.
// Search chooses the words; the content pack writes them (content_pack_dictionary_builder.h).
// Only the pack builder and the tests that make packs link this; never the app.
#pragma once

#include "common/result.h"
#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

// Stores in the pack at pack_path, just built from guide (content_pack_builder.h), the
// dictionary words search would otherwise correct. The same inputs give the same bytes.
Status add_dictionary_words_to_pack(const Guide& guide, const std::string& pack_path,
                                    const std::vector<std::string>& dictionary_words);

} // namespace lungguide
