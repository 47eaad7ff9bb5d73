// The semantics tree (ui/semantics.h): what each frame drew, as meaning, and the actions a
// platform sends back through it (a screen reader's activation, a browser's own editor).
#include "ui_harness.h"

#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "text_box_edit.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

using lungguide::testing::Harness;
using namespace lungguide;
using ui::SemanticNode;
using ui::SemanticRole;

namespace {

std::vector<const SemanticNode*> with_role(Harness& harness, SemanticRole role) {
    std::vector<const SemanticNode*> found;
    for (const SemanticNode& node : harness.app().semantics().nodes())
        if (node.role == role) found.push_back(&node);
    return found;
}

const SemanticNode* node_named(Harness& harness, SemanticRole role, const std::string& start) {
    for (const SemanticNode& node : harness.app().semantics().nodes())
        if (node.role == role && node.text.rfind(start, 0) == 0) return &node;
    return nullptr;
}

void turn_on(Harness& harness) {
    harness.app().semantics().set_on(true);
    harness.settle();
}

} // namespace

TEST_CASE("semantics: off until a host reads it") {
    Harness harness(390, 844, "class/egfr");
    CHECK(harness.app().semantics().nodes().empty());
}

TEST_CASE("semantics: the EGFR page's title, sections, words, side effects, drugs and links") {
    Harness harness(390, 844, "class/egfr");
    turn_on(harness);
    const DrugClass* egfr = harness.app().guide().find_class("egfr");
    REQUIRE(egfr != nullptr);
    const std::vector<const SemanticNode*> headings = with_role(harness, SemanticRole::heading);
    REQUIRE(!headings.empty());
    CHECK(std::any_of(headings.begin(), headings.end(), [&](const SemanticNode* node) {
        return node->level == 1 && node->text == egfr->name;
    }));
    CHECK(node_named(harness, SemanticRole::heading, "Side effects") != nullptr);
    // The whole page, not only what is on screen: the mechanism, every drug, every side effect.
    const std::vector<const SemanticNode*> paragraphs = with_role(harness, SemanticRole::paragraph);
    CHECK(std::any_of(paragraphs.begin(), paragraphs.end(), [&](const SemanticNode* node) {
        return node->text.find(egfr->mechanism.substr(0, 40)) != std::string::npos;
    }));
    for (const Drug* drug : harness.app().guide().drugs_of_class("egfr")) {
        CAPTURE(drug->name);
        CHECK(node_named(harness, SemanticRole::button, drug->name) != nullptr);
    }
    const std::vector<const SemanticNode*> items = with_role(harness, SemanticRole::list_item);
    CHECK(items.size() >= egfr->side_effect_groups.size());
    // Glossary words are links inside their words, their bytes within the text.
    bool linked = false;
    for (const SemanticNode* node : paragraphs)
        for (const ui::SemanticLink& link : node->links) {
            CHECK(link.begin < link.end);
            CHECK(link.end <= node->text.size());
            linked = true;
        }
    CHECK(linked);
    // Marks that only point the eye are not read out ("Bookmarks  ›").
    for (const SemanticNode* node : with_role(harness, SemanticRole::button))
        CHECK(node->text.find("\xE2\x80\xBA") == std::string::npos);
    // Ids are unique within the frame.
    std::vector<std::uint32_t> ids;
    for (const SemanticNode& node : harness.app().semantics().nodes())
        ids.push_back(node.id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("semantics: idle frames change nothing; scrolling moves only the region") {
    Harness harness(390, 844, "class/egfr");
    turn_on(harness);
    ui::Semantics& semantics = harness.app().semantics();
    const auto content = semantics.content_version();
    const auto layout = semantics.layout_version();
    harness.settle(5);
    CHECK(semantics.content_version() == content);
    CHECK(semantics.layout_version() == layout);
    const std::vector<SemanticNode> before = semantics.nodes();
    harness.drag(ImVec2(200, 700), ImVec2(200, 400), 10, 10);
    harness.settle(30);
    CHECK(semantics.layout_version() != layout);
    // The page's words keep their place in the page (within ImGui's rounding of positions
    // above the window's top): only its region's scroll moved.
    int compared = 0;
    for (const SemanticNode& old : before) {
        const SemanticNode* now = semantics.find(old.id);
        if (!now || old.role == SemanticRole::button) continue;
        CHECK(std::abs(now->min.y - old.min.y) <= 2.0f);
        ++compared;
    }
    CHECK(compared > 30);
}

TEST_CASE("semantics: activating a button does what a tap does, even off screen") {
    Harness harness(390, 844, "class/egfr");
    turn_on(harness);
    const SemanticNode* toggle = node_named(harness, SemanticRole::button, "Bookmark for Me");
    REQUIRE(toggle != nullptr);
    const auto toggle_id = toggle->id; // nodes are made again each frame
    harness.app().semantics().activate(toggle_id);
    harness.settle();
    // Nobody is chosen yet, so it asks for whom: the dialog is in the tree too.
    CHECK(!harness.app().find_bookmark("class", "egfr").has_value());
    const SemanticNode* confirm = node_named(harness, SemanticRole::button, "Bookmark for Me");
    REQUIRE(confirm != nullptr);
    CHECK(confirm->id != toggle_id);
    harness.app().semantics().activate(confirm->id);
    harness.settle();
    CHECK(harness.app().find_bookmark("class", "egfr").has_value());
    // A drug far down the page, never scrolled to: activating it opens it.
    const SemanticNode* drug = node_named(harness, SemanticRole::button, "Osimertinib");
    REQUIRE(drug != nullptr);
    harness.app().semantics().activate(drug->id);
    harness.settle();
    CHECK(harness.route() == "drug/osimertinib");
}

TEST_CASE("semantics: a glossary link opens its explanation; a dialog hides the page") {
    Harness harness(390, 844, "class/vegf");
    turn_on(harness);
    std::uint32_t link = 0;
    for (const SemanticNode& node : harness.app().semantics().nodes())
        if (!node.links.empty() && !link) link = node.links.front().id;
    REQUIRE(link != 0);
    harness.app().semantics().activate(link);
    harness.settle(16);
    CHECK(!harness.app().open_glossary_id().empty());
    // Only the dialog is there to read while it is open.
    const ui::Semantics& semantics = harness.app().semantics();
    REQUIRE(!semantics.nodes().empty());
    for (const SemanticNode& node : semantics.nodes()) {
        const auto region = std::find_if(
            semantics.regions().begin(), semantics.regions().end(),
            [&](const ui::SemanticRegion& candidate) { return candidate.id == node.region; });
        REQUIRE(region != semantics.regions().end());
        CHECK(region->dialog == "Explained on this page");
    }
    CHECK(node_named(harness, SemanticRole::button, "Close") != nullptr);
}

TEST_CASE("semantics: a platform's editor types into the search box and leaves it") {
    Harness harness(390, 844, "search");
    turn_on(harness);
    const SemanticNode* box = node_named(harness, SemanticRole::text_box, "Search");
    REQUIRE(box != nullptr);
    CHECK(box->box == ui::TextBoxKind::search);
    CHECK(box->focused); // the search screen puts the cursor in its box
    const std::uint32_t id = box->id;
    CHECK(ui::replace_text_box_text(id, "rash", 4, 4));
    harness.settle();
    CHECK(harness.app().search_text() == "rash");
    CHECK(harness.route() == "search?q=rash");
    CHECK(node_named(harness, SemanticRole::text_box, "Search")->value == "rash");
    // A replacement (autocorrect) is the whole text again.
    CHECK(ui::replace_text_box_text(id, "rash on arms", 12, 12));
    harness.settle();
    CHECK(harness.app().search_text() == "rash on arms");
    harness.app().semantics().leave_text(id);
    harness.settle();
    CHECK_FALSE(node_named(harness, SemanticRole::text_box, "Search")->focused);
    CHECK(harness.app().search_text() == "rash on arms");     // leaving keeps what was typed
    CHECK_FALSE(ui::replace_text_box_text(id, "lost", 4, 4)); // no keyboard: nothing changes
    harness.app().semantics().focus_text(id);
    harness.settle();
    CHECK(node_named(harness, SemanticRole::text_box, "Search")->focused);
}

TEST_CASE("semantics: a note typed through the platform's editor is kept as a draft") {
    Harness harness(390, 844, "class/egfr");
    std::int64_t bookmark = 0;
    REQUIRE(harness.app().store()->add_bookmark("class", "egfr", "", "", &bookmark).ok());
    turn_on(harness);
    const SemanticNode* note = node_named(harness, SemanticRole::text_box, "Note");
    REQUIRE(note != nullptr);
    CHECK(note->box == ui::TextBoxKind::multiline);
    const std::uint32_t id = note->id;
    harness.app().semantics().focus_text(id); // far below the first screen
    harness.settle();
    REQUIRE(node_named(harness, SemanticRole::text_box, "Note")->focused);
    const std::string typed = "Ask about the rash on her arms, and whether the cream "
                              "helps; the next scan is in March";
    CHECK(ui::replace_text_box_text(id, typed, static_cast<int>(typed.size()),
                                    static_cast<int>(typed.size())));
    harness.settle();
    CHECK(node_named(harness, SemanticRole::text_box, "Note")->value == typed);
    harness.app().semantics().leave_text(id);
    harness.settle();
    std::string draft;
    for (const auto& [id_of_bookmark, text] : harness.app().store()->note_drafts())
        if (id_of_bookmark == bookmark) draft = text;
    CHECK(draft == typed); // wrapped on screen, kept as typed
}

TEST_CASE("semantics: a text box drawn without record_input() can still be typed into") {
    Harness harness(390, 844, "home");
    turn_on(harness);
    std::string typed;
    // A screen that forgot record_input(): its box, drawn in a window of its own.
    const auto frame = [&](bool focus) {
        harness.use();
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::Begin("elsewhere");
        if (focus) ImGui::SetKeyboardFocusHere();
        ImGui::InputText("##unrecorded", &typed);
        ImGui::End();
        harness.app().frame();
        ImGui::Render();
    };
    frame(true);
    frame(false);
    frame(false);
    const SemanticNode* box = node_named(harness, SemanticRole::text_box, "Text");
    REQUIRE(box != nullptr);
    CHECK(box->focused);
    CHECK(ui::replace_text_box_text(box->id, "being sick", 10, 10));
    frame(false);
    CHECK(typed == "being sick");
}
