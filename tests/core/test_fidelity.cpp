// Fidelity: every line of the page, from the helpline block to the copyright notice, is in
// the Markdown export, changed only by the listed corrections. Nothing is invented.
#include "common/letter_case.h"
#include "content/content_validation.h"
#include "content/guide_json.h"
#include "content/markdown_export.h"
#include "content/source_corrections.h"
#include "content_test_support.h"

#include <sstream>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// Markdown decoration a reader does not see: emphasis, heading marks, quote and list marks.
std::string visible_text(const std::string& markdown) {
    std::istringstream lines(markdown);
    std::string line, result;
    while (std::getline(lines, line)) {
        for (const char* prefix : {"> ", "- ", "### ", "## ", "# "})
            while (line.rfind(prefix, 0) == 0)
                line.erase(0, std::string(prefix).size());
        std::size_t emphasis;
        while ((emphasis = line.find("**")) != std::string::npos)
            line.erase(emphasis, 2);
        result += line + "\n";
    }
    return result;
}

std::vector<std::string> page_lines() {
    std::istringstream lines(read_or_fail(source_path()));
    std::vector<std::string> result;
    std::string line;
    while (std::getline(lines, line))
        result.push_back(line);
    return result;
}

bool is_web_only(const std::string& line) {
    // The live-chat button and the e-mail sign-up footer only work on the website.
    return line == "Chat live online" ||
           line == "Select the Live Chat button at the bottom of the page" ||
           line == "American Cancer Society Emails" ||
           line.rfind("Sign up to stay up-to-date", 0) == 0;
}

} // namespace

TEST_CASE("every article line of the page is in the Markdown export") {
    const Guide& guide = shipped_pack().guide();
    const std::string exported = visible_text(export_guide_markdown(guide));
    std::vector<std::string> lines = page_lines();
    REQUIRE(lines.size() > 100);
    REQUIRE(lines.front().rfind("Our 24/7 cancer helpline", 0) == 0);
    int checked = 0;
    bool reached_copyright = false;
    for (const std::string& raw : lines) {
        if (reached_copyright) break; // the e-mail footer follows the copyright notice
        reached_copyright = raw.rfind("American Cancer Society medical information", 0) == 0;
        if (raw.empty() || is_web_only(raw)) continue;
        std::string expected = apply_corrections(raw, guide.corrections);
        if (expected.rfind("- ", 0) == 0) expected.erase(0, 2);
        CAPTURE(raw);
        CHECK(exported.find(expected) != std::string::npos);
        ++checked;
    }
    CHECK(reached_copyright);
    CHECK(checked == 138); // lines 1 to 140, less the two live-chat lines
}

TEST_CASE("the export shows corrected text, and lists each correction once") {
    const Guide& guide = shipped_pack().guide();
    const std::string exported = export_guide_markdown(guide);
    std::size_t corrections_start = exported.find("## Corrections made to the page");
    REQUIRE(corrections_start != std::string::npos);
    const std::string body = exported.substr(0, corrections_start);
    const std::string listed = exported.substr(corrections_start);
    REQUIRE(guide.corrections.size() >= 10);
    for (const Correction& correction : guide.corrections) {
        CAPTURE(correction.original);
        CHECK(body.find(correction.original) == std::string::npos);
        CHECK(listed.find("“" + correction.original + "” → “" + correction.corrected + "”") !=
              std::string::npos);
        CHECK(!correction.reason.empty());
    }
    for (const char* brand : {"Tagrisso", "Gavreto", "Vitrakvi"})
        CHECK(body.find(brand) != std::string::npos);
}

TEST_CASE("the authored content passes validation against the page") {
    std::string guide_json =
        read_or_fail(std::string(LUNGGUIDE_SOURCE_DIR) + "/assets/content/guide.json");
    Guide guide;
    Status parsed = parse_guide_json(guide_json, "", guide);
    REQUIRE_MESSAGE(parsed.ok(), parsed.message_for_person);
    std::vector<std::string> problems = validate_guide(guide, read_or_fail(source_path()));
    for (const std::string& problem : problems)
        MESSAGE(problem);
    CHECK(problems.empty());
    // The shipped pack holds what was authored.
    CHECK(shipped_pack().guide().classes.size() == guide.classes.size());
    CHECK(shipped_pack().guide().drugs.size() == guide.drugs.size());
}

TEST_CASE("validation catches an invented sentence, symptom, id or correction") {
    const std::string page = read_or_fail(source_path());
    const Guide& shipped = shipped_pack().guide();

    Guide invented_sentence = shipped;
    invented_sentence.classes[2].mechanism += " It also cures the common cold.";
    CHECK(!validate_guide(invented_sentence, page).empty());

    Guide invented_symptom = shipped;
    invented_symptom.classes[0].side_effect_groups[0].terms.push_back("hiccups");
    CHECK(!validate_guide(invented_symptom, page).empty());

    Guide unknown_drug = shipped;
    unknown_drug.classes[1].uses[0].drug_ids.push_back("aspirin");
    CHECK(!validate_guide(unknown_drug, page).empty());

    Guide made_up_correction = shipped;
    made_up_correction.corrections.push_back({"never on the page", "anything", "test"});
    CHECK(!validate_guide(made_up_correction, page).empty());

    Guide missing_rare = shipped;
    missing_rare.classes[3].side_effect_groups.pop_back();
    CHECK(!validate_guide(missing_rare, page).empty());

    CHECK(validate_guide(shipped, page).empty());
}

TEST_CASE("glossary explanations are the page's own words, and explain a word with others") {
    const Guide& guide = shipped_pack().guide();
    const std::string source = read_or_fail(source_path());
    std::string page = apply_corrections(source, guide.corrections);
    REQUIRE(guide.glossary.size() >= 8);
    for (const char* id :
         {"monoclonal-antibody", "angiogenesis", "bispecific-antibody", "antibody-drug-conjugate",
          "interstitial-lung-disease", "peripheral-neuropathy", "photosensitivity"}) {
        const GlossaryTerm* term = guide.find_glossary_term(id);
        REQUIRE_MESSAGE(term != nullptr, id);
        CHECK(page.find(term->explanation) != std::string::npos);
    }
    CHECK(guide.find_glossary_term("monoclonal-antibody")->explanation ==
          "lab-made versions of a specific immune system protein");
    // The page's words with the word's own mention taken out: "adjuvant (additional)
    // treatment after surgery", "lung damage called interstitial lung disease (ILD)".
    CHECK(guide.find_glossary_term("adjuvant")->explanation ==
          "additional treatment after surgery");
    CHECK(guide.find_glossary_term("interstitial-lung-disease")->explanation == "lung damage");
    // No explanation says its own word again (the validator refuses it; the pack was built).
    for (const GlossaryTerm& term : guide.glossary) {
        CAPTURE(term.id);
        const std::string explanation = " " + lower_ascii(term.explanation) + " ";
        CHECK(explanation.find(" " + lower_ascii(term.term) + " ") == std::string::npos);
        CHECK(explanation.find("(" + lower_ascii(term.term) + ")") == std::string::npos);
        for (const std::string& alias : term.aliases)
            CHECK(explanation.find(" " + lower_ascii(alias) + " ") == std::string::npos);
    }
    // An explanation that repeats its word, or adds a word the page does not have there,
    // stops the build.
    Guide repeats = guide;
    for (GlossaryTerm& term : repeats.glossary)
        if (term.id == "chemo") term.explanation = "standard chemotherapy (chemo) drugs";
    CHECK(!validate_guide(repeats, source).empty());
    Guide invented = guide;
    for (GlossaryTerm& term : invented.glossary)
        if (term.id == "adjuvant") term.explanation = "additional treatment long after surgery";
    CHECK(!validate_guide(invented, source).empty());
    CHECK(validate_guide(guide, source).empty());
}

TEST_CASE("the export keeps each class's rare but serious side effects apart from the common") {
    const Guide& guide = shipped_pack().guide();
    for (const DrugClass& drug_class : guide.classes) {
        CAPTURE(drug_class.id);
        const std::string markdown = export_class_markdown(guide, drug_class);
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            const std::size_t at = markdown.find(group.text);
            REQUIRE(at != std::string::npos);
            const std::size_t line_start = markdown.rfind('\n', at) + 1;
            const std::string line_opening = markdown.substr(line_start, 2);
            // Common ones are a list item; the serious ones a block quote of their own.
            CHECK(line_opening == (group.severity == Severity::rare_serious ? "> " : "- "));
        }
        CHECK(markdown.find(drug_class.side_effect_groups.front().text) <
              markdown.find(drug_class.side_effect_groups.back().text));
    }
}
