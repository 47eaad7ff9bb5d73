// libFuzzer target: SearchIndex::search over the shipped pack must survive any bytes.
//
// The first byte picks options (limit, class filter) so the filter paths are fuzzed too;
// the whole input is also the query. Checks the response's promises, not just "no crash".
#include "common/utf8.h"
#include "content/content_pack.h"
#include "search/search.h"
#include "search/search_text.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace lungguide;

namespace {

struct Fixture {
    std::unique_ptr<ContentPack> pack;
    std::unique_ptr<SearchIndex> index;
};

const Fixture& fixture() {
    static Fixture* loaded = [] {
        auto* created = new Fixture;
        auto result = open_content_pack(LUNGGUIDE_PACK_PATH);
        if (!result.ok()) {
            std::fprintf(stderr, "fuzz_search: %s\n", result.message_for_person().c_str());
            std::abort();
        }
        created->pack = std::move(result.value());
        created->index = std::make_unique<SearchIndex>(*created->pack);
        return created;
    }();
    return *loaded;
}

void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "fuzz_search: broken promise: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Fixture& state = fixture();
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::vector<DrugClass>& classes = state.pack->guide().classes;

    SearchOptions options;
    if (size > 0) {
        const std::uint8_t control = data[0];
        options.limit = control % 7 == 0 ? 0 : control % 60 + 1;
        if ((control & 0x40) && !classes.empty()) {
            options.only_class_ids.push_back(classes[control % classes.size()].id);
        }
        if (control & 0x80) options.only_class_ids.push_back(input); // nonsense id
    }
    const SearchResponse response = state.index->search(input, options);

    require(response.results.size() <= options.limit, "limit");
    require(response.query.size() <= 3 * search_query_max_bytes, "query length");
    require(clean_for_display(response.query) == response.query, "query is clean UTF-8");
    for (const SearchResult& result : response.results) {
        require(!result.title.empty(), "title");
        require(result.has_severity == (result.kind == SearchResultKind::side_effect), "severity");
        if (!options.only_class_ids.empty()) {
            bool kept = false;
            for (const std::string& id : result.class_ids) {
                for (const std::string& wanted : options.only_class_ids)
                    kept |= id == wanted;
            }
            require(kept, "class filter");
        }
    }
    if (!response.results.empty()) require(response.suggestions.empty(), "suggestions");
    return 0;
}
