#include "content/page_passages.h"

namespace lungguide {

namespace {

class PassageList {
  public:
    void add(const char* kind, const std::string& target_id, const std::string& class_id,
             std::string title, const std::string& body) {
        if (body.empty()) return;
        passages_.push_back({kind, target_id, class_id, std::move(title), body});
    }

    void add_class(const DrugClass& drug_class) {
        const std::string& id = drug_class.id;
        add("mechanism", id, id, drug_class.name + ": How they work (mechanism of action)",
            drug_class.mechanism);
        if (drug_class.how_given_is_own_paragraph)
            add("how_given", id, id, drug_class.name, drug_class.how_given);
        for (const std::string& note : drug_class.notes)
            add("note", id, id, drug_class.name, note);
        for (const std::string& caution : drug_class.cautions)
            add("caution", id, id, drug_class.name, caution);
        for (const DrugUse& use : drug_class.uses) {
            const std::string& heading =
                use.group_heading.empty() ? drug_class.examples_heading : use.group_heading;
            add("use", id, id, drug_class.name + ": " + heading, use.text);
        }
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            add("side_effects", id, id, drug_class.name + ": " + group.label, group.text);
    }

    std::vector<PagePassage> take() { return std::move(passages_); }

  private:
    std::vector<PagePassage> passages_;
};

} // namespace

std::vector<PagePassage> page_passages(const Guide& guide) {
    PassageList list;
    list.add("advice", "about", "", guide.source, guide.doctor_advice);
    for (const Section& section : guide.sections) {
        for (const SectionItem& item : section.items)
            list.add("section", section.id, "",
                     section.heading.empty() ? guide.title : section.heading, item.text);
    }
    for (const DrugClass& drug_class : guide.classes)
        list.add_class(drug_class);
    for (const Drug& drug : guide.drugs)
        list.add("drug", drug.id, drug.class_ids.empty() ? "" : drug.class_ids.front(), drug.name,
                 drug.description);
    for (const GlossaryTerm& term : guide.glossary)
        list.add("glossary", term.id, term.class_id, term.term, term.explanation);
    return list.take();
}

} // namespace lungguide
