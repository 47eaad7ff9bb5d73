// Line layout: words are never split. The pure layout function with a fixed-width
// "font", then every text the app wraps on every page, at phone width, 100-250 %.
#include "ui_harness.h"

#include "content/guide.h"
#include "line_layout.h"

#include <string>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

// Every character 10 px wide: easy to reason about.
float ten_per_char(std::string_view text) {
    return 10.0f * static_cast<float>(text.size());
}

std::vector<std::string> line_texts(std::string_view text, const ui::LineLayout& layout) {
    std::vector<std::string> lines;
    for (const ui::LaidOutLine& line : layout.lines)
        lines.emplace_back(text.substr(line.begin, line.end - line.begin));
    return lines;
}

} // namespace

TEST_CASE("line layout wraps at spaces only and keeps each word whole") {
    const std::string text = "the quick brown fox jumps";
    const ui::LineLayout layout = ui::lay_out_lines(text, 100.0f, ten_per_char, 10.0f);
    CHECK(line_texts(text, layout) == std::vector<std::string>{"the quick", "brown fox", "jumps"});
    for (const ui::LaidOutLine& line : layout.lines)
        CHECK(line.width <= 100.0f);
}

TEST_CASE("line layout may break after a hyphen inside a word, never before or around it") {
    const std::string text = "HER2-directed drugs";
    const ui::LineLayout layout = ui::lay_out_lines(text, 80.0f, ten_per_char, 10.0f);
    CHECK(line_texts(text, layout) == std::vector<std::string>{"HER2-", "directed", "drugs"});
    // A dash between spaces is not a place inside a word.
    const std::string dash = "a - b";
    const ui::LineLayout dashed = ui::lay_out_lines(dash, 30.0f, ten_per_char, 10.0f);
    for (const ui::LaidOutLine& line : dashed.lines)
        CHECK(ui::is_break_allowed(dash, line.end));
}

TEST_CASE("a word wider than the column is scaled down on its own line, not cut") {
    const std::string text = "with Ramucirumab today";
    const ui::LineLayout layout = ui::lay_out_lines(text, 60.0f, ten_per_char, 10.0f);
    CHECK(line_texts(text, layout) == std::vector<std::string>{"with", "Ramucirumab", "today"});
    bool scaled = false;
    for (const ui::LaidOutRun& run : layout.runs) {
        if (text.substr(run.begin, run.end - run.begin) != "Ramucirumab") continue;
        scaled = true;
        CHECK(run.scale == doctest::Approx(60.0f / 110.0f));
        CHECK(run.width == doctest::Approx(60.0f));
    }
    CHECK(scaled);
}

TEST_CASE("an arrow stays with its word, never alone on a line") {
    // "Go to Bevacizumab" fits 175 px, but not with " ›" (3 bytes here): the word and its
    // arrow move on together.
    const std::string next = "Go to Bevacizumab ›";
    const ui::LineLayout layout = ui::lay_out_lines(next, 175.0f, ten_per_char, 10.0f);
    CHECK(line_texts(next, layout) == std::vector<std::string>{"Go to", "Bevacizumab ›"});
    const std::string previous = "‹ EGFR inhibitors";
    const ui::LineLayout back = ui::lay_out_lines(previous, 90.0f, ten_per_char, 10.0f);
    CHECK(line_texts(previous, back).front().rfind("‹ EGFR", 0) == 0);
}

TEST_CASE("links split runs for their colour but never add a place to break") {
    const std::string text = "(ILD)/pneumonitis; and more";
    // "ILD" is a link: the run "(", "ILD", ")/pneumonitis;" must stay on one line.
    const std::vector<ui::LinkSpan> links{{1, 4, 0}};
    const ui::LineLayout layout = ui::lay_out_lines(text, 120.0f, ten_per_char, 10.0f, links);
    REQUIRE(layout.lines.size() >= 2);
    CHECK(line_texts(text, layout).front() == "(ILD)/pneumonitis;");
    int link_runs = 0;
    for (const ui::LaidOutRun& run : layout.runs)
        if (run.link == 0) {
            ++link_runs;
            CHECK(text.substr(run.begin, run.end - run.begin) == "ILD");
        }
    CHECK(link_runs == 1);
}

TEST_CASE("every wrapped line on every page ends at a space or hyphen and fits, 100-250 %") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    std::vector<std::string> routes{
        "home", "about", "settings", "bookmarks", "search?q=bleeding", "search?q=xyzzy"};
    for (const DrugClass& drug_class : guide.classes)
        routes.push_back("class/" + drug_class.id);
    for (const Drug& drug : guide.drugs)
        routes.push_back("drug/" + drug.id);
    for (float scale : {1.0f, 1.5f, 2.0f, 2.5f}) {
        Harness harness(390, 844, "home", scale);
        std::size_t texts = 0;
        auto check_texts = [&](const std::string& where) {
            for (const ui::DrawnText& drawn : harness.app().drawn_texts()) {
                ++texts;
                for (std::size_t index = 0; index < drawn.lines.size(); ++index) {
                    const auto [begin, end] = drawn.lines[index];
                    INFO(where << " at " << scale << ": \"" << drawn.text << "\", line \""
                               << drawn.text.substr(begin, end - begin) << "\"");
                    CHECK(ui::is_break_allowed(drawn.text, end));
                    CHECK(drawn.line_widths[index] <= drawn.column + 0.5f);
                }
            }
        };
        for (const std::string& route : routes) {
            harness.app().go(route);
            harness.settle(2);
            check_texts(route);
        }
        // Every glossary panel too (the explanation and its Close button).
        for (const GlossaryTerm& term : guide.glossary) {
            harness.app().go("class/egfr");
            harness.settle(2);
            harness.app().open_glossary(term.id);
            harness.settle(3);
            check_texts("glossary " + term.id);
            const ui::DrawnItem* close = harness.find("Close");
            INFO("glossary " << term.id << " at " << scale);
            REQUIRE(close != nullptr);
            CHECK(harness.visible(*close));
            harness.app().go_back();
            harness.settle(2);
        }
        CHECK(texts > 1000); // the check really saw the pages' text
    }
}
