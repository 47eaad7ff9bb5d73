// The shipped pack: it loads, it is complete, and its links are the page's.
#include "content/guide.h"
#include "content/source_corrections.h"
#include "content_test_support.h"

#include <algorithm>
#include <set>

using namespace lungguide;
using namespace lungguide::testing;

static bool contains(const std::vector<std::string>& items, const std::string& wanted) {
    return std::find(items.begin(), items.end(), wanted) != items.end();
}

TEST_CASE("the shipped pack loads with its metadata") {
    const Guide& guide = shipped_pack().guide();
    CHECK(guide.schema_version == content_pack_schema_version);
    CHECK(guide.title == "Targeted Drug Therapy for Non-Small Cell Lung Cancer");
    CHECK(guide.source == "American Cancer Society");
    CHECK(guide.revision_date == "August 27, 2024");
    CHECK(guide.doctor_advice.find("review our information with your doctor") != std::string::npos);
    CHECK(!guide.content_version.empty());
}

TEST_CASE("the ten drug classes are there, in page order, with stable ids") {
    const Guide& guide = shipped_pack().guide();
    std::vector<std::string> ids;
    for (const DrugClass& drug_class : guide.classes)
        ids.push_back(drug_class.id);
    CHECK(ids == std::vector<std::string>{"vegf", "kras", "egfr", "alk", "ros1", "braf", "ret",
                                          "met", "her2", "trk"});
}

TEST_CASE("every class has a mechanism, drugs, uses, and common and rare side effects") {
    for (const DrugClass& drug_class : shipped_pack().guide().classes) {
        CAPTURE(drug_class.id);
        CHECK(!drug_class.mechanism.empty());
        CHECK(!drug_class.drug_ids.empty());
        CHECK(!drug_class.uses.empty());
        CHECK(!drug_class.examples_heading.empty());
        std::set<Severity> severities;
        for (const SideEffect& effect : drug_class.side_effects())
            severities.insert(effect.severity);
        CHECK(severities.count(Severity::common) == 1);
        CHECK(severities.count(Severity::rare_serious) == 1);
        for (const SideEffectGroup& group : drug_class.side_effect_groups) {
            CHECK(!group.text.empty());
            CHECK(!group.terms.empty());
        }
    }
}

// Walks the page itself: every drug named in a class's examples must be tied to it.
TEST_CASE("every drug the page names under a class is tied to that class") {
    const Guide& guide = shipped_pack().guide();
    std::string page = apply_corrections(read_or_fail(source_path()), guide.corrections);
    std::string lowered = page;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), ::tolower);
    for (std::size_t index = 0; index < guide.classes.size(); ++index) {
        const DrugClass& drug_class = guide.classes[index];
        CAPTURE(drug_class.id);
        std::size_t begin = page.find(drug_class.examples_heading);
        std::size_t end = page.find(drug_class.side_effects_heading, begin);
        REQUIRE(begin != std::string::npos);
        REQUIRE(end != std::string::npos);
        std::string examples = lowered.substr(begin, end - begin);
        int named = 0;
        for (const Drug& drug : guide.drugs) {
            std::string name = drug.name;
            std::transform(name.begin(), name.end(), name.begin(), ::tolower);
            if (examples.find(name) == std::string::npos) continue;
            ++named;
            CAPTURE(drug.id);
            CHECK(contains(drug.all_class_ids(), drug_class.id));
        }
        CHECK(named >= 2);
    }
}

TEST_CASE("drugs the page ties to several classes carry all of them") {
    const Guide& guide = shipped_pack().guide();
    auto classes_of = [&](const char* id) {
        const Drug* drug = guide.find_drug(id);
        REQUIRE(drug != nullptr);
        std::vector<std::string> ids = drug->all_class_ids();
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    CHECK(classes_of("crizotinib") == std::vector<std::string>{"alk", "met", "ros1"});
    CHECK(classes_of("entrectinib") == std::vector<std::string>{"ros1", "trk"});
    CHECK(classes_of("ceritinib") == std::vector<std::string>{"alk", "ros1"});
    CHECK(classes_of("lorlatinib") == std::vector<std::string>{"alk", "ros1"});
    CHECK(classes_of("cabozantinib") == std::vector<std::string>{"met", "ret", "ros1", "vegf"});
    // Erlotinib is an EGFR inhibitor that the page also combines with VEGF inhibitors.
    CHECK(classes_of("erlotinib") == std::vector<std::string>{"egfr", "vegf"});
    for (const char* partner : {"cisplatin", "carboplatin", "pemetrexed"}) {
        CAPTURE(partner);
        CHECK(guide.find_drug(partner)->kind == DrugKind::chemotherapy);
        CHECK(classes_of(partner) == std::vector<std::string>{"egfr"});
    }
    CHECK(guide.find_drug("trametinib")->kind == DrugKind::mek_inhibitor);
    CHECK(guide.find_drug("binimetinib")->kind == DrugKind::mek_inhibitor);
}

TEST_CASE("drug ids are the generic name in lower case with hyphens") {
    const Guide& guide = shipped_pack().guide();
    for (const Drug& drug : guide.drugs) {
        std::string expected = drug.name;
        std::transform(expected.begin(), expected.end(), expected.begin(), ::tolower);
        std::replace(expected.begin(), expected.end(), ' ', '-');
        CHECK(drug.id == expected);
    }
    CHECK(guide.find_drug("osimertinib") != nullptr);
    CHECK(guide.find_drug("fam-trastuzumab-deruxtecan-nxki") != nullptr);
}

TEST_CASE("every brand is printed on the page next to its drug") {
    const Guide& guide = shipped_pack().guide();
    std::string page = apply_corrections(read_or_fail(source_path()), guide.corrections);
    std::string lowered = page;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), ::tolower);
    for (const Drug& drug : guide.drugs) {
        if (drug.brands.empty()) continue;
        std::string name = drug.name;
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        std::string brand = drug.brands.front();
        std::transform(brand.begin(), brand.end(), brand.begin(), ::tolower);
        CAPTURE(drug.id);
        CHECK(lowered.find(name + " (" + brand) != std::string::npos);
    }
}

TEST_CASE("the page's misspelled brands resolve to the corrected brand of the right drug") {
    const Guide& guide = shipped_pack().guide();
    std::string raw_page = read_or_fail(source_path());
    struct Expected {
        const char* misspelling;
        const char* brand;
        const char* drug_id;
    };
    for (Expected expected : {Expected{"Tagresso", "Tagrisso", "osimertinib"},
                              Expected{"Gayreto", "Gavreto", "pralsetinib"},
                              Expected{"Vitrakyi", "Vitrakvi", "larotrectinib"}}) {
        CAPTURE(expected.misspelling);
        CHECK(raw_page.find(expected.misspelling) != std::string::npos);
        const Drug* drug = guide.find_drug(expected.drug_id);
        REQUIRE(drug != nullptr);
        CHECK(contains(drug->source_spellings, expected.misspelling));
        CHECK(contains(drug->brands, expected.brand));
        CHECK(apply_corrections(expected.misspelling, guide.corrections) == expected.brand);
    }
}

TEST_CASE("gene changes are linked to their drugs") {
    const Guide& guide = shipped_pack().guide();
    auto drugs_for = [&](const char* id) {
        const Biomarker* biomarker = guide.find_biomarker(id);
        REQUIRE(biomarker != nullptr);
        return biomarker->drug_ids;
    };
    CHECK(contains(drugs_for("kras-g12c"), "sotorasib"));
    CHECK(contains(drugs_for("kras-g12c"), "adagrasib"));
    CHECK(contains(drugs_for("egfr-exon-19-21"), "osimertinib"));
    CHECK(contains(drugs_for("egfr-s768i-l861q-g719x"), "afatinib"));
    CHECK(drugs_for("egfr-exon-20") ==
          std::vector<std::string>{"amivantamab", "carboplatin", "pemetrexed"});
    CHECK(contains(drugs_for("braf-v600e"), "trametinib"));
    CHECK(contains(drugs_for("met-exon-14-skipping"), "capmatinib"));
    CHECK(contains(drugs_for("her2-mutation"), "fam-trastuzumab-deruxtecan-nxki"));
    CHECK(contains(drugs_for("ntrk-fusion"), "larotrectinib"));
    CHECK(contains(drugs_for("ntrk-fusion"), "entrectinib"));
    // Every use's gene change is one the guide knows, and every gene change is used.
    for (const Biomarker& biomarker : guide.biomarkers) {
        CAPTURE(biomarker.id);
        CHECK(!biomarker.drug_ids.empty());
        CHECK(biomarker.class_ids.size() == 1);
    }
}

TEST_CASE("uses record the situation the page gives") {
    const Guide& guide = shipped_pack().guide();
    bool osimertinib_adjuvant = false, alectinib_adjuvant = false;
    for (const Guide::UseOfDrug& found : guide.uses_of_drug("osimertinib"))
        osimertinib_adjuvant |= contains(found.use->settings, "adjuvant");
    for (const Guide::UseOfDrug& found : guide.uses_of_drug("alectinib"))
        alectinib_adjuvant |= contains(found.use->settings, "adjuvant");
    CHECK(osimertinib_adjuvant);
    CHECK(alectinib_adjuvant);
    const DrugClass* kras = guide.find_class("kras");
    CHECK(contains(kras->uses.front().settings, "after_other_treatment"));
    CHECK(kras->uses.front().alone);
    // A use's words must support its settings.
    for (const DrugClass& drug_class : guide.classes)
        for (const DrugUse& use : drug_class.uses) {
            const std::string words = use.group_heading + " " + use.text;
            CAPTURE(words);
            auto says = [&](const char* word) { return words.find(word) != std::string::npos; };
            if (contains(use.settings, "first_treatment")) CHECK(says("first"));
            if (contains(use.settings, "later_treatment")) CHECK(says("later"));
            if (contains(use.settings, "adjuvant")) CHECK(says("adjuvant"));
            if (contains(use.settings, "certain_situations"))
                CHECK((says("certain") || says("can’t")));
            if (contains(use.settings, "after_other_treatment"))
                CHECK((says("already") || says("after")));
            if (use.stage == "metastatic") CHECK(says("metastatic"));
            if (use.stage == "advanced") CHECK(says("advanced"));
            if (use.stage == "early") CHECK((says("early") || says("earlier")));
        }
}

TEST_CASE("the bevacizumab cautions and the helpline are kept") {
    const Guide& guide = shipped_pack().guide();
    const DrugClass* vegf = guide.find_class("vegf");
    REQUIRE(vegf->cautions.size() == 1);
    CHECK(vegf->cautions[0].find("squamous cell type") != std::string::npos);
    CHECK(vegf->cautions[0].find("blood thinners") != std::string::npos);
    const Section* helpline = guide.find_section("helpline");
    REQUIRE(helpline != nullptr);
    CHECK(helpline->items.size() == 7);
    CHECK(guide.find_section("references")->items.size() == 7);
    CHECK(guide.find_section("other_topics")->items.size() == 13);
}

TEST_CASE("every side-effect item has a distinct, stable anchor on its class page") {
    CHECK(side_effect_anchor("heart rhythm changes") == "se=heart-rhythm-changes");
    CHECK(side_effect_anchor("interstitial lung disease (ILD)/pneumonitis") ==
          "se=interstitial-lung-disease-ild-pneumonitis");
    const Guide& guide = shipped_pack().guide();
    for (const auto& drug_class : guide.classes) {
        std::set<std::string> anchors;
        for (const SideEffectGroup& group : drug_class.side_effect_groups)
            for (const auto& term : group.terms) {
                const std::string anchor = side_effect_anchor(term);
                CHECK(anchor.size() > 3);
                CHECK_MESSAGE(anchors.insert(anchor).second, drug_class.id << " " << anchor);
            }
    }
}

TEST_CASE("a drug is named with its brands one way") {
    const Guide& guide = shipped_pack().guide();
    const Drug* osimertinib = guide.find_drug("osimertinib");
    REQUIRE(osimertinib != nullptr);
    CHECK(osimertinib->name_with_brands() == "Osimertinib (Tagrisso)");
    Drug plain;
    plain.name = "Cisplatin";
    CHECK(plain.name_with_brands() == "Cisplatin");
    plain.brands = {"A", "B"};
    CHECK(plain.name_with_brands() == "Cisplatin (A, B)");
}
