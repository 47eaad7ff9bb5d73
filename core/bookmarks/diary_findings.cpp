#include "bookmarks/diary_findings.h"

#include "bookmarks/bookmark_targets.h"
#include "common/letter_case.h"

#include <algorithm>

namespace lungguide {
namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// "A", "A and B", "A, B and C".
std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (std::size_t index = 0; index < parts.size(); ++index) {
        if (index) text += index + 1 == parts.size() ? " and " : ", ";
        text += parts[index];
    }
    return text;
}

std::string class_name(const Guide& guide, const std::string& id) {
    const DrugClass* drug_class = guide.find_class(id);
    return drug_class ? drug_class->name : id;
}

// "EGFR inhibitors (Mum's Osimertinib)": the person's drugs of that class, or that the class
// itself is bookmarked.
std::string class_for_person(const Guide& guide, const std::string& class_id,
                             const std::vector<Bookmark>& bookmarks, const std::string& person) {
    std::vector<std::string> drugs;
    for (const Bookmark& bookmark : bookmarks) {
        if (bookmark.kind != "drug") continue;
        const Drug* drug = guide.find_drug(bookmark.target);
        if (drug && contains(drug->all_class_ids(), class_id) && !contains(drugs, drug->name))
            drugs.push_back(drug->name);
    }
    const std::string whose = possessive_of(person);
    return class_name(guide, class_id) +
           (drugs.empty() ? " (bookmarked for " + (person.empty() ? "you" : person) + ")"
                          : " (" + whose + " " + joined(drugs) + ")");
}

// The links of one side effect and severity: the classes that list it, in links' order.
struct LinkGroup {
    std::string title;
    Severity severity = Severity::common;
    std::string side_effect_id;
    std::vector<std::string> class_ids;
};

std::vector<LinkGroup> groups_of(const DiaryLinks& links) {
    std::vector<LinkGroup> groups;
    for (const DiaryLink& link : links.side_effects) {
        auto found = std::find_if(groups.begin(), groups.end(), [&](const LinkGroup& group) {
            return group.title == link.title && group.severity == link.severity;
        });
        if (found == groups.end()) {
            groups.push_back({link.title, link.severity, link.side_effect_id, {}});
            found = groups.end() - 1;
        }
        if (!contains(found->class_ids, link.class_id)) found->class_ids.push_back(link.class_id);
    }
    return groups;
}

// any_for_person: some side effect of the entry is listed for the person's classes; then
// another is not said to be "not listed for their drugs" (the page words it otherwise there).
DiaryFinding finding_of(const Guide& guide, const LinkGroup& group,
                        const std::vector<Bookmark>& bookmarks, const std::string& person,
                        const std::vector<std::string>& mine, bool any_for_person) {
    const char* how = group.severity == Severity::rare_serious ? "rare but serious" : "common";
    std::vector<std::string> for_person, others;
    for (const std::string& id : group.class_ids) {
        if (contains(mine, id))
            for_person.push_back(class_for_person(guide, id, bookmarks, person));
        else
            others.push_back(class_name(guide, id));
    }
    DiaryFinding finding;
    finding.rare_serious = group.severity == Severity::rare_serious;
    finding.for_person = !for_person.empty();
    finding.side_effect_id = group.side_effect_id;
    for (const std::string& id : group.class_ids)
        if (finding.class_id.empty() || (contains(mine, id) && !contains(mine, finding.class_id)))
            finding.class_id = id;
    std::string text = capitalize_first_letter(group.title) + ": ";
    if (!for_person.empty()) {
        text += std::string("listed as ") + how + " for " + joined(for_person);
        if (!others.empty()) text += "; also for " + joined(others);
    } else if (!mine.empty() && !any_for_person) {
        // Honest about the person's own drugs before naming the classes that do list it.
        text += "not listed for " + possessive_of(person) + " drugs; listed as " + how + " for " +
                joined(others);
    } else {
        text += std::string("listed as ") + how + " for " + joined(others);
    }
    finding.text = text + ".";
    return finding;
}

} // namespace

std::string possessive_of(const std::string& person) {
    return person.empty() ? "your" : person + "'s";
}

std::vector<DiaryFinding> diary_findings(const Guide& guide, const DiaryEntry& entry,
                                         const std::vector<Bookmark>& bookmarks) {
    std::vector<DiaryFinding> findings;
    if (entry.links.key.empty()) return findings; // never linked: nothing may be claimed
    const std::vector<std::string> mine = bookmarked_class_ids(guide, bookmarks);
    const bool any_for_person =
        std::any_of(entry.links.side_effects.begin(), entry.links.side_effects.end(),
                    [&](const DiaryLink& link) { return contains(mine, link.class_id); });
    for (const LinkGroup& group : groups_of(entry.links))
        findings.push_back(finding_of(guide, group, bookmarks, entry.person, mine, any_for_person));
    // The person's own classes first, as the links are.
    std::stable_partition(findings.begin(), findings.end(),
                          [](const DiaryFinding& finding) { return finding.for_person; });
    std::vector<std::string> unlisted = entry.links.not_listed;
    if (!entry.links.listed() && unlisted.empty()) unlisted.push_back(entry.text);
    for (const std::string& complaint : unlisted) {
        DiaryFinding finding;
        finding.not_listed = true;
        finding.text = capitalize_first_letter(complaint) + ": " + diary_not_listed_words + ".";
        findings.push_back(std::move(finding));
    }
    return findings;
}

} // namespace lungguide
