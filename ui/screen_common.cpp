#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

namespace lungguide::ui {

void draw_doctor_advice(App& app, bool with_source) {
    const Guide& guide = app.guide();
    const Palette& palette = app.palette();
    begin_box(app, palette.note_panel, palette.border);
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    paragraph(app, guide.doctor_advice, bold);
    if (with_source) {
        ParagraphOptions plain;
        plain.glossary_links = false;
        paragraph(app, "Source: " + guide.source + ", \"" + guide.title + "\".", plain);
        paragraph(app, "Last revised: " + guide.revision_date + ".", plain);
    }
    end_box(app);
}

void draw_words_on_page(App& app, const std::string& scope_id,
                        const std::vector<std::string>& term_ids) {
    if (term_ids.empty()) return;
    heading(app, "Words explained on this page");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app,
              "Tap a word to read the page's own explanation. Underlined words in the text work "
              "the same way.",
              muted);
    Flow flow(app);
    for (const std::string& id : term_ids) {
        const GlossaryTerm* term = app.guide().find_glossary_term(id);
        if (!term) continue;
        flow.next(button_width(app, term->term));
        ButtonOptions options;
        options.bold = false;
        if (button(app, term->term, options, (scope_id + id).c_str())) app.open_glossary(id);
    }
}

void draw_store_unavailable(App& app) {
    paragraph(app, "Bookmarks are not available: " + app.store_unavailable_reason());
}

void draw_person_chooser(App& app) {
    draw_person_chooser(app, app.people());
}

void draw_person_chooser(App& app, const std::vector<std::string>& people) {
    Flow flow(app);
    for (const std::string& person : people) {
        const std::string label = App::person_label(person);
        flow.next(button_width(app, label));
        ButtonOptions options;
        options.kind = person == app.person() ? ButtonKind::selected : ButtonKind::normal;
        if (button(app, label, options, ("person " + person).c_str())) app.set_person(person);
    }
}

std::string drug_with_brands(App& app, const std::string& drug_id) {
    const Drug* drug = app.guide().find_drug(drug_id);
    return drug ? drug->name_with_brands() : drug_id;
}

void draw_source_footer(App& app) {
    const Guide& guide = app.guide();
    space(app, 1.0f);
    rule(app);
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app,
              "Source: " + guide.source + ", \"" + guide.title + "\". Last revised " +
                  guide.revision_date + ".",
              muted);
}

std::vector<PageSection> page_sections(App& app) {
    switch (app.route().screen) {
    case Screen::drug_class:
        return class_sections(app);
    case Screen::drug:
        return drug_sections(app);
    default:
        return {};
    }
}

void draw_not_found(App& app, const std::string& what) {
    title(app, "Not found");
    paragraph(app, "This guide has no " + what +
                       ". It may have been removed in a newer version of the guide.");
    ButtonOptions options;
    options.kind = ButtonKind::primary;
    if (button(app, "Go to the start", options)) app.go_home();
}

} // namespace lungguide::ui
