// The search screen (issue 9): tappable examples, the clear button, "not listed" before
// any result, partial matches apart, and a result that opens at its item.
#include "ui_harness.h"

#include "content/guide.h"
#include "search/search.h"

#include <algorithm>
#include <future>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

SearchResponse search_shipped(const std::string& query) {
    static const SearchIndex index(lungguide::testing::ui_pack());
    return index.search(query);
}

} // namespace

TEST_CASE("search: the empty screen's examples are tappable and search at once") {
    Harness harness(390, 844, "search");
    const ui::DrawnItem* example = harness.find("being sick");
    REQUIRE(example != nullptr);
    CHECK(example->max.y - example->min.y >= 48.0f);
    harness.tap("being sick");
    CHECK(harness.app().search_text() == "being sick");
    CHECK(harness.route() == "search?q=being+sick");
    CHECK(harness.find("Vomiting") != nullptr);
}

TEST_CASE("search: the clear button empties the box and brings the examples back") {
    Harness harness(390, 844, "search?q=nausea");
    CHECK(harness.find("Nausea") != nullptr);
    const ui::DrawnItem* clear = harness.find("clear search");
    REQUIRE(clear != nullptr);
    // A finger target, inside the row of the box.
    CHECK(clear->max.x - clear->min.x >= 48.0f);
    CHECK(clear->max.y - clear->min.y >= 48.0f);
    const ui::DrawnItem* box = harness.find("input:search");
    REQUIRE(box != nullptr);
    CHECK(clear->min.y < box->max.y);
    CHECK(clear->max.y > box->min.y);
    harness.tap("clear search");
    CHECK(harness.app().search_text().empty());
    CHECK(harness.route() == "search");
    CHECK(harness.find("Nausea") == nullptr);
    CHECK(harness.find("tired") != nullptr); // an example again
    CHECK(harness.find("clear search") == nullptr);
}

TEST_CASE("search: what the page does not list is said first, partial matches after it") {
    for (const char* route : {"search?q=shaky+hands", "search?q=chest+pain"}) {
        Harness harness(390, 844, route);
        const ui::DrawnItem* message = harness.find("not listed");
        REQUIRE_MESSAGE(message != nullptr, route);
        const SearchResponse response = search_shipped(harness.app().search_text());
        REQUIRE(!response.not_listed.empty());
        int cards = 0;
        for (const SearchResult& result : response.results) {
            CHECK_MESSAGE(!result.full_match, route);
            const ui::DrawnItem* card = harness.find(result.title);
            if (!card) continue;
            CHECK_MESSAGE(card->min.y >= message->max.y, route, ": ", result.title, " above");
            ++cards;
        }
        CHECK_MESSAGE(cards > 0, route);
    }
    // A listed symptom: no such message.
    Harness listed(390, 844, "search?q=itchy+skin");
    CHECK(listed.find("not listed") == nullptr);
    CHECK(listed.find("Itching") != nullptr);
    // A qualifier the page does not state (issue 20): said plainly, before every card.
    Harness legs(800, 1280, "search?q=swollen+legs");
    const ui::DrawnItem* note = legs.find("reading notes");
    REQUIRE(note != nullptr);
    const ui::DrawnItem* card = legs.find("Swelling in hands and/or feet");
    REQUIRE(card != nullptr);
    CHECK(card->min.y >= note->max.y);
    CHECK(legs.find("not listed") == nullptr);
}

TEST_CASE("search: tapping a side effect opens its class at that item") {
    for (const char* query : {"pounding heart", "germs", "pins and needles"}) {
        const SearchResponse response = search_shipped(query);
        REQUIRE(!response.results.empty());
        const SearchResult& first = response.results.front();
        REQUIRE(first.kind == SearchResultKind::side_effect);
        CHECK(first.anchor == side_effect_anchor(first.title));
        Harness harness(390, 844, std::string("search?q=") + query);
        harness.tap(first.title);
        CHECK(harness.route() == "class/" + first.class_ids.front() + "#" + first.anchor);
    }
    // A drug opens its page.
    Harness drug(390, 844, "search?q=tagrisso");
    const ui::DrawnItem* card = drug.find_prefix("Osimertinib");
    REQUIRE(card != nullptr);
    drug.tap(ImVec2((card->min.x + card->max.x) / 2, (card->min.y + card->max.y) / 2));
    CHECK(drug.route() == "drug/osimertinib");
    // Asked for its side effects, a drug or a class opens there.
    for (const auto& [query, route] :
         {std::pair<const char*, const char*>{"tagrisso side effects",
                                              "drug/osimertinib#section=side-effects"},
          {"side effects of TRK inhibitors", "class/trk#section=side-effects"}}) {
        INFO(std::string(query));
        Harness asked(390, 844, std::string("search?q=") + query);
        const SearchResponse response = search_shipped(query);
        REQUIRE(!response.results.empty());
        const SearchResult& first = response.results.front();
        const ui::DrawnItem* named =
            asked.find_prefix(first.title.substr(0, first.title.find(' ')));
        REQUIRE(named != nullptr);
        asked.tap(ImVec2((named->min.x + named->max.x) / 2, (named->min.y + named->max.y) / 2));
        CHECK(asked.route() == route);
    }
}

TEST_CASE(
    "search: the box and its × clear button never overlap, phone and tablet, 100 % and 250 %") {
    struct Size {
        float width, height, text_scale;
    };
    for (const Size size : {Size{390, 844, 1.0f}, Size{390, 844, 2.5f}, Size{800, 1280, 1.0f},
                            Size{800, 1280, 2.5f}, Size{1280, 800, 2.5f}}) {
        for (const char* query : {"tired", "pins and needles in my hands and feet"}) {
            Harness harness(size.width, size.height, std::string("search?q=") + query,
                            size.text_scale);
            INFO(size.width << "x" << size.height << " at " << size.text_scale << ", " << query);
            const ui::DrawnItem* box = harness.find("input:search");
            const ui::DrawnItem* clear = harness.find("clear search");
            const ui::DrawnItem* page = harness.find("page");
            REQUIRE(box != nullptr);
            REQUIRE(clear != nullptr);
            REQUIRE(page != nullptr);
            // Apart, not touching: beside the box, or under it when beside would leave the
            // words no room (a phone at 250 %).
            CHECK((box->max.x < clear->min.x || box->max.y < clear->min.y));
            CHECK(clear->max.x <= page->max.x);
            CHECK(clear->max.x - clear->min.x >= 48.0f); // still a finger's width
            CHECK(box->max.x - box->min.x >= 3.0f * harness.app().layout().em);
            // The × empties the box (it is the thing a finger lands on, not the box's edge).
            harness.tap("clear search");
            CHECK(harness.app().search_text().empty());
        }
    }
}

TEST_CASE("search: \"Show only classes bookmarked for …\" only for a person who has bookmarks") {
    Harness harness(390, 844, "search?q=rash");
    const auto offered = [&] {
        return harness.find_prefix("Show only classes bookmarked") != nullptr;
    };
    CHECK_FALSE(offered()); // nothing bookmarked for Me
    harness.app().bookmark_for("class", "alk", "Mum");
    harness.settle();
    REQUIRE(harness.app().person() == "Mum");
    REQUIRE(offered());
    harness.tap(harness.find_prefix("Show only classes bookmarked")->label);
    REQUIRE(harness.find_prefix("Showing only classes bookmarked for Mum") != nullptr);
    // Only ALK inhibitors' results while filtered.
    for (const SearchResult& result : harness.app().screens().search.response.results)
        CHECK(std::find(result.class_ids.begin(), result.class_ids.end(), "alk") !=
              result.class_ids.end());
    // Switching to someone with no bookmarks elsewhere: the filter is not offered, and
    // search is no longer filtered down to nothing.
    harness.app().set_person("");
    harness.settle();
    CHECK_FALSE(offered());
    CHECK(harness.find_prefix("Showing only") == nullptr);
    CHECK_FALSE(harness.app().screens().search.response.results.empty());
    CHECK_FALSE(harness.app().search_only_bookmarked());
    // With the filter on, the people to switch to are only those who have bookmarks.
    harness.app().bookmark_for("class", "egfr", "Dad");
    harness.app().set_person("Mum");
    harness.settle();
    REQUIRE(offered());
    harness.tap(harness.find_prefix("Show only classes bookmarked")->label);
    CHECK(harness.find("Mum") != nullptr);
    CHECK(harness.find("Dad") != nullptr);
    CHECK(harness.find("Me") == nullptr); // Me has none
}

TEST_CASE("search: while the index is still being built it says so, then answers by itself") {
    // What a large pack's start looks like: the first screen before the index is done.
    std::promise<std::unique_ptr<SearchIndex>> building;
    ui::AppPreload preload = ui::preload_app(lungguide::testing::ui_pack(), "");
    preload.search.reset();
    preload.search_later = building.get_future();
    Harness harness(390, 844, "search?q=being+sick", 1.0f, "", false, std::move(preload));
    CHECK(harness.drew_text_starting("Search is getting ready"));
    CHECK_FALSE(harness.drew_text_starting("Nothing found"));
    CHECK(harness.find("Vomiting") == nullptr);
    CHECK(harness.app().search_index() == nullptr);
    // It keeps looking (frames are asked for) and shows the answer once the index is there.
    (void)harness.app().take_frames_wanted();
    harness.frame();
    CHECK(harness.app().take_frames_wanted() > 0);
    building.set_value(std::make_unique<SearchIndex>(lungguide::testing::ui_pack()));
    harness.settle(2);
    CHECK(harness.app().search_index() != nullptr);
    CHECK_FALSE(harness.drew_text_starting("Search is getting ready"));
    CHECK(harness.find("Vomiting") != nullptr);
    // The examples of an empty box need no index, so they never wait.
    std::promise<std::unique_ptr<SearchIndex>> never;
    ui::AppPreload empty_box = ui::preload_app(lungguide::testing::ui_pack(), "");
    empty_box.search.reset();
    empty_box.search_later = never.get_future();
    Harness examples(390, 844, "search", 1.0f, "", false, std::move(empty_box));
    CHECK(examples.find("being sick") != nullptr);
    never.set_value(nullptr);
}

TEST_CASE("search: an absence said beside a complaint points down to what the page says") {
    // "no side effects except tiredness": tiredness comes first, so the note about "no side
    // effects" must not say "below" as if the first cards were about it.
    Harness harness(800, 1280, "search?q=no+side+effects+except+tiredness");
    std::string shown;
    for (const ui::DrawnText& text : harness.app().drawn_texts())
        shown += text.text + " ";
    CHECK(shown.find("Further down") != std::string::npos);
    CHECK(shown.find("Below is what the page says") == std::string::npos);
    const ui::DrawnItem* note = harness.find("reading notes");
    const ui::DrawnItem* first = harness.find("Tiredness");
    REQUIRE(note != nullptr);
    REQUIRE(first != nullptr);
    CHECK(first->min.y >= note->max.y);
    // Only the absence: the cards below are about it.
    Harness alone(800, 1280, "search?q=no+rash");
    shown.clear();
    for (const ui::DrawnText& text : alone.app().drawn_texts())
        shown += text.text + " ";
    CHECK(shown.find("Below is what the page says") != std::string::npos);
}
