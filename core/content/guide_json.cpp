#include "content/guide_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace lungguide {

using nlohmann::json;

namespace {

// Thrown only inside this file and turned into a failed Status.
struct FieldError {
    std::string message;
};

const json& require(const json& object, const char* key, const std::string& where) {
    if (!object.is_object() || !object.contains(key))
        throw FieldError{where + ": missing \"" + key + "\""};
    return object.at(key);
}

std::string text(const json& object, const char* key, const std::string& where) {
    const json& value = require(object, key, where);
    if (!value.is_string()) throw FieldError{where + ": \"" + key + "\" must be text"};
    return value.get<std::string>();
}

std::string optional_text(const json& object, const char* key, const std::string& where) {
    if (!object.contains(key)) return {};
    return text(object, key, where);
}

bool optional_flag(const json& object, const char* key, bool fallback, const std::string& where) {
    if (!object.contains(key)) return fallback;
    const json& value = object.at(key);
    if (!value.is_boolean()) throw FieldError{where + ": \"" + key + "\" must be true or false"};
    return value.get<bool>();
}

std::vector<std::string> text_list(const json& object, const char* key, const std::string& where,
                                   bool required = false) {
    if (!object.contains(key)) {
        if (required) throw FieldError{where + ": missing \"" + key + "\""};
        return {};
    }
    const json& value = object.at(key);
    if (!value.is_array()) throw FieldError{where + ": \"" + key + "\" must be a list"};
    std::vector<std::string> items;
    for (const json& item : value) {
        if (!item.is_string()) throw FieldError{where + ": \"" + key + "\" must hold text"};
        items.push_back(item.get<std::string>());
    }
    return items;
}

const json& list(const json& object, const char* key, const std::string& where) {
    const json& value = require(object, key, where);
    if (!value.is_array()) throw FieldError{where + ": \"" + key + "\" must be a list"};
    return value;
}

Section parse_section(const json& object) {
    Section section;
    section.id = text(object, "id", "section");
    const std::string where = "section " + section.id;
    section.heading = text(object, "heading", where);
    for (const json& item : list(object, "items", where)) {
        SectionItem parsed;
        if (item.contains("bullet")) {
            parsed.kind = SectionItem::Kind::bullet;
            parsed.text = text(item, "bullet", where);
        } else {
            parsed.kind = SectionItem::Kind::paragraph;
            parsed.text = text(item, "paragraph", where);
        }
        section.items.push_back(std::move(parsed));
    }
    return section;
}

SideEffectGroup parse_side_effect_group(const json& object, Severity severity,
                                        const std::string& where) {
    SideEffectGroup group;
    group.severity = severity;
    group.label = text(object, "label", where);
    group.text = text(object, "text", where);
    group.terms = text_list(object, "terms", where, true);
    return group;
}

DrugUse parse_use(const json& object, const std::string& where) {
    DrugUse use;
    use.group_heading = optional_text(object, "group_heading", where);
    use.text = text(object, "text", where);
    use.drug_ids = text_list(object, "drug_ids", where, true);
    use.combined_with = text_list(object, "combined_with", where);
    use.alone = optional_flag(object, "alone", false, where);
    use.biomarker_id = optional_text(object, "biomarker_id", where);
    use.settings = text_list(object, "settings", where);
    use.stage = optional_text(object, "stage", where);
    use.listed_in_examples = optional_flag(object, "listed_in_examples", true, where);
    return use;
}

DrugClass parse_class(const json& object) {
    DrugClass drug_class;
    drug_class.id = text(object, "id", "class");
    const std::string where = "class " + drug_class.id;
    drug_class.name = text(object, "name", where);
    drug_class.heading = text(object, "heading", where);
    drug_class.mechanism = text(object, "mechanism", where);
    drug_class.gene_change_frequency = optional_text(object, "gene_change_frequency", where);
    drug_class.who_has_it = optional_text(object, "who_has_it", where);
    drug_class.how_given = optional_text(object, "how_given", where);
    drug_class.how_given_is_own_paragraph =
        optional_flag(object, "how_given_is_own_paragraph", false, where);
    drug_class.notes = text_list(object, "notes", where);
    drug_class.examples_heading = text(object, "examples_heading", where);
    drug_class.drug_ids = text_list(object, "drug_ids", where, true);
    for (const json& use : list(object, "uses", where))
        drug_class.uses.push_back(parse_use(use, where));
    drug_class.side_effects_heading = text(object, "side_effects_heading", where);
    drug_class.side_effect_groups.push_back(parse_side_effect_group(
        require(object, "common", where), Severity::common, where + " common"));
    drug_class.side_effect_groups.push_back(parse_side_effect_group(
        require(object, "rare_serious", where), Severity::rare_serious, where + " rare_serious"));
    drug_class.cautions = text_list(object, "cautions", where);
    return drug_class;
}

DrugKind parse_drug_kind(const std::string& kind, const std::string& where) {
    if (kind == "targeted") return DrugKind::targeted;
    if (kind == "mek_inhibitor") return DrugKind::mek_inhibitor;
    if (kind == "chemotherapy") return DrugKind::chemotherapy;
    throw FieldError{where + ": unknown kind \"" + kind + "\""};
}

Drug parse_drug(const json& object) {
    Drug drug;
    drug.id = text(object, "id", "drug");
    const std::string where = "drug " + drug.id;
    drug.name = text(object, "name", where);
    drug.kind = parse_drug_kind(text(object, "kind", where), where);
    drug.brands = text_list(object, "brands", where, true);
    drug.source_spellings = text_list(object, "source_spellings", where);
    drug.activity_class_ids = text_list(object, "activity_class_ids", where);
    drug.description = optional_text(object, "description", where);
    return drug;
}

Biomarker parse_biomarker(const json& object) {
    Biomarker biomarker;
    biomarker.id = text(object, "id", "biomarker");
    const std::string where = "biomarker " + biomarker.id;
    biomarker.name = text(object, "name", where);
    biomarker.gene = text(object, "gene", where);
    biomarker.aliases = text_list(object, "aliases", where);
    return biomarker;
}

GlossaryTerm parse_glossary_term(const json& object) {
    GlossaryTerm term;
    term.id = text(object, "id", "glossary");
    const std::string where = "glossary " + term.id;
    term.term = text(object, "term", where);
    term.aliases = text_list(object, "aliases", where);
    term.explanation = text(object, "explanation", where);
    term.class_id = optional_text(object, "class_id", where);
    return term;
}

SymptomConcept parse_symptom_concept(const json& object) {
    SymptomConcept concept_entry;
    concept_entry.id = text(object, "id", "symptom concept");
    const std::string where = "symptom concept " + concept_entry.id;
    concept_entry.label = text(object, "label", where);
    concept_entry.page_terms = text_list(object, "page_terms", where, true);
    concept_entry.lay_terms = text_list(object, "lay_terms", where);
    return concept_entry;
}

void add_unique(std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Indexes of the items with each id, in order (ids are unique in valid content; a
// repeated id links every item that has it, as a search through the list would).
template <typename Item>
std::unordered_map<std::string, std::vector<Item*>> items_by_id(std::vector<Item>& items) {
    std::unordered_map<std::string, std::vector<Item*>> by_id;
    for (Item& item : items)
        by_id[item.id].push_back(&item);
    return by_id;
}

} // namespace

void derive_links(Guide& guide) {
    for (Drug& drug : guide.drugs) {
        drug.class_ids.clear();
        drug.partner_class_ids.clear();
    }
    for (Biomarker& biomarker : guide.biomarkers) {
        biomarker.class_ids.clear();
        biomarker.drug_ids.clear();
    }
    // By id, so that linking stays linear in the size of the content.
    const auto drugs = items_by_id(guide.drugs);
    const auto biomarkers = items_by_id(guide.biomarkers);
    auto each = [](const auto& by_id, const std::string& id, auto&& action) {
        auto found = by_id.find(id);
        if (found == by_id.end()) return;
        for (auto* item : found->second)
            action(*item);
    };
    for (const DrugClass& drug_class : guide.classes) {
        for (const std::string& drug_id : drug_class.drug_ids)
            each(drugs, drug_id, [&](Drug& drug) { add_unique(drug.class_ids, drug_class.id); });
    }
    for (const DrugClass& drug_class : guide.classes) {
        for (const DrugUse& use : drug_class.uses) {
            for (const std::string& partner : use.combined_with) {
                each(drugs, partner, [&](Drug& drug) {
                    if (std::find(drug.class_ids.begin(), drug.class_ids.end(), drug_class.id) ==
                        drug.class_ids.end())
                        add_unique(drug.partner_class_ids, drug_class.id);
                });
            }
            each(biomarkers, use.biomarker_id, [&](Biomarker& biomarker) {
                add_unique(biomarker.class_ids, drug_class.id);
                for (const std::string& drug_id : use.drug_ids)
                    add_unique(biomarker.drug_ids, drug_id);
                for (const std::string& partner : use.combined_with)
                    if (drugs.count(partner)) add_unique(biomarker.drug_ids, partner);
            });
        }
    }
}

Status parse_wordnet_review(const std::string& json_text, WordNetReview& review) {
    try {
        const json root = json::parse(json_text);
        for (const auto& [id, decision] : root.at("concepts").items()) {
            review.accepted[id] = decision.at("accepted").get<std::vector<std::string>>();
            review.rejected[id] = decision.at("rejected").get<std::vector<std::string>>();
        }
        return Status::success();
    } catch (const json::exception& error) {
        return Status::failure(Problem::invalid_input,
                               std::string("wordnet-review.json: ") + error.what());
    }
}

Status parse_guide_json(const std::string& guide_json_text,
                        const std::string& symptom_concepts_json_text, Guide& guide) {
    std::string file = "guide.json";
    try {
        json root = json::parse(guide_json_text);
        guide = Guide{};
        guide.content_version = text(root, "content_version", file);
        guide.title = text(root, "title", file);
        guide.source = text(root, "source", file);
        guide.revision_date = text(root, "revision_date", file);
        guide.doctor_advice = text(root, "doctor_advice", file);
        for (const json& item : list(root, "sections", file))
            guide.sections.push_back(parse_section(item));
        for (const json& item : list(root, "classes", file))
            guide.classes.push_back(parse_class(item));
        for (const json& item : list(root, "drugs", file))
            guide.drugs.push_back(parse_drug(item));
        for (const json& item : list(root, "biomarkers", file))
            guide.biomarkers.push_back(parse_biomarker(item));
        for (const json& item : list(root, "glossary", file))
            guide.glossary.push_back(parse_glossary_term(item));
        for (const json& item : list(root, "corrections", file)) {
            guide.corrections.push_back({text(item, "original", "correction"),
                                         text(item, "corrected", "correction"),
                                         text(item, "reason", "correction")});
        }
        if (!symptom_concepts_json_text.empty()) {
            file = "symptom-concepts.json";
            json concepts = json::parse(symptom_concepts_json_text);
            for (const json& item : list(concepts, "concepts", file))
                guide.symptom_concepts.push_back(parse_symptom_concept(item));
            guide.complaint_words = text_list(concepts, "complaint_words", file);
        }
        derive_links(guide);
        return Status::success();
    } catch (const json::exception& error) {
        return Status::failure(Problem::invalid_input, file + ": " + error.what());
    } catch (const FieldError& error) {
        return Status::failure(Problem::invalid_input, file + ": " + error.message);
    }
}

} // namespace lungguide
