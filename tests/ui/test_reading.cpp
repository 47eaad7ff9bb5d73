// Reading: class and drug pages you can find your way in. Anchors in routes, the section
// bar, next and previous, the drawer, the top bar at every text size, each paragraph
// once, the class's own drugs apart, the source on every page.
#include "ui_harness.h"

#include "content/guide.h"
#include "screens.h"

#include <algorithm>
#include <string>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

// The top of the page area: below the top bar and the section bar.
float page_top(Harness& harness) {
    return harness.drawn("page").min.y;
}

// Drags the page up, as a reader would, until the item is on screen.
void scroll_into_view(Harness& harness, const std::string& label) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        const ui::DrawnItem* item = harness.find(label);
        if (item && harness.visible(*item)) return;
        const ImVec2 size = harness.io().DisplaySize;
        const float x = size.x - 30.0f;
        harness.drag(ImVec2(x, size.y * 0.8f), ImVec2(x, size.y * 0.35f), 12, 10);
        harness.settle(2);
    }
}

const ui::DrawnItem* highlight(Harness& harness, const std::string& anchor) {
    return harness.find("highlight:" + anchor);
}

// A side effect opened at its item says its severity on the first screen, right above it
// inside its highlight, and nothing of the other severity lies between the two: never
// "Diarrhea" and then a RARE BUT SERIOUS box as if it belonged to it.
void check_severity_on_first_screen(Harness& harness, const ui::DrawnItem& item,
                                    Severity severity) {
    const std::string own =
        severity == Severity::rare_serious ? "chip:RARE BUT SERIOUS" : "chip:COMMON";
    const std::string other =
        severity == Severity::rare_serious ? "chip:COMMON" : "chip:RARE BUT SERIOUS";
    const ui::DrawnItem* label = nullptr;
    for (const ui::DrawnItem& drawn : harness.app().drawn_items())
        if (drawn.label == own && drawn.min.y >= item.min.y - 1.0f && drawn.max.y <= item.max.y)
            label = &drawn;
    REQUIRE_MESSAGE(label != nullptr, "no " << own << " inside the highlight");
    CHECK(label->min.y >= page_top(harness) - 1.0f);
    CHECK(label->max.y <= harness.io().DisplaySize.y);
    for (const ui::DrawnItem& drawn : harness.app().drawn_items())
        if (drawn.label == other)
            CHECK_FALSE((drawn.min.y >= label->max.y && drawn.max.y <= item.max.y));
}

} // namespace

TEST_CASE("a side-effect anchor opens its class page with that item at the top, highlighted") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    for (float scale : {1.0f, 2.5f}) {
        Harness harness(390, 844, "home", scale);
        for (const DrugClass& drug_class : guide.classes) {
            for (const SideEffect& effect : drug_class.side_effects()) {
                const std::string anchor = side_effect_anchor(effect.term);
                harness.app().go("class/" + drug_class.id + "#" + anchor);
                harness.settle(4);
                INFO(drug_class.id << " " << anchor << " at " << scale);
                CHECK(harness.route() == "class/" + drug_class.id + "#" + anchor);
                const ui::DrawnItem* item = highlight(harness, anchor);
                REQUIRE(item != nullptr);
                // On screen: all of it, unless it is taller than the page's room (the long
                // RPLS item with its severity above it at 250 %); then its start.
                const float room = harness.io().DisplaySize.y - page_top(harness);
                if (item->max.y - item->min.y < 0.9f * room)
                    CHECK(harness.visible(*item));
                else
                    CHECK(item->min.y >= page_top(harness) - 1.0f);
                // At the top of the page, unless the page ends before it can get there.
                if (item->min.y > page_top(harness) + 2.0f * harness.app().layout().em)
                    CHECK(item->max.y >= 0.9f * harness.io().DisplaySize.y);
                check_severity_on_first_screen(harness, *item, effect.severity);
            }
        }
    }
}

TEST_CASE("the highlight is brief: it fades and then the app may sleep again") {
    Harness harness(390, 844, "class/egfr#se=heart-rhythm-changes");
    CHECK(harness.app().animating());
    for (int frame = 0; frame < 200 && harness.app().animating(); ++frame)
        harness.frame();
    CHECK_FALSE(harness.app().animating());
    CHECK(harness.find("highlight:se=heart-rhythm-changes") == nullptr);
}

TEST_CASE("section anchors and drug anchors land on their place; old names still work") {
    Harness harness(800, 1280, "class/egfr#section=uses");
    CHECK(highlight(harness, "section=uses") != nullptr);
    CHECK(harness.app().current_section(ui::class_sections(harness.app())) == "section=uses");
    harness.app().go("class/braf#drug=trametinib");
    harness.settle(4);
    const ui::DrawnItem* drug = highlight(harness, "drug=trametinib");
    REQUIRE(drug != nullptr);
    CHECK(harness.visible(*drug));
    harness.app().go("class/alk#side-effects");
    harness.settle(4);
    CHECK(harness.route() == "class/alk#section=side-effects");
    CHECK(highlight(harness, "section=side-effects") != nullptr);
}

TEST_CASE("the section bar jumps and shows where you are, as chips or as a list") {
    SUBCASE("tablet: a chip per section") {
        Harness harness(800, 1280, "class/egfr");
        CHECK(harness.find("How they work") != nullptr);
        harness.tap("Side effects");
        CHECK(harness.route() == "class/egfr"); // a jump in the page, no new back entry
        CHECK_FALSE(harness.app().navigator().can_go_back());
        const ui::DrawnItem* place = highlight(harness, "section=side-effects");
        REQUIRE(place != nullptr);
        CHECK(place->min.y < page_top(harness) + 2.0f * harness.app().layout().em);
        harness.settle(2);
        CHECK(harness.app().current_section(ui::class_sections(harness.app())) ==
              "section=side-effects");
    }
    SUBCASE("phone at 250 %: one button naming where you are, opening the list") {
        Harness harness(390, 844, "class/egfr", 2.5f);
        const ui::DrawnItem* bar = harness.find("sections");
        REQUIRE(bar != nullptr);
        CHECK(bar->max.x <= 390.0f);
        harness.tap("sections");
        const ui::DrawnItem* choice = harness.find("Rare but serious");
        REQUIRE(choice != nullptr);
        CHECK(harness.visible(*choice));
        harness.tap("Rare but serious");
        const ui::DrawnItem* place = highlight(harness, "section=rare-but-serious");
        REQUIRE(place != nullptr);
        // The box is taller than a phone at 250 %: its top is at the top of the page.
        CHECK(place->min.y >= page_top(harness) - harness.app().layout().em);
        CHECK(place->min.y < page_top(harness) + harness.app().layout().em);
        harness.settle(2);
        CHECK(harness.app().current_section(ui::class_sections(harness.app())) ==
              "section=rare-but-serious");
    }
}

TEST_CASE("next and previous class at the end of each class page") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    Harness harness(1280, 800, "class/" + guide.classes.front().id);
    for (const ui::DrawnItem& item : harness.app().drawn_items())
        CHECK(item.label.rfind("‹ ", 0) != 0); // the first class has no previous
    for (std::size_t index = 0; index + 1 < guide.classes.size(); ++index) {
        INFO(guide.classes[index].id);
        scroll_into_view(harness, guide.classes[index + 1].name + " ›");
        harness.tap(guide.classes[index + 1].name + " ›");
        CHECK(harness.route() == "class/" + guide.classes[index + 1].id);
    }
    // The last class has no next; previous goes back one.
    CHECK(harness.find(guide.classes.front().name + " ›") == nullptr);
    scroll_into_view(harness, "‹ " + guide.classes[guide.classes.size() - 2].name);
    harness.tap("‹ " + guide.classes[guide.classes.size() - 2].name);
    CHECK(harness.route() == "class/" + guide.classes[guide.classes.size() - 2].id);
}

TEST_CASE("the drug page's side effects are its class's, and lead to the class page") {
    Harness harness(390, 844, "drug/osimertinib");
    scroll_into_view(harness, "Read them on the EGFR inhibitors page  ›");
    harness.tap("Read them on the EGFR inhibitors page  ›");
    CHECK(harness.route() == "class/egfr#section=side-effects");
    const ui::DrawnItem* place = highlight(harness, "section=side-effects");
    REQUIRE(place != nullptr);
    CHECK(harness.visible(*place));
    harness.tap("‹ Back");
    CHECK(harness.route() == "drug/osimertinib");
}

TEST_CASE("the drawer: every place one tap away on phones and upright tablets") {
    for (float width : {390.0f, 800.0f}) {
        Harness harness(width, width == 390.0f ? 844.0f : 1280.0f, "class/egfr");
        INFO(width);
        CHECK(harness.find("Bookmarks") == nullptr);
        harness.tap("Menu");
        CHECK(harness.app().drawer_open());
        CHECK(harness.find("TRK inhibitors") != nullptr);
        harness.tap("Bookmarks");
        CHECK(harness.route() == "bookmarks");
        CHECK_FALSE(harness.app().drawer_open());
        // Back closes an open drawer before it leaves the page.
        harness.tap("Menu");
        CHECK(harness.app().press_back());
        harness.settle(2);
        CHECK_FALSE(harness.app().drawer_open());
        CHECK(harness.route() == "bookmarks");
    }
}

TEST_CASE("the top bar keeps Back, the title and Search on screen at every text size") {
    for (float scale : {1.0f, 1.5f, 2.0f, 2.5f}) {
        for (float width : {390.0f, 800.0f}) {
            Harness harness(width, 844, "home", scale);
            harness.app().go("drug/fam-trastuzumab-deruxtecan-nxki");
            harness.settle(3);
            INFO(width << " at " << scale);
            for (const char* label : {"‹ Back", "Search"}) {
                const ui::DrawnItem* item = harness.find(label);
                REQUIRE(item != nullptr);
                CHECK(harness.visible(*item));
            }
            const ui::DrawnItem* title = harness.find_prefix("title:");
            REQUIRE(title != nullptr);
            CHECK(title->max.x <= width);
        }
    }
}

TEST_CASE("class pages show each paragraph once and the class's own drugs apart") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    Harness harness(800, 1280, "home");
    for (const DrugClass& drug_class : guide.classes) {
        harness.app().go("class/" + drug_class.id);
        harness.settle(2);
        INFO(drug_class.id);
        // The "How they work" part quotes sentences of the mechanism again (who has the
        // gene change, how the drugs are given): each is drawn once.
        for (const std::string* part : {&drug_class.mechanism, &drug_class.gene_change_frequency,
                                        &drug_class.who_has_it, &drug_class.how_given}) {
            if (part->empty()) continue;
            int shown = 0;
            for (const ui::DrawnText& text : harness.app().drawn_texts())
                if (text.text.find(*part) != std::string::npos) ++shown;
            INFO(*part);
            CHECK(shown == 1);
        }
        // Members above "Other drugs named in these uses", partners below it.
        float others_y = 1e9f;
        for (const ui::DrawnItem& item : harness.app().drawn_items())
            if (item.label == "heading:Other drugs named in these uses") others_y = item.min.y;
        for (const Drug* drug : guide.drugs_of_class(drug_class.id)) {
            const ui::DrawnItem* tile = harness.find(drug->name + "  ›");
            REQUIRE(tile != nullptr);
            const bool member = std::find(drug_class.drug_ids.begin(), drug_class.drug_ids.end(),
                                          drug->id) != drug_class.drug_ids.end();
            INFO(drug->id);
            CHECK((tile->min.y < others_y) == member);
        }
        // Uses the page states outside its example list are under a heading of their own.
        for (const DrugUse& use : drug_class.uses)
            if (!use.listed_in_examples)
                CHECK(harness.find("heading:Also said under \"How they work\"") != nullptr);
        // Side effects are bullets in the page's words; the generic label is not repeated
        // under the COMMON chip.
        CHECK_FALSE(harness.drew_text_starting("Common side effects"));
        for (const SideEffect& effect : drug_class.side_effects())
            CHECK(harness.find("highlight:" + side_effect_anchor(effect.term)) == nullptr);
    }
}

TEST_CASE("every page with medical content ends with the source and its revision date") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    const std::string footer = "Source: " + guide.source + ", \"" + guide.title +
                               "\". Last revised " + guide.revision_date + ".";
    std::vector<std::string> routes{"home", "search?q=rash", "bookmarks"};
    for (const DrugClass& drug_class : guide.classes)
        routes.push_back("class/" + drug_class.id);
    for (const Drug& drug : guide.drugs)
        routes.push_back("drug/" + drug.id);
    Harness harness(390, 844, "home");
    for (const std::string& route : routes) {
        harness.app().go(route);
        harness.settle(2);
        INFO(route);
        CHECK(harness.drew_text_starting(footer));
    }
}

TEST_CASE("glossary words in running text are finger targets of at least 48 px") {
    Harness harness(390, 844, "class/egfr");
    int terms = 0;
    for (const ui::DrawnItem& item : harness.app().drawn_items()) {
        if (item.label.rfind("term:", 0) != 0) continue;
        ++terms;
        CHECK(item.max.y - item.min.y >= 48.0f);
    }
    CHECK(terms > 0);
}

TEST_CASE("the landscape sidebar shows that it scrolls, and does not repeat home's tiles") {
    {
        Harness harness(1280, 800, "class/egfr");
        REQUIRE(harness.app().layout().two_panes);
        const ui::DrawnItem* cue = harness.find("more below");
        REQUIRE(cue != nullptr); // the ten classes do not all fit: a fade and a chevron
        CHECK(cue->max.x <= harness.app().layout().list_width + 1.0f);
    }
    {
        Harness harness(1280, 800, "home");
        // Home shows the classes as tiles; the sidebar has only the places.
        int kras = 0;
        for (const ui::DrawnItem& item : harness.app().drawn_items())
            if (item.label == "KRAS inhibitors") ++kras;
        CHECK(kras == 1);
        CHECK(harness.find("more below") == nullptr);
    }
}

TEST_CASE("wide screens keep a reading column of about 60-80 characters a line") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    const std::string& mechanism = guide.find_class("egfr")->mechanism;
    for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(800, 1280)}) {
        Harness harness(size.x, size.y, "class/egfr");
        INFO(size.x << "x" << size.y);
        const ui::DrawnText* paragraph = nullptr;
        for (const ui::DrawnText& text : harness.app().drawn_texts())
            if (text.text == mechanism) paragraph = &text;
        REQUIRE(paragraph != nullptr);
        REQUIRE(paragraph->lines.size() >= 3);
        std::size_t characters = 0;
        for (std::size_t line = 0; line + 1 < paragraph->lines.size(); ++line)
            characters += paragraph->lines[line].second - paragraph->lines[line].first;
        const double per_line =
            static_cast<double>(characters) / static_cast<double>(paragraph->lines.size() - 1);
        CHECK(per_line >= 60.0);
        CHECK(per_line <= 85.0);
    }
}
