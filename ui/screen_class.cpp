// A drug class: how the drugs work, who has the gene change, how they are given, the
// drugs and their brands, the uses by gene change, common side effects, the rare but
// serious ones set apart (own box, colour AND a text label), and cautions.
#include "app.h"
#include "guide.h"
#include "screens.h"
#include "search_text.h"
#include "widgets.h"

#include <algorithm>
#include <string_view>

namespace lungguide::ui {

namespace {

void draw_side_effects(App& app, const DrugClass& drug_class) {
    const Palette& palette = app.palette();
    heading(app, drug_class.side_effects_heading.empty() ? "Side effects"
                                                         : drug_class.side_effects_heading);
    for (const SideEffectGroup& group : drug_class.side_effect_groups) {
        const bool serious = group.severity == Severity::rare_serious;
        space(app, 0.3f);
        if (serious) {
            begin_box(app, palette.serious_panel, palette.serious_border);
            label_chip(app, "RARE BUT SERIOUS", palette.serious_text, palette.serious_panel);
        } else {
            begin_box(app, palette.common_panel, palette.common_border);
            label_chip(app, "COMMON", palette.text, palette.common_panel);
        }
        subheading(app, group.label);
        paragraph(app, group.text);
        end_box();
    }
}

void draw_uses(App& app, const DrugClass& drug_class) {
    if (drug_class.uses.empty()) return;
    heading(app, "How the drugs are used");
    std::string last_group = "\x01";
    for (const DrugUse& use : drug_class.uses) {
        if (use.group_heading != last_group) {
            if (!use.group_heading.empty()) subheading(app, use.group_heading);
            last_group = use.group_heading;
        }
        bullet(app, capitalize_first_letter(use.text)); // a use quoted from mid-sentence
    }
}

void draw_drugs(App& app, const DrugClass& drug_class) {
    heading(app, drug_class.examples_heading.empty() ? "Drugs" : drug_class.examples_heading);
    for (const Drug* drug : app.guide().drugs_of_class(drug_class.id)) {
        ButtonOptions options;
        options.width = -1.0f;
        std::string brands;
        for (const std::string& brand : drug->brands)
            brands += (brands.empty() ? "" : ", ") + brand;
        const bool member = std::find(drug->class_ids.begin(), drug->class_ids.end(),
                                      drug_class.id) != drug->class_ids.end();
        options.subtitle = brands.empty() ? "" : "Brand: " + brands;
        if (!member)
            options.subtitle +=
                (options.subtitle.empty() ? "" : " · ") + std::string("named in the uses below");
        if (button(app, drug->name + "  ›", options, ("drug " + drug->id).c_str()))
            app.go(Route{Screen::drug, drug->id, ""});
    }
}

} // namespace

void draw_class(App& app) {
    const DrugClass* found = app.guide().find_class(app.route().id);
    if (!found) {
        draw_not_found(app, "drug class called \"" + app.route().id + "\"");
        return;
    }
    const DrugClass& drug_class = *found;
    title(app, drug_class.heading.empty() ? drug_class.name : drug_class.heading);
    draw_bookmark_panel(app, "class", drug_class.id);

    heading(app, "How they work");
    paragraph(app, drug_class.mechanism);
    if (!drug_class.who_has_it.empty() || !drug_class.gene_change_frequency.empty()) {
        heading(app, "Who has this gene change");
        if (!drug_class.gene_change_frequency.empty())
            paragraph(app, drug_class.gene_change_frequency);
        if (!drug_class.who_has_it.empty() &&
            drug_class.who_has_it != drug_class.gene_change_frequency)
            paragraph(app, drug_class.who_has_it);
    }
    if (!drug_class.how_given.empty()) {
        heading(app, "How the drugs are given");
        paragraph(app, drug_class.how_given);
    }
    for (const std::string& note : drug_class.notes)
        paragraph(app, note);

    draw_drugs(app, drug_class);
    app.anchor("uses");
    draw_uses(app, drug_class);
    app.anchor("side-effects");
    draw_side_effects(app, drug_class);

    if (!drug_class.cautions.empty()) {
        heading(app, "Cautions");
        begin_box(app, app.palette().note_panel, app.palette().border);
        for (const std::string& caution : drug_class.cautions)
            paragraph(app, caution);
        end_box();
    }

    std::vector<std::string_view> texts{drug_class.mechanism};
    for (const std::string& note : drug_class.notes)
        texts.push_back(note);
    for (const DrugUse& use : drug_class.uses)
        texts.push_back(use.text);
    for (const SideEffectGroup& group : drug_class.side_effect_groups)
        texts.push_back(group.text);
    for (const std::string& caution : drug_class.cautions)
        texts.push_back(caution);
    draw_words_on_page(app, "class words ", app.glossary_terms_in(texts));
    space(app, 0.5f);
    draw_doctor_advice(app, false);
}

} // namespace lungguide::ui
