// The paragraphs of a class page's "How they work" part, in the order the page shows them,
// each once: the model quotes some sentences of the mechanism again as separate fields (who
// has the gene change, how the drugs are given), which must not be shown or read twice.
// One home for the class screen and for reading it aloud.
#pragma once

#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

struct HowTheyWorkParagraph {
    enum class Part { mechanism, who_has_it, how_given, note };
    Part part = Part::mechanism;
    const std::string* text = nullptr; // a field of the DrugClass
};

std::vector<HowTheyWorkParagraph> how_they_work_paragraphs(const DrugClass& drug_class);

} // namespace lungguide
