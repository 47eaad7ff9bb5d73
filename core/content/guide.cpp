#include "content/guide.h"

#include "content/guide_fields.h"

#include <algorithm>

namespace lungguide {

const char* severity_id(Severity severity) {
    return fields::choice_id(severity, fields::choices(fields::severity_options));
}

const char* severity_label(Severity severity) {
    return severity == Severity::common ? "Common" : "Rare but serious";
}

const char* drug_kind_id(DrugKind kind) {
    return fields::choice_id(kind, fields::choices(fields::drug_kind_options));
}

std::vector<SideEffect> DrugClass::side_effects() const {
    std::vector<SideEffect> effects;
    for (const SideEffectGroup& group : side_effect_groups)
        for (const std::string& term : group.terms)
            effects.push_back({term, group.severity});
    return effects;
}

static void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const std::string& id : from)
        if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
}

std::vector<std::string> Drug::all_class_ids() const {
    std::vector<std::string> ids;
    append_unique(ids, class_ids);
    append_unique(ids, activity_class_ids);
    append_unique(ids, partner_class_ids);
    return ids;
}

template <typename Item>
static const Item* find_by_id(const std::vector<Item>& items, const std::string& id) {
    for (const Item& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const DrugClass* Guide::find_class(const std::string& id) const {
    return find_by_id(classes, id);
}
const Drug* Guide::find_drug(const std::string& id) const {
    return find_by_id(drugs, id);
}
const Biomarker* Guide::find_biomarker(const std::string& id) const {
    return find_by_id(biomarkers, id);
}
const Section* Guide::find_section(const std::string& id) const {
    return find_by_id(sections, id);
}
const GlossaryTerm* Guide::find_glossary_term(const std::string& id) const {
    return find_by_id(glossary, id);
}

std::vector<const Drug*> Guide::drugs_of_class(const std::string& class_id) const {
    std::vector<const Drug*> result;
    const DrugClass* drug_class = find_class(class_id);
    if (!drug_class) return result;
    std::vector<std::string> ids = drug_class->drug_ids;
    for (const DrugUse& use : drug_class->uses)
        for (const std::string& partner : use.combined_with)
            if (find_drug(partner) && std::find(ids.begin(), ids.end(), partner) == ids.end())
                ids.push_back(partner);
    for (const std::string& id : ids)
        if (const Drug* drug = find_drug(id)) result.push_back(drug);
    return result;
}

std::vector<Guide::UseOfDrug> Guide::uses_of_drug(const std::string& drug_id) const {
    std::vector<UseOfDrug> result;
    for (const DrugClass& drug_class : classes) {
        for (const DrugUse& use : drug_class.uses) {
            auto names = [&](const std::vector<std::string>& ids) {
                return std::find(ids.begin(), ids.end(), drug_id) != ids.end();
            };
            if (names(use.drug_ids))
                result.push_back({&drug_class, &use, false});
            else if (names(use.combined_with))
                result.push_back({&drug_class, &use, true});
        }
    }
    return result;
}

std::string Drug::name_with_brands() const {
    std::string text = name;
    for (std::size_t index = 0; index < brands.size(); ++index)
        text += (index == 0 ? " (" : ", ") + brands[index];
    if (!brands.empty()) text += ")";
    return text;
}

std::string side_effect_anchor(const std::string& term) {
    std::string anchor = "se=";
    bool gap = false;
    for (char c : term) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            if (gap && anchor.size() > 3) anchor += '-';
            anchor += upper ? static_cast<char>(c - 'A' + 'a') : c;
            gap = false;
        } else {
            gap = true;
        }
    }
    return anchor;
}

} // namespace lungguide
