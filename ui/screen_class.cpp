// A drug class: how the drugs work, the class's own drugs (apart from other drugs its
// uses name), the uses by gene change, the common side effects and the rare but serious
// ones (each its own box with colour AND a text label, each symptom a bullet with an
// anchor), cautions, and the next and previous class. The section bar jumps between
// these places; every drug and side effect is an anchor a route can open.
#include "app.h"
#include "common/letter_case.h"
#include "content/guide.h"
#include "content/how_they_work.h"
#include "listen.h"
#include "screens.h"
#include "speech/spoken_guide.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

namespace lungguide::ui {

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A section's heading with its Listen control beside it (or under it), all one place of the
// page ("section=uses"), so the section bar and a reader land on both.
void draw_section_heading(App& app, const DrugClass& drug_class, ClassSection section,
                          const std::string& anchor) {
    app.anchor(anchor);
    draw_with_listen_beside(
        app, [&] { heading(app.look(), class_section_heading(section)); },
        "class/" + drug_class.id + " " + class_section_id(section), class_section_title(section),
        [&app, &drug_class, section] {
            return spoken_class_section(app.guide(), drug_class, section);
        });
    app.anchor_end(anchor);
}

// The page's generic labels add nothing under the boxes' own chips; a label that says
// more ("…, specific to fam-trastuzumab deruxtecan") is shown.
bool label_adds_to_chip(const SideEffectGroup& group) {
    return group.label != "Common side effects" && group.label != "Rare, but serious side effects";
}
void draw_how_they_work(App& app, const DrugClass& drug_class) {
    draw_section_heading(app, drug_class, ClassSection::how_they_work, "section=how-they-work");
    using Part = HowTheyWorkParagraph::Part;
    bool who_heading = false;
    for (const HowTheyWorkParagraph& shown : how_they_work_paragraphs(drug_class)) {
        if (shown.part == Part::who_has_it && !who_heading)
            heading(app.look(), "Who has this gene change");
        who_heading = who_heading || shown.part == Part::who_has_it;
        if (shown.part == Part::how_given) heading(app.look(), "How the drugs are given");
        paragraph(app.look(), *shown.text);
    }
}

std::string brands_of(const Drug& drug) {
    std::string brands;
    for (const std::string& brand : drug.brands)
        brands += (brands.empty() ? "" : ", ") + brand;
    return brands;
}

void draw_drug_button(App& app, const Drug& drug, bool member) {
    const std::string anchor = "drug=" + drug.id;
    app.anchor(anchor);
    ButtonOptions options;
    options.width = -1.0f;
    options.bold = member;
    const std::string brands = brands_of(drug);
    options.subtitle = brands.empty() ? "" : "Brand: " + brands;
    if (!member) options.kind = ButtonKind::quiet;
    if (button(app.look(), drug.name + "  ›", options, ("drug " + drug.id).c_str()))
        app.go(Route{Screen::drug, drug.id, ""});
    app.anchor_end(anchor);
}

void draw_drugs(App& app, const DrugClass& drug_class) {
    draw_section_heading(app, drug_class, ClassSection::drugs, "section=drugs");
    std::vector<const Drug*> others;
    for (const Drug* drug : app.guide().drugs_of_class(drug_class.id)) {
        if (contains(drug_class.drug_ids, drug->id))
            draw_drug_button(app, *drug, true);
        else
            others.push_back(drug);
    }
    if (others.empty()) return;
    space(app.look(), 0.4f);
    subheading(app.look(), "Other drugs named in these uses");
    ParagraphOptions muted;
    muted.glossary_links = false;
    muted.colour = &app.palette().text_muted;
    paragraph(app.look(), "The uses below name them alongside the drugs of this class.", muted);
    for (const Drug* drug : others)
        draw_drug_button(app, *drug, false);
}

void draw_uses(App& app, const DrugClass& drug_class) {
    if (drug_class.uses.empty()) return;
    draw_section_heading(app, drug_class, ClassSection::uses, "section=uses");
    draw_use_bullets(
        app, drug_class, [](const DrugUse&) { return true; }, false);
}

void draw_side_effects(App& app, const DrugClass& drug_class) {
    app.anchor(side_effects_section_anchor);
    heading(app.look(), "Side effects");
    app.anchor_end(side_effects_section_anchor);
    draw_side_effect_boxes(app, drug_class, true);
}

} // namespace

void draw_use_bullets(App& app, const DrugClass& drug_class,
                      const std::function<bool(const DrugUse&)>& include, bool nested) {
    const float em = app.layout().em;
    const float base = nested ? 1.0f * em : 0.0f;
    // The page's example list: bullets under the page's own gene-change headings, indented
    // beneath them, so a bullet without a heading never looks as if it belonged to one. Each
    // use (with the heading it starts) is a place: read aloud, it is highlighted.
    std::string last_group = "\x01";
    for (std::size_t index = 0; index < drug_class.uses.size(); ++index) {
        const DrugUse& use = drug_class.uses[index];
        if (!use.listed_in_examples || !include(use)) continue;
        const std::string place = use_anchor(drug_class.id, index);
        app.anchor(place);
        if (use.group_heading != last_group) {
            if (!use.group_heading.empty()) {
                space(app.look(), 0.2f);
                if (nested) {
                    ParagraphOptions bold;
                    bold.bold = true;
                    bold.indent = base;
                    paragraph(app.look(), use_group_heading(use.group_heading), bold);
                } else {
                    subheading(app.look(), use_group_heading(use.group_heading));
                }
            } else if (last_group != "\x01" && !last_group.empty()) {
                space(app.look(), 0.3f);
            }
            last_group = use.group_heading;
        }
        ParagraphOptions options;
        options.indent = base + (use.group_heading.empty() ? 0.0f : 1.0f * em);
        bullet(app.look(), capitalize_first_letter(use.text), options); // quoted from mid-sentence
        app.anchor_end(place);
    }
    // Uses the page states elsewhere (in "How they work"), under their own heading.
    bool said_elsewhere = false;
    for (std::size_t index = 0; index < drug_class.uses.size(); ++index) {
        const DrugUse& use = drug_class.uses[index];
        if (use.listed_in_examples || !include(use)) continue;
        if (!said_elsewhere) {
            space(app.look(), 0.3f);
            ParagraphOptions bold;
            bold.bold = true;
            bold.indent = base;
            if (nested)
                paragraph(app.look(), "Also said under \"How they work\"", bold);
            else
                subheading(app.look(), "Also said under \"How they work\"");
        }
        said_elsewhere = true;
        ParagraphOptions options;
        options.indent = base;
        app.anchor(use_anchor(drug_class.id, index));
        bullet(app.look(), capitalize_first_letter(use.text), options);
        app.anchor_end(use_anchor(drug_class.id, index));
    }
}

void draw_side_effect_boxes(App& app, const DrugClass& drug_class, bool anchors) {
    const Palette& palette = app.palette();
    // Opened at one item (from search, the diary or a link): its severity is said right
    // there too, on the first screen, whatever box edge has scrolled off above it.
    const std::string landed = normalize_anchor(app.route().anchor);
    bool listen_common = anchors; // Listen controls where the page has the places they read
    bool listen_serious = anchors;
    const auto& groups = drug_class.side_effect_groups;
    for (std::size_t index = 0; index < groups.size(); ++index) {
        const SideEffectGroup& group = groups[index];
        const bool serious = group.severity == Severity::rare_serious;
        const char* label = serious ? "RARE BUT SERIOUS" : "COMMON";
        const ImVec4& chip_text = serious ? palette.serious_text : palette.text;
        const ImVec4& panel = serious ? palette.serious_panel : palette.common_panel;
        space(app.look(), serious ? 0.6f : 0.3f); // the two boxes well apart
        if (serious && anchors) app.anchor("section=rare-but-serious");
        begin_box(app.look(), panel, serious ? palette.serious_border : palette.common_border);
        const auto draw_label = [&] {
            label_chip(app.look(), label, chip_text, panel);
            if (label_adds_to_chip(group)) subheading(app.look(), group.label);
        };
        // The box's label is a place (read aloud first); the first box of each kind has the
        // Listen control that reads all of that kind.
        if (anchors) app.anchor(side_effect_group_anchor(index));
        bool& listen = serious ? listen_serious : listen_common;
        if (listen) {
            const ClassSection section =
                serious ? ClassSection::rare_serious : ClassSection::side_effects;
            draw_with_listen_beside(
                app, draw_label, "class/" + drug_class.id + " " + class_section_id(section),
                class_section_title(section),
                [&app, &drug_class, section] {
                    return spoken_class_section(app.guide(), drug_class, section);
                },
                false);
        } else {
            draw_label();
        }
        listen = false;
        if (anchors) app.anchor_end(side_effect_group_anchor(index));
        // One bullet per symptom, in the page's words; the whole sentence stays in the
        // model for the export and the fidelity test.
        for (const std::string& term : group.terms) {
            const std::string anchor = side_effect_anchor(term);
            if (anchors) app.anchor(anchor);
            if (anchors && anchor == landed) label_chip(app.look(), label, chip_text, panel);
            bullet(app.look(), capitalize_first_letter(term));
            if (anchors) app.anchor_end(anchor);
        }
        end_box(app.look());
        if (serious && anchors) app.anchor_end("section=rare-but-serious");
    }
}

namespace {

void draw_next_and_previous(App& app, const DrugClass& drug_class) {
    const auto& classes = app.guide().classes;
    const auto here = std::find_if(classes.begin(), classes.end(), [&](const DrugClass& other) {
        return other.id == drug_class.id;
    });
    if (here == classes.end()) return;
    space(app.look(), 0.5f);
    rule(app.look());
    space(app.look(), 0.3f);
    app.anchor("section=next-previous");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = available_width();
    const bool side_by_side = available >= 24.0f * app.layout().em;
    const float width = side_by_side ? std::floor((available - spacing) * 0.5f) : -1.0f;
    bool first = true;
    if (here != classes.begin()) {
        const DrugClass& previous = *(here - 1);
        ButtonOptions options;
        options.width = width;
        options.subtitle = "Previous class";
        if (button(app.look(), "‹ " + previous.name, options, "previous class"))
            app.go(Route{Screen::drug_class, previous.id, ""});
        first = false;
    }
    if (here + 1 != classes.end()) {
        const DrugClass& next = *(here + 1);
        if (!first && side_by_side) ImGui::SameLine();
        if (first && side_by_side) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width + spacing);
        ButtonOptions options;
        options.width = width;
        options.subtitle = "Next class";
        if (button(app.look(), next.name + " ›", options, "next class"))
            app.go(Route{Screen::drug_class, next.id, ""});
    }
    app.anchor_end("section=next-previous");
}

} // namespace

std::vector<PageSection> class_sections(App& app) {
    const DrugClass* drug_class = app.guide().find_class(app.route().id);
    if (!drug_class) return {};
    std::vector<PageSection> sections{{"How they work", "section=how-they-work"},
                                      {"Drugs", "section=drugs"}};
    if (!drug_class->uses.empty()) sections.push_back({"Uses", "section=uses"});
    sections.push_back({"Side effects", side_effects_section_anchor});
    for (const SideEffectGroup& group : drug_class->side_effect_groups)
        if (group.severity == Severity::rare_serious) {
            sections.push_back({"Rare but serious", "section=rare-but-serious"});
            break;
        }
    return sections;
}

void draw_class(App& app) {
    const DrugClass* found = app.guide().find_class(app.route().id);
    if (!found) {
        draw_not_found(app, "drug class called \"" + app.route().id + "\"");
        return;
    }
    const DrugClass& drug_class = *found;
    title(app.look(), drug_class.name); // one name per class, as on the tiles and in the top bar
    draw_bookmark_panel(app, "class", drug_class.id);

    draw_how_they_work(app, drug_class);
    draw_drugs(app, drug_class);
    draw_uses(app, drug_class);
    draw_side_effects(app, drug_class);

    if (!drug_class.cautions.empty()) {
        heading(app.look(), "Cautions");
        begin_box(app.look(), app.palette().note_panel, app.palette().border);
        for (const std::string& caution : drug_class.cautions)
            paragraph(app.look(), caution);
        end_box(app.look());
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
    space(app.look(), 0.5f);
    draw_doctor_advice(app, false);
    draw_next_and_previous(app, drug_class);
}

} // namespace lungguide::ui
