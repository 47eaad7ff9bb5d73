#include "search/fts_query.h"

namespace lungguide {

std::string quote_fts5_string(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted += '"';
    for (char c : text) {
        if (c == '\0') continue;
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string build_fts5_match_expression(const std::vector<FtsQueryWord>& words) {
    std::string expression;
    for (const FtsQueryWord& word : words) {
        std::string group;
        std::size_t kept = 0;
        for (const std::string& alternative : word.alternatives) {
            if (alternative.empty()) continue;
            if (kept > 0) group += " OR ";
            group += quote_fts5_string(alternative);
            if (word.prefix) group += '*';
            ++kept;
        }
        if (kept == 0) continue;
        if (!expression.empty()) expression += " AND ";
        if (kept > 1) {
            expression += '(' + group + ')';
        } else {
            expression += group;
        }
    }
    return expression;
}

} // namespace lungguide
