// The content pack's tables, made from the list of the Guide's fields (guide_fields.h), so a
// field added there has its column here without another edit. Used by the pack builder, which
// creates them; the loader reads the same list.
//
// Each list of items is a table: the keys of the items it belongs to, its position, then its
// scalars in the list's order (texts TEXT, flags INTEGER, choices TEXT checked against their
// options). A top-level list keeps the rowid as its position and its key UNIQUE; a nested one
// is keyed by its parents' keys and its position (or its own key, when not positioned) and
// is WITHOUT ROWID, so its key is stored once, in the table's own b-tree. Lists of texts are
// tables the same way; lists sharing a table are told apart by `kind`. A table holding a
// list as lines of one long row keeps its rowid and has no key: WITHOUT ROWID would copy
// whole rows into its interior pages, and a key's index would store every row's key again.
// The reader orders such rows itself; the pack's digest and seal refuse a changed row.
//
// No passages and no FTS5 index: search derives the page's passages from the Guide
// (content/page_passages.h) and indexes their words in memory (search/search_passages.cpp).
// Besides the Guide's tables: meta (the Guide's own scalars, the format version, digest,
// seal and signature) and dictionary_words (content_pack_dictionary.h), one front-coded row
// of the words search must never correct into a page word: a table of words would take four
// times the room.
//
// The text is stored in every pack, so a change to it is a new pack format: bump
// content_pack_schema_version (content_pack.h); tests/core/test_content_pack_schema.cpp
// keeps each format's digest and says so when the text changes alone.
#pragma once

#include "common/result.h"

#include <string>

namespace lungguide {

// The CREATE TABLE statements of a pack, or why the field list cannot be laid out (two lists
// that share a table disagree on its columns).
Result<std::string> content_pack_schema_sql();

} // namespace lungguide
