#include "content/markdown_export.h"

#include <sstream>

namespace lungguide {

namespace {

void write_section(std::ostringstream& out, const Section& section, const char* heading_marks) {
    if (!section.heading.empty()) out << heading_marks << ' ' << section.heading << "\n\n";
    bool in_list = false;
    for (const SectionItem& item : section.items) {
        if (item.kind == SectionItem::Kind::bullet) {
            out << "- " << item.text << "\n";
            in_list = true;
        } else {
            if (in_list) out << "\n";
            out << item.text << "\n\n";
            in_list = false;
        }
    }
    if (in_list) out << "\n";
}

} // namespace

std::string export_class_markdown(const Guide& guide, const DrugClass& drug_class) {
    std::ostringstream out;
    out << "## " << drug_class.heading << "\n\n";
    out << "How they work (mechanism of action): " << drug_class.mechanism << "\n\n";
    if (drug_class.how_given_is_own_paragraph) out << drug_class.how_given << "\n\n";
    for (const std::string& note : drug_class.notes)
        out << note << "\n\n";

    out << "### " << drug_class.examples_heading << "\n\n";
    std::string current_heading;
    for (const DrugUse& use : drug_class.uses) {
        if (!use.listed_in_examples) continue;
        if (use.group_heading != current_heading) {
            current_heading = use.group_heading;
            if (!current_heading.empty()) out << "\n**" << current_heading << "**\n\n";
        }
        out << "- " << use.text << "\n";
    }
    out << "\n";

    out << "**Drugs and brand names:** ";
    std::vector<const Drug*> drugs = guide.drugs_of_class(drug_class.id);
    for (std::size_t index = 0; index < drugs.size(); ++index) {
        out << (index ? "; " : "") << drugs[index]->name_with_brands();
    }
    out << "\n\n";

    out << "### " << drug_class.side_effects_heading << "\n\n";
    for (const SideEffectGroup& group : drug_class.side_effect_groups) {
        if (group.severity == Severity::rare_serious)
            // A block quote keeps the serious list visibly apart in any Markdown reader.
            out << "> **" << group.label << ":** " << group.text << "\n\n";
        else
            out << "- " << group.label << ": " << group.text << "\n\n";
    }
    for (const std::string& caution : drug_class.cautions)
        out << "**Caution:** " << caution << "\n\n";
    return out.str();
}

std::string export_guide_markdown(const Guide& guide) {
    std::ostringstream out;
    out << "# " << guide.title << "\n\n";
    out << "Source: " << guide.source << ". Last Revised: " << guide.revision_date << "\n\n";
    out << "**" << guide.doctor_advice << "**\n\n";
    const char* page_order[] = {"introduction", "when_used"};
    for (const char* id : page_order)
        if (const Section* section = guide.find_section(id)) write_section(out, *section, "##");
    for (const DrugClass& drug_class : guide.classes)
        out << export_class_markdown(guide, drug_class);
    const char* closing_order[] = {"more_information", "editorial_team", "references",  "revision",
                                   "copyright",        "helpline",       "other_topics"};
    for (const char* id : closing_order)
        if (const Section* section = guide.find_section(id)) write_section(out, *section, "##");

    out << "## Words the page explains\n\n";
    for (const GlossaryTerm& term : guide.glossary)
        out << "- **" << term.term << "**: " << term.explanation << "\n";
    out << "\n## Corrections made to the page\n\n";
    out << "LungGuide fixes these obvious slips in the page. Each line shows the page's text, "
           "what LungGuide shows instead, and why.\n\n";
    for (const Correction& correction : guide.corrections)
        out << "- “" << correction.original << "” → “" << correction.corrected
            << "”: " << correction.reason << "\n";
    out << "\n";
    return out.str();
}

} // namespace lungguide
