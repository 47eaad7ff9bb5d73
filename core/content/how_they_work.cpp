#include "content/how_they_work.h"

namespace lungguide {

std::vector<HowTheyWorkParagraph> how_they_work_paragraphs(const DrugClass& drug_class) {
    using Part = HowTheyWorkParagraph::Part;
    std::vector<HowTheyWorkParagraph> paragraphs;
    // New when no paragraph already shown contains it.
    auto add_if_new = [&paragraphs](Part part, const std::string& text) {
        if (text.empty()) return;
        for (const HowTheyWorkParagraph& shown : paragraphs)
            if (shown.text->find(text) != std::string::npos) return;
        paragraphs.push_back({part, &text});
    };
    add_if_new(Part::mechanism, drug_class.mechanism);
    add_if_new(Part::who_has_it, drug_class.gene_change_frequency);
    add_if_new(Part::who_has_it, drug_class.who_has_it);
    add_if_new(Part::how_given, drug_class.how_given);
    for (const std::string& note : drug_class.notes)
        add_if_new(Part::note, note);
    return paragraphs;
}

} // namespace lungguide
