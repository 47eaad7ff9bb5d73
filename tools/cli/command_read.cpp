// lungguide-cli list … / show …: read the guide a class or a drug at a time.
#include "cli_context.h"
#include "common/nearest_ids.h"
#include "content/markdown_export.h"
#include "guide_to_json.h"

#include <cstdio>
#include <iostream>

namespace lungguide::cli {

void print_unknown(const char* what, const std::string& id, std::vector<std::string> known,
                   CliContext& context) {
    std::string message = std::string("There is no ") + what + " with the id \"" + id + "\".";
    std::vector<std::string> nearest = nearest_ids(id, known);
    if (!nearest.empty()) {
        message += " Did you mean: ";
        for (std::size_t index = 0; index < nearest.size(); ++index)
            message += (index ? ", " : "") + nearest[index];
        message += "?";
    }
    std::fprintf(stderr, "lungguide-cli: %s\n", message.c_str());
    context.exit_code = exit_bad_request;
}

namespace {

void list_classes(CliContext& context, bool as_json) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    if (as_json) {
        nlohmann::json classes = nlohmann::json::array();
        for (const DrugClass& drug_class : guide.classes)
            classes.push_back({{"id", drug_class.id}, {"name", drug_class.name}});
        std::cout << nlohmann::json{{"classes", classes}}.dump(2) << "\n";
        return;
    }
    for (const DrugClass& drug_class : guide.classes)
        std::cout << drug_class.id << "\t" << drug_class.name << "\n";
}

void list_drugs(CliContext& context, bool as_json) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    if (as_json) {
        nlohmann::json drugs = nlohmann::json::array();
        for (const Drug& drug : guide.drugs)
            drugs.push_back({{"id", drug.id}, {"name", drug.name}, {"brands", drug.brands}});
        std::cout << nlohmann::json{{"drugs", drugs}}.dump(2) << "\n";
        return;
    }
    for (const Drug& drug : guide.drugs) {
        std::cout << drug.id << "\t" << drug.name_with_brands() << "\n";
    }
}

void show_class(CliContext& context, const std::string& id, bool as_json) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    const DrugClass* drug_class = guide.find_class(id);
    if (!drug_class) {
        std::vector<std::string> ids;
        for (const DrugClass& known : guide.classes)
            ids.push_back(known.id);
        print_unknown("drug class", id, ids, context);
        return;
    }
    if (as_json)
        std::cout << class_to_json(guide, *drug_class).dump(2) << "\n";
    else
        std::cout << export_class_markdown(guide, *drug_class) << guide.doctor_advice << "\n";
}

void show_drug(CliContext& context, const std::string& id, bool as_json) {
    const ContentPack* pack = context.pack();
    if (!pack) return;
    const Guide& guide = pack->guide();
    const Drug* drug = guide.find_drug(id);
    if (!drug) {
        std::vector<std::string> ids;
        for (const Drug& known : guide.drugs)
            ids.push_back(known.id);
        print_unknown("drug", id, ids, context);
        return;
    }
    if (as_json) {
        std::cout << drug_to_json(guide, *drug).dump(2) << "\n";
        return;
    }
    std::cout << "# " << drug->name << "\n\n";
    if (!drug->brands.empty()) {
        std::cout << "Brand names:";
        for (const std::string& brand : drug->brands)
            std::cout << " " << brand;
        std::cout << "\n";
    }
    if (!drug->source_spellings.empty()) {
        std::cout << "The page spells the brand:";
        for (const std::string& spelling : drug->source_spellings)
            std::cout << " " << spelling;
        std::cout << "\n";
    }
    std::cout << "Drug classes:";
    for (const std::string& class_id : drug->all_class_ids())
        if (const DrugClass* drug_class = guide.find_class(class_id))
            std::cout << " " << drug_class->name << " (" << class_id << ");";
    std::cout << "\n\n";
    if (!drug->description.empty()) std::cout << drug->description << "\n\n";
    std::cout << "## Uses\n\n";
    for (const Guide::UseOfDrug& found : guide.uses_of_drug(drug->id))
        std::cout << "- " << found.drug_class->name << ": " << found.use->text << "\n";
    std::cout << "\n" << guide.doctor_advice << "\n";
}

} // namespace

void register_read_commands(CLI::App& app, CliContext& context) {
    CLI::App* list = app.add_subcommand("list", "List the drug classes or the drugs");
    list->require_subcommand(1);
    static bool list_json = false;
    CLI::App* classes = list->add_subcommand("classes", "List the 10 drug classes");
    classes->add_flag("--json", list_json, "Print JSON");
    classes->callback([&context] { list_classes(context, list_json); });
    CLI::App* drugs = list->add_subcommand("drugs", "List every drug with its brand names");
    drugs->add_flag("--json", list_json, "Print JSON");
    drugs->callback([&context] { list_drugs(context, list_json); });

    CLI::App* show = app.add_subcommand("show", "Show one drug class or one drug");
    show->require_subcommand(1);
    static std::string show_id;
    static bool show_json = false;
    CLI::App* show_class_command = show->add_subcommand("class", "Show a drug class, e.g. egfr");
    show_class_command->add_option("ID", show_id, "Class id (see: list classes)")->required();
    show_class_command->add_flag("--json", show_json, "Print JSON");
    show_class_command->callback([&context] { show_class(context, show_id, show_json); });
    CLI::App* show_drug_command = show->add_subcommand("drug", "Show a drug, e.g. osimertinib");
    show_drug_command->add_option("ID", show_id, "Drug id (see: list drugs)")->required();
    show_drug_command->add_flag("--json", show_json, "Print JSON");
    show_drug_command->callback([&context] { show_drug(context, show_id, show_json); });
}

} // namespace lungguide::cli
