// WordNet's files, read once at pack-build time (search_wordnet.h). Format: wndb(5WN).
#include "search/search_wordnet.h"

#include "search/search_text.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace lungguide {

namespace {

constexpr const char* parts_of_speech[] = {"noun", "verb", "adj", "adv"};

std::string spaced(std::string lemma) {
    std::replace(lemma.begin(), lemma.end(), '_', ' ');
    // Adjectives may carry a marker: "tired(a)".
    const std::size_t marker = lemma.find('(');
    if (marker != std::string::npos) lemma.erase(marker);
    return fold_for_search(lemma);
}

} // namespace

WordNet::WordNet(const std::string& folder) : folder_(folder) {
    for (const char* pos : parts_of_speech) {
        std::ifstream index(folder + "/index." + pos);
        std::string line;
        while (std::getline(index, line)) {
            if (line.empty() || line[0] == ' ') continue; // the licence at the top
            std::istringstream fields(line);
            std::string lemma, part;
            int senses = 0, pointers = 0;
            fields >> lemma >> part >> senses >> pointers;
            std::string skip;
            for (int index_of = 0; index_of < pointers; ++index_of)
                fields >> skip;
            fields >> skip >> skip; // sense_cnt, tagsense_cnt
            long offset = 0;
            while (fields >> offset)
                index_[lemma].push_back({pos, offset});
        }
        std::ifstream exceptions(folder + "/" + (std::string(pos) == "adj" ? "adj" : pos) + ".exc");
        while (std::getline(exceptions, line)) {
            std::istringstream fields(line);
            std::string inflected, base;
            fields >> inflected;
            while (fields >> base)
                inflections_[base].push_back(spaced(inflected));
        }
    }
}

std::vector<std::string> WordNet::lemmas_at(const std::string& pos, long offset) const {
    std::ifstream data(folder_ + "/data." + pos);
    data.seekg(offset);
    std::string line;
    std::getline(data, line);
    std::istringstream fields(line);
    std::string skip, count_hex;
    fields >> skip >> skip >> skip >> count_hex; // offset, lex_filenum, ss_type, w_cnt
    const int count = static_cast<int>(std::stol(count_hex.empty() ? "0" : count_hex, nullptr, 16));
    std::vector<std::string> lemmas;
    for (int index = 0; index < count; ++index) {
        std::string lemma, lex_id;
        fields >> lemma >> lex_id;
        lemmas.push_back(spaced(lemma));
    }
    return lemmas;
}

std::vector<std::string> WordNet::proposals_for(const std::string& word) const {
    std::vector<std::string> proposals;
    std::string key = word;
    std::replace(key.begin(), key.end(), ' ', '_');
    auto found = index_.find(key);
    if (found != index_.end()) {
        for (const auto& [pos, offset] : found->second)
            for (std::string& lemma : lemmas_at(pos, offset))
                proposals.push_back(std::move(lemma));
    }
    auto forms = inflections_.find(key);
    if (forms != inflections_.end())
        proposals.insert(proposals.end(), forms->second.begin(), forms->second.end());
    const std::string self = fold_for_search(word);
    proposals.erase(std::remove(proposals.begin(), proposals.end(), self), proposals.end());
    std::sort(proposals.begin(), proposals.end());
    proposals.erase(std::unique(proposals.begin(), proposals.end()), proposals.end());
    return proposals;
}

std::vector<std::string> wordnet_words_of(const SymptomConcept& symptom) {
    std::vector<std::string> words;
    for (const std::string& term : symptom.page_terms) {
        const std::vector<std::string> parts = split_search_words(term);
        if (parts.size() == 1 && std::find(words.begin(), words.end(), parts[0]) == words.end())
            words.push_back(parts[0]);
    }
    return words;
}

std::map<std::string, std::vector<std::string>> wordnet_proposals(const Guide& guide,
                                                                  const WordNet& wordnet) {
    std::map<std::string, std::vector<std::string>> proposals;
    for (const SymptomConcept& symptom : guide.symptom_concepts) {
        std::vector<std::string>& of_concept = proposals[symptom.id];
        for (const std::string& word : wordnet_words_of(symptom))
            for (const std::string& proposal : wordnet.proposals_for(word))
                if (std::find(of_concept.begin(), of_concept.end(), proposal) == of_concept.end())
                    of_concept.push_back(proposal);
    }
    return proposals;
}

std::vector<std::string> add_reviewed_wordnet_words(Guide& guide, const WordNet& wordnet,
                                                    const WordNetReview& review) {
    std::vector<std::string> unreviewed;
    const auto proposals = wordnet_proposals(guide, wordnet);
    for (SymptomConcept& symptom : guide.symptom_concepts) {
        auto of_concept = proposals.find(symptom.id);
        if (of_concept == proposals.end()) continue;
        const auto accepted = review.accepted.find(symptom.id);
        const auto rejected = review.rejected.find(symptom.id);
        auto listed = [](const auto& lists, const auto& at, const std::string& word) {
            return at != lists.end() &&
                   std::find(at->second.begin(), at->second.end(), word) != at->second.end();
        };
        for (const std::string& word : of_concept->second) {
            std::vector<std::string>& lay = symptom.lay_terms;
            if (listed(review.accepted, accepted, word)) {
                if (std::find(lay.begin(), lay.end(), word) == lay.end()) lay.push_back(word);
            } else if (!listed(review.rejected, rejected, word)) {
                unreviewed.push_back(symptom.id + ": " + word);
            }
        }
    }
    return unreviewed;
}

} // namespace lungguide
