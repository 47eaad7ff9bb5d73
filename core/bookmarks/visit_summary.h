// A printable summary "for the doctor's visit" of one person's bookmarks and symptom diary.
//
// It lists each bookmarked drug and class with the person's notes, the diary by day (each
// entry in the person's words with what the page says about it, rare but serious set apart
// with the page's advice), then, for each drug class involved, how the drugs are given, the common
// side effects and, set apart, the rare but serious ones, with the source, its revision date and
// the page's advice to review medical questions with a doctor. Every sentence about medicine is the
// Guide's own text; the only other words are headings and the person's notes.
#pragma once

#include "bookmarks/bookmark.h"
#include "bookmarks/symptom_diary.h"
#include "common/time_text.h" // local_date_today(), for prepared_on
#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

enum class SummaryFormat { markdown, html };

// One piece of the summary, for a screen to draw (the app) or a writer to format.
struct SummaryBlock {
    enum class Kind {
        heading,   // level 1 (the title), 2 or 3
        paragraph, // text
        labelled,  // "label: text", the label ours, the text the guide's
        note,      // the person's own note (may have line breaks)
        own_words, // "label: text", the text the person's own words (a diary entry)
        set_apart, // a rare but serious side effect group: label is its heading
        rule
    };
    Kind kind = Kind::paragraph;
    int level = 0;
    std::string label;
    std::string text;
};

// The summary as blocks; visit_summary() formats exactly these.
// diary: the person's entries with current links (DiaryLinker), in any order.
std::vector<SummaryBlock> visit_summary_blocks(const Guide& guide,
                                               const std::vector<Bookmark>& bookmarks,
                                               const std::string& person,
                                               const std::string& prepared_on,
                                               const std::vector<DiaryEntry>& diary = {});

// bookmarks: the person's bookmarks (as UserStore::bookmarks(person) gives them).
// person: the label they are for, "" for none. prepared_on: the date to print, e.g.
// "2024-09-02".
// The summary as a Markdown document or a printable HTML page.
std::string visit_summary(const Guide& guide, const std::vector<Bookmark>& bookmarks,
                          const std::string& person, const std::string& prepared_on,
                          SummaryFormat format, const std::vector<DiaryEntry>& diary = {});

} // namespace lungguide
