#include "typed_queries.h"

namespace lungguide::bench {

const std::vector<std::string>& typed_queries() {
    static const std::vector<std::string> queries = {"tired",
                                                     "being sick",
                                                     "feeling sick",
                                                     "tingling",
                                                     "pins and needles",
                                                     "bloody nose",
                                                     "anaemia",
                                                     "diarrhoea",
                                                     "high blood pressure",
                                                     "muscle and joint pain",
                                                     "can't sleep",
                                                     "swollen ankles",
                                                     "hair loss",
                                                     "rash",
                                                     "osimertinib",
                                                     "Tagrisso",
                                                     "Tagresso",
                                                     "egfr exon 20",
                                                     "G12C",
                                                     "V600E",
                                                     "NTRK fusion",
                                                     "ERBB2",
                                                     "exon 14 skipping",
                                                     "blood thinners",
                                                     "alk inhibitors",
                                                     "crizotinib",
                                                     "side effects of ret",
                                                     "sensitivity to the sun",
                                                     "stomach ache",
                                                     "tired and being sick"};
    return queries;
}

const std::vector<std::string>& misspelled_queries() {
    static const std::vector<std::string> queries = {
        "nausia",    "diarhea",     "tierd",        "fatige",          "vomitting",
        "headach",   "constipaton", "neuropahty",   "osimertinb",      "Tagreso",
        "crizotnib", "pneumonitus", "hair los",     "swolen",          "bleding",
        "tiredniss", "diarrhoae",   "larotrectnib", "photosensitivty", "exaustion"};
    return queries;
}

std::vector<std::string> keystrokes(const std::vector<std::string>& queries) {
    std::vector<std::string> prefixes;
    for (const std::string& query : queries) {
        for (std::size_t length = 1; length <= query.size(); ++length) {
            prefixes.push_back(query.substr(0, length));
        }
    }
    return prefixes;
}

} // namespace lungguide::bench
