// Bookmarks against the content pack: typed ids, vanished ids, the classes for search --mine.
#include "bookmarks/bookmark_targets.h"
#include "bookmarks/user_store.h"
#include "content_test_support.h"
#include "user_store_test_support.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace lungguide;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("typed ids are found with case and spaces forgiven") {
    const Guide& guide = testing::shipped_pack().guide();
    auto lookup = find_bookmark_target(guide, "class", "EGFR");
    CHECK(lookup.ok());
    CHECK(lookup.value() == "egfr");
    lookup = find_bookmark_target(guide, "drug", " Fam-trastuzumab deruxtecan-nxki ");
    CHECK(lookup.ok());
    CHECK(lookup.value() == "fam-trastuzumab-deruxtecan-nxki");
    CHECK(find_bookmark_target(guide, "drug", "osimertinib").ok());
}

TEST_CASE("an unknown id is refused with the nearest ids, a brand's drug, or the other kind") {
    const Guide& guide = testing::shipped_pack().guide();
    auto lookup = find_bookmark_target(guide, "drug", "osimertinb");
    CHECK_FALSE(lookup.ok());
    CHECK(contains(lookup.message_for_person(), "no drug with the id \"osimertinb\""));
    CHECK(contains(lookup.message_for_person(), "nearest ids are osimertinib"));
    lookup = find_bookmark_target(guide, "drug", "Tagrisso");
    CHECK_FALSE(lookup.ok());
    CHECK(contains(lookup.message_for_person(),
                   "brand name of the drug Osimertinib; its id is osimertinib"));
    lookup = find_bookmark_target(guide, "class", "osimertinib");
    CHECK_FALSE(lookup.ok());
    CHECK(contains(lookup.message_for_person(), "is a drug: bookmark it as a drug"));
    lookup = find_bookmark_target(guide, "drug", "alk");
    CHECK(contains(lookup.message_for_person(), "is a drug class"));
    lookup = find_bookmark_target(guide, "class", "ALK inhibitors");
    CHECK(contains(lookup.message_for_person(), "its id is alk"));
}

TEST_CASE("bookmarks to ids a new pack no longer has are kept and shown as missing") {
    user_store_test::TemporaryFolder temporary;
    std::string message;
    auto store = user_store_test::open_store(temporary.path(), message);
    REQUIRE(store);
    REQUIRE(store->add_bookmark("class", "kras", "Dad", "ask about G12C").ok());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Dad", "").ok());
    REQUIRE(store->add_bookmark("class", "egfr", "Dad", "").ok());

    // A newer pack without the KRAS class and without osimertinib.
    Guide newer = testing::shipped_pack().guide();
    newer.classes.erase(std::remove_if(newer.classes.begin(), newer.classes.end(),
                                       [](const DrugClass& item) { return item.id == "kras"; }),
                        newer.classes.end());
    newer.drugs.erase(std::remove_if(newer.drugs.begin(), newer.drugs.end(),
                                     [](const Drug& item) { return item.id == "osimertinib"; }),
                      newer.drugs.end());

    std::vector<Bookmark> listed = store->bookmarks(std::string("Dad"));
    REQUIRE(listed.size() == 3); // the store never drops them
    mark_missing_targets(newer, listed);
    CHECK(listed[0].missing);
    CHECK(listed[0].note == "ask about G12C");
    CHECK(listed[1].missing);
    CHECK_FALSE(listed[2].missing);
    CHECK(bookmark_target_name(newer, listed[0]) == "kras"); // the bare id, still shown
    CHECK(bookmark_target_name(newer, listed[2]) == "EGFR inhibitors");

    // With the shipped pack again, nothing is missing.
    mark_missing_targets(testing::shipped_pack().guide(), listed);
    for (const Bookmark& bookmark : listed)
        CHECK_FALSE(bookmark.missing);
}

TEST_CASE("search --mine: bookmarked classes, and every class of a bookmarked drug") {
    const Guide& guide = testing::shipped_pack().guide();
    std::vector<Bookmark> bookmarks(2);
    bookmarks[0].kind = "drug";
    bookmarks[0].target = "crizotinib"; // listed under ALK, ROS1 and MET
    bookmarks[1].kind = "class";
    bookmarks[1].target = "kras";
    const std::vector<std::string> ids = bookmarked_class_ids(guide, bookmarks);
    const Drug* crizotinib = guide.find_drug("crizotinib");
    REQUIRE(crizotinib);
    for (const std::string& id : crizotinib->all_class_ids())
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "kras") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "egfr") == ids.end());
    CHECK(ids == std::vector<std::string>{"kras", "alk", "ros1", "met"}); // page order

    // A drug used alongside a class (cisplatin with EGFR inhibitors) counts that class too.
    bookmarks = {bookmarks[0]};
    bookmarks[0].target = "cisplatin";
    CHECK(bookmarked_class_ids(guide, bookmarks) == guide.find_drug("cisplatin")->all_class_ids());
    bookmarks[0].target = "vanished-drug";
    CHECK(bookmarked_class_ids(guide, bookmarks).empty());
}
