// The whole guide as one Markdown document, readable top to bottom.
//
// Serves people who prefer plain text or use a screen reader, and is the form in which the
// fidelity test proves that every line of the page is present.
#pragma once

#include "content/guide.h"

#include <string>

namespace lungguide {

std::string export_guide_markdown(const Guide& guide);

// One class as Markdown: how it works, drugs, uses, side effects (rare ones apart), cautions.
std::string export_class_markdown(const Guide& guide, const DrugClass& drug_class);

} // namespace lungguide
