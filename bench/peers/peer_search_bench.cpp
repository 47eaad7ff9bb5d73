// lungguide-peer-bench: LungGuide's search side by side with what an engineer would pick
// instead, on the same passages and the same keystrokes, in one process, alternating.
//
//   xapian  Xapian (the engine of Kiwix) queried the Kiwix way: English stemmer (STEM_SOME),
//           AND of terms, partial and spelling-correction flags, top 20, on a glass database
//           on disk (as a ZIM's index is).
//   fts5    A plain SQLite FTS5 table (unicode61, diacritics removed): every word quoted, the
//           last one a prefix ("tin"*), ranked by bm25, top 20.
//   scan    A linear substring scan ("grep") over the lower-cased passages, top 20. The floor
//           for a page this small, not a peer: it knows no lay words, typos or ranking.
//
// Every engine gets the page's passages (title and body, content/page_passages.h). LungGuide
// searches its pack as the app does, with limit 20. Each round runs every engine over the whole
// keystroke list, the order rotating per round, so drift on a shared machine falls on all of them
// alike. Prints "name value" lines: <pack>_<engine>_p50_ms, <pack>_<engine>_p99_ms, the ratios
// <pack>_p50_vs_xapian etc., large_pack_open_ms (what the first screen waits for) and
// large_search_ready_ms (open + index: when search can answer).
// Built only by bench/run (LUNGGUIDE_BENCH_PEERS), never by the app's build.
#include "content/content_pack.h"
#include "content/page_passages.h"
#include "latency.h"
#include "search/search.h"
#include "typed_queries.h"

#include <CLI/CLI.hpp>
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace lungguide;

namespace {

constexpr std::size_t top = 20;

struct Passage {
    std::string title;
    std::string body;
};

double milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// The passages LungGuide searches (derived from the pack's Guide), as plain text.
std::vector<Passage> passages_of(const Guide& guide) {
    std::vector<Passage> passages;
    for (const PagePassage& passage : page_passages(guide))
        passages.push_back({passage.title, passage.body});
    return passages;
}

// One engine: answers a typed prefix with up to `top` results; returns how many.
struct Engine {
    std::string name;
    std::function<std::size_t(const std::string&)> search;
    std::vector<double> milliseconds;
};

class XapianEngine {
  public:
    XapianEngine(const std::vector<Passage>& passages, const std::string& folder) {
        if (!std::filesystem::exists(folder + "/iamglass")) {
            Xapian::WritableDatabase writable(folder, Xapian::DB_CREATE_OR_OVERWRITE);
            Xapian::TermGenerator generator;
            generator.set_stemmer(Xapian::Stem("english"));
            generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            generator.set_database(writable);
            generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
            for (const Passage& passage : passages) {
                Xapian::Document document;
                generator.set_document(document);
                generator.index_text(passage.title);
                generator.increase_termpos();
                generator.index_text(passage.body);
                writable.add_document(document);
            }
            writable.commit();
        }
        database_ = Xapian::Database(folder);
        parser_.set_stemmer(Xapian::Stem("english"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_AND);
        parser_.set_database(database_);
    }

    std::size_t search(const std::string& text) {
        const Xapian::Query query = parser_.parse_query(
            text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PARTIAL |
                      Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
        Xapian::Enquire enquire(database_);
        enquire.set_query(query);
        return enquire.get_mset(0, top).size();
    }

  private:
    Xapian::Database database_;
    Xapian::QueryParser parser_;
};

class Fts5Engine {
  public:
    explicit Fts5Engine(const std::vector<Passage>& passages) {
        sqlite3_open(":memory:", &database_);
        sqlite3_exec(database_,
                     "CREATE VIRTUAL TABLE passages USING fts5(title, body, "
                     "tokenize='unicode61 remove_diacritics 2'); BEGIN",
                     nullptr, nullptr, nullptr);
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(database_, "INSERT INTO passages(title, body) VALUES(?1, ?2)", -1,
                           &insert, nullptr);
        for (const Passage& passage : passages) {
            sqlite3_bind_text(insert, 1, passage.title.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 2, passage.body.c_str(), -1, SQLITE_STATIC);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        sqlite3_exec(database_, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(database_,
                           "SELECT rowid FROM passages WHERE passages MATCH ?1 "
                           "ORDER BY bm25(passages) LIMIT 20",
                           -1, &query_, nullptr);
    }
    ~Fts5Engine() {
        sqlite3_finalize(query_);
        sqlite3_close(database_);
    }
    Fts5Engine(const Fts5Engine&) = delete;
    Fts5Engine& operator=(const Fts5Engine&) = delete;

    std::size_t search(const std::string& text) {
        // Every word quoted (so no FTS syntax leaks in), the last one a prefix.
        std::string match;
        std::string word;
        auto flush = [&](bool last) {
            if (word.empty()) return;
            if (!match.empty()) match += ' ';
            match += '"' + word + '"' + (last ? "*" : "");
            word.clear();
        };
        for (const char character : text) {
            if (std::isalnum(static_cast<unsigned char>(character)))
                word += character;
            else
                flush(false);
        }
        flush(true);
        if (match.empty()) return 0;
        sqlite3_bind_text(query_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        std::size_t found = 0;
        while (sqlite3_step(query_) == SQLITE_ROW)
            ++found;
        sqlite3_reset(query_);
        return found;
    }

  private:
    sqlite3* database_ = nullptr;
    sqlite3_stmt* query_ = nullptr;
};

std::string lower(const std::string& text) {
    std::string lowered = text;
    for (char& character : lowered)
        character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
    return lowered;
}

class ScanEngine {
  public:
    explicit ScanEngine(const std::vector<Passage>& passages) {
        for (const Passage& passage : passages)
            haystacks_.push_back(lower(passage.title + "\n" + passage.body));
    }
    // Scans everything (as grep does) and keeps the first `top` matches.
    std::size_t search(const std::string& text) {
        const std::string needle = lower(text);
        matches_.clear();
        for (std::size_t index = 0; index < haystacks_.size(); ++index) {
            if (haystacks_[index].find(needle) != std::string::npos) matches_.push_back(index);
        }
        return std::min(top, matches_.size());
    }

  private:
    std::vector<std::string> haystacks_;
    std::vector<std::size_t> matches_;
};

void measure(const std::string& pack_name, const std::string& pack_path,
             const std::string& xapian_folder, int rounds) {
    auto start = std::chrono::steady_clock::now();
    auto opened = open_content_pack(pack_path);
    if (!opened.ok()) {
        std::fprintf(stderr, "lungguide-peer-bench: %s\n", opened.message_for_person().c_str());
        std::exit(2);
    }
    // What the app's first screen waits for: the pack, checked and read.
    std::printf("%s_pack_open_ms %.1f\n", pack_name.c_str(), milliseconds_since(start));
    const SearchIndex index(*opened.value());
    // And when search can answer: the index, built beside the first screen.
    std::printf("%s_search_ready_ms %.1f\n", pack_name.c_str(), milliseconds_since(start));

    const std::vector<Passage> passages = passages_of(opened.value()->guide());
    std::printf("%s_passages %zu\n", pack_name.c_str(), passages.size());
    start = std::chrono::steady_clock::now();
    XapianEngine xapian(passages, xapian_folder);
    std::printf("%s_xapian_open_ms %.1f\n", pack_name.c_str(), milliseconds_since(start));
    start = std::chrono::steady_clock::now();
    Fts5Engine fts5(passages);
    std::printf("%s_fts5_build_ms %.1f\n", pack_name.c_str(), milliseconds_since(start));
    ScanEngine scan(passages);
    std::fflush(stdout);

    SearchOptions options;
    options.limit = top;
    std::vector<Engine> engines;
    engines.push_back(
        {"lungguide",
         [&](const std::string& text) { return index.search(text, options).results.size(); },
         {}});
    engines.push_back({"xapian", [&](const std::string& text) { return xapian.search(text); }, {}});
    engines.push_back({"fts5", [&](const std::string& text) { return fts5.search(text); }, {}});
    engines.push_back({"scan", [&](const std::string& text) { return scan.search(text); }, {}});

    const std::vector<std::string> keys = bench::keystrokes(bench::typed_queries());
    volatile std::size_t sink = 0; // keeps the work from being optimised away
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t turn = 0; turn < engines.size(); ++turn) {
            Engine& engine = engines[(turn + static_cast<std::size_t>(round)) % engines.size()];
            for (const std::string& key : keys) {
                const auto before = std::chrono::steady_clock::now();
                sink = sink + engine.search(key);
                engine.milliseconds.push_back(milliseconds_since(before));
            }
        }
    }
    std::vector<bench::Latency> latencies;
    for (const Engine& engine : engines) {
        latencies.push_back(bench::summarize(engine.milliseconds));
        std::printf("%s_%s_p50_ms %.4f\n", pack_name.c_str(), engine.name.c_str(),
                    latencies.back().p50);
        std::printf("%s_%s_p99_ms %.4f\n", pack_name.c_str(), engine.name.c_str(),
                    latencies.back().p99);
    }
    for (std::size_t peer = 1; peer < engines.size(); ++peer) {
        std::printf("%s_p50_vs_%s %.4f\n", pack_name.c_str(), engines[peer].name.c_str(),
                    latencies[0].p50 / std::max(1e-9, latencies[peer].p50));
        std::printf("%s_p99_vs_%s %.4f\n", pack_name.c_str(), engines[peer].name.c_str(),
                    latencies[0].p99 / std::max(1e-9, latencies[peer].p99));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"LungGuide's search against Xapian, FTS5 and a scan, on the same keystrokes."};
    std::string pack_path = LUNGGUIDE_PACK_PATH;
    std::string large_pack_path;
    std::string work_folder;
    int rounds = 20;
    int large_rounds = 3;
    app.add_option("--pack", pack_path, "The shipped pack");
    app.add_option("--large-pack", large_pack_path, "A generated 1000x pack (none: skipped)");
    app.add_option("--work", work_folder, "Folder for the Xapian databases (kept across runs)")
        ->required();
    app.add_option("--rounds", rounds, "Rounds on the shipped pack")->check(CLI::Range(1, 1000));
    app.add_option("--large-rounds", large_rounds, "Rounds on the large pack")
        ->check(CLI::Range(1, 1000));
    CLI11_PARSE(app, argc, argv);

    std::filesystem::create_directories(work_folder);
    measure("shipped", pack_path, work_folder + "/xapian-shipped", rounds);
    if (!large_pack_path.empty())
        measure("large", large_pack_path, work_folder + "/xapian-large", large_rounds);
    return 0;
}
