#include "pack_dictionary.h"

#include "content/content_pack_dictionary_builder.h"
#include "search/search.h"

namespace lungguide {

Status add_dictionary_words_to_pack(const Guide& guide, const std::string& pack_path,
                                    const std::vector<std::string>& dictionary_words) {
    // From the Guide alone, as the pack's own words (passages included) are: the pack's
    // dictionary table is still empty here.
    const SearchIndex index(guide);
    return store_dictionary_words(pack_path, index.real_words_in_typo_reach(dictionary_words));
}

} // namespace lungguide
