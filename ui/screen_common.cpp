#include "app.h"
#include "bookmarks/user_store.h"
#include "content/guide.h"
#include "screens.h"
#include "widgets.h"

namespace lungguide::ui {

void draw_doctor_advice(App& app, bool with_source) {
    const Guide& guide = app.guide();
    const Palette& palette = app.palette();
    begin_box(app.look(), palette.note_panel, palette.border);
    ParagraphOptions bold;
    bold.bold = true;
    bold.glossary_links = false;
    paragraph(app.look(), guide.doctor_advice, bold);
    if (with_source) {
        ParagraphOptions plain;
        plain.glossary_links = false;
        paragraph(app.look(), "Source: " + guide.source + ", \"" + guide.title + "\".", plain);
        paragraph(app.look(), "Last revised: " + guide.revision_date + ".", plain);
    }
    end_box(app.look());
}

void draw_words_on_page(App& app, const std::string& scope_id,
                        const std::vector<std::string>& term_ids) {
    if (term_ids.empty()) return;
    heading(app.look(), "Words explained on this page");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(),
              "Tap a word to read the page's own explanation. Underlined words in the text work "
              "the same way.",
              muted);
    Flow flow(app.look());
    for (const std::string& id : term_ids) {
        const GlossaryTerm* term = app.guide().find_glossary_term(id);
        if (!term) continue;
        flow.next(button_width(app.look(), term->term));
        ButtonOptions options;
        options.bold = false;
        if (button(app.look(), term->term, options, (scope_id + id).c_str())) app.open_glossary(id);
    }
}

UserStore* store_or_why_not(App& app) {
    UserStore* store = app.store();
    if (!store)
        paragraph(app.look(), "Bookmarks are not available: " + app.store_unavailable_reason());
    return store;
}

void draw_person_chooser(App& app) {
    draw_person_chooser(app, app.people());
}

void draw_person_chooser(App& app, const std::vector<std::string>& people) {
    draw_person_chooser(app, people, app.person(), "person ",
                        [&app](const std::string& person) { app.set_person(person); });
}

void draw_person_chooser(App& app, const std::vector<std::string>& people, const std::string& shown,
                         const std::string& id_prefix,
                         const std::function<void(const std::string&)>& choose) {
    Flow flow(app.look());
    for (const std::string& person : people) {
        const std::string label = App::person_label(person);
        flow.next(button_width(app.look(), label));
        ButtonOptions options;
        options.kind = person == shown ? ButtonKind::selected : ButtonKind::normal;
        if (button(app.look(), label, options, (id_prefix + person).c_str())) choose(person);
    }
}

std::string drug_with_brands(App& app, const std::string& drug_id) {
    const Drug* drug = app.guide().find_drug(drug_id);
    return drug ? drug->name_with_brands() : drug_id;
}

void draw_source_footer(App& app) {
    const Guide& guide = app.guide();
    space(app.look(), 1.0f);
    rule(app.look());
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(),
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
    title(app.look(), "Not found");
    paragraph(app.look(), "This guide has no " + what +
                              ". It may have been removed in a newer version of the guide.");
    ButtonOptions options;
    options.kind = ButtonKind::primary;
    if (button(app.look(), "Go to the start", options)) app.go_home();
}

} // namespace lungguide::ui
