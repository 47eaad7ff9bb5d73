// Reading aloud, the text side (issue 22): what is read is the page's own text as the screen
// shows it (corrections applied), sentence by sentence; abbreviations the page explains are
// read as the page's words, names as the pronunciation list says; every sentence knows where
// on the screen it is.
#include "common/letter_case.h"
#include "content_test_support.h"
#include "search/search.h"
#include "speech/pronunciations.h"
#include "speech/spoken_guide.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

constexpr ClassSection sections[] = {ClassSection::how_they_work, ClassSection::drugs,
                                     ClassSection::uses, ClassSection::side_effects,
                                     ClassSection::rare_serious};

// Every string of the guide a screen may draw.
std::vector<const std::string*> guide_texts(const Guide& guide) {
    std::vector<const std::string*> texts;
    for (const DrugClass& drug_class : guide.classes) {
        for (const std::string* text :
             {&drug_class.name, &drug_class.mechanism, &drug_class.gene_change_frequency,
              &drug_class.who_has_it, &drug_class.how_given})
            texts.push_back(text);
        for (const std::string& note : drug_class.notes)
            texts.push_back(&note);
        for (const DrugUse& use : drug_class.uses) {
            texts.push_back(&use.text);
            texts.push_back(&use.group_heading);
        }
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            texts.push_back(&group.label);
            texts.push_back(&group.text);
            for (const std::string& term : group.terms) // each a bullet on the screen
                texts.push_back(&term);
        }
    }
    for (const Drug& drug : guide.drugs) {
        texts.push_back(&drug.name);
        texts.push_back(&drug.description);
    }
    for (const GlossaryTerm& term : guide.glossary) {
        texts.push_back(&term.term);
        texts.push_back(&term.explanation);
    }
    return texts;
}

bool points_into(std::string_view view, const std::string& text) {
    return !view.empty() && view.data() >= text.data() &&
           view.data() + view.size() <= text.data() + text.size();
}

bool contains_ignoring_first_case(const std::string& haystack, std::string needle) {
    if (haystack.find(needle) != std::string::npos) return true;
    if (!needle.empty() && needle[0] >= 'A' && needle[0] <= 'Z') needle[0] = needle[0] - 'A' + 'a';
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("every paragraph of the guide splits into whole sentences, and back") {
    const Guide& guide = shipped_pack().guide();
    std::size_t sentences = 0;
    for (const std::string* text : guide_texts(guide)) {
        const std::vector<std::string_view> parts = split_sentences(*text);
        std::string joined;
        for (std::string_view part : parts) {
            INFO(*text);
            CHECK(part.size() >= 2);
            CHECK(part.front() != ' ');
            CHECK(part.back() != ' ');
            CHECK(points_into(part, *text));
            joined += (joined.empty() ? "" : " ") + std::string(part);
        }
        std::string trimmed = *text;
        while (!trimmed.empty() && trimmed.back() == ' ')
            trimmed.pop_back();
        CHECK(joined == trimmed.substr(trimmed.find_first_not_of(' ') == std::string::npos
                                           ? trimmed.size()
                                           : trimmed.find_first_not_of(' ')));
        sentences += parts.size();
    }
    CHECK(sentences > 300);
    // Where a full stop does not end a sentence.
    CHECK(split_sentences("About 1.5 mg a day. Then e.g. more. (See below.) Done.").size() == 4);
    CHECK(split_sentences("It grows. 5% of people. \"Yes.\"").size() == 3);
}

TEST_CASE("abbreviations the page explains are read as the page's words, once") {
    const Pronunciations& list = built_in_pronunciations();
    const auto plain = [&](const std::string& text) {
        return make_spoken(text, {}, "", list).text_for(SpeechEngine::plain);
    };
    CHECK(plain("lung damage called interstitial lung disease (ILD)/pneumonitis") ==
          "lung damage called interstitial lung disease or pneumonitis");
    CHECK(plain("About 5% of NSCLCs have it") == "About 5% of non-small cell lung cancers have it");
    CHECK(plain("advanced NSCLC.") == "advanced non-small cell lung cancer.");
    CHECK(plain("S768I, L861Q and/or G719X") == "S768I, L861Q and or G719X");
    CHECK(plain("These drugs are infused into a vein (IV) every 3 weeks") ==
          "These drugs are infused into a vein every 3 weeks");
    // Only whole words, and only in capitals: "ILDs" is not listed, "mild" is no "ILD".
    CHECK(plain("a mild cough") == "a mild cough");
    CHECK(plain("The ALK gene") == "The A L K gene");
    CHECK(plain("the alk gene") == "the alk gene");
}

TEST_CASE("names are read as the pronunciation list says, each engine in its own form") {
    const Pronunciations& list = built_in_pronunciations();
    const SpokenSentence sentence = make_spoken(
        "Osimertinib (Tagrisso) and fam-trastuzumab deruxtecan-nxki treat HER2-mutated NSCLC.", {},
        "", list);
    const std::string espeak = sentence.text_for(SpeechEngine::espeak);
    const std::string plain = sentence.text_for(SpeechEngine::plain);
    CHECK(espeak.find("[[oUs,Im'3:tInIb]]") == 0);
    CHECK(espeak.find("[[h'3: t'u:]]-mutated") != std::string::npos);
    CHECK(espeak.find("deruxtecan-nxki") == std::string::npos);
    CHECK(plain.find("Osimertinib (Tagrisso)") == 0); // a browser's voice reads it as written
    CHECK(plain.find("N X K I") != std::string::npos);
    CHECK(plain.find("her 2-mutated non-small cell lung cancer.") != std::string::npos);
    // A word an engine reports maps back to what the screen shows.
    const std::size_t tagrisso = espeak.find("Tagrisso");
    CHECK(sentence.shown_range(SpeechEngine::espeak, tagrisso, 8) ==
          std::make_pair(sentence.shown.find("Tagrisso"), sentence.shown.find("Tagrisso") + 8));
    CHECK(sentence.shown_range(SpeechEngine::espeak, 3, 4) ==
          std::make_pair(std::size_t{0}, std::string("Osimertinib").size()));
    // The page's text is never taken for phonemes.
    CHECK(make_spoken("a [[note]]", {}, "", list).text_for(SpeechEngine::espeak) == "a [ [note]]");
}

TEST_CASE("the pronunciation list parses, and every abbreviation is one the page explains") {
    const Result<Pronunciations> parsed = parse_pronunciations(built_in_pronunciations_json());
    REQUIRE_MESSAGE(parsed.ok(), parsed.message_for_person());
    CHECK(parsed.value().words.size() == built_in_pronunciations().words.size());
    CHECK_FALSE(parse_pronunciations("{\"words\": [{\"written\": 3}]}").ok());
    CHECK_FALSE(parse_pronunciations("{\"words\": [{\"written\": \"x\"}]}").ok());
    CHECK_FALSE(parse_pronunciations("not json").ok());

    const Guide& guide = shipped_pack().guide();
    std::string all;
    for (const std::string* text : guide_texts(guide))
        all += *text + "\n";
    for (const Section& section : guide.sections)
        for (const SectionItem& item : section.items)
            all += item.text + "\n";
    const std::string lower = lower_ascii(all);
    for (const Abbreviation& abbreviation : built_in_pronunciations().abbreviations) {
        INFO(abbreviation.written);
        CHECK(lower.find(lower_ascii(abbreviation.expansion + " (" + abbreviation.written + ")")) !=
              std::string::npos);
        // A two-letter one ("IV") could be something else (a Roman four): it must only ever
        // stand right after its expansion, where it is simply not read twice.
        if (abbreviation.written.size() > 2) continue;
        const SpokenSentence whole = make_spoken(all, {}, "", built_in_pronunciations());
        CHECK(whole.text_for(SpeechEngine::plain).find(abbreviation.written) == std::string::npos);
    }
    // Every listed name occurs in the guide: no entry outlives its word.
    for (const Pronunciation& word : built_in_pronunciations().words) {
        INFO(word.written);
        CHECK(lower.find(lower_ascii(word.written)) != std::string::npos);
    }
}

TEST_CASE("each class section reads the page's text, in the screen's order, with its place") {
    const Guide& guide = shipped_pack().guide();
    const std::vector<const std::string*> texts = guide_texts(guide);
    for (const DrugClass& drug_class : guide.classes) {
        for (ClassSection section : sections) {
            INFO(drug_class.id << " " << std::string(class_section_id(section)));
            const std::vector<SpokenSentence> sentences =
                spoken_class_section(guide, drug_class, section);
            if (section != ClassSection::uses || !drug_class.uses.empty())
                CHECK_FALSE(sentences.empty());
            for (const SpokenSentence& sentence : sentences) {
                INFO(sentence.shown);
                CHECK((!sentence.source.empty() || !sentence.place.empty()));
                if (!sentence.source.empty()) {
                    CHECK(sentence.source == sentence.shown);
                    CHECK(std::any_of(texts.begin(), texts.end(), [&](const std::string* text) {
                        return points_into(sentence.source, *text);
                    }));
                    continue;
                }
                // A copy: the page's words (a heading of the screen, or a drug named with
                // its brands).
                const bool page_words =
                    std::any_of(texts.begin(), texts.end(), [&](const std::string* text) {
                        return contains_ignoring_first_case(*text, sentence.shown);
                    });
                const bool heading = sentence.shown == class_section_heading(section);
                const bool drug_name =
                    sentence.place.rfind("drug=", 0) == 0 &&
                    guide.find_drug(sentence.place.substr(5)) &&
                    guide.find_drug(sentence.place.substr(5))->name_with_brands() == sentence.shown;
                CHECK((page_words || heading || drug_name));
            }
        }
    }
}

TEST_CASE("side effects are read one symptom at a time, common and rare apart") {
    const Guide& guide = shipped_pack().guide();
    for (const DrugClass& drug_class : guide.classes) {
        for (Severity severity : {Severity::common, Severity::rare_serious}) {
            const ClassSection section = severity == Severity::common ? ClassSection::side_effects
                                                                      : ClassSection::rare_serious;
            std::vector<std::string> expected;
            for (const SideEffect& effect : drug_class.side_effects())
                if (effect.severity == severity)
                    expected.push_back(side_effect_anchor(effect.term));
            std::vector<std::string> read;
            for (const SpokenSentence& sentence : spoken_class_section(guide, drug_class, section))
                if (sentence.place.rfind("se=", 0) == 0) read.push_back(sentence.place);
            INFO(drug_class.id);
            CHECK(read == expected);
        }
    }
}

TEST_CASE("what is read carries the page's corrections, never its slips") {
    const Guide& guide = shipped_pack().guide();
    std::string everything;
    for (const DrugClass& drug_class : guide.classes)
        for (ClassSection section : sections)
            for (const SpokenSentence& sentence : spoken_class_section(guide, drug_class, section))
                everything += sentence.shown + "\n";
    for (const Drug& drug : guide.drugs)
        for (const SpokenSentence& sentence : spoken_drug(guide, drug))
            everything += sentence.shown + "\n";
    for (const Correction& correction : guide.corrections) {
        if (correction.corrected.find(correction.original) != std::string::npos) continue;
        INFO(correction.original);
        CHECK(everything.find(correction.original) == std::string::npos);
    }
    CHECK(everything.find("Tagrisso") != std::string::npos);
    CHECK(everything.find("Vitrakvi") != std::string::npos);
}

TEST_CASE("a drug, a glossary word and a summary are read with their places") {
    const Guide& guide = shipped_pack().guide();
    const Drug* osimertinib = guide.find_drug("osimertinib");
    REQUIRE(osimertinib != nullptr);
    const std::vector<SpokenSentence> drug = spoken_drug(guide, *osimertinib);
    REQUIRE(drug.size() >= 3);
    CHECK(drug[0].shown == "Osimertinib (Tagrisso)");
    CHECK(drug[1].shown == "Drug class: EGFR inhibitors");
    CHECK(drug.back().place.rfind("use=egfr-", 0) == 0);

    const GlossaryTerm* adjuvant = guide.find_glossary_term("adjuvant");
    REQUIRE(adjuvant != nullptr);
    const std::vector<SpokenSentence> term = spoken_glossary_term(*adjuvant);
    REQUIRE(term.size() >= 2);
    CHECK(term[0].source.data() == adjuvant->term.data());
    CHECK(points_into(term[1].source, adjuvant->explanation));

    Bookmark bookmark;
    bookmark.person = "Mum";
    bookmark.kind = "class";
    bookmark.target = "egfr";
    bookmark.note = "Ask about the rash";
    const std::vector<SummaryBlock> blocks =
        visit_summary_blocks(guide, {bookmark}, "Mum", "2026-11-28");
    const std::vector<SpokenSentence> summary = spoken_summary(blocks);
    REQUIRE_FALSE(summary.empty());
    CHECK(std::any_of(summary.begin(), summary.end(), [](const SpokenSentence& sentence) {
        return sentence.shown == "Note: Ask about the rash";
    }));
    for (const SpokenSentence& sentence : summary) {
        const std::size_t block = std::stoul(sentence.place.substr(6));
        REQUIRE(block < blocks.size());
        CHECK(blocks[block].kind != SummaryBlock::Kind::rule);
    }
}

TEST_CASE("the search answer reads what the page lists, and says what it does not") {
    const Guide& guide = shipped_pack().guide();
    const SearchIndex index(shipped_pack());
    const std::vector<SpokenSentence> answer =
        spoken_search_answer(guide, index.search("diarrhea"));
    REQUIRE_FALSE(answer.empty());
    CHECK(answer[0].shown.rfind("Diarrhea: listed as common for ", 0) == 0);
    // Exactly the classes the page lists diarrhea for, and no other.
    for (const DrugClass& drug_class : guide.classes) {
        bool listed = false;
        for (const SideEffect& effect : drug_class.side_effects())
            listed = listed || (lower_ascii(effect.term) == "diarrhea" &&
                                effect.severity == Severity::common);
        INFO(drug_class.name);
        CHECK((answer[0].shown.find(drug_class.name) != std::string::npos) == listed);
    }
    const std::vector<SpokenSentence> yellow =
        spoken_search_answer(guide, index.search("yellow skin"));
    REQUIRE_FALSE(yellow.empty());
    CHECK(yellow[0].shown == not_listed_sentence("yellow skin"));
    CHECK(spoken_search_answer(guide, index.search("osimertinib")).empty());
}
