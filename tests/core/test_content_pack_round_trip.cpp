// The pack gives back, field for field, the Guide it was built from: the loader reads each
// table in one pass and hands rows to their parents, and nothing may be lost or moved. The
// fields are compared through their one list (guide_field_dump.h); test_guide_fields.cpp
// checks that list against guide.h and against values read from guide.json by hand.
#include "content/content_pack.h"
#include "content/content_pack_builder.h"
#include "content/guide_json.h"
#include "content_test_support.h"
#include "guide_field_dump.h"
#include "search/search_wordnet.h"
#include "temporary_folder.h"

using namespace lungguide;
using namespace lungguide::testing;

TEST_CASE("the pack gives back, field for field, the Guide it was built from") {
    const std::string content = std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/";
    Guide authored;
    const Status parsed =
        parse_guide_json(read_or_fail(content + "guide.json"),
                         read_or_fail(content + "symptom-concepts.json"), authored);
    REQUIRE_MESSAGE(parsed.ok(), parsed.message_for_person);
    authored.schema_version = content_pack_schema_version; // the builder's, not the JSON's
    // As the pack builder does: WordNet's reviewed words join the lay words.
    WordNetReview review;
    REQUIRE(parse_wordnet_review(read_or_fail(content + "wordnet-review.json"), review).ok());
    add_reviewed_wordnet_words(authored, WordNet("/usr/share/wordnet"), review);
    TemporaryFolder temporary;
    const std::string path = temporary.file("pack.db");
    REQUIRE(build_content_pack(authored, path).ok());
    sign_or_fail(path, this_build_signing_key());
    const Result<std::unique_ptr<ContentPack>> opened = open_content_pack(path);
    REQUIRE_MESSAGE(opened.ok(), opened.message_for_person());
    const std::string expected = field_dump(authored);
    const std::string loaded = field_dump(opened.value()->guide());
    CHECK(expected.size() > 20000);
    CHECK(loaded == expected);
    // And the shipped pack is that same Guide.
    CHECK(field_dump(shipped_pack().guide()) == expected);
}
