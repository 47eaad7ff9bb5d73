// The passage step in memory: passages derived from the Guide, matched window by window in
// page order, ranked by bm25, filtered by class.
#include "content/page_passages.h"
#include "search_test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// A guide of one class and `count` section paragraphs, paragraph i saying "entry <i>", with
// extra words in some of them.
Guide guide_with_paragraphs(std::size_t count, const std::set<std::size_t>& with_word,
                            const std::string& word) {
    Guide guide;
    guide.title = "Test page";
    DrugClass drug_class;
    drug_class.id = "demo";
    drug_class.name = "Demo inhibitors";
    drug_class.mechanism = "Demo inhibitors block the demo protein.";
    guide.classes.push_back(drug_class);
    Section section;
    section.id = "notes";
    section.heading = "Notes";
    for (std::size_t index = 0; index < count; ++index) {
        SectionItem item;
        item.text = "Paragraph number " + std::to_string(index) + " of the page";
        if (with_word.count(index)) item.text += " about " + word;
        section.items.push_back(item);
    }
    guide.sections.push_back(section);
    return guide;
}

std::vector<std::string> snippets_of(const SearchResponse& response) {
    std::vector<std::string> snippets;
    for (const SearchResult& result : response.results) {
        if (result.kind == SearchResultKind::text) snippets.push_back(result.snippet);
    }
    return snippets;
}

} // namespace

TEST_CASE("the page's passages come from the guide, in page order, none empty") {
    const Guide& guide = shipped_guide();
    const std::vector<PagePassage> passages = page_passages(guide);
    REQUIRE(!passages.empty());
    CHECK(passages.front().kind == "advice");
    CHECK(passages.front().body == guide.doctor_advice);
    std::size_t side_effect_sentences = 0;
    for (const DrugClass& drug_class : guide.classes)
        side_effect_sentences += drug_class.side_effect_groups.size();
    std::size_t found = 0;
    for (const PagePassage& passage : passages) {
        CHECK(!passage.body.empty());
        if (passage.kind != "side_effects") continue;
        ++found;
        CHECK(passage.class_id == passage.target_id);
        CHECK(guide.find_class(passage.class_id) != nullptr);
    }
    CHECK(found == side_effect_sentences);
    // The same guide gives the same passages.
    const std::vector<PagePassage> again = page_passages(guide);
    REQUIRE(again.size() == passages.size());
    for (std::size_t index = 0; index < passages.size(); ++index)
        CHECK(again[index].body == passages[index].body);
}

TEST_CASE("passages are found beyond the first window of pages") {
    // 10,000 paragraphs: more than two windows; the word is only near the end.
    const Guide guide = guide_with_paragraphs(10000, {4500, 9998}, "zebrafish");
    const SearchIndex index(guide);
    const std::vector<std::string> found = snippets_of(index.search("zebrafish"));
    REQUIRE(found.size() == 2);
    std::set<std::string> expected = {"Paragraph number 4500 of the page about zebrafish",
                                      "Paragraph number 9998 of the page about zebrafish"};
    CHECK(std::set<std::string>(found.begin(), found.end()) == expected);
    // As a prefix while typing, too.
    CHECK(snippets_of(index.search("zebraf")).size() == 2);
    // Every word must be there: "9998" narrows it to one.
    const std::vector<std::string> narrowed = snippets_of(index.search("zebrafish 9998"));
    REQUIRE(narrowed.size() == 1);
    CHECK(narrowed.front() == "Paragraph number 9998 of the page about zebrafish");
}

TEST_CASE("a word in most passages still gives the best ones, and a rarer word ranks first") {
    std::set<std::size_t> every;
    for (std::size_t index = 0; index < 6000; ++index)
        every.insert(index);
    Guide guide = guide_with_paragraphs(6000, every, "lungs");
    // Said twice in a short passage late on the page: bm25 ranks it first.
    guide.sections.front().items[5500].text = "Lungs and lungs";
    const SearchIndex index(guide);
    SearchOptions options;
    options.limit = 5;
    const SearchResponse response = index.search("lungs", options);
    const std::vector<std::string> found = snippets_of(response);
    REQUIRE(found.size() == 5);
    // Matching stops after the first matches in page order: the late passage is not among
    // those ranked, and the earliest ones are.
    CHECK(std::find(found.begin(), found.end(), "Lungs and lungs") == found.end());
    CHECK(std::find(found.begin(), found.end(), "Paragraph number 0 of the page about lungs") !=
          found.end());
    // In the first window it ranks first.
    guide.sections.front().items[10].text = "Lungs and lungs";
    const SearchIndex early(guide);
    const std::vector<std::string> early_found = snippets_of(early.search("lungs", options));
    REQUIRE(!early_found.empty());
    CHECK(early_found.front() == "Lungs and lungs");
}
