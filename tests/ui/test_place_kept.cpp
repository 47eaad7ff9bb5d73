// The reader's place survives the app being ended while paused (a browser discarding a
// hidden tab, a mobile system killing a paused app): the page and where it was scrolled.
#include "ui_harness.h"

#include <filesystem>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

// Where the page's "Side effects" heading is on the screen.
float side_effects_top(Harness& harness) {
    return harness.drawn("heading:Side effects").min.y;
}

} // namespace

TEST_CASE("the place in a page is kept when the paused app is ended, and only for that page") {
    std::string kept;
    float before = 0.0f;
    {
        Harness first(390, 844, "class/egfr");
        for (int drag = 0; drag < 4; ++drag)
            first.drag(ImVec2(200, 700), ImVec2(200, 300), 10, 10);
        first.settle(60);
        before = side_effects_top(first);
        CHECK(before < 3000.0f); // scrolled well down the page
        first.app().pause();
        kept = first.folder() + "-kept";
        std::filesystem::copy(first.folder(), kept, std::filesystem::copy_options::recursive);
    }
    {
        // Opened again with no route given (the home screen icon): that page, that place.
        auto again = Harness::over_folder(390, 844, "", kept);
        again->settle(10);
        CHECK(again->route() == "class/egfr");
        CHECK(side_effects_top(*again) == doctest::Approx(before).epsilon(0.02));
    }
    {
        // The same page by its address (the URL's fragment): the same place.
        auto linked = Harness::over_folder(390, 844, "class/egfr", kept);
        linked->settle(10);
        CHECK(side_effects_top(*linked) == doctest::Approx(before).epsilon(0.02));
    }
    {
        // Another page opens at its top.
        auto other = Harness::over_folder(390, 844, "class/alk", kept);
        other->settle(10);
        const ui::DrawnItem* title = other->find_prefix("heading:How they work");
        REQUIRE(title != nullptr);
        CHECK(title->min.y < 844.0f);
    }
    std::filesystem::remove_all(kept);
}
