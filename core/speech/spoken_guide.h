// What is read aloud for each part of the guide, sentence by sentence: the sections of a
// class page, a drug page, a glossary entry, a person's summary for the doctor and a
// search answer. Only the page's own text (as the screen shows it, corrections applied),
// with the screen's own headings. Pure functions of the Guide: the app's Listen controls
// and `lungguide-cli speak` read the same sentences.
#pragma once

#include "bookmarks/visit_summary.h"
#include "content/guide.h"
#include "search/search.h"
#include "speech/pronunciations.h"
#include "speech/spoken_text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lungguide {

// The parts of a class page a person can listen to.
enum class ClassSection { how_they_work, drugs, uses, side_effects, rare_serious };
// "how-they-work" | "drugs" | "uses" | "side-effects" (the common ones) | "rare-serious"
const char* class_section_id(ClassSection section);
bool parse_class_section(const std::string& id, ClassSection& section);
// The section's heading as the class page shows it ("How the drugs are used").
const char* class_section_heading(ClassSection section);
// What the player says it is reading ("Common side effects").
const char* class_section_title(ClassSection section);

// A use's place on its class page, and on a drug page: "use=egfr-3" (the class's use 3).
std::string use_anchor(const std::string& class_id, std::size_t use_index);
// A side-effect group's label (the box's "COMMON" or "RARE BUT SERIOUS" and any label of
// its own) on its class page: "effects=1" (the class's group 1).
std::string side_effect_group_anchor(std::size_t group_index);
// A summary block's place on the summary screen: "block=4".
std::string summary_block_anchor(std::size_t index);

// A use's group heading as shown: without the page's lead-in colon ("Examples of …:").
std::string use_group_heading(const std::string& group_heading);

// What search says first when the page does not list a complaint.
std::string not_listed_sentence(const std::string& complaint);

std::vector<SpokenSentence>
spoken_class_section(const Guide& guide, const DrugClass& drug_class, ClassSection section,
                     const Pronunciations& pronunciations = built_in_pronunciations());
std::vector<SpokenSentence>
spoken_drug(const Guide& guide, const Drug& drug,
            const Pronunciations& pronunciations = built_in_pronunciations());
std::vector<SpokenSentence>
spoken_glossary_term(const GlossaryTerm& term,
                     const Pronunciations& pronunciations = built_in_pronunciations());
std::vector<SpokenSentence>
spoken_summary(const std::vector<SummaryBlock>& blocks,
               const Pronunciations& pronunciations = built_in_pronunciations());
// The search answer: first each complaint the page does not list, then each side effect
// the query fully matched, with the classes it is listed for ("Diarrhea: listed as common
// for EGFR inhibitors, ALK inhibitors and HER2 inhibitors."). Partial matches and results
// that are not side effects are not read: never a confident answer about the wrong symptom.
std::vector<SpokenSentence>
spoken_search_answer(const Guide& guide, const SearchResponse& response,
                     const Pronunciations& pronunciations = built_in_pronunciations());

} // namespace lungguide
