#include "content/content_pack_builder.h"

#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_schema.h"
#include "content/content_pack_seal.h"

#include <cstdio>
#include <sqlite3.h>

namespace lungguide {

namespace {

class PackWriter {
  public:
    explicit PackWriter(sqlite3* database) : database_(database) {}

    std::string write(const Guide& guide) {
        if (!execute(content_pack_schema_sql)) return error();
        if (!execute("BEGIN")) return error();
        write_meta(guide);
        write_sections(guide);
        for (std::size_t index = 0; index < guide.classes.size(); ++index)
            write_class(guide.classes[index], static_cast<int>(index));
        write_drugs(guide);
        write_biomarkers(guide);
        write_glossary(guide);
        write_corrections(guide);
        write_symptom_concepts(guide);
        if (failed_) return error_;
        if (!execute("COMMIT")) return error();
        // Last, once every table is final: the digests the loader checks at open.
        const Status digest = record_content_pack_digest(database_);
        if (!digest.ok()) return digest.message_for_person;
        // Compacts the file so it holds no free pages left over from building.
        if (!execute("VACUUM")) return error();
        return {};
    }

  private:
    bool execute(const char* sql) {
        return sqlite3_exec(database_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    std::string error() const { return sqlite3_errmsg(database_); }

    // Runs one INSERT with the given values bound in order.
    template <typename... Values> void insert(const char* sql, const Values&... values) {
        if (failed_) return;
        sqlite::Statement statement(database_, sql);
        int index = 0;
        (statement.bind(++index, values), ...);
        if (!statement.prepared() || statement.step() != SQLITE_DONE) {
            failed_ = true;
            error_ = std::string(sqlite3_errmsg(database_)) + " in: " + sql;
        }
    }

    void write_meta(const Guide& guide) {
        const char* sql = "INSERT INTO meta(key, value) VALUES(?, ?)";
        insert(sql, std::string("schema_version"), std::to_string(content_pack_schema_version));
        insert(sql, std::string("content_version"), guide.content_version);
        insert(sql, std::string("title"), guide.title);
        insert(sql, std::string("source"), guide.source);
        insert(sql, std::string("revision_date"), guide.revision_date);
        insert(sql, std::string("doctor_advice"), guide.doctor_advice);
    }

    void write_sections(const Guide& guide) {
        for (std::size_t index = 0; index < guide.sections.size(); ++index) {
            const Section& section = guide.sections[index];
            insert("INSERT INTO sections(position, id, heading) VALUES(?,?,?)",
                   static_cast<int>(index), section.id, section.heading);
            for (std::size_t item = 0; item < section.items.size(); ++item) {
                const SectionItem& entry = section.items[item];
                std::string kind = entry.kind == SectionItem::Kind::bullet ? "bullet" : "paragraph";
                insert("INSERT INTO section_items(section_id, position, kind, text) "
                       "VALUES(?,?,?,?)",
                       section.id, static_cast<int>(item), kind, entry.text);
            }
        }
    }

    void write_class(const DrugClass& drug_class, int position) {
        const std::string& id = drug_class.id;
        insert("INSERT INTO classes(position, id, name, heading, mechanism, gene_change_frequency, "
               "who_has_it, how_given, how_given_is_own_paragraph, examples_heading, "
               "side_effects_heading) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
               position, id, drug_class.name, drug_class.heading, drug_class.mechanism,
               drug_class.gene_change_frequency, drug_class.who_has_it, drug_class.how_given,
               drug_class.how_given_is_own_paragraph, drug_class.examples_heading,
               drug_class.side_effects_heading);
        write_class_texts(id, "note", drug_class.notes);
        write_class_texts(id, "caution", drug_class.cautions);
        for (std::size_t index = 0; index < drug_class.drug_ids.size(); ++index)
            insert("INSERT INTO class_drugs(class_id, position, drug_id) VALUES(?,?,?)", id,
                   static_cast<int>(index), drug_class.drug_ids[index]);
        for (std::size_t index = 0; index < drug_class.uses.size(); ++index)
            write_use(id, drug_class.uses[index], static_cast<int>(index));
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            std::string severity = severity_id(group.severity);
            insert("INSERT INTO side_effect_groups(class_id, severity, label, text) "
                   "VALUES(?,?,?,?)",
                   id, severity, group.label, group.text);
            for (std::size_t index = 0; index < group.terms.size(); ++index)
                insert("INSERT INTO side_effects(class_id, severity, position, term) "
                       "VALUES(?,?,?,?)",
                       id, severity, static_cast<int>(index), group.terms[index]);
        }
    }

    void write_class_texts(const std::string& class_id, const std::string& kind,
                           const std::vector<std::string>& texts) {
        for (std::size_t index = 0; index < texts.size(); ++index) {
            insert("INSERT INTO class_texts(class_id, kind, position, text) VALUES(?,?,?,?)",
                   class_id, kind, static_cast<int>(index), texts[index]);
        }
    }

    void write_use(const std::string& class_id, const DrugUse& use, int position) {
        insert("INSERT INTO uses(class_id, position, group_heading, text, alone, biomarker_id, "
               "stage, listed_in_examples) VALUES(?,?,?,?,?,?,?,?)",
               class_id, position, use.group_heading, use.text, use.alone, use.biomarker_id,
               use.stage, use.listed_in_examples);
        write_use_links(class_id, position, "drug", use.drug_ids);
        write_use_links(class_id, position, "combined_with", use.combined_with);
        write_use_links(class_id, position, "setting", use.settings);
    }

    void write_use_links(const std::string& class_id, int use_position, const std::string& kind,
                         const std::vector<std::string>& values) {
        for (std::size_t index = 0; index < values.size(); ++index)
            insert("INSERT INTO use_links(class_id, use_position, kind, position, value) "
                   "VALUES(?,?,?,?,?)",
                   class_id, use_position, kind, static_cast<int>(index), values[index]);
    }

    void write_drugs(const Guide& guide) {
        for (std::size_t index = 0; index < guide.drugs.size(); ++index) {
            const Drug& drug = guide.drugs[index];
            insert("INSERT INTO drugs(position, id, name, kind, description) VALUES(?,?,?,?,?)",
                   static_cast<int>(index), drug.id, drug.name,
                   std::string(drug_kind_id(drug.kind)), drug.description);
            write_drug_names(drug.id, "brand", drug.brands);
            write_drug_names(drug.id, "source_spelling", drug.source_spellings);
            for (std::size_t item = 0; item < drug.activity_class_ids.size(); ++item)
                insert("INSERT INTO drug_activity(drug_id, position, class_id) VALUES(?,?,?)",
                       drug.id, static_cast<int>(item), drug.activity_class_ids[item]);
        }
    }

    void write_drug_names(const std::string& drug_id, const std::string& kind,
                          const std::vector<std::string>& names) {
        for (std::size_t index = 0; index < names.size(); ++index)
            insert("INSERT INTO drug_names(drug_id, kind, position, name) VALUES(?,?,?,?)", drug_id,
                   kind, static_cast<int>(index), names[index]);
    }

    void write_biomarkers(const Guide& guide) {
        for (std::size_t index = 0; index < guide.biomarkers.size(); ++index) {
            const Biomarker& biomarker = guide.biomarkers[index];
            insert("INSERT INTO biomarkers(position, id, name, gene) VALUES(?,?,?,?)",
                   static_cast<int>(index), biomarker.id, biomarker.name, biomarker.gene);
            for (std::size_t item = 0; item < biomarker.aliases.size(); ++item)
                insert("INSERT INTO biomarker_aliases(biomarker_id, position, alias) "
                       "VALUES(?,?,?)",
                       biomarker.id, static_cast<int>(item), biomarker.aliases[item]);
        }
    }

    void write_glossary(const Guide& guide) {
        for (std::size_t index = 0; index < guide.glossary.size(); ++index) {
            const GlossaryTerm& term = guide.glossary[index];
            insert("INSERT INTO glossary(position, id, term, explanation, class_id) "
                   "VALUES(?,?,?,?,?)",
                   static_cast<int>(index), term.id, term.term, term.explanation, term.class_id);
            for (std::size_t item = 0; item < term.aliases.size(); ++item)
                insert("INSERT INTO glossary_aliases(term_id, position, alias) VALUES(?,?,?)",
                       term.id, static_cast<int>(item), term.aliases[item]);
        }
    }

    void write_corrections(const Guide& guide) {
        for (std::size_t index = 0; index < guide.corrections.size(); ++index) {
            const Correction& correction = guide.corrections[index];
            insert("INSERT INTO corrections(position, original, corrected, reason) "
                   "VALUES(?,?,?,?)",
                   static_cast<int>(index), correction.original, correction.corrected,
                   correction.reason);
        }
    }

    void write_symptom_concepts(const Guide& guide) {
        for (const std::string& word : guide.complaint_words)
            insert("INSERT OR IGNORE INTO complaint_words(word) VALUES(?)", word);
        for (std::size_t index = 0; index < guide.symptom_concepts.size(); ++index) {
            const SymptomConcept& symptom = guide.symptom_concepts[index];
            insert("INSERT INTO symptom_concepts(position, id, label) VALUES(?,?,?)",
                   static_cast<int>(index), symptom.id, symptom.label);
            for (std::size_t item = 0; item < symptom.page_terms.size(); ++item)
                insert("INSERT INTO symptom_concept_terms(concept_id, kind, position, term) "
                       "VALUES(?,'page',?,?)",
                       symptom.id, static_cast<int>(item), symptom.page_terms[item]);
            // The lay words of a concept in one row, a line each: a row per word took more
            // room than the words (issue 20's vocabulary is about 1,000 of them).
            std::string lay_words;
            for (const std::string& term : symptom.lay_terms)
                lay_words += (lay_words.empty() ? "" : "\n") + term;
            if (!lay_words.empty())
                insert("INSERT INTO symptom_concept_terms(concept_id, kind, position, term) "
                       "VALUES(?,'lay',0,?)",
                       symptom.id, lay_words);
        }
    }

    sqlite3* database_;
    bool failed_ = false;
    std::string error_;
};

} // namespace

Status check_and_seal_content_pack(const std::string& path) {
    const Status checked = check_unsigned_content_pack(path);
    if (!checked.ok())
        return Status::failure(Problem::failed, "the pack just written does not pass its own "
                                                "checks: " +
                                                    checked.message_for_person);
    return seal_content_pack(path);
}

Status build_content_pack(const Guide& guide, const std::string& output_path) {
    // Build beside the target and rename, so a reader never sees a half-written pack.
    const std::string temporary_path = output_path + ".building";
    std::remove(temporary_path.c_str());
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(temporary_path.c_str(), &database,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::string message = database ? sqlite3_errmsg(database) : "out of memory";
        sqlite3_close(database);
        return Status::failure(Problem::failed, "cannot create " + temporary_path + ": " + message);
    }
    // Small pages: the pack is ~30 KB of text in many small tables and indexes, and each
    // of them takes at least one page; at 512 bytes the half-empty last pages cost little.
    sqlite3_exec(database, "PRAGMA journal_mode=OFF; PRAGMA page_size=512;", nullptr, nullptr,
                 nullptr);
    std::string error = PackWriter(database).write(guide);
    sqlite3_close(database);
    if (!error.empty()) {
        std::remove(temporary_path.c_str());
        return Status::failure(Problem::failed, "cannot write the content pack: " + error);
    }
    if (Status sealed = check_and_seal_content_pack(temporary_path); !sealed.ok()) {
        std::remove(temporary_path.c_str());
        return sealed;
    }
    if (std::rename(temporary_path.c_str(), output_path.c_str()) != 0)
        return Status::failure(Problem::failed,
                               "cannot move the content pack into place at " + output_path);
    return Status::success();
}

} // namespace lungguide
