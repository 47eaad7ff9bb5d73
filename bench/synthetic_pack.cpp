#include "synthetic_pack.h"

#include "content/content_pack_builder.h"
#include "pack_signing.h"

#include <array>

namespace lungguide::bench {

namespace {

// A pronounceable made-up word of letters only (so typo tolerance applies to it), the
// same for the same copy and salt, different across copies.
std::string pseudo_word(int copy, int salt) {
    static constexpr std::array<const char*, 16> syllables = {
        "ka",  "lo",  "mi",   "ne",  "zu",  "ri",  "ta",  "vo",
        "sel", "dra", "quin", "bro", "mel", "tox", "fen", "gar"};
    std::string word;
    unsigned value = static_cast<unsigned>(copy) * 16u + static_cast<unsigned>(salt % 16);
    for (int part = 0; part < 4; ++part) {
        word += syllables[value % syllables.size()];
        value /= syllables.size();
    }
    return word;
}

std::string with_copy(const std::string& id, int copy) {
    return copy == 0 ? id : id + "-" + std::to_string(copy);
}

std::vector<std::string> with_copy(const std::vector<std::string>& ids, int copy) {
    std::vector<std::string> copied;
    for (const std::string& id : ids)
        copied.push_back(with_copy(id, copy));
    return copied;
}

} // namespace

Guide make_synthetic_guide(const Guide& base, int factor) {
    Guide guide = base;
    guide.classes.clear();
    guide.drugs.clear();
    guide.biomarkers.clear();
    guide.sections.clear();
    guide.glossary.clear();
    for (int copy = 0; copy < factor; ++copy) {
        for (DrugClass drug_class : base.classes) {
            drug_class.id = with_copy(drug_class.id, copy);
            if (copy > 0) drug_class.name += " " + pseudo_word(copy, 1);
            drug_class.drug_ids = with_copy(drug_class.drug_ids, copy);
            for (DrugUse& use : drug_class.uses) {
                use.drug_ids = with_copy(use.drug_ids, copy);
                if (!use.biomarker_id.empty()) use.biomarker_id = with_copy(use.biomarker_id, copy);
                for (std::string& partner : use.combined_with) {
                    if (partner != "chemotherapy" && partner != "immunotherapy") {
                        partner = with_copy(partner, copy);
                    }
                }
            }
            if (!drug_class.side_effect_groups.empty()) {
                SideEffectGroup& group = drug_class.side_effect_groups.front();
                const std::string made_up = pseudo_word(copy, 7) + " reaction";
                group.terms.push_back(made_up);
                group.text += ", " + made_up;
            }
            guide.classes.push_back(std::move(drug_class));
        }
        for (Drug drug : base.drugs) {
            drug.id = with_copy(drug.id, copy);
            if (copy > 0) {
                drug.name += " " + pseudo_word(copy, 2);
                for (std::string& brand : drug.brands)
                    brand += pseudo_word(copy, 3);
            }
            drug.class_ids = with_copy(drug.class_ids, copy);
            drug.activity_class_ids = with_copy(drug.activity_class_ids, copy);
            drug.partner_class_ids = with_copy(drug.partner_class_ids, copy);
            guide.drugs.push_back(std::move(drug));
        }
        for (Biomarker biomarker : base.biomarkers) {
            biomarker.id = with_copy(biomarker.id, copy);
            if (copy > 0) biomarker.name += " " + pseudo_word(copy, 4);
            biomarker.class_ids = with_copy(biomarker.class_ids, copy);
            biomarker.drug_ids = with_copy(biomarker.drug_ids, copy);
            guide.biomarkers.push_back(std::move(biomarker));
        }
        for (Section section : base.sections) {
            section.id = with_copy(section.id, copy);
            guide.sections.push_back(std::move(section));
        }
        for (GlossaryTerm term : base.glossary) {
            term.id = with_copy(term.id, copy);
            if (!term.class_id.empty()) term.class_id = with_copy(term.class_id, copy);
            guide.glossary.push_back(std::move(term));
        }
    }
    return guide;
}

Status write_synthetic_pack(const Guide& base, int factor, const std::string& output_path) {
    if (Status built = build_content_pack(make_synthetic_guide(base, factor), output_path);
        !built.ok())
        return built;
    // Signed as the shipped pack is, so it opens as the app would open it.
    const Result<PackSigningKey> key = read_pack_signing_key(LUNGGUIDE_PACK_SIGNING_KEY_FILE);
    if (!key.ok()) return key.status();
    return sign_content_pack(output_path, key.value());
}

} // namespace lungguide::bench
