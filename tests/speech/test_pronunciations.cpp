// Every drug, brand and gene name of the guide is said right (issue 22): it has an entry in
// assets/content/pronunciations.json, or eSpeak NG says it acceptably as written.
//
// "Acceptably", from eSpeak's own phonemes (what it will really say):
//   - a drug or brand name is a word: no part of it may be read letter by letter (eSpeak
//     spells what it cannot pronounce, such as the "nxki" of fam-trastuzumab deruxtecan-nxki);
//   - a gene symbol or code (EGFR, NTRK, G12C, QTc) is said as its letters and numbers, as
//     doctors say it ("N T R K", "G twelve C"), both alone and inside a sentence; a symbol
//     said as a word (KRAS as "kraz") needs an entry.
// Letter by letter means: the phonemes equal those of the letters typed apart ("E G F R"),
// digits kept together as a number.
#include "common/letter_case.h"
#include "content/content_pack.h"
#include "espeak_speech.h"
#include "speech/pronunciations.h"

#include <doctest/doctest.h>

#include <set>

using namespace lungguide;
using lungguide::platform::espeak_phonemes;

namespace {

const Guide& guide() {
    static auto pack = open_content_pack(LUNGGUIDE_PACK_PATH);
    REQUIRE_MESSAGE(pack.ok(), pack.message_for_person());
    return pack.value()->guide();
}

// Stress marks and pauses do not change which sounds are said.
std::string sounds(const std::string& text) {
    std::string kept;
    for (char c : espeak_phonemes(text, SpeechVoice::us_english))
        if (c != '\'' && c != ',' && c != ';' && c != ' ' && c != '_' && c != '-' && c != '\n')
            kept += c;
    return kept;
}

// The phonemes with their stress marks, without pauses and spaces.
std::string stressed_sounds(const std::string& text) {
    std::string kept;
    for (char c : espeak_phonemes(text, SpeechVoice::us_english))
        if (c != ';' && c != ' ' && c != '_' && c != '\n') kept += c;
    return kept;
}

// "G12C" -> "G 12 C": letters apart, digits together.
std::string letters_apart(const std::string& symbol) {
    std::string apart;
    for (std::size_t index = 0; index < symbol.size(); ++index) {
        const bool digit = symbol[index] >= '0' && symbol[index] <= '9';
        const bool after_digit = index > 0 && symbol[index - 1] >= '0' && symbol[index - 1] <= '9';
        if (index > 0 && !(digit && after_digit)) apart += ' ';
        apart += symbol[index];
    }
    return apart;
}

bool read_letter_by_letter(const std::string& word) {
    return sounds(word) == sounds(letters_apart(word));
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

bool has_entry(const std::string& text) {
    for (const Pronunciation& word : built_in_pronunciations().words)
        if (lower_ascii(word.written) == lower_ascii(text)) return true;
    for (const Abbreviation& abbreviation : built_in_pronunciations().abbreviations)
        if (abbreviation.written == text) return true;
    return false;
}

std::vector<std::string> split_on(const std::string& text, const std::string& separators) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : text + separators.front()) {
        if (separators.find(c) == std::string::npos) {
            part += c;
        } else if (!part.empty()) {
            parts.push_back(part);
            part.clear();
        }
    }
    return parts;
}

// Tokens with two capitals or more (EGFR, HER2, G12C, QTc, NSCLCs) in what can be read aloud.
std::set<std::string> symbols_in_guide() {
    std::vector<std::string> texts;
    for (const DrugClass& drug_class : guide().classes) {
        texts.insert(texts.end(), {drug_class.name, drug_class.mechanism, drug_class.how_given});
        texts.insert(texts.end(), drug_class.notes.begin(), drug_class.notes.end());
        for (const DrugUse& use : drug_class.uses)
            texts.insert(texts.end(), {use.text, use.group_heading});
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            texts.insert(texts.end(), {group.label, group.text});
    }
    for (const Biomarker& biomarker : guide().biomarkers) {
        texts.insert(texts.end(), {biomarker.gene, biomarker.name});
        texts.insert(texts.end(), biomarker.aliases.begin(), biomarker.aliases.end());
    }
    for (const GlossaryTerm& term : guide().glossary)
        texts.insert(texts.end(), {term.term, term.explanation});
    std::set<std::string> symbols;
    for (const std::string& text : texts) {
        for (std::string token : split_on(text, " ,.;:()/-\"")) {
            int capitals = 0;
            for (char c : token)
                capitals += c >= 'A' && c <= 'Z';
            if (capitals < 2) continue;
            if (token.size() > 2 && token.back() == 's') token.pop_back(); // NSCLCs
            symbols.insert(token);
        }
    }
    return symbols;
}

} // namespace

TEST_CASE("eSpeak's phonemes tell a word from one spelled out") {
    REQUIRE_FALSE(espeak_phonemes("hello", SpeechVoice::us_english).empty());
    CHECK(read_letter_by_letter("NTRK"));
    CHECK(read_letter_by_letter("G12C"));
    CHECK_FALSE(read_letter_by_letter("EGFR")); // eSpeak says "egfer": hence its entry
    CHECK_FALSE(read_letter_by_letter("osimertinib"));
    CHECK(read_letter_by_letter("nxki")); // hence fam-trastuzumab deruxtecan-nxki's entry
}

TEST_CASE("every drug and brand name is said as a word, or has an entry") {
    std::vector<std::string> spelled;
    int names = 0;
    for (const Drug& drug : guide().drugs) {
        std::vector<std::string> written{drug.name};
        written.insert(written.end(), drug.brands.begin(), drug.brands.end());
        for (const std::string& name : written) {
            ++names;
            if (has_entry(name)) continue;
            for (const std::string& part : split_on(name, " -"))
                if (part.size() >= 2 && read_letter_by_letter(part)) spelled.push_back(name);
        }
    }
    INFO("read letter by letter, with no entry: " << joined(spelled));
    CHECK(spelled.empty());
    CHECK(names > 60);
}

TEST_CASE("every gene symbol and code is said as its letters, or has an entry") {
    std::vector<std::string> not_spelled;
    const std::set<std::string> symbols = symbols_in_guide();
    for (const std::string& symbol : symbols) {
        if (has_entry(symbol)) continue;
        // Alone and in a sentence: eSpeak reads capitals differently in context.
        if (!read_letter_by_letter(symbol) ||
            sounds("the " + symbol + " gene") != sounds("the " + letters_apart(symbol) + " gene"))
            not_spelled.push_back(symbol);
    }
    INFO("said as a word, with no entry: " << joined(not_spelled));
    CHECK(not_spelled.empty());
    for (const char* expected : {"EGFR", "ERBB2", "G12C", "V600E", "NSCLC", "QTc", "NTRK", "HER2"})
        CHECK(symbols.count(expected) == 1);
}

TEST_CASE("an entry's phonemes are eSpeak's: it says them as given") {
    for (const Pronunciation& word : built_in_pronunciations().words) {
        if (word.espeak.find("[[") == std::string::npos) continue;
        INFO(word.written);
        // eSpeak's own reading of the written form, alone or in a sentence, differs from
        // the entry, if only in its stress (or the entry would be needless)...
        std::string entry;
        for (char c : word.espeak)
            if (c != '[' && c != ']' && c != ' ') entry += c;
        const std::string in_sentence = stressed_sounds("the " + word.written + " gene");
        CHECK((stressed_sounds(word.written) != entry ||
               in_sentence != stressed_sounds("the") + entry + stressed_sounds("gene")));
        // ...and the entry's letters are eSpeak phoneme names: ASCII, no stray brackets.
        for (char c : word.espeak)
            CHECK(static_cast<unsigned char>(c) < 0x80);
        CHECK(word.espeak.find("]]") != std::string::npos);
    }
}
