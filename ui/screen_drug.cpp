// A drug: its brands, every class it belongs to, its uses (the page's bullets that name
// it), the page's own words about it, and links to each class's side effects.
#include "app.h"
#include "common/letter_case.h"
#include "content/guide.h"
#include "listen.h"
#include "screens.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <algorithm>

namespace lungguide::ui {

namespace {

bool mentions(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const char* kind_label(DrugKind kind) {
    switch (kind) {
    case DrugKind::targeted:
        return "Targeted drug";
    case DrugKind::mek_inhibitor:
        return "MEK inhibitor";
    case DrugKind::chemotherapy:
        return "Chemotherapy";
    }
    return "";
}

// The page gives side effects per class: a link to each class's side-effect section.
void draw_side_effect_links(App& app, const Drug& drug) {
    app.anchor("section=side-effects");
    heading(app.look(), "Side effects");
    app.anchor_end("section=side-effects");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(),
              "The page gives side effects for each drug class. Open a class to read them.", muted);
    for (const std::string& class_id : drug.class_ids) {
        const DrugClass* drug_class = app.guide().find_class(class_id);
        if (!drug_class) continue;
        ButtonOptions options;
        options.width = -1.0f;
        // Lands on the class's side effects, not at the top of its page.
        if (button(app.look(), "Side effects of " + drug_class->name + "  ›", options,
                   ("effects " + class_id).c_str()))
            app.go(Route{Screen::drug_class, class_id, "", "section=side-effects"});
    }
}

} // namespace

std::vector<PageSection> drug_sections(App& app) {
    if (!app.guide().find_drug(app.route().id)) return {};
    return {{"Drug classes", "section=classes"},
            {"Uses", "section=uses"},
            {"Side effects", "section=side-effects"}};
}

void draw_drug(App& app) {
    const Guide& guide = app.guide();
    const Drug* drug = guide.find_drug(app.route().id);
    if (!drug) {
        draw_not_found(app, "drug called \"" + app.route().id + "\"");
        return;
    }
    // The name, kind and brands are one place: read aloud first.
    app.anchor("drug-name");
    title(app.look(), drug->name);
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), kind_label(drug->kind), muted);
    if (!drug->brands.empty()) {
        std::string brands;
        for (const std::string& brand : drug->brands)
            brands += (brands.empty() ? "" : ", ") + brand;
        ParagraphOptions bold;
        bold.bold = true;
        bold.glossary_links = false;
        paragraph(app.look(), (drug->brands.size() > 1 ? "Brand names: " : "Brand name: ") + brands,
                  bold);
    }
    app.anchor_end("drug-name");
    draw_listen_button(app, "drug/" + drug->id + " page", drug->name,
                       [&app, drug] { return spoken_drug(app.guide(), *drug); });
    draw_bookmark_panel(app, "drug", drug->id);
    if (!drug->description.empty()) {
        heading(app.look(), "About this drug");
        paragraph(app.look(), drug->description);
    }

    app.anchor("section=classes");
    heading(app.look(), "Drug classes");
    app.anchor_end("section=classes");
    for (const std::string& class_id : drug->all_class_ids()) {
        const DrugClass* drug_class = guide.find_class(class_id);
        if (!drug_class) continue;
        std::string relation = "Its drug class";
        if (!mentions(drug->class_ids, class_id)) {
            relation = mentions(drug->activity_class_ids, class_id)
                           ? "The page says it has activity against this target"
                           : "Named in the uses of this class";
        }
        ButtonOptions options;
        options.width = -1.0f;
        options.subtitle = relation + ": how they work, uses and side effects";
        if (button(app.look(), drug_class->name + "  ›", options, ("class " + class_id).c_str()))
            app.go(Route{Screen::drug_class, class_id, ""});
    }

    app.anchor("section=uses");
    heading(app.look(), "Uses");
    app.anchor_end("section=uses");
    bool any_use = false;
    for (const DrugClass& drug_class : guide.classes) {
        bool shown_class = false;
        for (std::size_t index = 0; index < drug_class.uses.size(); ++index) {
            const DrugUse& use = drug_class.uses[index];
            if (!mentions(use.drug_ids, drug->id) && !mentions(use.combined_with, drug->id))
                continue;
            app.anchor(use_anchor(drug_class.id, index)); // a place read aloud
            if (!shown_class) {
                subheading(app.look(), "In " + drug_class.name);
                shown_class = true;
            }
            bullet(app.look(), capitalize_first_letter(use.text)); // a use quoted from mid-sentence
            app.anchor_end(use_anchor(drug_class.id, index));
            any_use = true;
        }
    }
    if (!any_use) paragraph(app.look(), "The page does not list a use for this drug on its own.");

    draw_side_effect_links(app, *drug);
    space(app.look(), 0.5f);
    draw_doctor_advice(app, false);
}

} // namespace lungguide::ui
