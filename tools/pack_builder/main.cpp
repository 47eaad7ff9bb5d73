// lungguide-pack-builder: assets/content/*.json + the page → the read-only content pack,
// sealed and signed. Refuses to build when the content says anything the page does not
// (content_validation).
#include "common/exit_code.h"
#include "common/file_text.h"
#include "content/content_pack_builder.h"
#include "content/content_validation.h"
#include "content/guide_json.h"
#include "pack_dictionary.h"
#include "pack_signing.h"
#include "search/search_dictionary.h"
#include "search/search_wordnet.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

using namespace lungguide;

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "lungguide-pack-builder: %s\n", message.c_str());
    return exit_failure;
}

// The guide as authored, checked against the page: nothing the page does not say.
Result<Guide> read_guide(const std::string& content_folder, const std::string& source_path) {
    const Result<std::string> guide_text = read_file_text(content_folder + "/guide.json");
    if (!guide_text.ok()) return guide_text.status();
    const Result<std::string> source_text = read_file_text(source_path);
    if (!source_text.ok()) return source_text.status();
    std::string concepts_text;
    const std::string concepts_path = content_folder + "/symptom-concepts.json";
    if (std::ifstream(concepts_path)) {
        Result<std::string> concepts = read_file_text(concepts_path);
        if (!concepts.ok()) return concepts.status();
        concepts_text = std::move(concepts.value());
    }
    Guide guide;
    if (Status parsed = parse_guide_json(guide_text.value(), concepts_text, guide); !parsed.ok())
        return parsed;
    std::string problems;
    for (const std::string& problem : validate_guide(guide, source_text.value()))
        problems += (problems.empty() ? "" : "\nlungguide-pack-builder: ") + problem;
    if (!problems.empty()) return Status::failure(Problem::invalid_input, problems);
    return guide;
}

// The words of one list, or none when no path was given.
Result<std::vector<std::string>> read_list(const std::string& path) {
    if (path.empty()) return std::vector<std::string>{};
    const Result<std::string> text = read_file_text(path);
    if (!text.ok()) return text.status();
    return read_word_list(text.value());
}

struct WordListPaths {
    std::string american, british;
    std::vector<std::string> others;
};

// The dictionary words search must never correct; none without an American list.
Result<std::vector<std::string>> read_dictionary(const WordListPaths& paths) {
    Result<std::vector<std::string>> american = read_list(paths.american);
    if (!american.ok()) return american.status();
    Result<std::vector<std::string>> british = read_list(paths.british);
    if (!british.ok()) return british.status();
    std::vector<std::vector<std::string>> others;
    for (const std::string& path : paths.others) {
        Result<std::vector<std::string>> words = read_list(path);
        if (!words.ok()) return words.status();
        others.push_back(std::move(words.value()));
    }
    if (american.value().empty()) return std::vector<std::string>{};
    return dictionary_words(american.value(), others, british.value());
}

// WordNet's reviewed words for each symptom (search_wordnet.h, content/wordnet-review.json).
// Proposals nobody reviewed are left out and listed, so that a new WordNet is noticed.
Status add_wordnet_words(Guide& guide, const std::string& folder,
                         const std::string& content_folder) {
    const WordNet wordnet(folder);
    if (wordnet.empty())
        return Status::failure(Problem::invalid_input, "no WordNet files in " + folder);
    const Result<std::string> text = read_file_text(content_folder + "/wordnet-review.json");
    if (!text.ok()) return text.status();
    WordNetReview review;
    if (Status parsed = parse_wordnet_review(text.value(), review); !parsed.ok()) return parsed;
    for (const std::string& word : add_reviewed_wordnet_words(guide, wordnet, review))
        std::fprintf(stderr, "lungguide-pack-builder: WordNet word not reviewed, left out: %s\n",
                     word.c_str());
    return Status::success();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Compile LungGuide's authored content into its read-only SQLite content pack."};
    std::string content_folder, source_path, output_path;
    app.add_option("--content", content_folder, "Folder with guide.json and symptom-concepts.json")
        ->required();
    app.add_option("--source", source_path, "The page as text, to check every sentence against")
        ->required();
    app.add_option("--output", output_path, "Pack file to write")->required();
    std::string signing_key_path;
    app.add_option("--signing-key", signing_key_path,
                   "The Ed25519 key that signs the pack (64 hex digits; cmake/pack_signing.cmake)")
        ->required();
    WordListPaths lists;
    app.add_option("--american-words", lists.american,
                   "American English word list (wamerican), so search never rewrites a real word");
    app.add_option("--british-words", lists.british,
                   "British English word list (wbritish): its own spellings stay correctable");
    app.add_option("--more-words", lists.others,
                   "More word lists, e.g. hunspell's en_med_glut.dic");
    std::string wordnet_folder;
    app.add_option("--wordnet", wordnet_folder,
                   "WordNet's files (wordnet-base): reviewed synonyms join the lay words");
    CLI11_PARSE(app, argc, argv);

    const Result<PackSigningKey> signing_key = read_pack_signing_key(signing_key_path);
    if (!signing_key.ok()) return fail(signing_key.message_for_person());
    Result<Guide> guide = read_guide(content_folder, source_path);
    if (!guide.ok()) return fail(guide.message_for_person());
    if (!wordnet_folder.empty()) {
        const Status added = add_wordnet_words(guide.value(), wordnet_folder, content_folder);
        if (!added.ok()) return fail(added.message_for_person);
    }
    const Result<std::vector<std::string>> dictionary = read_dictionary(lists);
    if (!dictionary.ok()) return fail(dictionary.message_for_person());
    if (Status built = build_content_pack(guide.value(), output_path); !built.ok())
        return fail(built.message_for_person);
    if (!dictionary.value().empty()) {
        const Status added =
            add_dictionary_words_to_pack(guide.value(), output_path, dictionary.value());
        if (!added.ok()) return fail(added.message_for_person);
    }
    if (Status signed_pack = sign_content_pack(output_path, signing_key.value());
        !signed_pack.ok()) {
        std::remove(output_path.c_str()); // an unsigned pack would only be refused
        return fail(signed_pack.message_for_person);
    }
    return exit_ok;
}
