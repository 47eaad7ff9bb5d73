// The guide as a plain web page (the browser build's text version): the same words as the
// Markdown export, in the same order, escaped, with nothing but HTML in it.
#include "content/html_export.h"
#include "content/markdown_export.h"
#include "content_test_support.h"

#include <sstream>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::string collapsed(const std::string& text) {
    std::string out;
    bool space = false;
    for (char character : text) {
        if (character == ' ' || character == '\n' || character == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += character;
    }
    return out;
}

// What a reader sees of the page: tags gone, entities back to their characters.
std::string page_text(const std::string& html) {
    std::string text;
    std::string tag;
    bool in_tag = false;
    for (char character : html) {
        if (character == '<') in_tag = true;
        if (!in_tag) text += character;
        if (in_tag) tag += character;
        if (character == '>') {
            in_tag = false;
            // A block ends a word; bold does not.
            if (tag.find("strong") == std::string::npos) text += ' ';
            tag.clear();
        }
    }
    for (const auto& [entity, character] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                            {"&gt;", ">"},
                                            {"&quot;", "\""},
                                            {"&amp;", "&"}})
        for (std::size_t at = text.find(entity); at != std::string::npos;
             at = text.find(entity, at + character.size()))
            text.replace(at, entity.size(), character);
    return collapsed(text);
}

// What a reader sees of the Markdown: the marks gone.
std::string markdown_text(const std::string& markdown) {
    std::istringstream lines(markdown);
    std::string line, text;
    while (std::getline(lines, line)) {
        for (const char* prefix : {"> ", "- ", "### ", "## ", "# "})
            if (line.rfind(prefix, 0) == 0) line.erase(0, std::string(prefix).size());
        if (line == ">") line.clear();
        for (std::size_t at = line.find("**"); at != std::string::npos; at = line.find("**"))
            line.erase(at, 2);
        text += line + "\n";
    }
    return collapsed(text);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++found;
    return found;
}

} // namespace

TEST_CASE("the guide as a web page has the Markdown export's words, in its order") {
    const Guide& guide = shipped_pack().guide();
    const std::string html = export_guide_html(guide);
    const std::string markdown = export_guide_markdown(guide);
    const std::string body = html.substr(html.find("<main>"));
    const std::string seen = page_text(body);
    const std::string read = markdown_text(markdown);
    std::size_t differ = 0;
    while (differ < seen.size() && differ < read.size() && seen[differ] == read[differ])
        ++differ;
    CHECK_MESSAGE(seen == read, "first difference at "
                                    << differ << ": page \""
                                    << seen.substr(differ > 40 ? differ - 40 : 0, 80)
                                    << "\", Markdown \""
                                    << read.substr(differ > 40 ? differ - 40 : 0, 80) << "\"");
    CHECK(html.find(guide.revision_date) != std::string::npos);
    CHECK(html.find(guide.doctor_advice) != std::string::npos);
    CHECK(html.find("American Cancer Society") != std::string::npos);
}

TEST_CASE("the guide as a web page: rare but serious side effects set apart, nothing active") {
    const Guide& guide = shipped_pack().guide();
    const std::string html = export_guide_html(guide);
    std::size_t rare = 0;
    for (const DrugClass& drug_class : guide.classes)
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            if (group.severity == Severity::rare_serious) ++rare;
    CHECK(rare > 0);
    CHECK(count(html, "<blockquote class=\"serious\">") == rare);
    CHECK(count(html, "<h2>") >= guide.classes.size());
    for (const char* active : {"<script", "style=", "<style", "onload", "onclick", "javascript:"})
        CHECK_MESSAGE(html.find(active) == std::string::npos, active);
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("Markdown to HTML escapes every character of the text") {
    CHECK(markdown_to_html("A <b> & \"quoted\" **bold** word") ==
          "<p>A &lt;b&gt; &amp; &quot;quoted&quot; <strong>bold</strong> word</p>\n");
    CHECK(markdown_to_html("# Title\n\n- one\n- two\n\nText\nmore\n\n> **Rare:** x\n") ==
          "<h1>Title</h1>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>Text more</p>\n"
          "<blockquote class=\"serious\">\n<p><strong>Rare:</strong> x</p>\n</blockquote>\n");
    CHECK(markdown_to_html("**unclosed") == "<p><strong>unclosed</strong></p>\n");
}
