// The content pack's tables. Shared by the builder, which creates them, and the loader.
// Their names and columns are those the list of the Guide's fields gives (guide_fields.h);
// this text is the frozen form of one pack format, in every pack's bytes, so a change to it
// goes with a new content_pack_schema_version.
//
// No passages and no FTS5 index: search derives the page's passages from the Guide
// (content/page_passages.h) and indexes their words in memory (search/search_passages.cpp).
// complaint_words: Guide::complaint_words. dictionary_words: the dictionary words search
// must never correct into a page word (see SearchIndex::real_words_in_typo_reach), as one
// front-coded row (see content_pack_dictionary.h): a table of words would take four times
// the room.
//
// Size: a table keyed by text or by several columns is WITHOUT ROWID, so its key is stored
// once, in the table's own b-tree, not again in a separate index (see also the builder's
// small page size). The bytes change, not the shape: no schema version bump.
// symptom_concept_terms keeps its rowid and has no key: a concept's lay words are one long
// row (a line each), a WITHOUT ROWID table would copy whole rows into its interior pages,
// and a key's index would store every row's key again (nine pages). The reader orders the
// 120 rows itself; the pack's digest and seal already refuse a changed row.
#pragma once

namespace lungguide {

inline constexpr const char* content_pack_schema_sql = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sections(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, heading TEXT NOT NULL);
CREATE TABLE section_items(section_id TEXT NOT NULL, position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('paragraph', 'bullet')), text TEXT NOT NULL,
    PRIMARY KEY(section_id, position)) WITHOUT ROWID;
CREATE TABLE classes(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    heading TEXT NOT NULL, mechanism TEXT NOT NULL, gene_change_frequency TEXT NOT NULL,
    who_has_it TEXT NOT NULL, how_given TEXT NOT NULL, how_given_is_own_paragraph INTEGER NOT NULL,
    examples_heading TEXT NOT NULL, side_effects_heading TEXT NOT NULL);
CREATE TABLE class_texts(class_id TEXT NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('note', 'caution')),
    position INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(class_id, kind, position)) WITHOUT ROWID;
CREATE TABLE class_drugs(class_id TEXT NOT NULL, position INTEGER NOT NULL, drug_id TEXT NOT NULL,
    PRIMARY KEY(class_id, position)) WITHOUT ROWID;
CREATE TABLE uses(class_id TEXT NOT NULL, position INTEGER NOT NULL, group_heading TEXT NOT NULL,
    text TEXT NOT NULL, alone INTEGER NOT NULL, biomarker_id TEXT NOT NULL, stage TEXT NOT NULL,
    listed_in_examples INTEGER NOT NULL, PRIMARY KEY(class_id, position)) WITHOUT ROWID;
CREATE TABLE use_links(class_id TEXT NOT NULL, use_position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('drug', 'combined_with', 'setting')),
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY(class_id, use_position, kind, position)) WITHOUT ROWID;
CREATE TABLE side_effect_groups(class_id TEXT NOT NULL,
    severity TEXT NOT NULL CHECK(severity IN ('common', 'rare_serious')),
    label TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY(class_id, severity)) WITHOUT ROWID;
CREATE TABLE side_effects(class_id TEXT NOT NULL, severity TEXT NOT NULL, position INTEGER NOT NULL,
    term TEXT NOT NULL, PRIMARY KEY(class_id, severity, position)) WITHOUT ROWID;
CREATE TABLE drugs(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE drug_names(drug_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('brand', 'source_spelling')), position INTEGER NOT NULL,
    name TEXT NOT NULL, PRIMARY KEY(drug_id, kind, position)) WITHOUT ROWID;
CREATE TABLE drug_activity(drug_id TEXT NOT NULL, position INTEGER NOT NULL, class_id TEXT NOT NULL,
    PRIMARY KEY(drug_id, position)) WITHOUT ROWID;
CREATE TABLE biomarkers(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    gene TEXT NOT NULL);
CREATE TABLE biomarker_aliases(biomarker_id TEXT NOT NULL, position INTEGER NOT NULL,
    alias TEXT NOT NULL, PRIMARY KEY(biomarker_id, position)) WITHOUT ROWID;
CREATE TABLE glossary(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, term TEXT NOT NULL,
    explanation TEXT NOT NULL, class_id TEXT NOT NULL);
CREATE TABLE glossary_aliases(term_id TEXT NOT NULL, position INTEGER NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY(term_id, position)) WITHOUT ROWID;
CREATE TABLE corrections(position INTEGER PRIMARY KEY, original TEXT NOT NULL,
    corrected TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE symptom_concepts(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL);
CREATE TABLE symptom_concept_terms(concept_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('page', 'lay')), position INTEGER NOT NULL,
    term TEXT NOT NULL);
CREATE TABLE complaint_words(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE dictionary_words(front_coded TEXT NOT NULL);
)SQL";

} // namespace lungguide
