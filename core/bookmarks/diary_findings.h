// What the page says about a diary entry, in sentences: for the Diary screen, the summary for
// the doctor and lungguide-cli, so each says it the same way.
//
// A sentence says only what the entry's links hold, in the page's words: which side effect
// of the page the words were linked to, which classes list it and how (common, or rare but
// serious), the person's own bookmarked drugs named; or that the page does not list it. It
// never interprets beyond the page ("Diarrhea: listed as common for EGFR inhibitors (Mum's
// Osimertinib)."; "Hiccups: not listed on this page; ask the care team.").
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/symptom_diary.h"
#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

// What a person is told when the page does not list what they felt.
inline constexpr const char* diary_not_listed_words = "not listed on this page; ask the care team";

struct DiaryFinding {
    std::string text;          // one sentence
    bool rare_serious = false; // the page calls it rare but serious for a class it names
    bool not_listed = false;   // the page does not list it
    bool for_person = false;   // it is listed for one of the person's bookmarked classes
    // Where to read it: the first class named (the person's own first) and the side effect's
    // place on that class's page (side_effect_anchor() after "se="); "" when not listed.
    std::string class_id;
    std::string side_effect_id;
};

// The entry's links as sentences, the person's classes first. bookmarks: the person's
// bookmarks now (their drugs are named beside their classes). Links never made (no key) give
// no sentence at all: nothing is claimed without them.
std::vector<DiaryFinding> diary_findings(const Guide& guide, const DiaryEntry& entry,
                                         const std::vector<Bookmark>& bookmarks);

// "Mum's", or "your" for nobody in particular.
std::string possessive_of(const std::string& person);

} // namespace lungguide
