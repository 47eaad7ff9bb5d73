// lungguide-cli speak class ID --section S | drug ID | glossary ID | summary [--for NAME] |
// search "QUERY", with [--rate slower|normal|faster] [--voice en-us|en-gb] [--wav FILE]
// [--text shown|plain|espeak]:
// reads a part of the guide aloud (eSpeak NG through the sound card), or writes the speech
// to a WAV file, printing each sentence as it is read. The sentences are the app's own
// (core/speech/spoken_guide.h).
#include "bookmarks/visit_summary.h"
#include "cli_context.h"
#include "espeak_speech.h"
#include "search/search.h"
#include "speech/spoken_guide.h"
#include "user_store_access.h"

#include <condition_variable>
#include <cstdio>
#include <mutex>

namespace lungguide::cli {
namespace {

struct SpeakOptions {
    std::string text; // "" = speak; else print the sentences in this form only
    std::string rate = "normal";
    std::string voice = "en-us";
    std::string wav;
    std::string id;
    std::string section = "how-they-work";
    std::string person;
    bool person_given = false;
    std::string query;
};

// Reads the sentences and waits for the end; prints each as it starts.
void read_aloud(CliContext& context, const std::vector<SpokenSentence>& sentences,
                const SpeakOptions& options) {
    if (sentences.empty()) {
        std::fprintf(stderr, "lungguide-cli: There is nothing to read aloud there.\n");
        context.exit_code = exit_bad_request;
        return;
    }
    if (!options.text.empty()) { // what would be read, and how an engine is given it
        for (const SpokenSentence& sentence : sentences) {
            const std::string text = options.text == "shown" ? sentence.shown
                                     : options.text == "plain"
                                         ? sentence.text_for(SpeechEngine::plain)
                                         : sentence.text_for(SpeechEngine::espeak);
            std::printf("%s\n", text.c_str());
        }
        return;
    }
    SpeechSettings settings;
    parse_speech_rate(options.rate, settings.rate);
    parse_speech_voice(options.voice, settings.voice);
    const std::string wav = options.wav;
    const std::string device = platform::audio_device_from_environment();
    auto speech = platform::make_espeak_speech([wav, device] {
        return wav.empty() ? platform::make_audio_output(device) : platform::make_wav_output(wav);
    });
    std::mutex mutex;
    std::condition_variable woken;
    bool events_waiting = false;
    speech->set_wake([&] {
        std::lock_guard<std::mutex> lock(mutex);
        events_waiting = true;
        woken.notify_one();
    });
    speech->speak(1, sentences, 0, settings);
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex);
            woken.wait(lock, [&] { return events_waiting; });
            events_waiting = false;
        }
        for (const SpeechEvent& event : speech->take_events()) {
            if (event.kind == SpeechEvent::Kind::sentence) {
                std::printf("%s\n", sentences[event.sentence].shown.c_str());
                std::fflush(stdout);
            } else if (event.kind == SpeechEvent::Kind::unavailable) {
                std::fprintf(stderr, "lungguide-cli: %s%s\n", event.message.c_str(),
                             wav.empty() ? " To write the speech to a file instead, add --wav FILE."
                                         : "");
                context.exit_code = exit_failure;
                return;
            } else if (event.kind == SpeechEvent::Kind::finished) {
                if (!wav.empty()) std::fprintf(stderr, "Wrote the speech to %s.\n", wav.c_str());
                return;
            }
        }
    }
}

void speak_class(CliContext& context, const SpeakOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    const DrugClass* drug_class = guide.find_class(options.id);
    if (!drug_class) {
        std::vector<std::string> ids;
        for (const DrugClass& known : guide.classes)
            ids.push_back(known.id);
        return print_unknown("drug class", options.id, ids, context);
    }
    ClassSection section = ClassSection::how_they_work;
    parse_class_section(options.section, section);
    read_aloud(context, spoken_class_section(guide, *drug_class, section), options);
}

void speak_drug(CliContext& context, const SpeakOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    const Drug* drug = guide.find_drug(options.id);
    if (!drug) {
        std::vector<std::string> ids;
        for (const Drug& known : guide.drugs)
            ids.push_back(known.id);
        return print_unknown("drug", options.id, ids, context);
    }
    read_aloud(context, spoken_drug(guide, *drug), options);
}

void speak_glossary(CliContext& context, const SpeakOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const GlossaryTerm* term = pack->guide().find_glossary_term(options.id);
    if (!term) {
        std::vector<std::string> ids;
        for (const GlossaryTerm& known : pack->guide().glossary)
            ids.push_back(known.id);
        return print_unknown("glossary word", options.id, ids, context);
    }
    read_aloud(context, spoken_glossary_term(*term), options);
}

void speak_summary(CliContext& context, const SpeakOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const std::optional<SummaryContents> contents =
        summary_contents(context, *pack, options.person, options.person_given);
    if (!contents) return;
    const std::vector<SummaryBlock> blocks = visit_summary_blocks(
        pack->guide(), contents->bookmarks, contents->person, local_date_today(), contents->diary);
    read_aloud(context, spoken_summary(blocks), options);
}

void speak_search(CliContext& context, const SpeakOptions& options) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const SearchIndex index(*pack);
    const std::vector<SpokenSentence> answer =
        spoken_search_answer(pack->guide(), index.search(options.query));
    if (answer.empty()) {
        std::fprintf(stderr,
                     "lungguide-cli: Search finds no side effect for \"%s\" to read aloud. "
                     "Try lungguide-cli search \"%s\".\n",
                     options.query.c_str(), options.query.c_str());
        context.exit_code = exit_bad_request;
        return;
    }
    read_aloud(context, answer, options);
}

} // namespace

void register_speak_command(CLI::App& app, CliContext& context) {
    auto options = std::make_shared<SpeakOptions>();
    CLI::App* speak = app.add_subcommand(
        "speak", "Read a part of the guide aloud, sentence by sentence (or write it as WAV)");
    speak->require_subcommand(1);
    speak->add_option("--rate", options->rate, "slower, normal (default) or faster")
        ->check(CLI::IsMember({"slower", "normal", "faster"}));
    speak->add_option("--voice", options->voice, "en-us (default) or en-gb")
        ->check(CLI::IsMember({"en-us", "en-gb"}));
    speak->add_option("--wav", options->wav,
                      "Write the speech to this WAV file instead of playing");
    speak
        ->add_option("--text", options->text,
                     "Print the sentences instead of speaking: shown (as on screen), plain (as "
                     "a browser's voice is given them) or espeak (with eSpeak's phonemes)")
        ->check(CLI::IsMember({"shown", "plain", "espeak"}));
    speak->fallthrough();

    CLI::App* drug_class = speak->add_subcommand("class", "A section of a drug class");
    drug_class->add_option("id", options->id, "The class, e.g. egfr")->required();
    drug_class
        ->add_option("--section", options->section,
                     "how-they-work (default), drugs, uses, side-effects (the common ones) or "
                     "rare-serious")
        ->check(CLI::IsMember({"how-they-work", "drugs", "uses", "side-effects", "rare-serious"}));
    drug_class->callback([&context, options] { speak_class(context, *options); });

    CLI::App* drug = speak->add_subcommand("drug", "A drug's page");
    drug->add_option("id", options->id, "The drug, e.g. osimertinib")->required();
    drug->callback([&context, options] { speak_drug(context, *options); });

    CLI::App* glossary = speak->add_subcommand("glossary", "A word the page explains");
    glossary->add_option("id", options->id, "The word's id, e.g. adjuvant")->required();
    glossary->callback([&context, options] { speak_glossary(context, *options); });

    CLI::App* summary = speak->add_subcommand("summary", "A person's summary for the doctor");
    summary->add_option("--for", options->person, "Whose bookmarks, e.g. Mum")
        ->each([options](const std::string&) { options->person_given = true; });
    summary->callback([&context, options] { speak_summary(context, *options); });

    CLI::App* search = speak->add_subcommand("search", "Search's answer about a side effect");
    search->add_option("query", options->query, "What to look for, e.g. \"diarrhea\"")->required();
    search->callback([&context, options] { speak_search(context, *options); });
}

} // namespace lungguide::cli
