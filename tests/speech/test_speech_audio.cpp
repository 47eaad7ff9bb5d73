// A section read aloud is real, intelligible speech (issue 22): EGFR's common side effects
// synthesised by the desktop's SpeechService into a WAV file, then measured: seconds per
// word in a sane range, silence where the events say one sentence ends and the next
// begins, a slower rate giving longer audio; and EGFR's "How they work" transcribed by
// PocketSphinx (Debian's, with its US English model): most of its common words come back,
// and far fewer of them from another section's audio.
#include "content/content_pack.h"
#include "espeak_speech.h"
#include "speech/spoken_guide.h"
#include "speech_test_support.h"
#include "temporary_folder.h"
#include "wav_file.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace lungguide;
using namespace lungguide::platform;
using namespace lungguide::testing;

namespace {

struct Spoken {
    Pcm pcm;
    std::vector<SpeechEvent> events;
};

Spoken synthesise(const std::vector<SpokenSentence>& sentences, SpeechRate rate,
                  const std::string& path) {
    SpeechSettings settings;
    settings.rate = rate;
    auto speech = make_espeak_speech([path] { return make_wav_output(path); });
    Spoken spoken;
    spoken.events = run_until_done(*speech, sentences, settings);
    REQUIRE_FALSE(spoken.events.empty());
    REQUIRE(spoken.events.back().kind == SpeechEvent::Kind::finished);
    Result<Pcm> read = read_wav(path);
    REQUIRE_MESSAGE(read.ok(), read.message_for_person());
    spoken.pcm = std::move(read.value());
    return spoken;
}

double rms(const Pcm& pcm, std::size_t begin, std::size_t end) {
    end = std::min(end, pcm.samples.size());
    if (end <= begin) return 0.0;
    double sum = 0.0;
    for (std::size_t index = begin; index < end; ++index)
        sum += static_cast<double>(pcm.samples[index]) * pcm.samples[index];
    return std::sqrt(sum / static_cast<double>(end - begin));
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'') {
            word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    return words;
}

std::size_t word_count(const std::vector<SpokenSentence>& sentences) {
    std::size_t count = 0;
    for (const SpokenSentence& sentence : sentences)
        count += words_of(sentence.text_for(SpeechEngine::plain)).size();
    return count;
}

// ---- PocketSphinx -----------------------------------------------------------------------

const std::string model_folder = "/usr/share/pocketsphinx/model/en-us";

// The words of the US English dictionary.
std::set<std::string> dictionary_words() {
    std::set<std::string> words;
    std::ifstream file(model_folder + "/cmudict-en-us.dict");
    std::string line;
    while (std::getline(file, line)) {
        const std::string word = line.substr(0, line.find(' '));
        if (word.find('(') == std::string::npos) words.insert(word);
    }
    return words;
}

// A language model of the guide's own words, each as likely as it is frequent (a unigram
// ARPA file): the recogniser listens for the guide's vocabulary, not its sentences. With it,
// the dictionary's entries for those words only (loading all 130,000 takes longer than
// listening).
void write_guide_language_model(const Guide& guide, const std::set<std::string>& dictionary,
                                const std::string& path, const std::string& dictionary_path) {
    std::map<std::string, int> counts;
    auto add = [&](const std::string& text) {
        for (const std::string& word : words_of(text))
            if (dictionary.count(word)) ++counts[word];
    };
    for (const DrugClass& drug_class : guide.classes) {
        for (ClassSection section :
             {ClassSection::how_they_work, ClassSection::drugs, ClassSection::uses,
              ClassSection::side_effects, ClassSection::rare_serious})
            for (const SpokenSentence& sentence : spoken_class_section(guide, drug_class, section))
                add(sentence.text_for(SpeechEngine::plain));
    }
    double total = 0;
    for (const auto& [word, count] : counts)
        total += count;
    std::ofstream file(path);
    file << "\\data\\\nngram 1=" << counts.size() + 2 << "\n\n\\1-grams:\n";
    file << "-99 <s>\n" << std::log10(0.05) << " </s>\n";
    for (const auto& [word, count] : counts)
        file << std::log10(0.95 * count / total) << " " << word << "\n";
    file << "\n\\end\\\n";
    std::ifstream all(model_folder + "/cmudict-en-us.dict");
    std::ofstream some(dictionary_path);
    std::string line;
    while (std::getline(all, line)) {
        const std::string entry = line.substr(0, line.find(' '));
        if (counts.count(entry.substr(0, entry.find('(')))) some << line << "\n";
    }
}

// 22050 Hz to the model's 16000 Hz, by linear interpolation (speech has little above 8 kHz).
Pcm at_16_khz(const Pcm& pcm) {
    Pcm out;
    out.sample_rate = 16000;
    const double step = static_cast<double>(pcm.sample_rate) / out.sample_rate;
    for (double at = 0; at + 1 < pcm.samples.size(); at += step) {
        const std::size_t index = static_cast<std::size_t>(at);
        const double part = at - index;
        out.samples.push_back(static_cast<std::int16_t>(
            std::lround(pcm.samples[index] * (1 - part) + pcm.samples[index + 1] * part)));
    }
    return out;
}

std::string transcribe(const Pcm& pcm, const std::string& folder) {
    const std::string wav = folder + "/heard-16k.wav";
    REQUIRE(write_wav(wav, at_16_khz(pcm)).ok());
    const std::string command = "pocketsphinx_continuous -infile " + wav + " -lm " + folder +
                                "/guide.lm -dict " + folder + "/guide.dict" +
                                " -logfn /dev/null 2>/dev/null";
    std::string heard;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe))
        heard += buffer;
    pclose(pipe);
    return heard;
}

// The share of the section's words (those the dictionary knows: "common words", not the
// drug names) that the recogniser heard.
double share_heard(const std::vector<SpokenSentence>& sentences, const std::string& heard,
                   const std::set<std::string>& dictionary, std::size_t& known) {
    const std::vector<std::string> heard_words = words_of(heard);
    const std::set<std::string> heard_set(heard_words.begin(), heard_words.end());
    std::size_t found = 0;
    known = 0;
    for (const SpokenSentence& sentence : sentences) {
        for (const std::string& word : words_of(sentence.text_for(SpeechEngine::plain))) {
            if (!dictionary.count(word)) continue;
            ++known;
            found += heard_set.count(word);
        }
    }
    return known ? static_cast<double>(found) / known : 0.0;
}

} // namespace

TEST_CASE("a section read aloud: its length, its pauses and its speed are those of speech") {
    const Guide& guide = speech_pack().guide();
    const std::vector<SpokenSentence> sentences =
        spoken_class_section(guide, *guide.find_class("egfr"), ClassSection::side_effects);
    TemporaryFolder folder;
    const Spoken normal = synthesise(sentences, SpeechRate::normal, folder.path() + "/normal.wav");
    const Pcm& pcm = normal.pcm;
    REQUIRE(pcm.sample_rate == 22050);
    const double seconds = static_cast<double>(pcm.samples.size()) / pcm.sample_rate;
    const double per_word = seconds / static_cast<double>(word_count(sentences));
    MESSAGE("EGFR common side effects: " << seconds << " s, " << per_word << " s per word");
    CHECK(per_word > 0.25);
    CHECK(per_word < 0.9);

    // Each sentence event at its sound: a pause just before it (the last one ended there),
    // speech just after it.
    std::vector<std::uint64_t> starts;
    for (const SpeechEvent& event : normal.events)
        if (event.kind == SpeechEvent::Kind::sentence) starts.push_back(event.sample);
    REQUIRE(starts.size() == sentences.size());
    const double loud = rms(pcm, 0, pcm.samples.size());
    CHECK(loud > 1000.0);
    const std::size_t window = pcm.sample_rate / 20; // 50 ms
    for (std::size_t index = 1; index < starts.size(); ++index) {
        INFO("sentence " << index << ": " << sentences[index].shown);
        CHECK(starts[index] > starts[index - 1]);
        CHECK(rms(pcm, starts[index] - window, starts[index]) < 0.02 * loud);
        CHECK(rms(pcm, starts[index], starts[index] + 8 * window) > 0.3 * loud);
    }

    const Spoken slower = synthesise(sentences, SpeechRate::slower, folder.path() + "/slower.wav");
    const Spoken faster = synthesise(sentences, SpeechRate::faster, folder.path() + "/faster.wav");
    MESSAGE("slower " << slower.pcm.samples.size() << ", normal " << pcm.samples.size()
                      << ", faster " << faster.pcm.samples.size() << " samples");
    CHECK(slower.pcm.samples.size() > 1.1 * pcm.samples.size());
    CHECK(pcm.samples.size() > 1.1 * faster.pcm.samples.size());
}

TEST_CASE("PocketSphinx hears most of the section's common words") {
#if defined(__SANITIZE_ADDRESS__)
    // The recogniser is a separate, uninstrumented program; the plain build runs this.
    MESSAGE("skipped under the sanitizers: the transcription runs in the normal build");
    return;
#endif
    if (!std::filesystem::exists(model_folder + "/cmudict-en-us.dict") ||
        std::system("command -v pocketsphinx_continuous >/dev/null") != 0) {
        FAIL("PocketSphinx is missing: run tools/install-dependencies test");
    }
    const Guide& guide = speech_pack().guide();
    // "How they work": the longest sentences, the most words (110 the recogniser knows).
    const std::vector<SpokenSentence> egfr =
        spoken_class_section(guide, *guide.find_class("egfr"), ClassSection::how_they_work);
    TemporaryFolder folder;
    const std::set<std::string> dictionary = dictionary_words();
    write_guide_language_model(guide, dictionary, folder.path() + "/guide.lm",
                               folder.path() + "/guide.dict");
    const Spoken spoken = synthesise(egfr, SpeechRate::normal, folder.path() + "/egfr.wav");
    const std::string heard = transcribe(spoken.pcm, folder.path());
    std::size_t known = 0;
    const double share = share_heard(egfr, heard, dictionary, known);
    MESSAGE("PocketSphinx heard " << std::lround(100 * share) << " % of " << known
                                  << " common words; it heard: " << heard);
    CHECK(known >= 80);
    CHECK(share >= 0.5);

    // The measure tells sections apart: the same words are not "heard" in another one.
    const std::vector<SpokenSentence> other =
        spoken_class_section(guide, *guide.find_class("vegf"), ClassSection::rare_serious);
    const Spoken control = synthesise(other, SpeechRate::normal, folder.path() + "/vegf.wav");
    const double control_share =
        share_heard(egfr, transcribe(control.pcm, folder.path()), dictionary, known);
    MESSAGE("EGFR's words in VEGF's rare side effects: " << std::lround(100 * control_share)
                                                         << " %");
    CHECK(control_share < share - 0.2);
}
