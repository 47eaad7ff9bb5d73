// About & sources: the source and revision date, the doctor advice, the references, the
// editorial team, every correction (original → corrected → why), and the copyright.
#include "app.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

namespace lungguide::ui {

namespace {

void draw_section(App& app, const char* id, const char* fallback_heading) {
    const Section* section = app.guide().find_section(id);
    if (!section) return;
    heading(app.look(), section->heading.empty() ? fallback_heading : section->heading);
    ParagraphOptions plain;
    plain.glossary_links = false;
    for (const SectionItem& item : section->items) {
        if (item.kind == SectionItem::Kind::bullet)
            bullet(app.look(), item.text, plain);
        else
            paragraph(app.look(), item.text, plain);
    }
}

} // namespace

void draw_about(App& app) {
    const Guide& guide = app.guide();
    title(app.look(), "About & sources");
    ParagraphOptions plain;
    plain.glossary_links = false;
    paragraph(app.look(),
              "LungGuide shows the " + guide.source + " page \"" + guide.title +
                  "\" for reading offline, made easy to search and bookmark. It adds no medical "
                  "information of its own.",
              plain);
    draw_doctor_advice(app, true);

    draw_section(app, "references", "References");
    draw_section(app, "editorial_team", "The medical and editorial content team");
    draw_section(app, "more_information", "More information");

    heading(app.look(), "Corrections");
    paragraph(app.look(),
              "The guide fixes these obvious slips in the page. Each shows the original, the "
              "correction, and why.",
              plain);
    const Palette& palette = app.palette();
    for (const Correction& correction : guide.corrections) {
        begin_box(app.look(), palette.side_panel, palette.border);
        ParagraphOptions bold = plain;
        bold.bold = true;
        paragraph(app.look(), "Original:", bold);
        paragraph(app.look(), correction.original, plain);
        paragraph(app.look(), "Corrected:", bold);
        paragraph(app.look(), correction.corrected, plain);
        paragraph(app.look(), "Why:", bold);
        paragraph(app.look(), correction.reason, plain);
        end_box(app.look());
        space(app.look(), 0.2f);
    }

    draw_section(app, "revision", "Revision");
    draw_section(app, "copyright", "Copyright");

    heading(app.look(), "This app");
    paragraph(app.look(),
              "Content version " + guide.content_version +
                  ". Text is set in Noto Sans, under the SIL Open Font License "
                  "(assets/fonts/NOTO-LICENSE.txt).",
              plain);
    if (!app.config().text_reader_hint.empty())
        paragraph(app.look(), app.config().text_reader_hint, plain);
}

} // namespace lungguide::ui
