// The whole guide as one plain web page: the Markdown export (markdown_export.h) in HTML,
// the same words in the same order, with its headings, lists and the rare-but-serious side
// effects set apart. For a browser that cannot run the app (no WebGL 2) and for anyone who
// wants the text itself: it can be selected, copied, searched, translated and printed.
#pragma once

#include "content/guide.h"

#include <string>

namespace lungguide {

// A complete page: no script, no inline style; its look comes from `stylesheet` (a file
// beside it), and its Content-Security-Policy allows nothing else.
std::string export_guide_html(const Guide& guide, const std::string& stylesheet = "guide.css");

// The subset of Markdown markdown_export.h writes ("#" headings, "- " lists, "> " quotes,
// **bold**, paragraphs), as HTML. Every character of the text is escaped.
std::string markdown_to_html(const std::string& markdown);

} // namespace lungguide
