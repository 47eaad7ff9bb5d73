// Reading the authored content (assets/content/*.json) into a Guide.
//
// The JSON holds only what a person authored from the page; everything derivable
// (a drug's classes, a gene change's drugs) is derived here, so it is never written twice.
#pragma once

#include "common/result.h"
#include "content/guide.h"

#include <map>
#include <string>
#include <vector>

namespace lungguide {

// guide_json_text: assets/content/guide.json. symptom_concepts_json_text may be empty. On
// failure (Problem::invalid_input) the message names the file and the field.
Status parse_guide_json(const std::string& guide_json_text,
                        const std::string& symptom_concepts_json_text, Guide& guide);

// assets/content/wordnet-review.json: for each symptom concept, which of WordNet's proposed
// words a person accepted as words for it, and which were rejected (wrong senses).
struct WordNetReview {
    std::map<std::string, std::vector<std::string>> accepted; // concept id → words
    std::map<std::string, std::vector<std::string>> rejected;
};
Status parse_wordnet_review(const std::string& json_text, WordNetReview& review);

// Fills Drug::class_ids, Drug::partner_class_ids, Biomarker::class_ids and drug_ids
// from the classes' drug lists and uses.
void derive_links(Guide& guide);

} // namespace lungguide
