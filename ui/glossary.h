// Finds the terms the page explains (Guide::glossary) inside a run of text, so the
// paragraph renderer can make them tappable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lungguide {
struct Guide;
}

namespace lungguide::ui {

struct GlossaryMatch {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
    std::string term_id;
};

class GlossaryMatcher {
  public:
    explicit GlossaryMatcher(const Guide& guide);
    // Non-overlapping matches in text order; each term at most once per text (the first
    // occurrence), longest wording first so "interstitial lung disease (ILD)/pneumonitis"
    // wins over "ILD".
    std::vector<GlossaryMatch> find(std::string_view text) const;
    // The term ids found in any of the texts, in first-seen order (for "Words on this page").
    std::vector<std::string> terms_in(const std::vector<std::string_view>& texts) const;

  private:
    struct Needle {
        std::string lower; // ASCII-lowered wording
        std::string term_id;
    };
    std::vector<Needle> needles_; // longest first
};

} // namespace lungguide::ui
