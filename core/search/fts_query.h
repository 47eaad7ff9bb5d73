// Building SQLite FTS5 query expressions from words, by escaping only.
//
// A person's text never becomes FTS5 syntax: each word is wrapped as an FTS5 string
// ("…", with inner quotes doubled), so AND, OR, NOT, NEAR, *, ^, :, ( and ) typed by
// someone are just letters to match. The whole expression is then passed to SQLite as a
// bound parameter, never spliced into SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lungguide {

// One query word and the spellings it may stand for (e.g. "diarhea" → "diarrhea").
struct FtsQueryWord {
    std::vector<std::string> alternatives; // any of these may match
    bool prefix = false;                   // the person is still typing it
};

// An FTS5 string literal: text in double quotes with quotes doubled and NUL bytes removed.
std::string quote_fts5_string(std::string_view text);

// ("a" OR "b") AND "c"* …: every word must match, through any of its alternatives.
// Words without alternatives are skipped; returns "" when nothing is left to search.
std::string build_fts5_match_expression(const std::vector<FtsQueryWord>& words);

} // namespace lungguide
