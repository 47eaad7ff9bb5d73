// A printable summary "for the doctor's visit" of one person's bookmarks.
//
// It lists each bookmarked drug and class with the person's notes, then, for each drug
// class involved, how the drugs are given, the common side effects and, set apart, the
// rare but serious ones, with the source, its revision date and the page's advice to
// review medical questions with a doctor. Every sentence about medicine is the Guide's own
// text; the only other words are headings and the person's notes.
#pragma once

#include "bookmarks/bookmark.h"
#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

enum class SummaryFormat { markdown, html };

// bookmarks: the person's bookmarks (as UserStore::bookmarks(person) gives them).
// person: the label they are for, "" for none. prepared_on: the date to print, e.g.
// "2024-09-02".
std::string visit_summary(const Guide& guide, const std::vector<Bookmark>& bookmarks,
                          const std::string& person, const std::string& prepared_on,
                          SummaryFormat format);

} // namespace lungguide
