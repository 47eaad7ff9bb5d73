// The page's passages: every paragraph, bullet, class text, use, side-effect sentence, drug
// description and glossary explanation as one searchable piece, titled with the page's
// headings and labels so that their words find something too.
//
// Derived from the Guide, in page order, the same on every call: the pack stores the page
// once and search builds its passage index from these at start-up.
#pragma once

#include "content/guide.h"

#include <string>
#include <vector>

namespace lungguide {

struct PagePassage {
    // advice, section, mechanism, how_given, note, caution, use, side_effects, drug or
    // glossary.
    std::string kind;
    std::string target_id; // what to open: a class, drug, section or glossary id
    std::string class_id;  // the class it belongs to; empty when none
    std::string title;
    std::string body; // never empty
};

std::vector<PagePassage> page_passages(const Guide& guide);

} // namespace lungguide
