// WordNet at pack-build time (issue 20): the synonyms and inflections WordNet proposes for a
// symptom's page words, kept only when a person has reviewed them (assets/content/
// wordnet-review.json). WordNet offers wrong senses ("rash": "spate", "impetuous";
// "fatigue": army "fatigues"), so nothing is imported blindly. The words find things only;
// they are never shown as facts. Reads Debian's wordnet-base files (/usr/share/wordnet).
#pragma once

#include "content/guide.h"
#include "content/guide_json.h"

#include <map>
#include <string>
#include <vector>

namespace lungguide {

class WordNet {
  public:
    // Reads index.* and data.* of noun, verb, adj and adv, and the *.exc inflections; an
    // empty WordNet when the folder has none of them.
    explicit WordNet(const std::string& folder);
    bool empty() const { return index_.empty(); }

    // Every other lemma of every sense of the word (underscores as spaces), and the word's
    // irregular inflections, lower case, sorted, without the word itself.
    std::vector<std::string> proposals_for(const std::string& word) const;

  private:
    std::string folder_;
    std::map<std::string, std::vector<std::pair<std::string, long>>> index_; // word → (pos, offset)
    std::map<std::string, std::vector<std::string>> inflections_;            // base → forms
    std::vector<std::string> lemmas_at(const std::string& pos, long offset) const;
};

// The words of a concept that WordNet is asked about: its page terms of one word.
std::vector<std::string> wordnet_words_of(const SymptomConcept& symptom);

// What WordNet proposes for each concept (id → words), from wordnet_words_of.
std::map<std::string, std::vector<std::string>> wordnet_proposals(const Guide& guide,
                                                                  const WordNet& wordnet);

// Adds each concept's reviewed and accepted proposals to its lay terms (if not there yet).
// Returns the proposals nobody has reviewed, to report: they are left out.
std::vector<std::string> add_reviewed_wordnet_words(Guide& guide, const WordNet& wordnet,
                                                    const WordNetReview& review);

} // namespace lungguide
