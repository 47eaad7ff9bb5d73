#include "glossary.h"

#include "common/letter_case.h"
#include "content/guide.h"

#include <algorithm>
#include <set>

namespace lungguide::ui {

namespace {

bool is_word_character(char character) {
    unsigned char byte = static_cast<unsigned char>(character);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
           (byte >= '0' && byte <= '9') || byte >= 0x80;
}

} // namespace

GlossaryMatcher::GlossaryMatcher(const Guide& guide) {
    for (const GlossaryTerm& term : guide.glossary) {
        needles_.push_back({lower_ascii(term.term), term.id});
        for (const std::string& alias : term.aliases)
            needles_.push_back({lower_ascii(alias), term.id});
    }
    std::stable_sort(needles_.begin(), needles_.end(), [](const Needle& a, const Needle& b) {
        return a.lower.size() > b.lower.size();
    });
}

std::vector<GlossaryMatch> GlossaryMatcher::find(std::string_view text) const {
    std::vector<GlossaryMatch> matches;
    if (needles_.empty() || text.empty()) return matches;
    const std::string haystack = lower_ascii(std::string(text));
    std::set<std::string> seen_terms;
    for (const Needle& needle : needles_) {
        if (needle.lower.empty() || seen_terms.count(needle.term_id)) continue;
        std::size_t at = 0;
        while ((at = haystack.find(needle.lower, at)) != std::string::npos) {
            std::size_t end = at + needle.lower.size();
            bool starts_word = at == 0 || !is_word_character(haystack[at - 1]);
            bool ends_word = end >= haystack.size() || !is_word_character(haystack[end]);
            bool overlaps =
                std::any_of(matches.begin(), matches.end(),
                            [&](const GlossaryMatch& m) { return at < m.end && m.begin < end; });
            if (starts_word && ends_word && !overlaps) {
                matches.push_back({at, end, needle.term_id});
                seen_terms.insert(needle.term_id);
                break;
            }
            at = end;
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const GlossaryMatch& a, const GlossaryMatch& b) { return a.begin < b.begin; });
    return matches;
}

std::vector<std::string>
GlossaryMatcher::terms_in(const std::vector<std::string_view>& texts) const {
    std::vector<std::string> ids;
    for (std::string_view text : texts)
        for (const GlossaryMatch& match : find(text))
            if (std::find(ids.begin(), ids.end(), match.term_id) == ids.end())
                ids.push_back(match.term_id);
    return ids;
}

} // namespace lungguide::ui
