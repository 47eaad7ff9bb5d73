#include "speech/spoken_guide.h"

#include "common/letter_case.h"
#include "content/how_they_work.h"

#include <algorithm>
#include <map>

namespace lungguide {

namespace {

constexpr ClassSection all_sections[] = {ClassSection::how_they_work, ClassSection::drugs,
                                         ClassSection::uses, ClassSection::side_effects,
                                         ClassSection::rare_serious};

// Sentences added in order, each made into pieces with the list.
class Script {
  public:
    explicit Script(const Pronunciations& pronunciations) : pronunciations_(pronunciations) {}

    // A text the screen draws from this very string: each sentence keeps its range.
    void paragraph(const std::string& text, const std::string& place = "") {
        for (std::string_view sentence : split_sentences(text))
            sentences_.push_back(
                make_spoken(std::string(sentence), sentence, place, pronunciations_));
    }
    // A text the screen draws as a copy, or not at all: it belongs to a place.
    void copy(const std::string& text, const std::string& place) {
        for (std::string_view sentence : split_sentences(text))
            sentences_.push_back(make_spoken(std::string(sentence), {}, place, pronunciations_));
    }
    std::vector<SpokenSentence> take() { return std::move(sentences_); }

  private:
    const Pronunciations& pronunciations_;
    std::vector<SpokenSentence> sentences_;
};

// "A, B and C".
std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t index = 0; index < names.size(); ++index) {
        if (index > 0) text += index + 1 == names.size() ? " and " : ", ";
        text += names[index];
    }
    return text;
}

void read_uses(Script& script, const DrugClass& drug_class) {
    std::string last_group = "\x01";
    for (std::size_t index = 0; index < drug_class.uses.size(); ++index) {
        const DrugUse& use = drug_class.uses[index];
        const std::string place = use_anchor(drug_class.id, index);
        if (use.listed_in_examples && use.group_heading != last_group) {
            if (!use.group_heading.empty())
                script.copy(use_group_heading(use.group_heading), place);
            last_group = use.group_heading;
        }
        script.copy(capitalize_first_letter(use.text), place);
    }
}

void read_side_effects(Script& script, const DrugClass& drug_class, Severity severity) {
    const auto& groups = drug_class.side_effect_groups;
    for (std::size_t index = 0; index < groups.size(); ++index) {
        const SideEffectGroup& group = groups[index];
        if (group.severity != severity) continue;
        script.copy(group.label, side_effect_group_anchor(index));
        for (const std::string& term : group.terms)
            script.copy(capitalize_first_letter(term), side_effect_anchor(term));
    }
}

void read_summary_block(Script& script, const SummaryBlock& block, const std::string& place) {
    switch (block.kind) {
    case SummaryBlock::Kind::heading:
    case SummaryBlock::Kind::paragraph:
        script.copy(block.text, place);
        return;
    case SummaryBlock::Kind::labelled:
    case SummaryBlock::Kind::own_words: // a diary entry: the day, then the person's words
        script.copy(block.label + ": " + block.text, place);
        return;
    case SummaryBlock::Kind::note:
        script.copy("Note: " + block.text, place);
        return;
    case SummaryBlock::Kind::set_apart:
        script.copy("Rare but serious", place);
        script.copy(block.label, place);
        script.copy(block.text, place);
        return;
    case SummaryBlock::Kind::rule:
        return;
    }
}

} // namespace

const char* class_section_id(ClassSection section) {
    switch (section) {
    case ClassSection::how_they_work:
        return "how-they-work";
    case ClassSection::drugs:
        return "drugs";
    case ClassSection::uses:
        return "uses";
    case ClassSection::side_effects:
        return "side-effects";
    case ClassSection::rare_serious:
        return "rare-serious";
    }
    return "how-they-work";
}

bool parse_class_section(const std::string& id, ClassSection& section) {
    for (ClassSection candidate : all_sections) {
        if (id == class_section_id(candidate)) {
            section = candidate;
            return true;
        }
    }
    return false;
}

const char* class_section_heading(ClassSection section) {
    switch (section) {
    case ClassSection::how_they_work:
        return "How they work";
    case ClassSection::drugs:
        return "Drugs in this class";
    case ClassSection::uses:
        return "How the drugs are used";
    case ClassSection::side_effects:
    case ClassSection::rare_serious:
        return "Side effects";
    }
    return "";
}

const char* class_section_title(ClassSection section) {
    switch (section) {
    case ClassSection::side_effects:
        return "Common side effects";
    case ClassSection::rare_serious:
        return "Rare but serious side effects";
    default:
        return class_section_heading(section);
    }
}

std::string use_anchor(const std::string& class_id, std::size_t use_index) {
    return "use=" + class_id + "-" + std::to_string(use_index);
}

std::string side_effect_group_anchor(std::size_t group_index) {
    return "effects=" + std::to_string(group_index);
}

std::string summary_block_anchor(std::size_t index) {
    return "block=" + std::to_string(index);
}

std::string use_group_heading(const std::string& group_heading) {
    std::string text = group_heading;
    if (text.find(". ") == std::string::npos && !text.empty() && text.back() == ':')
        text.pop_back();
    return text;
}

std::string not_listed_sentence(const std::string& complaint) {
    return "\"" + complaint + "\" is not listed on this page as a side effect of these drugs.";
}

std::vector<SpokenSentence> spoken_class_section(const Guide& guide, const DrugClass& drug_class,
                                                 ClassSection section,
                                                 const Pronunciations& pronunciations) {
    Script script(pronunciations);
    switch (section) {
    case ClassSection::how_they_work:
        script.copy(class_section_heading(section), "section=how-they-work");
        for (const HowTheyWorkParagraph& shown : how_they_work_paragraphs(drug_class))
            script.paragraph(*shown.text);
        break;
    case ClassSection::drugs:
        script.copy(class_section_heading(section), "section=drugs");
        for (const Drug* drug : guide.drugs_of_class(drug_class.id))
            if (std::find(drug_class.drug_ids.begin(), drug_class.drug_ids.end(), drug->id) !=
                drug_class.drug_ids.end())
                script.copy(drug->name_with_brands(), "drug=" + drug->id);
        break;
    case ClassSection::uses:
        script.copy(class_section_heading(section), "section=uses");
        read_uses(script, drug_class);
        break;
    case ClassSection::side_effects:
        read_side_effects(script, drug_class, Severity::common);
        break;
    case ClassSection::rare_serious:
        read_side_effects(script, drug_class, Severity::rare_serious);
        break;
    }
    return script.take();
}

std::vector<SpokenSentence> spoken_drug(const Guide& guide, const Drug& drug,
                                        const Pronunciations& pronunciations) {
    Script script(pronunciations);
    script.copy(drug.name_with_brands(), "drug-name");
    script.paragraph(drug.description);
    std::vector<std::string> class_names;
    for (const std::string& class_id : drug.all_class_ids())
        if (const DrugClass* drug_class = guide.find_class(class_id))
            class_names.push_back(drug_class->name);
    if (!class_names.empty())
        script.copy((class_names.size() > 1 ? "Drug classes: " : "Drug class: ") +
                        listed(class_names),
                    "section=classes");
    for (const DrugClass& drug_class : guide.classes) {
        bool named_class = false;
        for (std::size_t index = 0; index < drug_class.uses.size(); ++index) {
            const DrugUse& use = drug_class.uses[index];
            const auto names = [&](const std::vector<std::string>& ids) {
                return std::find(ids.begin(), ids.end(), drug.id) != ids.end();
            };
            if (!names(use.drug_ids) && !names(use.combined_with)) continue;
            const std::string place = use_anchor(drug_class.id, index);
            if (!named_class) script.copy("In " + drug_class.name, place);
            named_class = true;
            script.copy(capitalize_first_letter(use.text), place);
        }
    }
    return script.take();
}

std::vector<SpokenSentence> spoken_glossary_term(const GlossaryTerm& term,
                                                 const Pronunciations& pronunciations) {
    Script script(pronunciations);
    script.paragraph(term.term);
    script.paragraph(term.explanation);
    return script.take();
}

std::vector<SpokenSentence> spoken_summary(const std::vector<SummaryBlock>& blocks,
                                           const Pronunciations& pronunciations) {
    Script script(pronunciations);
    for (std::size_t index = 0; index < blocks.size(); ++index)
        read_summary_block(script, blocks[index], summary_block_anchor(index));
    return script.take();
}

std::vector<SpokenSentence> spoken_search_answer(const Guide& guide, const SearchResponse& response,
                                                 const Pronunciations& pronunciations) {
    Script script(pronunciations);
    for (const std::string& complaint : response.not_listed)
        script.copy(not_listed_sentence(complaint), "");
    // Each side effect once per severity, with its classes in the order search gave them.
    std::vector<std::pair<std::string, Severity>> order;
    std::map<std::pair<std::string, Severity>, std::vector<std::string>> classes;
    for (const SearchResult& result : response.results) {
        if (!result.full_match || result.kind != SearchResultKind::side_effect) continue;
        const std::pair<std::string, Severity> key{lower_ascii(result.title), result.severity};
        if (!classes.count(key)) order.push_back(key);
        std::vector<std::string>& names = classes[key];
        for (const std::string& class_id : result.class_ids) {
            const DrugClass* drug_class = guide.find_class(class_id);
            if (drug_class &&
                std::find(names.begin(), names.end(), drug_class->name) == names.end())
                names.push_back(drug_class->name);
        }
    }
    for (const auto& key : order) {
        const std::vector<std::string>& names = classes[key];
        if (names.empty()) continue;
        const char* severity = key.second == Severity::rare_serious ? "rare but serious" : "common";
        script.copy(capitalize_first_letter(key.first) + ": listed as " + severity + " for " +
                        listed(names) + ".",
                    "");
    }
    return script.take();
}

} // namespace lungguide
