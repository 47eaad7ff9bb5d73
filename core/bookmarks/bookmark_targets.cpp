#include "bookmarks/bookmark_targets.h"

#include "common/letter_case.h"
#include "common/nearest_ids.h"

#include <algorithm>

namespace lungguide {
namespace {

// Ids are lower case with hyphens; people type "EGFR" or "fam-trastuzumab deruxtecan-nxki".
std::string normalize_id(const std::string& typed) {
    std::string id;
    for (char character : typed) {
        const bool space = character == ' ' || character == '\t';
        if (space && (id.empty() || id.back() == '-')) continue;
        id += space ? '-' : character;
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    return lower_ascii(id);
}

std::string join_suggestions(const std::vector<std::string>& ids) {
    std::string text;
    for (std::size_t index = 0; index < ids.size(); ++index)
        text += (index == 0 ? "" : index + 1 == ids.size() ? " or " : ", ") + ids[index];
    return text;
}

// Why typed names no id of the kind asked for: a sentence naming what it might have meant.
std::string not_found_message(const Guide& guide, bool want_class, const std::string& id,
                              const std::string& typed) {
    const char* what = want_class ? "drug class" : "drug";
    std::string message =
        std::string("This guide has no ") + what + " with the id \"" + typed + "\".";

    // The other kind: "osimertinib" typed as a class, "egfr" as a drug.
    if (want_class && guide.find_drug(id))
        return message + " \"" + id + "\" is a drug: bookmark it as a drug.";
    if (!want_class && guide.find_class(id))
        return message + " \"" + id + "\" is a drug class: bookmark it as a class.";
    // A display name or a brand, whichever kind was asked for: "EGFR inhibitors",
    // "Tagrisso".
    const std::string typed_lower = lower_ascii(typed);
    for (const DrugClass& drug_class : guide.classes)
        if (lower_ascii(drug_class.name) == typed_lower ||
            lower_ascii(drug_class.heading) == typed_lower)
            return message + " " + drug_class.name + " is a drug class; its id is " +
                   drug_class.id + ".";
    for (const Drug& drug : guide.drugs)
        for (const std::string& brand : drug.brands)
            if (lower_ascii(brand) == typed_lower)
                return message + " " + brand + " is a brand name of the drug " + drug.name +
                       "; its id is " + drug.id + ".";
    std::vector<std::string> candidates;
    if (want_class)
        for (const DrugClass& drug_class : guide.classes)
            candidates.push_back(drug_class.id);
    else
        for (const Drug& drug : guide.drugs)
            candidates.push_back(drug.id);
    const std::vector<std::string> nearest = nearest_ids(id, candidates);
    if (!nearest.empty()) message += " The nearest ids are " + join_suggestions(nearest) + ".";
    return message;
}

} // namespace

Result<std::string> find_bookmark_target(const Guide& guide, const std::string& kind,
                                         const std::string& typed) {
    if (kind != "class" && kind != "drug")
        return Status::failure(Problem::invalid_input,
                               "A bookmark is of a class or a drug, not \"" + kind + "\".");
    const std::string id = normalize_id(typed);
    const bool want_class = kind == "class";
    if (want_class ? guide.find_class(id) != nullptr : guide.find_drug(id) != nullptr) return id;
    return Status::failure(Problem::not_found, not_found_message(guide, want_class, id, typed));
}

void mark_missing_targets(const Guide& guide, std::vector<Bookmark>& bookmarks) {
    for (Bookmark& bookmark : bookmarks) {
        const bool present = bookmark.kind == "class" ? guide.find_class(bookmark.target) != nullptr
                             : bookmark.kind == "drug" ? guide.find_drug(bookmark.target) != nullptr
                                                       : false;
        bookmark.missing = !present;
    }
}

std::string bookmark_target_name(const Guide& guide, const Bookmark& bookmark) {
    if (bookmark.kind == "class") {
        if (const DrugClass* drug_class = guide.find_class(bookmark.target))
            return drug_class->name;
    } else if (const Drug* drug = guide.find_drug(bookmark.target)) {
        return drug->name_with_brands();
    }
    return bookmark.target;
}

std::vector<std::string> bookmarked_class_ids(const Guide& guide,
                                              const std::vector<Bookmark>& bookmarks) {
    std::vector<std::string> wanted;
    for (const Bookmark& bookmark : bookmarks) {
        if (bookmark.kind == "class") {
            wanted.push_back(bookmark.target);
        } else if (const Drug* drug = guide.find_drug(bookmark.target)) {
            const std::vector<std::string> ids = drug->all_class_ids();
            wanted.insert(wanted.end(), ids.begin(), ids.end());
        }
    }
    std::vector<std::string> in_page_order;
    for (const DrugClass& drug_class : guide.classes)
        if (std::find(wanted.begin(), wanted.end(), drug_class.id) != wanted.end())
            in_page_order.push_back(drug_class.id);
    return in_page_order;
}

} // namespace lungguide
