// A drug: its brands, every class it belongs to, its uses (the page's bullets that name it,
// under the page's gene-change headings), the page's own words about it, and the side
// effects of its class(es), labelled as the class's: the page gives them per class.
#include "app.h"
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

// The page gives side effects per class, never per drug: each of the drug's classes, its
// boxes labelled as that class's, and a way to read them on the class page.
void draw_side_effects(App& app, const Drug& drug) {
    app.anchor(side_effects_section_anchor);
    heading(app.look(), "Side effects");
    app.anchor_end(side_effects_section_anchor);
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    for (const std::string& class_id : drug.class_ids) {
        const DrugClass* drug_class = app.guide().find_class(class_id);
        if (!drug_class) continue;
        subheading(app.look(), "Side effects of " + drug_class->name);
        paragraph(app.look(),
                  "The page gives these for the drug class " + drug_class->name + ", not for " +
                      drug.name + " alone.",
                  muted);
        draw_side_effect_boxes(app, *drug_class, false);
        ButtonOptions options;
        options.width = -1.0f;
        options.kind = ButtonKind::quiet;
        options.bold = false;
        if (button(app.look(), "Read them on the " + drug_class->name + " page  ›", options,
                   ("effects " + class_id).c_str()))
            app.go(Route{Screen::drug_class, class_id, "", side_effects_section_anchor});
    }
    if (!drug.class_ids.empty()) return;
    // A drug only used alongside a class (chemotherapy with an EGFR inhibitor): that class's
    // side effects are not the drug's, and the page lists none for the drug itself.
    paragraph(app.look(),
              "The page gives side effects for each drug class, and lists none for " + drug.name +
                  " itself.",
              muted);
    for (const std::string& class_id : drug.all_class_ids()) {
        const DrugClass* drug_class = app.guide().find_class(class_id);
        if (!drug_class) continue;
        ButtonOptions options;
        options.width = -1.0f;
        options.subtitle = "A class it is named with; the side effects are that class's";
        if (button(app.look(), "Side effects of " + drug_class->name + "  ›", options,
                   ("effects " + class_id).c_str()))
            app.go(Route{Screen::drug_class, class_id, "", side_effects_section_anchor});
    }
}

// Every use that names the drug, under its class and the page's gene-change headings.
void draw_uses(App& app, const Drug& drug) {
    app.anchor("section=uses");
    heading(app.look(), "Uses");
    app.anchor_end("section=uses");
    const auto names_it = [&](const DrugUse& use) {
        return mentions(use.drug_ids, drug.id) || mentions(use.combined_with, drug.id);
    };
    bool any_use = false;
    for (const DrugClass& drug_class : app.guide().classes) {
        if (std::none_of(drug_class.uses.begin(), drug_class.uses.end(), names_it)) continue;
        subheading(app.look(), "In " + drug_class.name);
        draw_use_bullets(app, drug_class, names_it, true);
        any_use = true;
    }
    if (!any_use) paragraph(app.look(), "The page does not list a use for this drug on its own.");
}

} // namespace

std::vector<PageSection> drug_sections(App& app) {
    if (!app.guide().find_drug(app.route().id)) return {};
    return {{"Drug classes", "section=classes"},
            {"Uses", "section=uses"},
            {"Side effects", side_effects_section_anchor}};
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

    draw_uses(app, *drug);
    draw_side_effects(app, *drug);
    space(app.look(), 0.5f);
    draw_doctor_advice(app, false);
}

} // namespace lungguide::ui
