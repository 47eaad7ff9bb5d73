// UI tests: real frames, scripted finger input, headless ImGui (no window, no GL).
#include "ui_harness.h"

#include "bookmarks/user_store.h"
#include "content/guide.h"

#include <imgui_internal.h>

#include <algorithm>

using lungguide::testing::Harness;
using namespace lungguide;

TEST_CASE("home shows the guide, the doctor advice, the search entry and ten class tiles") {
    Harness harness(768, 1024);
    CHECK(harness.route() == "home");
    CHECK(harness.find("Search") != nullptr);
    int tiles = 0;
    for (const DrugClass& drug_class : harness.app().guide().classes)
        if (harness.find(drug_class.name)) ++tiles;
    CHECK(tiles == 10);
}

TEST_CASE("type in the search box: results on every keystroke, then open one and go back") {
    Harness harness(390, 844);
    harness.tap("Search"); // the big search entry on home (phone: also in the top bar)
    CHECK(harness.route() == "search");
    const ui::DrawnItem* box = harness.find("input:search");
    REQUIRE(box != nullptr);
    // The box has the keyboard focus as soon as the screen opens.
    CHECK(ImGui::GetIO().WantTextInput);
    harness.type("t");
    CHECK(harness.app().search_text() == "t");
    harness.type("ired");
    CHECK(harness.app().search_text() == "tired");
    CHECK(harness.route() == "search?q=tired");
    // Results are buttons grouped under class headings; "Fatigue"/"Tiredness" among them.
    const ui::DrawnItem* result = harness.find("Fatigue");
    if (!result) result = harness.find("Tiredness");
    REQUIRE(result != nullptr);
    harness.tap(ImVec2((result->min.x + result->max.x) / 2, (result->min.y + result->max.y) / 2));
    CHECK(harness.route().rfind("class/", 0) == 0);
    harness.tap("‹ Back");
    CHECK(harness.route() == "search?q=tired");
    CHECK(harness.app().search_text() == "tired");
}

TEST_CASE("tap a tile, tap bookmark, go back: home lists the bookmark") {
    Harness harness(768, 1024);
    // Tiles live below the fold on a tablet: scroll with a finger until EGFR shows.
    for (int attempt = 0; attempt < 6; ++attempt) {
        const ui::DrawnItem* tile = harness.find("EGFR inhibitors");
        // The list pane also has an "EGFR inhibitors" button; take the one in the page.
        bool in_page = false;
        for (const ui::DrawnItem& item : harness.app().drawn_items())
            if (item.label == "EGFR inhibitors" && item.min.x > harness.app().layout().list_width &&
                harness.visible(item))
                in_page = true;
        if (in_page || !tile) break;
        // A slow drag that stops before lifting: no coasting past the tiles.
        harness.drag(ImVec2(500, 700), ImVec2(500, 400), 20, 12);
        harness.settle(3);
    }
    const ui::DrawnItem* page_tile = nullptr;
    for (const ui::DrawnItem& item : harness.app().drawn_items())
        if (item.label == "EGFR inhibitors" && item.min.x > harness.app().layout().list_width &&
            harness.visible(item))
            page_tile = &item;
    REQUIRE(page_tile != nullptr);
    harness.tap(ImVec2((page_tile->min.x + page_tile->max.x) / 2,
                       (page_tile->min.y + page_tile->max.y) / 2));
    CHECK(harness.route() == "class/egfr");

    // Nobody chosen yet: the first bookmark asks for whom (Me, or someone else).
    harness.tap("Bookmark for Me…");
    harness.tap("Bookmark for Me");
    CHECK(harness.app().find_bookmark("class", "egfr").has_value());
    // The toggle says what it is and what tapping it does; it never removes in one tap.
    CHECK(harness.find("Bookmarked for Me · Change") != nullptr);
    // A notice confirms it, on screen, with a finger-sized OK.
    const ui::DrawnItem* ok = harness.find("OK");
    REQUIRE(ok != nullptr);
    CHECK(harness.visible(*ok));
    harness.tap("OK");
    CHECK(harness.find("OK") == nullptr);

    harness.press_key(ImGuiKey_Escape); // Esc goes back, like the phone's back button
    CHECK(harness.route() == "home");
    harness.settle(2);
    // "My bookmarks" on home now has a button for it.
    int egfr_buttons = 0;
    for (const ui::DrawnItem& item : harness.app().drawn_items())
        if (item.label == "EGFR inhibitors") ++egfr_buttons;
    // Tile, "My bookmarks", "Recently read" (an upright tablet has a drawer, not a sidebar).
    CHECK(egfr_buttons == 3);
}

TEST_CASE("remove a bookmark, then undo") {
    Harness harness(768, 1024, "class/alk");
    harness.tap("Bookmark for Me…");
    harness.tap("Bookmark for Me");
    REQUIRE(harness.app().find_bookmark("class", "alk").has_value());
    harness.app().go("bookmarks");
    harness.settle();
    harness.tap("Remove bookmark…");
    CHECK(harness.app().find_bookmark("class", "alk").has_value()); // it asks first
    harness.tap("Yes, remove");
    CHECK_FALSE(harness.app().find_bookmark("class", "alk").has_value());
    const ui::DrawnItem* undo = harness.find("Undo");
    REQUIRE(undo != nullptr);
    CHECK(harness.visible(*undo));
    harness.tap("Undo");
    CHECK(harness.app().find_bookmark("class", "alk").has_value());
}

TEST_CASE("bookmarks are per person") {
    Harness harness(768, 1024, "drug/osimertinib");
    harness.app().set_person("Mum");
    harness.settle();
    harness.tap("Bookmark for Mum"); // Mum chosen, and nobody else: no need to ask
    CHECK(harness.app().find_bookmark("drug", "osimertinib").has_value());
    harness.app().set_person("");
    harness.settle();
    CHECK_FALSE(harness.app().find_bookmark("drug", "osimertinib").has_value());
    // Me, with Mum set up, is not a choice made for this page: it asks (and offers Mum).
    CHECK(harness.find("Bookmark…") != nullptr);
}

TEST_CASE("a glossary word opens the page's own explanation, and Close closes it") {
    Harness harness(390, 844, "class/egfr");
    const ui::DrawnItem* term = harness.find_prefix("term:");
    REQUIRE(term != nullptr);
    const std::string id = term->label.substr(5);
    harness.tap(ImVec2((term->min.x + term->max.x) / 2, (term->min.y + term->max.y) / 2));
    CHECK(harness.app().open_glossary_id() == id);
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    harness.tap("Close");
    CHECK(harness.app().open_glossary_id().empty());
    CHECK(harness.route() == "class/egfr"); // closing did not navigate
}

TEST_CASE(
    "dragging scrolls the page with inertia, and a drag that starts on a button does not tap it") {
    Harness harness(390, 844, "class/egfr");
    ImGuiWindow* page = nullptr;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (std::string(window->Name).find("content class/egfr") != std::string::npos)
            page = window;
    REQUIRE(page != nullptr);
    CHECK(page->Scroll.y == 0.0f);
    const ui::DrawnItem* bookmark = harness.find("Bookmark for Me…");
    REQUIRE(bookmark != nullptr);
    const ImVec2 start((bookmark->min.x + bookmark->max.x) / 2,
                       (bookmark->min.y + bookmark->max.y) / 2);
    harness.drag(start, ImVec2(start.x, start.y - 300), 6);
    CHECK(page->Scroll.y > 150.0f);
    CHECK_FALSE(harness.app().find_bookmark("class", "egfr").has_value()); // no accidental tap
    CHECK(harness.app().animating());                                      // coasting
    const float after_release = page->Scroll.y;
    harness.settle(5);
    CHECK(page->Scroll.y > after_release);
    harness.settle(240);
    CHECK_FALSE(harness.app().animating()); // comes to rest: no timed wake-ups any more
}

TEST_CASE("idle frames ask for nothing: the host may sleep") {
    Harness harness(768, 1024, "class/egfr");
    harness.settle(6);
    harness.app().take_frames_wanted();
    harness.frame();
    CHECK(harness.app().take_frames_wanted() == 0);
    CHECK_FALSE(harness.app().animating());
}

TEST_CASE("Alt+Left goes back; back at the start does nothing") {
    Harness harness(1280, 800);
    harness.app().go("about");
    harness.settle();
    harness.press_key(ImGuiKey_LeftArrow, true);
    CHECK(harness.route() == "home");
    CHECK_FALSE(harness.app().press_back());
}

TEST_CASE(
    "layouts by width class: a drawer on phones and upright tablets, a sidebar on wide ones") {
    struct Case {
        float width, height, scale;
        ui::WidthClass width_class;
        bool sidebar;
    };
    const Case cases[] = {
        {390, 844, 1.0f, ui::WidthClass::phone, false},
        {800, 1280, 1.0f, ui::WidthClass::tablet_portrait, false},
        {768, 1024, 1.0f, ui::WidthClass::tablet_portrait, false},
        {1280, 800, 1.0f, ui::WidthClass::tablet_landscape, true},
        {1024, 768, 1.0f, ui::WidthClass::tablet_landscape, true},
        {1920, 1080, 1.0f, ui::WidthClass::desktop, true},
        // Large text leaves no room for a sidebar beside a readable page: the drawer.
        {1280, 800, 2.5f, ui::WidthClass::tablet_landscape, false},
    };
    for (const Case& c : cases) {
        Harness harness(c.width, c.height, "class/egfr", c.scale);
        INFO(c.width << "x" << c.height << " at " << c.scale);
        CHECK(harness.app().layout().width_class == c.width_class);
        CHECK(harness.app().layout().two_panes == c.sidebar);
        // Either way every place is one tap away: the sidebar, or Menu in the top bar.
        CHECK((harness.find("Menu") != nullptr) == !c.sidebar);
        if (c.sidebar) {
            // The page column keeps most of the width.
            CHECK(harness.app().layout().list_width <= 0.3f * c.width);
        }
    }
}

TEST_CASE("finger targets are at least 48 px tall at scale 1, on every screen") {
    for (const char* route : {"home", "class/egfr", "drug/osimertinib", "search?q=rash",
                              "bookmarks", "settings", "about"}) {
        Harness harness(390, 844, route);
        for (const ui::DrawnItem& item : harness.app().drawn_items()) {
            // Words in text and labels such as "COMMON" are not buttons.
            if (item.label == "text" || item.label.rfind("term:", 0) == 0 ||
                item.label.rfind("chip:", 0) == 0 || item.label.rfind("title:", 0) == 0 ||
                item.label.rfind("highlight:", 0) == 0 || item.label.rfind("heading:", 0) == 0)
                continue;
            INFO(std::string(route) << ": " << item.label);
            CHECK(item.max.y - item.min.y >= 48.0f);
        }
    }
}

TEST_CASE("all text wraps inside the window, even on a phone at 250%") {
    std::vector<std::string> routes{"home",
                                    "about",
                                    "settings",
                                    "bookmarks",
                                    "search?q=bleeding",
                                    "search?q=xyzzy",
                                    "class/egfr#term=antibody-drug-conjugate"};
    const Guide& guide = lungguide::testing::ui_pack().guide();
    for (const DrugClass& drug_class : guide.classes)
        routes.push_back("class/" + drug_class.id);
    for (const Drug& drug : guide.drugs)
        routes.push_back("drug/" + drug.id);
    for (const std::string& route : routes) {
        Harness harness(390, 844, route, 2.5f);
        for (const ui::DrawnItem& item : harness.app().drawn_items()) {
            INFO(route << ": " << item.label);
            CHECK(item.max.x <= 390.0f + 0.5f);
        }
    }
}

TEST_CASE("changing the text size rebuilds the font atlas at the new size") {
    Harness harness(768, 1024, "settings");
    const float before = harness.app().fonts().body->FontSize;
    harness.tap("200%");
    CHECK(harness.app().text_scale() == doctest::Approx(2.0f));
    CHECK(harness.app().fonts().body->FontSize == doctest::Approx(before * 2.0f).epsilon(0.05));
    harness.tap("100%");
    CHECK(harness.app().fonts().body->FontSize == doctest::Approx(before));
}

TEST_CASE("themes switch from settings") {
    Harness harness(768, 1024, "settings");
    harness.tap("Dark");
    CHECK(harness.app().theme() == ui::ThemeId::dark);
    harness.tap("High contrast");
    CHECK(harness.app().theme() == ui::ThemeId::high_contrast);
}

TEST_CASE("the class page sets rare but serious side effects apart, in words") {
    for (const DrugClass& drug_class : lungguide::testing::ui_pack().guide().classes) {
        Harness harness(768, 1024, "class/" + drug_class.id);
        INFO(drug_class.id);
        const ui::DrawnItem* common = harness.find("chip:COMMON");
        const ui::DrawnItem* serious = harness.find("chip:RARE BUT SERIOUS");
        REQUIRE(common != nullptr);
        REQUIRE(serious != nullptr);
        // Its own box below the common one: the label is words, not colour alone.
        CHECK(serious->min.y > common->max.y);
    }
}

TEST_CASE("unknown ids show a calm not-found page, not a crash") {
    Harness harness(390, 844, "class/nothing-here");
    CHECK(harness.find("Go to the start") != nullptr);
}

TEST_CASE("routes round-trip") {
    for (const char* text : {"home", "class/egfr", "drug/osimertinib", "search?q=dry+mouth",
                             "bookmarks", "settings", "about", "search"}) {
        ui::Route route;
        REQUIRE(ui::parse_route(text, route));
        CHECK(ui::format_route(route) == text);
    }
    ui::Route route;
    CHECK_FALSE(ui::parse_route("class/../../etc", route));
    CHECK(ui::parse_route("search?q=nausea%20and%20vomiting", route));
    CHECK(route.query == "nausea and vomiting");
}

TEST_CASE("add a person by typing a name, then bookmark for them") {
    Harness harness(390, 844, "bookmarks");
    const ui::DrawnItem* box = harness.find("input:new person");
    REQUIRE(box != nullptr);
    harness.tap(ImVec2((box->min.x + box->max.x) / 2, (box->min.y + box->max.y) / 2));
    harness.type("Dad");
    harness.tap("Add");
    CHECK(harness.app().person() == "Dad");
    harness.app().go("class/ret");
    harness.settle();
    harness.tap("Bookmark for Dad"); // Dad was just chosen, and is the only one: no question
    CHECK(harness.app().find_bookmark("class", "ret").has_value());
    const auto people = harness.app().people();
    CHECK(std::find(people.begin(), people.end(), "Dad") != people.end());
}
