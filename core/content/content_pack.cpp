#include "content/content_pack.h"

#include "common/data_files.h"
#include "common/sqlite_statement.h"
#include "content/content_pack_dictionary.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"
#include "content/content_pack_signature.h"
#include "content/guide_json.h"

#include <algorithm>
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

// Finds a parent (a section, class, drug, …) by id for the rows of a child table. The rows
// come grouped by parent, since each child table's primary key starts with the parent's id,
// so the map is asked once per parent rather than once per row.
template <typename Parent> class ParentsById {
  public:
    explicit ParentsById(std::vector<Parent>& parents) {
        for (Parent& parent : parents)
            by_id_.emplace(parent.id, &parent);
    }
    // nullptr for a row whose parent is not in the pack: such rows were never shown.
    Parent* find(const std::string& id) {
        if (id != last_id_) {
            auto found = by_id_.find(id);
            last_ = found == by_id_.end() ? nullptr : found->second;
            last_id_ = id;
        }
        return last_;
    }

  private:
    std::unordered_map<std::string, Parent*> by_id_;
    std::string last_id_;
    Parent* last_ = nullptr;
};

// Reads every table into the Guide, each in one pass in the order of its primary key: one
// statement per table, not one per class or drug, which on a large pack would be hundreds
// of thousands. Any failed statement means the pack is damaged.
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
    // Runs a query and calls on_row for each row.
    template <typename OnRow> void query(const char* sql, OnRow on_row) {
        if (failed_) return;
        sqlite::Statement statement(database_, sql);
        int result;
        while ((result = statement.step()) == SQLITE_ROW)
            on_row(statement);
        if (!statement.prepared() || result != SQLITE_DONE) failed_ = true;
    }

    // Runs a query whose first column is a parent's id and calls on_row(parent, row) for
    // each row whose parent is known.
    template <typename Parent, typename OnRow>
    void query_children(const char* sql, std::vector<Parent>& parents, OnRow on_row) {
        ParentsById<Parent> by_id(parents);
        query(sql, [&](sqlite::Statement& row) {
            if (Parent* parent = by_id.find(row.text(0))) on_row(*parent, row);
        });
    }

    void read_meta(Guide& guide) {
        query("SELECT key, value FROM meta", [&](sqlite::Statement& row) {
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
        query("SELECT id, heading FROM sections ORDER BY position", [&](sqlite::Statement& row) {
            guide.sections.push_back({row.text(0), row.text(1), {}});
        });
        query_children("SELECT section_id, kind, text FROM section_items "
                       "ORDER BY section_id, position",
                       guide.sections, [](Section& section, sqlite::Statement& row) {
                           SectionItem item;
                           item.kind = row.text(1) == "bullet" ? SectionItem::Kind::bullet
                                                               : SectionItem::Kind::paragraph;
                           item.text = row.text(2);
                           section.items.push_back(std::move(item));
                       });
    }

    void read_classes(Guide& guide) {
        query("SELECT id, name, heading, mechanism, gene_change_frequency, who_has_it, how_given, "
              "how_given_is_own_paragraph, examples_heading, side_effects_heading "
              "FROM classes ORDER BY position",
              [&](sqlite::Statement& row) {
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
        query_children("SELECT class_id, kind, text FROM class_texts "
                       "ORDER BY class_id, kind, position",
                       guide.classes, [](DrugClass& drug_class, sqlite::Statement& row) {
                           const std::string kind = row.text(1);
                           if (kind == "note") drug_class.notes.push_back(row.text(2));
                           if (kind == "caution") drug_class.cautions.push_back(row.text(2));
                       });
        query_children("SELECT class_id, drug_id FROM class_drugs ORDER BY class_id, position",
                       guide.classes, [](DrugClass& drug_class, sqlite::Statement& row) {
                           drug_class.drug_ids.push_back(row.text(1));
                       });
        read_uses(guide);
        read_side_effects(guide);
    }

    void read_uses(Guide& guide) {
        // Each class's use positions, in its uses' order, for the links that name them.
        std::unordered_map<const DrugClass*, std::vector<std::int64_t>> positions;
        query_children("SELECT class_id, position, group_heading, text, alone, biomarker_id, "
                       "stage, listed_in_examples FROM uses ORDER BY class_id, position",
                       guide.classes, [&](DrugClass& drug_class, sqlite::Statement& row) {
                           DrugUse use;
                           positions[&drug_class].push_back(row.integer(1));
                           use.group_heading = row.text(2);
                           use.text = row.text(3);
                           use.alone = row.integer(4) != 0;
                           use.biomarker_id = row.text(5);
                           use.stage = row.text(6);
                           use.listed_in_examples = row.integer(7) != 0;
                           drug_class.uses.push_back(std::move(use));
                       });
        query_children("SELECT class_id, use_position, kind, value FROM use_links "
                       "ORDER BY class_id, use_position, kind, position",
                       guide.classes, [&](DrugClass& drug_class, sqlite::Statement& row) {
                           const std::vector<std::int64_t>& used = positions[&drug_class];
                           auto found = std::find(used.begin(), used.end(), row.integer(1));
                           if (found == used.end()) return;
                           DrugUse& use =
                               drug_class.uses[static_cast<std::size_t>(found - used.begin())];
                           const std::string kind = row.text(2);
                           if (kind == "drug") use.drug_ids.push_back(row.text(3));
                           if (kind == "combined_with") use.combined_with.push_back(row.text(3));
                           if (kind == "setting") use.settings.push_back(row.text(3));
                       });
    }

    // Common effects first, then rare but serious ones: 'common' sorts before 'rare_serious'.
    void read_side_effects(Guide& guide) {
        query_children("SELECT class_id, severity, label, text FROM side_effect_groups "
                       "ORDER BY class_id, severity",
                       guide.classes, [](DrugClass& drug_class, sqlite::Statement& row) {
                           const std::string severity = row.text(1);
                           if (severity != "common" && severity != "rare_serious") return;
                           SideEffectGroup group;
                           group.severity =
                               severity == "common" ? Severity::common : Severity::rare_serious;
                           group.label = row.text(2);
                           group.text = row.text(3);
                           drug_class.side_effect_groups.push_back(std::move(group));
                       });
        query_children("SELECT class_id, severity, term FROM side_effects "
                       "ORDER BY class_id, severity, position",
                       guide.classes, [](DrugClass& drug_class, sqlite::Statement& row) {
                           const std::string severity = row.text(1);
                           for (SideEffectGroup& group : drug_class.side_effect_groups)
                               if (severity_id(group.severity) == severity)
                                   group.terms.push_back(row.text(2));
                       });
    }

    void read_drugs(Guide& guide) {
        query("SELECT id, name, kind, description FROM drugs ORDER BY position",
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
        query_children(
            "SELECT drug_id, kind, name FROM drug_names ORDER BY drug_id, kind, position",
            guide.drugs, [](Drug& drug, sqlite::Statement& row) {
                const std::string kind = row.text(1);
                if (kind == "brand") drug.brands.push_back(row.text(2));
                if (kind == "source_spelling") drug.source_spellings.push_back(row.text(2));
            });
        query_children("SELECT drug_id, class_id FROM drug_activity ORDER BY drug_id, position",
                       guide.drugs, [](Drug& drug, sqlite::Statement& row) {
                           drug.activity_class_ids.push_back(row.text(1));
                       });
    }

    void read_biomarkers(Guide& guide) {
        query("SELECT id, name, gene FROM biomarkers ORDER BY position",
              [&](sqlite::Statement& row) {
                  Biomarker biomarker;
                  biomarker.id = row.text(0);
                  biomarker.name = row.text(1);
                  biomarker.gene = row.text(2);
                  guide.biomarkers.push_back(std::move(biomarker));
              });
        query_children("SELECT biomarker_id, alias FROM biomarker_aliases "
                       "ORDER BY biomarker_id, position",
                       guide.biomarkers, [](Biomarker& biomarker, sqlite::Statement& row) {
                           biomarker.aliases.push_back(row.text(1));
                       });
    }

    void read_glossary(Guide& guide) {
        query("SELECT id, term, explanation, class_id FROM glossary ORDER BY position",
              [&](sqlite::Statement& row) {
                  GlossaryTerm term;
                  term.id = row.text(0);
                  term.term = row.text(1);
                  term.explanation = row.text(2);
                  term.class_id = row.text(3);
                  guide.glossary.push_back(std::move(term));
              });
        query_children("SELECT term_id, alias FROM glossary_aliases ORDER BY term_id, position",
                       guide.glossary, [](GlossaryTerm& term, sqlite::Statement& row) {
                           term.aliases.push_back(row.text(1));
                       });
    }

    void read_corrections(Guide& guide) {
        query("SELECT original, corrected, reason FROM corrections ORDER BY position",
              [&](sqlite::Statement& row) {
                  guide.corrections.push_back({row.text(0), row.text(1), row.text(2)});
              });
    }

    void read_symptom_concepts(Guide& guide) {
        query("SELECT id, label FROM symptom_concepts ORDER BY position",
              [&](sqlite::Statement& row) {
                  SymptomConcept symptom;
                  symptom.id = row.text(0);
                  symptom.label = row.text(1);
                  guide.symptom_concepts.push_back(std::move(symptom));
              });
        query("SELECT word FROM complaint_words ORDER BY word",
              [&](sqlite::Statement& row) { guide.complaint_words.push_back(row.text(0)); });
        query_children("SELECT concept_id, kind, term FROM symptom_concept_terms "
                       "ORDER BY concept_id, kind, position",
                       guide.symptom_concepts, [](SymptomConcept& symptom, sqlite::Statement& row) {
                           const std::string kind = row.text(1);
                           if (kind == "page") symptom.page_terms.push_back(row.text(2));
                           if (kind != "lay") return;
                           // One line per word (content_pack_builder.cpp).
                           const std::string words = row.text(2);
                           std::size_t start = 0;
                           while (start <= words.size()) {
                               std::size_t end = words.find('\n', start);
                               if (end == std::string::npos) end = words.size();
                               if (end > start)
                                   symptom.lay_terms.push_back(words.substr(start, end - start));
                               start = end + 1;
                           }
                       });
    }

    sqlite3* database_;
    bool failed_ = false;
};

std::string read_schema_version(sqlite3* database, bool& found) {
    found = false;
    sqlite::Statement statement(database, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (statement.step() != SQLITE_ROW) return {};
    found = true;
    return statement.text(0);
}

constexpr const char* what_to_do_with_a_changed_pack =
    ". LungGuide will not show text it can't vouch for. Reinstall LungGuide to restore it.";

// Recomputes the digest of every table and compares it with the one the builder recorded.
Status verify_digest(sqlite3* database, const std::string& path) {
    const std::string refused =
        "The content pack at " + path + " has been changed or damaged since it was built";
    const std::string what_to_do = what_to_do_with_a_changed_pack;
    const std::string recorded = recorded_content_pack_digest(database);
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

// Why a pack whose tables all check out is refused all the same: its bytes are not the ones
// the builder sealed, or no key this program trusts signed them.
std::string unvouched_message(const std::string& path, const ContentPackStamps& stamps,
                              PackSignature signature) {
    if (!stamps.seal_holds)
        return "The content pack at " + path + " has been changed or damaged since it was built" +
               what_to_do_with_a_changed_pack;
    return "The content pack at " + path + " is not signed by LungGuide (" +
           (signature == PackSignature::missing ? "it has no signature"
                                                : "its signature is not LungGuide's") +
           "), so its medical text may have been changed" + what_to_do_with_a_changed_pack;
}

// The open database is sound, of this app's format, and holds what was built. A pack whose
// bytes are the ones the builder sealed and signed is the very file it checked in full, so
// only its format is asked (content_pack_seal.h, content_pack_signature.h).
Status check_pack_database(sqlite3* database, const std::string& path, bool vouched_for) {
    if (!vouched_for) {
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
    return vouched_for ? Status::success() : verify_digest(database, path);
}

} // namespace

struct ContentPackOpener {
    // With a key, the pack must carry its signature; without one (the builder's own check of
    // a pack it has just written, before signing) the full checks decide alone.
    static Result<std::unique_ptr<ContentPack>> open(const std::string& path,
                                                     const PackPublicKey* key) {
        if (Status file = check_pack_file(path); !file.ok()) return file;
        const ContentPackStamps stamps = read_content_pack_stamps(path);
        const PackSignature signature =
            key ? check_content_pack_signature(stamps, *key) : PackSignature::missing;
        const bool vouched_for = stamps.seal_holds && signature == PackSignature::valid;
        std::unique_ptr<ContentPack> pack(new ContentPack());
        pack->path_ = path;
        sqlite3* opened = nullptr;
        const int code = sqlite3_open_v2(file_uri(path).c_str(), &opened,
                                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        // Closed on every way out: all the pack holds is read here (content_pack.h).
        const std::unique_ptr<sqlite3, int (*)(sqlite3*)> database(opened, sqlite3_close);
        if (code != SQLITE_OK) return Status::failure(Problem::damaged, damaged_message(path));
        // An unvouched pack gets the full checks first, so that damage is named as such.
        if (Status checked = check_pack_database(database.get(), path, vouched_for); !checked.ok())
            return checked;
        if (key && !vouched_for)
            return Status::failure(Problem::damaged, unvouched_message(path, stamps, signature));
        if (!PackReader(database.get()).read(pack->guide_) || pack->guide_.classes.empty() ||
            !read_content_pack_dictionary(database.get(), pack->dictionary_front_coded_))
            return Status::failure(Problem::damaged, damaged_message(path));
        pack->digest_ = recorded_content_pack_digest(database.get());
        return pack;
    }
};

Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path) {
    return ContentPackOpener::open(path, &trusted_pack_public_key());
}

Result<std::unique_ptr<ContentPack>> open_content_pack(const std::string& path,
                                                       const PackPublicKey& key) {
    return ContentPackOpener::open(path, &key);
}

Status check_unsigned_content_pack(const std::string& path) {
    return ContentPackOpener::open(path, nullptr).status();
}

std::string default_content_pack_path() {
    // An explicit choice wins, so $LUNGGUIDE_PACK also redirects an installed program.
    if (const char* from_environment = std::getenv("LUNGGUIDE_PACK"))
        if (*from_environment) return from_environment;
    return find_data_path("lungguide-content.db", "lungguide-content.db");
}

} // namespace lungguide
