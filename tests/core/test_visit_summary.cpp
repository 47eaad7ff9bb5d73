// The doctor's-visit summary: the guide's own text, the person's notes, rare effects apart.
#include "bookmarks/visit_summary.h"
#include "content_test_support.h"

#include <doctest/doctest.h>

using namespace lungguide;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
Bookmark make(const std::string& kind, const std::string& target, const std::string& note) {
    Bookmark bookmark;
    bookmark.kind = kind;
    bookmark.target = target;
    bookmark.person = "Mum";
    bookmark.note = note;
    return bookmark;
}
} // namespace

TEST_CASE("the Markdown summary: drugs, how given, side effects with rare ones apart, notes") {
    const Guide& guide = testing::shipped_pack().guide();
    const std::vector<Bookmark> bookmarks = {make("drug", "osimertinib", "80 mg daily"),
                                             make("class", "her2", "- ask about *scans*"),
                                             make("drug", "gone-drug", "kept note")};
    const std::string text =
        visit_summary(guide, bookmarks, "Mum", "2024-09-02", SummaryFormat::markdown);

    CHECK(contains(text, "# For the doctor's visit: Mum"));
    CHECK(contains(text, "2024-09-02"));
    CHECK(contains(text, "### Osimertinib (Tagrisso)"));
    CHECK(contains(text, "> 80 mg daily"));
    // The person's text never becomes Markdown.
    CHECK(contains(text, "> \\- ask about \\*scans\\*"));

    // Each class involved: its how-given sentence and both side-effect groups, verbatim.
    for (const char* id : {"egfr", "her2"}) {
        const DrugClass& drug_class = *guide.find_class(id);
        CHECK(contains(text, "## " + drug_class.heading));
        if (!drug_class.how_given.empty()) CHECK(contains(text, drug_class.how_given));
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            CHECK(contains(text, group.text));
            if (group.severity == Severity::rare_serious) {
                // Set apart: under its own heading, as a quoted block.
                CHECK(contains(text, "### " + group.label + "\n\n> **" + group.text + "**"));
            } else {
                CHECK(contains(text, "**" + group.label + ":** " + group.text));
            }
        }
    }
    // Only the classes bookmarked or of bookmarked drugs.
    CHECK_FALSE(contains(text, "## " + guide.find_class("alk")->heading));
    // Vanished ids are listed with their notes, not dropped.
    CHECK(contains(text, "no longer has"));
    CHECK(contains(text, "gone\\-drug") == false);
    CHECK(contains(text, "drug \"gone-drug\""));
    CHECK(contains(text, "> kept note"));
    // Source, revision date and the page's advice.
    CHECK(contains(text, guide.source));
    CHECK(contains(text, guide.revision_date));
    CHECK(contains(text, guide.doctor_advice));
    CHECK(guide.revision_date == "August 27, 2024");
}

TEST_CASE("the HTML summary is a whole page with every user text escaped") {
    const Guide& guide = testing::shipped_pack().guide();
    const std::vector<Bookmark> bookmarks = {
        make("drug", "sotorasib", "<script>alert('x')</script> & more")};
    const std::string html =
        visit_summary(guide, bookmarks, "Mum <b>", "2024-09-02", SummaryFormat::html);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "</html>"));
    CHECK_FALSE(contains(html, "<script>"));
    CHECK(contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
    CHECK(contains(html, "Mum &lt;b&gt;"));
    CHECK(contains(html, "<div class=\"rare\">"));
    CHECK(contains(html, "taken as pills")); // KRAS: "These drugs are taken as pills, …"
}

TEST_CASE("a note can't become Markdown: list markers, entities and links are neutralised") {
    const Guide& guide = testing::shipped_pack().guide();
    const std::string note = "  - indented item\n1) numbered\n   3. also numbered\n&amp; &#x41; "
                             "&copy;\nsee https://example.com/x and www.example.org\n"
                             "    four spaces: not code";
    const std::string text = visit_summary(guide, {make("drug", "osimertinib", note)}, "Mum",
                                           "2024-09-02", SummaryFormat::markdown);
    CHECK(contains(text, "> \\- indented item\n"));
    CHECK(contains(text, "> 1\\) numbered\n"));
    CHECK(contains(text, "> 3\\. also numbered\n"));
    CHECK(contains(text, "> \\&amp; \\&\\#x41; \\&copy;\n"));
    CHECK(contains(text, "https\\://example.com/x"));
    CHECK(contains(text, "www\\.example.org"));
    CHECK_FALSE(contains(text, "https://example.com"));
    CHECK(contains(text, "> four spaces: not code"));
}
