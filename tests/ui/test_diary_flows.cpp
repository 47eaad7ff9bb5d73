// The caregiver's day through real frames and scripted touches: the symptom diary (add,
// change, remove with Undo, from search), "for whom" when bookmarking, who bookmarked a page,
// drug pages with their uses and their class's side effects, whole section names and long
// queries at 250 % on a phone, and "Saved on this device" over no control.
#include "ui_harness.h"

#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/symptom_diary.h"
#include "common/letter_case.h"
#include "content/guide.h"
#include "screens.h"

#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <string>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

ImVec2 centre(const ui::DrawnItem& item) {
    return ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
}

// Drags the page up until the item is wholly on screen, inside the page (not under a notice).
const ui::DrawnItem* reveal(Harness& harness, const std::string& label) {
    for (int attempt = 0; attempt < 60; ++attempt) {
        const ui::DrawnItem* item = harness.find(label);
        const ui::DrawnItem* page = harness.find("page");
        if (item && page && harness.visible(*item) && item->min.y >= page->min.y &&
            item->max.y <= page->max.y)
            return item;
        const ImVec2 size = harness.io().DisplaySize;
        harness.drag(ImVec2(size.x - 30.0f, size.y * 0.75f), ImVec2(size.x - 30.0f, size.y * 0.45f),
                     12, 10);
        harness.settle(2);
    }
    return nullptr;
}

void tap_revealed(Harness& harness, const std::string& label) {
    const ui::DrawnItem* item = reveal(harness, label);
    REQUIRE_MESSAGE(item != nullptr, "could not bring \"" << label << "\" on screen");
    harness.tap(centre(*item));
}

bool drew_text_containing(Harness& harness, const std::string& part) {
    for (const ui::DrawnText& text : harness.app().drawn_texts())
        if (text.text.find(part) != std::string::npos) return true;
    return false;
}

// Things a finger taps (not words, not the page itself).
bool is_control(const ui::DrawnItem& item) {
    return !lungguide::testing::is_words(item.label) && item.label != "page";
}

bool overlaps(const ui::DrawnItem& a, const ui::DrawnItem& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// A data folder in which the CLI's store already has these bookmarks.
std::string folder_with(const std::vector<std::pair<std::string, std::string>>& drug_for) {
    const std::string folder = lungguide::testing::fresh_folder();
    Result<std::unique_ptr<UserStore>> store = UserStore::open(folder);
    REQUIRE(store.ok());
    for (const auto& [drug, person] : drug_for)
        REQUIRE(store.value()->add_bookmark("drug", drug, person, "").ok());
    return folder;
}

} // namespace

TEST_CASE("the diary on a phone at 250 %: add in Mum's words, see what the page says, change, "
          "remove and undo") {
    const std::string folder = folder_with({{"osimertinib", "Mum"}});
    {
        auto harness = Harness::over_folder(390, 844, "diary?for=Mum", folder, 2.5f);
        harness->app().wait_for_search_index();
        CHECK(harness->find("heading:What did Mum feel?") != nullptr);
        tap_revealed(*harness, "input:diary words");
        harness->type("the runs");
        harness->press_key(ImGuiKey_Enter); // leaves the box; no line break in the words
        tap_revealed(*harness, "Moderate");
        CHECK(harness->app().screens().diary.words == "the runs");
        tap_revealed(*harness, "Add to Mum's diary");
        SymptomDiary diary(*harness->app().store());
        const std::vector<DiaryEntry> entries = diary.entries("Mum");
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].text == "the runs");
        CHECK(entries[0].severity == DiarySeverity::moderate);
        CHECK(entries[0].date == local_date_today());
        CHECK(entries[0].links.listed());                    // linked as it was added
        CHECK(harness->app().screens().diary.words.empty()); // the form is ready for the next
        harness->app().go("diary?for=Mum#section=entries");
        harness->settle(6);
        CHECK(drew_text_containing(
            *harness, "Diarrhea: listed as common for EGFR inhibitors (Mum's Osimertinib)"));

        // Change the words: linked again, the same entry.
        tap_revealed(*harness, "Change");
        CHECK(harness->app().screens().diary.editing == entries[0].id);
        harness->app().screens().diary.words = "the runs and hiccups";
        tap_revealed(*harness, "Save the change");
        CHECK(diary.entry(entries[0].id)->text == "the runs and hiccups");
        CHECK(diary.entry(entries[0].id)->links.not_listed == std::vector<std::string>{"hiccups"});

        // Remove asks first, then offers Undo, which puts it back as it was.
        harness->app().go("diary?for=Mum#section=entries");
        harness->settle(6);
        tap_revealed(*harness, "Remove…");
        CHECK(diary.entries("Mum").size() == 1);
        tap_revealed(*harness, "Yes, remove");
        CHECK(diary.entries("Mum").empty());
        harness->tap("Undo"); // in the notice, under the page
        REQUIRE(diary.entries("Mum").size() == 1);
        CHECK(diary.entries("Mum")[0].id == entries[0].id);
        // Every word on the screen stays inside a phone's width at 250 %.
        for (const ui::DrawnItem& item : harness->app().drawn_items())
            CHECK_MESSAGE(item.max.x <= 390.5f, item.label);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("what the diary says: rare but serious apart with the page's advice, not listed "
          "plainly with the helpline") {
    const std::string folder = folder_with({{"osimertinib", "Mum"}});
    {
        Result<std::unique_ptr<UserStore>> store = UserStore::open(folder);
        REQUIRE(store.ok());
        SymptomDiary diary(*store.value());
        DiaryEntry lungs, hiccups;
        lungs.person = hiccups.person = "Mum";
        lungs.text = "lung damage";
        hiccups.text = "hiccups";
        REQUIRE(diary.add_entry(lungs).ok());
        REQUIRE(diary.add_entry(hiccups).ok());
    }
    {
        auto harness = Harness::over_folder(800, 1280, "diary?for=Mum#section=entries", folder);
        harness->app().wait_for_search_index();
        harness->settle(6);
        // Linked when first shown (the entries were written without links).
        CHECK(SymptomDiary(*harness->app().store()).entries("Mum")[0].links.listed());
        CHECK(reveal(*harness, "chip:RARE BUT SERIOUS") != nullptr);
        CHECK(drew_text_containing(*harness,
                                   "The page's advice: " + harness->app().guide().doctor_advice));
        CHECK(reveal(*harness, "Read it on the EGFR inhibitors page  ›") != nullptr);
        harness->settle(2);
        CHECK(
            drew_text_containing(*harness, "Hiccups: not listed on this page; ask the care team."));
        // Reading it on the page lands on the item, its severity beside it.
        tap_revealed(*harness, "Read it on the EGFR inhibitors page  ›");
        CHECK(harness->route().rfind("class/egfr#se=", 0) == 0);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("'Add to Mum's diary' on a search answer about a symptom, not on a drug's") {
    const std::string folder = folder_with({{"osimertinib", "Mum"}});
    {
        auto harness = Harness::over_folder(390, 844, "search?q=the runs", folder);
        harness->app().wait_for_search_index();
        harness->settle(4);
        const ui::DrawnItem* add = harness->find("Add to Mum's diary");
        REQUIRE(add != nullptr);
        harness->tap(centre(*add));
        CHECK(harness->route() == "diary?for=Mum");
        CHECK(harness->app().screens().diary.words == "the runs");
        harness->app().go("search?q=Tagrisso");
        harness->settle(4);
        CHECK(harness->find("Add to Mum's diary") == nullptr);
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("bookmarking asks for whom until someone is chosen; Me only when nobody else") {
    SUBCASE("nobody set up: the first bookmark asks, offering Me; then it is Me's") {
        Harness harness(390, 844, "class/alk");
        harness.tap("Bookmark for Me…");
        CHECK(harness.find("Me") != nullptr);
        CHECK(harness.find("input:picker new person") != nullptr); // or someone else, typed
        harness.tap("Bookmark for Me");
        CHECK(harness.app().find_bookmark("class", "alk").has_value());
        harness.app().go("class/ros1");
        harness.settle();
        CHECK(harness.find("Bookmark for Me") != nullptr); // chosen: no question any more
    }
    SUBCASE("Mum set up: the first tap bookmarks for Mum, and no stray Me is exported") {
        const std::string folder = folder_with({{"osimertinib", "Mum"}});
        {
            auto harness = Harness::over_folder(390, 844, "class/alk", folder);
            CHECK(harness->app().person() == "Mum");
            harness->tap("Bookmark for Mum");
            CHECK(harness->app().store()->bookmarks("Mum").size() == 2);
            const std::string exported =
                bookmarks_export_json(harness->app().store()->bookmarks(), "2024-09-02T00:00:00Z");
            CHECK(exported.find("\"for\": null") == std::string::npos);
        }
        std::filesystem::remove_all(folder);
    }
    SUBCASE("Mum and Dad: it asks, offering both and not Me") {
        const std::string folder = folder_with({{"osimertinib", "Mum"}, {"sotorasib", "Dad"}});
        {
            auto harness = Harness::over_folder(390, 844, "class/ret", folder);
            const ui::DrawnItem* toggle = harness->find_prefix("Bookmark for ");
            REQUIRE(toggle != nullptr);
            const std::string ellipsis = "\xE2\x80\xA6"; // "…": a question to come
            CHECK(toggle->label.size() > ellipsis.size());
            CHECK(toggle->label.compare(toggle->label.size() - ellipsis.size(), ellipsis.size(),
                                        ellipsis) == 0);
            harness->tap(centre(*toggle));
            CHECK(harness->find("Mum") != nullptr);
            CHECK(harness->find("Dad") != nullptr);
            CHECK(harness->find("Me") == nullptr);
        }
        std::filesystem::remove_all(folder);
    }
}

TEST_CASE("class and drug pages say who else has bookmarked them") {
    const std::string folder = folder_with({{"osimertinib", "Dad"}, {"lorlatinib", "Mum"}});
    {
        auto harness = Harness::over_folder(390, 844, "drug/osimertinib", folder);
        harness->app().set_person("Mum");
        harness->settle();
        CHECK(harness->drew_text_starting("Bookmarked for Dad."));
        REQUIRE(harness->app().user_data().add_bookmark("drug", "osimertinib", "Mum").ok());
        harness->settle();
        CHECK(harness->find("Bookmarked for Mum · Change") != nullptr);
        CHECK(harness->drew_text_starting("Also bookmarked for Dad."));
        harness->app().go("drug/alectinib");
        harness->settle();
        CHECK_FALSE(drew_text_containing(*harness, "ookmarked for Dad"));
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("a drug page: uses under the page's gene-change headings, its class's side effects") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    Harness harness(800, 1280, "home");
    for (const Drug& drug : guide.drugs) {
        harness.app().go("drug/" + drug.id + "#side-effects"); // the old name still works
        harness.settle(4);
        INFO(drug.id);
        CHECK(harness.route() == "drug/" + drug.id + "#section=side-effects");
        const ui::DrawnItem* place = harness.find("highlight:section=side-effects");
        REQUIRE(place != nullptr);
        CHECK(harness.visible(*place));
        harness.app().jump_to("section=uses");
        harness.settle(3);
        for (const std::string& class_id : drug.class_ids) {
            const DrugClass& drug_class = *guide.find_class(class_id);
            CHECK(harness.find("heading:Side effects of " + drug_class.name) != nullptr);
            for (const SideEffectGroup& group : drug_class.side_effect_groups)
                for (const std::string& term : group.terms)
                    CHECK(drew_text_containing(harness, capitalize_first_letter(term)));
        }
        // Each use that names the drug comes after its gene-change heading.
        for (const Guide::UseOfDrug& found : guide.uses_of_drug(drug.id)) {
            if (!found.use->listed_in_examples || found.use->group_heading.empty()) continue;
            std::string heading = found.use->group_heading;
            if (heading.back() == ':' && heading.find(". ") == std::string::npos)
                heading.pop_back();
            CHECK(drew_text_containing(harness, heading));
        }
    }
}

TEST_CASE("no section name or long query is cut at 250 % on a phone") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    Harness harness(390, 844, "home", 2.5f);
    std::vector<std::string> routes;
    for (const DrugClass& drug_class : guide.classes)
        routes.push_back("class/" + drug_class.id);
    for (const char* drug : {"osimertinib", "fam-trastuzumab-deruxtecan-nxki", "carboplatin"})
        routes.push_back(std::string("drug/") + drug);
    for (const std::string& route : routes) {
        harness.app().go(route);
        harness.settle(3);
        for (const ui::PageSection& section : ui::page_sections(harness.app())) {
            harness.app().jump_to(section.anchor);
            harness.settle(3);
            INFO(route << " " << section.anchor);
            for (const ui::DrawnColours& drawn : harness.app().drawn_colours())
                if (drawn.widget == "line button")
                    CHECK(drawn.what.find("\xE2\x80\xA6") == std::string::npos); // no "…"
        }
    }
    // A long query wraps in the box: its first words stay in view while it is typed.
    harness.app().go("search");
    harness.settle(3);
    const std::string query = "the runs after lunch every single day this week";
    harness.type(query);
    const ui::WrappingBoxState& box = harness.app().screens().search_box;
    CHECK(box.display.find('\n') != std::string::npos);
    CHECK(box.display.rfind("the runs", 0) == 0);
    const ui::DrawnItem* input = harness.find("input:search");
    REQUIRE(input != nullptr);
    CHECK(input->max.y - input->min.y > 1.9f * harness.app().layout().em);
    CHECK(input->max.x <= 390.5f);
    CHECK(harness.app().search_text() == query); // the wrapping is only for the eye
}

TEST_CASE("'Saved on this device' takes the title's place, over no control, and goes") {
    for (float scale : {1.0f, 2.5f}) {
        Harness harness(390, 844, "class/egfr", scale);
        harness.app().show_save_status("Saved on this device");
        harness.settle(2);
        const ui::DrawnItem* said = harness.find("title:Saved on this device");
        REQUIRE(said != nullptr);
        for (const ui::DrawnItem& item : harness.app().drawn_items())
            if (is_control(item)) CHECK_MESSAGE(!overlaps(item, *said), item.label);
        harness.app().go("class/alk");
        harness.settle(2);
        CHECK(harness.find("title:Saved on this device") == nullptr);
        CHECK(harness.find_prefix("title:ALK") != nullptr);
    }
}
