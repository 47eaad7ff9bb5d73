// A sentence to read aloud: the page's words as the screen shows them (corrections
// applied), where the screen shows them (so the app can highlight it), and what each
// engine is given to say (abbreviations the page explains read as its own words, drug and
// gene names as assets/content/pronunciations.json says). Pure functions, no engine.
//
// Index
//   SpeechEngine     the two forms of text an engine takes
//   SpokenPiece      a run of the sentence and what each engine says for it
//   SpokenSentence   shown, source, place, pieces; an engine's text; its ranges mapped back
//   split_sentences  the page's paragraphs cut into sentences
//   make_spoken      a sentence made from shown text and the pronunciation list
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lungguide {

struct Pronunciations;

// eSpeak NG takes phonemes in [[...]]; every other engine (the browser's speechSynthesis,
// Android's TextToSpeech, iOS's AVSpeechSynthesizer) takes plain text with respellings.
enum class SpeechEngine { espeak, plain };

// A run of the shown sentence and what an engine says for it. For a run read as written,
// espeak and plain are the run itself.
struct SpokenPiece {
    std::size_t shown_begin = 0;
    std::size_t shown_end = 0;
    std::string espeak;
    std::string plain;
    bool as_written = true;
};

struct SpokenSentence {
    std::string shown; // the sentence as the page (and the screen) has it
    // The same words in the string the screen draws them from (a range of a Guide string),
    // so a paragraph showing that string can highlight them; empty when the screen draws a
    // copy. It points into the Guide, which outlives every sentence made from it.
    std::string_view source;
    // Else the page's anchor the sentence belongs to ("se=diarrhea", "drug=osimertinib",
    // "section=uses"), highlighted as a whole; "" when it is on no page (a search answer).
    std::string place;
    std::vector<SpokenPiece> pieces;

    // What the engine is given.
    std::string text_for(SpeechEngine engine) const;
    // A range of that text (a word an engine reports) as a range of `shown`: the word
    // itself when it was read as written, the whole name or abbreviation otherwise.
    std::pair<std::size_t, std::size_t> shown_range(SpeechEngine engine, std::size_t begin,
                                                    std::size_t length) const;
};

// The sentences of a paragraph, as views into it, without the spaces around them. A full
// stop ends a sentence when a space and a capital, a digit or a quote follow (so "e.g. a"
// and "1.5 mg" do not).
std::vector<std::string_view> split_sentences(std::string_view paragraph);

// The sentence `shown`, with its source and place, made into pieces: abbreviations the
// list has are read as their expansion (and "(ILD)" right after "interstitial lung
// disease" is not read twice), names with an entry as the entry says, "and/or" as "and
// or", a slash between words as "or". Everything else is read as written.
SpokenSentence make_spoken(std::string shown, std::string_view source, std::string place,
                           const Pronunciations& pronunciations);

} // namespace lungguide
