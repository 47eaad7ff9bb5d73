#include "guide_to_json.h"

namespace lungguide::cli {

using nlohmann::json;

static json use_to_json(const DrugClass& drug_class, const DrugUse& use) {
    return {{"class_id", drug_class.id},
            {"group_heading", use.group_heading},
            {"text", use.text},
            {"drug_ids", use.drug_ids},
            {"combined_with", use.combined_with},
            {"alone", use.alone},
            {"biomarker_id", use.biomarker_id.empty() ? json(nullptr) : json(use.biomarker_id)},
            {"settings", use.settings},
            {"stage", use.stage.empty() ? json(nullptr) : json(use.stage)}};
}

json drug_to_json(const Guide& guide, const Drug& drug) {
    json uses = json::array();
    for (const Guide::UseOfDrug& found : guide.uses_of_drug(drug.id))
        uses.push_back(use_to_json(*found.drug_class, *found.use));
    return {{"id", drug.id},
            {"name", drug.name},
            {"kind", drug_kind_id(drug.kind)},
            {"brands", drug.brands},
            {"source_spellings", drug.source_spellings},
            {"class_ids", drug.all_class_ids()},
            {"listed_in_class_ids", drug.class_ids},
            {"activity_class_ids", drug.activity_class_ids},
            {"partner_in_class_ids", drug.partner_class_ids},
            {"description", drug.description},
            {"uses", uses}};
}

json class_to_json(const Guide& guide, const DrugClass& drug_class) {
    json drugs = json::array();
    for (const Drug* drug : guide.drugs_of_class(drug_class.id))
        drugs.push_back({{"id", drug->id},
                         {"name", drug->name},
                         {"kind", drug_kind_id(drug->kind)},
                         {"brands", drug->brands},
                         {"class_ids", drug->all_class_ids()}});
    json uses = json::array();
    for (const DrugUse& use : drug_class.uses)
        uses.push_back(use_to_json(drug_class, use));
    json side_effects = json::array();
    json groups = json::array();
    for (const SideEffectGroup& group : drug_class.side_effect_groups) {
        groups.push_back({{"severity", severity_id(group.severity)},
                          {"label", group.label},
                          {"text", group.text}});
        for (const std::string& term : group.terms)
            side_effects.push_back(
                {{"term", term}, {"severity", severity_id(group.severity)}, {"text", group.text}});
    }
    auto optional = [](const std::string& text) {
        return text.empty() ? json(nullptr) : json(text);
    };
    return {{"id", drug_class.id},
            {"name", drug_class.name},
            {"heading", drug_class.heading},
            {"mechanism", drug_class.mechanism},
            {"gene_change_frequency", optional(drug_class.gene_change_frequency)},
            {"who_has_it", optional(drug_class.who_has_it)},
            {"how_given", optional(drug_class.how_given)},
            {"notes", drug_class.notes},
            {"drugs", drugs},
            {"uses", uses},
            {"side_effects", side_effects},
            {"side_effect_groups", groups},
            {"cautions", drug_class.cautions}};
}

} // namespace lungguide::cli
