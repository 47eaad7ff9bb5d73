#include "content/content_pack.h"

#include "common/data_files.h"
#include "common/sqlite_statement.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"
#include "content/guide_json.h"

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace lungguide {

ContentPack::~ContentPack() {
    sqlite3_close(database_);
}

namespace {

// SQLite URIs need %, ? and # escaped; the pack may live in any folder.
std::string file_uri(const std::string& path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char character : path) {
        if (character == '%' || character == '?' || character == '#' || character < 0x20) {
            uri += '%';
            uri += hex[character >> 4];
            uri += hex[character & 15];
        } else {
            uri += static_cast<char>(character);
        }
    }
    // immutable: the pack never changes while open, so SQLite takes no locks and writes
    // no journal, which also works on read-only app storage.
    return uri + "?mode=ro&immutable=1";
}

// Reads every table into the Guide. Any failed statement means the pack is damaged.
class PackReader {
  public:
    explicit PackReader(sqlite3* database) : database_(database) {}

    bool read(Guide& guide) {
        read_meta(guide);
        read_sections(guide);
        read_classes(guide);
        read_drugs(guide);
        read_biomarkers(guide);
        read_glossary(guide);
        read_corrections(guide);
        read_symptom_concepts(guide);
        derive_links(guide);
        return !failed_;
    }

  private:
    // Runs a query with bound text values and calls on_row for each row.
    template <typename OnRow>
    void query(const char* sql, std::initializer_list<std::string> values, OnRow on_row) {
        if (failed_) return;
        sqlite::Statement& statement = statement_for(sql);
        int index = 0;
        for (const std::string& value : values)
            statement.bind(++index, value);
        int result;
        while ((result = statement.step()) == SQLITE_ROW)
            on_row(statement);
        if (!statement.prepared() || result != SQLITE_DONE) failed_ = true;
    }

    // Prepared once per query text and reused: a large pack runs each query per class, or
    // per use, thousands of times. (No query runs inside a row of the same query.)
    sqlite::Statement& statement_for(const char* sql) {
        std::unique_ptr<sqlite::Statement>& kept = statements_[sql];
        if (!kept) kept = std::make_unique<sqlite::Statement>(database_, sql);
        kept->reset();
        return *kept;
    }

    std::vector<std::string> texts(const char* sql, std::initializer_list<std::string> values) {
        std::vector<std::string> result;
        query(sql, values, [&](sqlite::Statement& row) { result.push_back(row.text(0)); });
        return result;
    }

    void read_meta(Guide& guide) {
        query("SELECT key, value FROM meta", {}, [&](sqlite::Statement& row) {
            std::string key = row.text(0), value = row.text(1);
            if (key == "schema_version") guide.schema_version = std::atoi(value.c_str());
            if (key == "content_version") guide.content_version = value;
            if (key == "title") guide.title = value;
            if (key == "source") guide.source = value;
            if (key == "revision_date") guide.revision_date = value;
            if (key == "doctor_advice") guide.doctor_advice = value;
        });
    }

    void read_sections(Guide& guide) {
        query("SELECT id, heading FROM sections ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  guide.sections.push_back({row.text(0), row.text(1), {}});
              });
        for (Section& section : guide.sections) {
            query("SELECT kind, text FROM section_items WHERE section_id = ? ORDER BY position",
                  {section.id}, [&](sqlite::Statement& row) {
                      SectionItem item;
                      item.kind = row.text(0) == "bullet" ? SectionItem::Kind::bullet
                                                          : SectionItem::Kind::paragraph;
                      item.text = row.text(1);
                      section.items.push_back(std::move(item));
                  });
        }
    }

    void read_classes(Guide& guide) {
        query("SELECT id, name, heading, mechanism, gene_change_frequency, who_has_it, how_given, "
              "how_given_is_own_paragraph, examples_heading, side_effects_heading "
              "FROM classes ORDER BY position",
              {}, [&](sqlite::Statement& row) {
                  DrugClass drug_class;
                  drug_class.id = row.text(0);
                  drug_class.name = row.text(1);
                  drug_class.heading = row.text(2);
                  drug_class.mechanism = row.text(3);
                  drug_class.gene_change_frequency = row.text(4);
                  drug_class.who_has_it = row.text(5);
                  drug_class.how_given = row.text(6);
                  drug_class.how_given_is_own_paragraph = row.integer(7) != 0;
                  drug_class.examples_heading = row.text(8);
                  drug_class.side_effects_heading = row.text(9);
                  guide.classes.push_back(std::move(drug_class));
              });
        for (DrugClass& drug_class : guide.classes)
            read_class_details(drug_class);
    }

    void read_class_details(DrugClass& drug_class) {
        const std::string& id = drug_class.id;
        drug_class.notes = texts("SELECT text FROM class_texts WHERE class_id = ? AND kind = "
                                 "'note' ORDER BY position",
                                 {id});
        drug_class.cautions = texts("SELECT text FROM class_texts WHERE class_id = ? AND kind = "
                                    "'caution' ORDER BY position",
                                    {id});
        drug_class.drug_ids =
            texts("SELECT drug_id FROM class_drugs WHERE class_id = ? ORDER BY position", {id});
        query("SELECT position, group_heading, text, alone, biomarker_id, stage, "
              "listed_in_examples FROM uses WHERE class_id = ? ORDER BY position",
              {id}, [&](sqlite::Statement& row) {
                  DrugUse use;
                  std::string position = std::to_string(row.integer(0));
                  use.group_heading = row.text(1);
                  use.text = row.text(2);
                  use.alone = row.integer(3) != 0;
                  use.biomarker_id = row.text(4);
                  use.stage = row.text(5);
                  use.listed_in_examples = row.integer(6) != 0;
                  const char* links = "SELECT value FROM use_links WHERE class_id = ? AND "
                                      "use_position = ? AND kind = ? ORDER BY position";
                  use.drug_ids = texts(links, {id, position, "drug"});
                  use.combined_with = texts(links, {id, position, "combined_with"});
                  use.settings = texts(links, {id, position, "setting"});
                  drug_class.uses.push_back(std::move(use));
              });
        for (Severity severity : {Severity::common, Severity::rare_serious}) {
            std::string severity_text = severity_id(severity);
            query("SELECT label, text FROM side_effect_groups WHERE class_id = ? AND severity = ?",
                  {id, severity_text}, [&](sqlite::Statement& row) {
                      SideEffectGroup group;
                      group.severity = severity;
                      group.label = row.text(0);
                      group.text = row.text(1);
                      drug_class.side_effect_groups.push_back(std::move(group));
                  });
            if (!drug_class.side_effect_groups.empty() &&
                drug_class.side_effect_groups.back().severity == severity)
                drug_class.side_effect_groups.back().terms =
                    texts("SELECT term FROM side_effects WHERE class_id = ? AND severity = ? "
                          "ORDER BY position",
                          {id, severity_text});
        }
    }

    void read_drugs(Guide& guide) {
        query("SELECT id, name, kind, description FROM drugs ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  Drug drug;
                  drug.id = row.text(0);
                  drug.name = row.text(1);
                  std::string kind = row.text(2);
                  drug.kind = kind == "chemotherapy"    ? DrugKind::chemotherapy
                              : kind == "mek_inhibitor" ? DrugKind::mek_inhibitor
                                                        : DrugKind::targeted;
                  drug.description = row.text(3);
                  guide.drugs.push_back(std::move(drug));
              });
        for (Drug& drug : guide.drugs) {
            const char* names = "SELECT name FROM drug_names WHERE drug_id = ? AND kind = ? "
                                "ORDER BY position";
            drug.brands = texts(names, {drug.id, "brand"});
            drug.source_spellings = texts(names, {drug.id, "source_spelling"});
            drug.activity_class_ids =
                texts("SELECT class_id FROM drug_activity WHERE drug_id = ? ORDER BY position",
                      {drug.id});
        }
    }

    void read_biomarkers(Guide& guide) {
        query("SELECT id, name, gene FROM biomarkers ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  Biomarker biomarker;
                  biomarker.id = row.text(0);
                  biomarker.name = row.text(1);
                  biomarker.gene = row.text(2);
                  guide.biomarkers.push_back(std::move(biomarker));
              });
        for (Biomarker& biomarker : guide.biomarkers)
            biomarker.aliases = texts("SELECT alias FROM biomarker_aliases WHERE biomarker_id = ? "
                                      "ORDER BY position",
                                      {biomarker.id});
    }

    void read_glossary(Guide& guide) {
        query("SELECT id, term, explanation, class_id FROM glossary ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  GlossaryTerm term;
                  term.id = row.text(0);
                  term.term = row.text(1);
                  term.explanation = row.text(2);
                  term.class_id = row.text(3);
                  guide.glossary.push_back(std::move(term));
              });
        for (GlossaryTerm& term : guide.glossary)
            term.aliases =
                texts("SELECT alias FROM glossary_aliases WHERE term_id = ? ORDER BY position",
                      {term.id});
    }

    void read_corrections(Guide& guide) {
        query("SELECT original, corrected, reason FROM corrections ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  guide.corrections.push_back({row.text(0), row.text(1), row.text(2)});
              });
    }

    void read_symptom_concepts(Guide& guide) {
        query("SELECT id, label FROM symptom_concepts ORDER BY position", {},
              [&](sqlite::Statement& row) {
                  SymptomConcept symptom;
                  symptom.id = row.text(0);
                  symptom.label = row.text(1);
                  guide.symptom_concepts.push_back(std::move(symptom));
              });
        guide.complaint_words = texts("SELECT word FROM complaint_words ORDER BY word", {});
        for (SymptomConcept& symptom : guide.symptom_concepts) {
            const char* terms = "SELECT term FROM symptom_concept_terms WHERE concept_id = ? AND "
                                "kind = ? ORDER BY position";
            symptom.page_terms = texts(terms, {symptom.id, "page"});
            symptom.lay_terms = texts(terms, {symptom.id, "lay"});
        }
    }

    sqlite3* database_;
    bool failed_ = false;
    std::unordered_map<std::string, std::unique_ptr<sqlite::Statement>> statements_;
};

std::string read_schema_version(sqlite3* database, bool& found) {
    found = false;
    sqlite::Statement statement(database, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (statement.step() != SQLITE_ROW) return {};
    found = true;
    return statement.text(0);
}

// Recomputes the digest of every table and compares it with the one the builder recorded.
Status verify_digest(sqlite3* database, const std::string& path) {
    const std::string refused =
        "The content pack at " + path + " has been changed or damaged since it was built";
    const std::string what_to_do =
        ". LungGuide will not show text it can't vouch for. Reinstall LungGuide to restore it.";
    std::string recorded;
    {
        sqlite::Statement select(database, "SELECT value FROM meta WHERE key = ?");
        select.bind(1, std::string(content_pack_digest_key));
        if (select.step() == SQLITE_ROW) recorded = select.text(0);
    }
    if (recorded.empty())
        return Status::failure(Problem::damaged,
                               refused + " (it has no record of its content)" + what_to_do);
    const Result<std::string> computed = compute_content_pack_digest(database);
    if (!computed.ok())
        return Status::failure(Problem::damaged,
                               refused + " (" + computed.message_for_person() + ")" + what_to_do);
    if (computed.value() == recorded) return Status::success();
    return Status::failure(Problem::damaged, refused + " (its " +
                                                 first_differing_table(recorded, computed.value()) +
                                                 " table differs)" + what_to_do);
}

std::string damaged_message(const std::string& path) {
    return "The content pack at " + path +
           " is damaged or incomplete. Reinstall LungGuide to restore it.";
}

// Before SQLite sees it: the path is a regular file that starts like an SQLite database.
Status check_pack_file(const std::string& path) {
    // O_NONBLOCK: a FIFO or a device given as the pack must be refused, not waited on.
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0)
        return Status::failure(Problem::not_found,
                               "The content pack is missing: " + path +
                                   " cannot be read. Reinstall LungGuide, or pass --pack PATH.");
    struct stat info {};
    const bool regular = fstat(descriptor, &info) == 0 && S_ISREG(info.st_mode);
    char header[16] = {};
    const ssize_t count = regular ? ::read(descriptor, header, sizeof header) : 0;
    ::close(descriptor);
    if (!regular)
        return Status::failure(Problem::invalid_input,
                               path + " is not a LungGuide content pack (it is not a file).");
    if (count <= 0) return Status::failure(Problem::damaged, damaged_message(path));
    if (count < 16 || std::memcmp(header, "SQLite format 3", 16) != 0)
        return Status::failure(Problem::invalid_input, path + " is not a LungGuide content pack.");
    return Status::success();
}

// The open database is sound, of this app's format, and holds what was built. A sealed pack
// that hashes back to its seal is the very file the builder checked in full, so only its
// format is asked (content_pack_seal.h).
Status check_pack_database(sqlite3* database, const std::string& path, bool seal_holds) {
    if (!seal_holds) {
        // integrity_check, not quick_check: it also compares each index with its table,
        // and a damaged index could otherwise hand back another row's text (~2 ms).
        sqlite::Statement check(database, "PRAGMA integrity_check");
        if (check.step() != SQLITE_ROW || check.text(0) != "ok")
            return Status::failure(Problem::damaged, damaged_message(path));
    }
    bool found = false;
    const std::string version = read_schema_version(database, found);
    if (!found)
        return Status::failure(Problem::invalid_input, path + " is not a LungGuide content pack.");
    if (version != std::to_string(content_pack_schema_version))
        return Status::failure(
            Problem::invalid_input,
            "The content pack at " + path + " was made for another version " +
                "of LungGuide (pack format " + version + ", this app reads format " +
                std::to_string(content_pack_schema_version) + "). Install the matching LungGuide.");
    return seal_holds ? Status::success() : verify_digest(database, path);
}

} // namespace

struct ContentPackOpener {
    static Result<std::unique_ptr<ContentPack>> open(const std::string& path) {
        if (Status file = check_pack_file(path); !file.ok()) return file;
        const bool seal_holds = content_pack_seal_holds(path);
        std::unique_ptr<ContentPack> pack(new ContentPack());
        pack->path_ = path;
        if (sqlite3_open_v2(file_uri(path).c_str(), &pack->database_,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
            return Status::failure(Problem::damaged, damaged_message(path));
        if (Status database = check_pack_database(pack->database_, path, seal_holds);
            !database.ok())
            return database;
        if (!PackReader(pack->database_).read(pack->guide_) || pack->guide_.classes.empty())
            return Status::failure(Problem::damaged, damaged_message(path));
        return pack;
    }
};

Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path) {
    return ContentPackOpener::open(path);
}

std::string default_content_pack_path() {
    // An explicit choice wins, so $LUNGGUIDE_PACK also redirects an installed program.
    if (const char* from_environment = std::getenv("LUNGGUIDE_PACK"))
        if (*from_environment) return from_environment;
    return find_data_path("lungguide-content.db", "lungguide-content.db");
}

} // namespace lungguide
