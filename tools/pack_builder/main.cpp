// lungguide-pack-builder: assets/content/*.json + the page → the read-only content pack.
// Refuses to build when the content says anything the page does not (content_validation).
#include "common/file_text.h"
#include "content/content_pack_builder.h"
#include "content/content_validation.h"
#include "content/guide_json.h"
#include "search/search_dictionary.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

using namespace lungguide;

int main(int argc, char** argv) {
    CLI::App app{"Compile LungGuide's authored content into its read-only SQLite content pack."};
    std::string content_folder, source_path, output_path;
    app.add_option("--content", content_folder, "Folder with guide.json and symptom-concepts.json")
        ->required();
    app.add_option("--source", source_path, "The page as text, to check every sentence against")
        ->required();
    app.add_option("--output", output_path, "Pack file to write")->required();
    std::string american_path, british_path;
    std::vector<std::string> other_paths;
    app.add_option("--american-words", american_path,
                   "American English word list (wamerican), so search never rewrites a real word");
    app.add_option("--british-words", british_path,
                   "British English word list (wbritish): its own spellings stay correctable");
    app.add_option("--more-words", other_paths, "More word lists, e.g. hunspell's en_med_glut.dic");
    CLI11_PARSE(app, argc, argv);

    std::string guide_text, concepts_text, source_text, error;
    if (!read_file_text(content_folder + "/guide.json", guide_text, error) ||
        !read_file_text(source_path, source_text, error)) {
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", error.c_str());
        return 1;
    }
    const std::string concepts_path = content_folder + "/symptom-concepts.json";
    if (std::ifstream(concepts_path) && !read_file_text(concepts_path, concepts_text, error)) {
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", error.c_str());
        return 1;
    }
    Guide guide;
    GuideParseResult parsed = parse_guide_json(guide_text, concepts_text, guide);
    if (!parsed.ok) {
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", parsed.error.c_str());
        return 1;
    }
    std::vector<std::string> problems = validate_guide(guide, source_text);
    for (const std::string& problem : problems)
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", problem.c_str());
    if (!problems.empty()) return 1;
    std::vector<std::string> american, british;
    std::vector<std::vector<std::string>> others;
    auto read_list = [&](const std::string& path, std::vector<std::string>& words) {
        std::string text;
        if (path.empty()) return true;
        if (!read_file_text(path, text, error)) return false;
        words = read_word_list(text);
        return true;
    };
    bool lists_read = read_list(american_path, american) && read_list(british_path, british);
    for (const std::string& path : other_paths) {
        others.emplace_back();
        lists_read = lists_read && read_list(path, others.back());
    }
    if (!lists_read) {
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", error.c_str());
        return 1;
    }
    std::vector<std::string> dictionary;
    if (!american.empty()) dictionary = dictionary_words(american, others, british);
    error = build_content_pack(guide, output_path);
    if (error.empty() && !dictionary.empty())
        error = add_dictionary_words_to_pack(guide, output_path, dictionary);
    if (!error.empty()) {
        std::fprintf(stderr, "lungguide-pack-builder: %s\n", error.c_str());
        return 1;
    }
    return 0;
}
