// How the page's drug names, gene symbols and abbreviations are said aloud: the list in
// assets/content/pronunciations.json, compiled into the program (the app, the CLI and the
// browser build all need it, and none should have to find a file for it).
#pragma once

#include "common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

// One word or name and how to say it.
struct Pronunciation {
    std::string written; // as the page writes it, e.g. "osimertinib", "ERBB2"
    std::string espeak;  // eSpeak NG input: [[phonemes]] and plain words; "" = use `say`
    std::string say;     // a respelling any engine reads as text; "" = the written form
    // Gene symbols (capitals after the first letter) match only as written; other words in
    // any letter case ("Osimertinib" at the start of a sentence).
    bool case_sensitive = false;
};

// An abbreviation the page explains, read as the page's own words for it.
struct Abbreviation {
    std::string written;   // "ILD"
    std::string expansion; // "interstitial lung disease"
};

struct Pronunciations {
    std::vector<Pronunciation> words;
    std::vector<Abbreviation> abbreviations;
};

// Parses the list (the format is described in the file's "about").
Result<Pronunciations> parse_pronunciations(std::string_view json);

// The compiled-in list, parsed once. A list that does not parse (tests prevent it) reads
// every word as written.
const Pronunciations& built_in_pronunciations();

// The compiled-in file's text, for tests.
std::string_view built_in_pronunciations_json();

} // namespace lungguide
