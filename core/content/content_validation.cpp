#include "content/content_validation.h"

#include "content/guide_fields.h"
#include "content/source_corrections.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace lungguide {

namespace {

// The words of a text in order, lower case (letters and digits; everything else separates).
std::vector<std::string> word_sequence(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char character : text) {
        unsigned char byte = static_cast<unsigned char>(character);
        if (std::isalnum(byte)) {
            word += static_cast<char>(std::tolower(byte));
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

std::set<std::string> words_of(const std::string& text) {
    const std::vector<std::string> words = word_sequence(text);
    return std::set<std::string>(words.begin(), words.end());
}

// Calls check(where, text) for every text the list of fields (guide_fields.h) marks as the
// page's own words; `where` names the item as the JSON reader's errors do, then the field.
template <typename Check> struct PageTexts {
    Check& check;
    std::string where;
    const char* label = nullptr; // the item's name, before its id

    void text(const std::string& value, const fields::Field& field) {
        if (field.has(fields::key) && label) where = std::string(label) + " " + value;
        if (field.has(fields::page_text)) check(where + " " + field.name, value);
    }
    void texts(const std::vector<std::string>& values, const fields::Field& field,
               const fields::TextTable&) {
        if (field.has(fields::page_text))
            for (const std::string& value : values)
                check(where + " " + field.name, value);
    }
    template <typename Item>
    void items(const std::vector<Item>& list, const fields::Field&,
               const fields::ItemTable& table) {
        for (const Item& item : list) {
            PageTexts child{check, table.where ? table.where : where, table.where};
            fields::visit_fields(item, child);
        }
    }
    void flag(bool, const fields::Field&) {}
    template <typename Enum> void choice(Enum, const fields::Field&, fields::Choices<Enum>) {}
};

// True when `part` occurs in `whole` as consecutive words.
bool has_words(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
    return !part.empty() &&
           std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

bool is_identifier(const std::string& id) {
    if (id.empty()) return false;
    for (char character : id) {
        bool allowed = (character >= 'a' && character <= 'z') ||
                       (character >= '0' && character <= '9') || character == '-';
        if (!allowed) return false;
    }
    return true;
}

class Validator {
  public:
    Validator(const Guide& guide, const std::string& source) : guide_(guide) {
        corrected_source_ = apply_corrections(source, guide.corrections);
        page_words_ = word_sequence(corrected_source_);
        std::string partly_corrected = source;
        for (const Correction& correction : guide.corrections) {
            if (partly_corrected.find(correction.original) == std::string::npos)
                problem("correction \"" + correction.original + "\" is not in the page");
            partly_corrected = apply_corrections(partly_corrected, {correction});
        }
    }

    std::vector<std::string> run() {
        auto check = [this](const std::string& where, const std::string& text) {
            check_page_text(where, text);
        };
        PageTexts<decltype(check)> page_texts{check, "guide"};
        fields::visit_fields(guide_, page_texts);
        std::set<std::string> class_ids;
        for (const DrugClass& drug_class : guide_.classes) {
            if (!class_ids.insert(drug_class.id).second)
                problem("class " + drug_class.id + " appears twice");
            check_class(drug_class);
        }
        std::set<std::string> drug_ids;
        for (const Drug& drug : guide_.drugs) {
            if (!is_identifier(drug.id)) problem("drug id \"" + drug.id + "\" is not lower-case");
            if (!drug_ids.insert(drug.id).second) problem("drug " + drug.id + " appears twice");
            for (const std::string& class_id : drug.activity_class_ids)
                check_class_id(class_id);
            if (drug.all_class_ids().empty()) problem("drug " + drug.id + " has no class");
        }
        for (const GlossaryTerm& term : guide_.glossary) {
            check_glossary_term(term);
            if (!term.class_id.empty()) check_class_id(term.class_id);
        }
        for (const Biomarker& biomarker : guide_.biomarkers)
            if (biomarker.drug_ids.empty())
                problem("gene change " + biomarker.id + " is used by no drug");
        check_symptom_concepts();
        return problems_;
    }

  private:
    void problem(const std::string& text) { problems_.push_back(text); }

    void check_page_text(const std::string& where, const std::string& text) {
        if (!text.empty() && corrected_source_.find(text) == std::string::npos)
            problem(where + ": not found in the page: \"" + text.substr(0, 80) + "\"");
    }

    // A word is explained with other words, from the page: its explanation never repeats
    // the word (or one of its other names), and is either the page's own text or the page's
    // text with only the word's own mention taken out ("adjuvant (additional) treatment
    // after surgery" explains adjuvant as "additional treatment after surgery").
    void check_glossary_term(const GlossaryTerm& term) {
        const std::string where = "glossary " + term.id;
        const std::vector<std::string> words = word_sequence(term.explanation);
        std::set<std::string> own_words = {"called", "a", "an"};
        for (const std::string* name : {&term.term})
            for (const std::string& word : word_sequence(*name))
                own_words.insert(word);
        for (const std::string& alias : term.aliases)
            for (const std::string& word : word_sequence(alias))
                own_words.insert(word);
        bool repeats = has_words(words, word_sequence(term.term));
        for (const std::string& alias : term.aliases)
            repeats = repeats || has_words(words, word_sequence(alias));
        if (words.empty() || repeats)
            problem(where + ": the explanation repeats the word instead of explaining it: \"" +
                    term.explanation.substr(0, 80) + "\"");
        if (corrected_source_.find(term.explanation) != std::string::npos) return;
        if (!page_says_without(words, own_words))
            problem(where + ": not found in the page, even without the word's own mention: \"" +
                    term.explanation.substr(0, 80) + "\"");
    }

    // True when the page has these words in this order with nothing between them but
    // words of the term itself (and "called", "a", "an") and the brackets around them.
    bool page_says_without(const std::vector<std::string>& words,
                           const std::set<std::string>& own_words) const {
        if (words.empty()) return false;
        for (std::size_t start = 0; start < page_words_.size(); ++start) {
            if (page_words_[start] != words[0]) continue;
            std::size_t at = start + 1, matched = 1;
            while (matched < words.size() && at < page_words_.size()) {
                if (page_words_[at] == words[matched])
                    ++matched;
                else if (!own_words.count(page_words_[at]))
                    break;
                ++at;
            }
            if (matched == words.size()) return true;
        }
        return false;
    }

    void check_class_id(const std::string& id) {
        if (!guide_.find_class(id)) problem("unknown class id \"" + id + "\"");
    }

    void check_drug_id(const std::string& where, const std::string& id) {
        if (!guide_.find_drug(id)) problem(where + ": unknown drug id \"" + id + "\"");
    }

    void check_class(const DrugClass& drug_class) {
        const std::string where = "class " + drug_class.id;
        if (!is_identifier(drug_class.id)) problem(where + ": id is not lower-case");
        if (drug_class.mechanism.empty()) problem(where + ": no mechanism");
        if (drug_class.drug_ids.empty()) problem(where + ": no drugs");
        if (drug_class.uses.empty()) problem(where + ": no uses");
        for (const std::string& drug_id : drug_class.drug_ids)
            check_drug_id(where, drug_id);
        for (const DrugUse& use : drug_class.uses) {
            if (use.drug_ids.empty()) problem(where + ": a use names no drug");
            for (const std::string& drug_id : use.drug_ids)
                check_drug_id(where, drug_id);
            for (const std::string& partner : use.combined_with)
                if (partner != "chemotherapy" && partner != "immunotherapy")
                    check_drug_id(where, partner);
            if (!use.biomarker_id.empty() && !guide_.find_biomarker(use.biomarker_id))
                problem(where + ": unknown gene change \"" + use.biomarker_id + "\"");
        }
        bool has_common = false, has_rare = false;
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            check_page_text(where + " side effects", group.label + ": " + group.text);
            has_common |= group.severity == Severity::common && !group.terms.empty();
            has_rare |= group.severity == Severity::rare_serious && !group.terms.empty();
            // A symptom is a reading of the page's sentence: every word must be in it.
            std::set<std::string> sentence_words = words_of(group.text);
            for (const std::string& term : group.terms)
                for (const std::string& word : words_of(term))
                    if (!sentence_words.count(word))
                        problem(where + ": symptom \"" + term + "\" has \"" + word +
                                "\", which its sentence does not");
        }
        if (!has_common) problem(where + ": no common side effects");
        if (!has_rare) problem(where + ": no rare but serious side effects");
    }

    void check_symptom_concepts() {
        std::set<std::string> page_terms;
        for (const DrugClass& drug_class : guide_.classes)
            for (const SideEffect& effect : drug_class.side_effects())
                page_terms.insert(effect.term);
        for (const SymptomConcept& symptom : guide_.symptom_concepts)
            for (const std::string& term : symptom.page_terms)
                if (!page_terms.count(term))
                    problem("symptom concept " + symptom.id + ": \"" + term +
                            "\" is not a side effect on the page");
    }

    const Guide& guide_;
    std::string corrected_source_;
    std::vector<std::string> page_words_; // the corrected page's words, in order
    std::vector<std::string> problems_;
};

} // namespace

std::vector<std::string> validate_guide(const Guide& guide, const std::string& source_text) {
    return Validator(guide, source_text).run();
}

} // namespace lungguide
