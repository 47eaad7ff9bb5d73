// Search over the shipped pack: lay words, misspellings, British spellings, brands,
// gene changes, the class filter, and precision. Expected answers come from the Guide.
#include "search/complaint_lexicon.h"
#include "search_test_support.h"

#include <doctest/doctest.h>
#include <stdexcept>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::string describe(const std::set<std::string>& classes) {
    std::string text;
    for (const std::string& id : classes)
        text += (text.empty() ? "" : ",") + id;
    return "{" + text + "}";
}

void check_symptom(const char* query, const std::vector<std::string>& page_terms) {
    const SearchResponse response = search_all(query);
    const std::set<std::string> expected = classes_listing_exactly(shipped_guide(), page_terms);
    REQUIRE_MESSAGE(!expected.empty(), "the page lists none of the terms for ", query);
    CHECK_MESSAGE(side_effect_classes(response) == expected, std::string(query), " gave ",
                  describe(side_effect_classes(response)), ", the page lists ", describe(expected));
}

const SymptomConcept& concept_with_page_term(const std::string& term) {
    for (const SymptomConcept& symptom : shipped_guide().symptom_concepts) {
        for (const std::string& page_term : symptom.page_terms) {
            if (fold_for_search(page_term) == fold_for_search(term)) return symptom;
        }
    }
    FAIL("no concept has the page term " << term);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("lay words find exactly the classes that list the symptom") {
    check_symptom("tired", {"fatigue", "tiredness"});
    check_symptom("being sick", {"vomiting"});
    check_symptom("throwing up", {"vomiting"});
    check_symptom("feeling sick", {"nausea"});
    check_symptom("bloody nose", {"nosebleed"});
    check_symptom("pins and needles", {"nerve damage (peripheral neuropathy)"});
    check_symptom("tingling", {"nerve damage (peripheral neuropathy)"});
    check_symptom("the runs", {"diarrhea"});
    check_symptom("tummy ache", {"stomach pain"});
    check_symptom("can't sleep", {"changes in sleep"});
    check_symptom("swollen ankles", {"swelling in hands and/or feet"});
}

TEST_CASE("British spellings find the American page terms") {
    check_symptom("diarrhoea", {"diarrhea"});
    check_symptom("anaemia", concept_with_page_term("decreased red blood cell counts").page_terms);
    check_symptom("oedema", {"swelling in hands and/or feet"});
    check_symptom("foetal harm", {"fetal harm", "harm to a fetus"});
}

TEST_CASE("misspellings are corrected and reported") {
    SearchResponse response = search_all("nausia");
    CHECK(understood(response, "nausea"));
    CHECK(side_effect_classes(response) == classes_listing_exactly(shipped_guide(), {"nausea"}));

    response = search_all("diarhea");
    CHECK(response.understood_as == std::vector<std::string>{"diarrhea"});
    CHECK(side_effect_classes(response) == classes_listing_exactly(shipped_guide(), {"diarrhea"}));

    response = search_all("tierd");
    CHECK(understood(response, "tired"));
    CHECK(side_effect_classes(response) ==
          classes_listing_exactly(shipped_guide(), {"fatigue", "tiredness"}));

    // Two slips are allowed from nine letters on.
    response = search_all("tirednsss");
    CHECK(understood(response, "tiredness"));
    CHECK(!side_effect_classes(response).empty());

    // Words spelled right are not "understood as" anything else.
    CHECK(search_all("nausea").understood_as.empty());
    CHECK(search_all("tired").understood_as.empty());
}

TEST_CASE("short words get no typo tolerance, and the closest words are suggested") {
    // Four letters: "tird" is not corrected, but the answer suggests the word.
    const SearchResponse response = search_all("tird");
    CHECK(response.results.empty());
    CHECK(std::find(response.suggestions.begin(), response.suggestions.end(), "tired") !=
          response.suggestions.end());
    const SearchResponse nothing = search_all("zzzzqqqq");
    CHECK(nothing.results.empty());
}

TEST_CASE("every concept is found by its label, page terms and lay terms") {
    const Guide& guide = shipped_guide();
    REQUIRE(!guide.symptom_concepts.empty());
    for (const SymptomConcept& symptom : guide.symptom_concepts) {
        const std::set<std::string> expected = classes_listing_exactly(guide, symptom.page_terms);
        std::vector<std::string> queries = symptom.lay_terms;
        queries.insert(queries.end(), symptom.page_terms.begin(), symptom.page_terms.end());
        queries.push_back(symptom.label);
        for (const std::string& query : queries) {
            // Finished words (trailing space), so no completions widen the answer.
            const std::set<std::string> found = side_effect_classes(search_all(query + " "));
            CHECK_MESSAGE(
                std::includes(found.begin(), found.end(), expected.begin(), expected.end()),
                symptom.id, ": \"", query, "\" found ", describe(found), ", expected ",
                describe(expected));
        }
    }
}

TEST_CASE("precision: a full side-effect result always lists what was searched for") {
    const Guide& guide = shipped_guide();
    // For every concept and each of its words: every full side-effect result must be a page
    // term of a concept that has a phrase containing all the words of the query's complaint
    // (complaint_lexicon.h: qualifiers such as "face" or "really" narrow nothing; a smaller
    // part, "tummy", is what a phrase calls "stomach"). Related and negated results are
    // labelled as not the same; partial ones share words only.
    auto phrases_of = [](const SymptomConcept& symptom) {
        std::vector<std::string> phrases = symptom.lay_terms;
        phrases.insert(phrases.end(), symptom.page_terms.begin(), symptom.page_terms.end());
        phrases.push_back(symptom.label);
        return phrases;
    };
    auto concept_covers = [&](const SymptomConcept& symptom,
                              const std::vector<std::string>& words) {
        for (const std::string& phrase : phrases_of(symptom)) {
            const std::vector<std::string> phrase_words = split_search_words(phrase);
            bool all = true;
            for (const std::string& word : words) {
                const std::string group(site_group_of(word));
                if (std::find(phrase_words.begin(), phrase_words.end(), word) ==
                        phrase_words.end() &&
                    (group.empty() || std::find(phrase_words.begin(), phrase_words.end(), group) ==
                                          phrase_words.end())) {
                    all = false;
                }
            }
            if (all) return true;
        }
        return false;
    };
    for (const SymptomConcept& symptom : guide.symptom_concepts) {
        for (const std::string& query : phrases_of(symptom)) {
            std::vector<std::string> words;
            for (const std::string& word : split_search_words(query)) {
                const WordRole role = complaint_word_role(word);
                const bool complaint = role == WordRole::none || role == WordRole::function ||
                                       role == WordRole::direction;
                if (!is_search_stop_word(word) && complaint) words.push_back(word);
            }
            if (words.empty()) continue;
            const SearchResponse response = search_all(query + " ");
            for (const SearchResult& result : response.results) {
                // The page's wider word for a class says it is that ("skin problems").
                if (result.kind != SearchResultKind::side_effect || !result.full_match ||
                    result.because.kind == BecauseKind::umbrella)
                    continue;
                const SymptomConcept& owner = concept_with_page_term(result.title);
                CHECK_MESSAGE(concept_covers(owner, words), "\"", query, "\" returned \"",
                              result.title, "\" of ", result.class_ids.front(), " (concept ",
                              owner.id, ")");
            }
        }
    }
}

TEST_CASE("precision: a symptom only one class lists returns only that class") {
    const Guide& guide = shipped_guide();
    int checked = 0;
    for (const SymptomConcept& symptom : guide.symptom_concepts) {
        const std::set<std::string> listing = classes_listing_exactly(guide, symptom.page_terms);
        if (listing.size() != 1) continue;
        for (const std::string& term : symptom.page_terms) {
            CHECK_MESSAGE(side_effect_classes(search_all(term + " ")) == listing, term);
        }
        ++checked;
    }
    CHECK(checked >= 5);
}

TEST_CASE("precision: words that mean different symptoms stay apart") {
    // "high blood pressure" must not bring back "increased blood sugar levels".
    for (const SearchResult& result : search_all("high blood pressure").results) {
        if (result.kind == SearchResultKind::side_effect) {
            CHECK_MESSAGE(fold_for_search(result.title).find("blood pressure") != std::string::npos,
                          result.title);
        }
    }
    // Two symptoms in one query: both, and only those.
    const SearchResponse both = search_all("tired and being sick");
    std::set<std::string> expected =
        classes_listing_exactly(shipped_guide(), {"fatigue", "tiredness"});
    const std::set<std::string> vomiting = classes_listing_exactly(shipped_guide(), {"vomiting"});
    expected.insert(vomiting.begin(), vomiting.end());
    CHECK(side_effect_classes(both) == expected);
    for (const SearchResult& result : both.results) {
        if (result.kind != SearchResultKind::side_effect) continue;
        const std::string term = fold_for_search(result.title);
        CHECK_MESSAGE((term == "fatigue" || term == "tiredness" || term == "vomiting"), term);
    }
}

TEST_CASE("side-effect results carry the page's severity and sentence") {
    const Guide& guide = shipped_guide();
    const SearchResponse response = search_all("high blood pressure");
    REQUIRE(!response.results.empty());
    for (const SearchResult& result : response.results) {
        if (result.kind != SearchResultKind::side_effect) continue;
        REQUIRE(result.has_severity);
        REQUIRE(result.class_ids.size() == 1);
        CHECK(result.target_id == result.class_ids.front());
        const DrugClass* drug_class = guide.find_class(result.class_ids.front());
        REQUIRE(drug_class);
        bool listed = false;
        for (const SideEffectGroup& group : drug_class->side_effect_groups) {
            for (const std::string& term : group.terms) {
                if (fold_for_search(term) == fold_for_search(result.title) &&
                    group.severity == result.severity) {
                    listed = true;
                    // A short part of "label: sentence", cut on words, marked with "…".
                    std::string snippet = result.snippet;
                    for (const std::string ellipsis : {"\xE2\x80\xA6"}) {
                        for (std::size_t at; (at = snippet.find(ellipsis)) != std::string::npos;)
                            snippet.erase(at, ellipsis.size());
                    }
                    CHECK((group.label + ": " + group.text).find(snippet) != std::string::npos);
                    CHECK(fold_for_search(snippet).find(fold_for_search(term)) !=
                          std::string::npos);
                }
            }
        }
        CHECK_MESSAGE(listed, result.title, " of ", drug_class->id);
    }
}

TEST_CASE("drugs are found by generic name, brand and the page's misspellings") {
    const Guide& guide = shipped_guide();
    for (const Drug& drug : guide.drugs) {
        std::vector<std::string> names = drug.brands;
        names.push_back(drug.name);
        names.insert(names.end(), drug.source_spellings.begin(), drug.source_spellings.end());
        for (const std::string& name : names) {
            const SearchResponse response = search_all(name);
            REQUIRE_MESSAGE(!response.results.empty(), name);
            CHECK_MESSAGE(response.results.front().kind == SearchResultKind::drug, name);
            CHECK_MESSAGE(response.results.front().drug_id == drug.id, name);
            CHECK(response.results.front().class_ids == drug.all_class_ids());
        }
        for (const std::string& spelling : drug.source_spellings) {
            // The misspelling is understood as the brand it stands for.
            const SearchResponse response = search_all(spelling);
            CHECK_MESSAGE(std::find_first_of(response.understood_as.begin(),
                                             response.understood_as.end(), drug.brands.begin(),
                                             drug.brands.end()) != response.understood_as.end(),
                          spelling);
        }
    }
    CHECK(search_all("Tagresso").understood_as == std::vector<std::string>{"Tagrisso"});
}

TEST_CASE("drugs are found with a slip in the name") {
    for (const Drug& drug : shipped_guide().drugs) {
        std::vector<std::string> names = drug.brands;
        names.push_back(drug.name);
        for (std::string name : names) {
            const std::vector<std::string> words = split_search_words(name);
            if (words.size() != 1 || words.front().size() < 6) continue;
            std::string slipped = words.front();
            std::swap(slipped[2], slipped[3]); // two neighbours swapped
            if (slipped == words.front()) continue;
            const SearchResponse response = search_all(slipped);
            CHECK_MESSAGE(has_result(response, SearchResultKind::drug, drug.id), slipped);
            CHECK_MESSAGE(!response.understood_as.empty(), slipped);
        }
    }
}

TEST_CASE("classes are found by name, heading and gene") {
    for (const DrugClass& drug_class : shipped_guide().classes) {
        for (const std::string& query : {drug_class.name, drug_class.heading, drug_class.id}) {
            const SearchResponse response = search_all(query);
            CHECK_MESSAGE(has_result(response, SearchResultKind::drug_class, drug_class.id), query);
        }
    }
}

TEST_CASE("gene changes are found by name, gene and alias") {
    const Guide& guide = shipped_guide();
    for (const Biomarker& biomarker : guide.biomarkers) {
        std::vector<std::string> queries = biomarker.aliases;
        queries.push_back(biomarker.name);
        for (const std::string& query : queries) {
            const SearchResponse response = search_all(query);
            CHECK_MESSAGE(has_result(response, SearchResultKind::biomarker, biomarker.id), query);
            for (const SearchResult& result : response.results) {
                if (result.kind == SearchResultKind::biomarker &&
                    result.target_id == biomarker.id) {
                    CHECK(result.class_ids == biomarker.class_ids);
                }
            }
        }
    }
    // The examples, each leading to the biomarker that carries that name.
    auto biomarker_for = [&](const std::string& alias) {
        for (const Biomarker& biomarker : guide.biomarkers) {
            for (const std::string& known : biomarker.aliases) {
                if (fold_for_search(known) == fold_for_search(alias)) return biomarker.id;
            }
        }
        FAIL("no biomarker has the alias " << alias);
        return std::string();
    };
    for (const char* query :
         {"G12C", "V600E", "exon 20", "exon 14 skipping", "NTRK fusion", "ERBB2"}) {
        const SearchResponse response = search_all(query);
        REQUIRE_MESSAGE(!response.results.empty(), query);
        CHECK_MESSAGE(response.results.front().kind == SearchResultKind::biomarker, query);
        CHECK_MESSAGE(response.results.front().target_id == biomarker_for(query), query);
    }
    // "exon 20" is one gene change, not every exon.
    for (const SearchResult& result : search_all("exon 20").results) {
        if (result.kind == SearchResultKind::biomarker) {
            CHECK(result.target_id == biomarker_for("exon 20"));
        }
    }
}

TEST_CASE("the last word is matched as a prefix while typing") {
    const std::set<std::string> diarrhea = classes_listing_exactly(shipped_guide(), {"diarrhea"});
    for (std::size_t length = 4; length <= std::string("diarrhea").size(); ++length) {
        const std::string typed = std::string("diarrhea").substr(0, length);
        CHECK_MESSAGE(side_effect_classes(search_all(typed)) == diarrhea, typed);
    }
    // A slip while still typing.
    CHECK(side_effect_classes(search_all("diarhe")) == diarrhea);
    CHECK(has_result(search_all("osimer"), SearchResultKind::drug, "osimertinib"));
    CHECK(has_result(search_all("high blood pres"), SearchResultKind::side_effect, "vegf"));
    // Every prefix of a typed query gives an answer without failing.
    const std::string typed = "muscle and joint pain";
    for (std::size_t length = 0; length <= typed.size(); ++length) {
        search_all(typed.substr(0, length));
    }
    CHECK(side_effect_classes(search_all("joint pa")) ==
          classes_listing_exactly(shipped_guide(), {"joint pain"}));
}

TEST_CASE("the class filter keeps only results about those classes") {
    const Guide& guide = shipped_guide();
    const std::set<std::string> tired = classes_listing_exactly(guide, {"fatigue", "tiredness"});
    for (const DrugClass& drug_class : guide.classes) {
        const SearchResponse response = search_all("tired", {drug_class.id});
        std::set<std::string> expected;
        if (tired.count(drug_class.id)) expected.insert(drug_class.id);
        CHECK_MESSAGE(side_effect_classes(response) == expected, drug_class.id);
        for (const SearchResult& result : response.results) {
            CHECK(std::find(result.class_ids.begin(), result.class_ids.end(), drug_class.id) !=
                  result.class_ids.end());
        }
    }
    // Drugs and passages are filtered too.
    const Drug* osimertinib = guide.find_drug("osimertinib");
    REQUIRE(osimertinib);
    const std::vector<std::string> classes = osimertinib->all_class_ids();
    for (const DrugClass& drug_class : guide.classes) {
        const bool linked =
            std::find(classes.begin(), classes.end(), drug_class.id) != classes.end();
        const SearchResponse response = search_all("osimertinib", {drug_class.id});
        CHECK(has_result(response, SearchResultKind::drug, "osimertinib") == linked);
        for (const SearchResult& result : response.results) {
            CHECK(result.class_ids == std::vector<std::string>{drug_class.id});
        }
    }
    // Unknown ids keep nothing.
    CHECK(search_all("tired", {"no-such-class"}).results.empty());
}

TEST_CASE("passages of the page are found and point somewhere") {
    const SearchResponse response = search_all("blood thinners");
    REQUIRE(!response.results.empty());
    const SearchResult& first = response.results.front();
    CHECK(first.kind == SearchResultKind::text);
    CHECK(!first.target_id.empty());
    CHECK(first.snippet.find("blood thinners") != std::string::npos);
    // The helpline is a section passage: found, tied to no class.
    bool helpline = false;
    for (const SearchResult& result : search_all("helpline").results) {
        if (result.kind == SearchResultKind::text && result.target_id == "helpline")
            helpline = true;
    }
    CHECK(helpline);
}

TEST_CASE("the limit is respected and the order is stable") {
    SearchOptions options;
    options.limit = 3;
    const SearchResponse limited = shipped_search_index().search("pain", options);
    CHECK(limited.results.size() == 3);
    const SearchResponse again = shipped_search_index().search("pain", options);
    REQUIRE(again.results.size() == 3);
    for (std::size_t index = 0; index < 3; ++index) {
        CHECK(again.results[index].title == limited.results[index].title);
        CHECK(again.results[index].class_ids == limited.results[index].class_ids);
    }
    options.limit = 0;
    CHECK(shipped_search_index().search("pain", options).results.empty());
    // Exact names rank first.
    CHECK(search_all("egfr").results.front().kind == SearchResultKind::drug_class);
}
