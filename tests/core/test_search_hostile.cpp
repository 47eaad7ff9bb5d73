// Any input is safe: quotes, FTS5 syntax, SQL, control characters, invalid UTF-8, huge
// strings and empty input never crash, never raise an SQL error, never break the pack.
#include "common/utf8.h"
#include "search_test_support.h"

#include <doctest/doctest.h>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

bool is_valid_utf8(const std::string& text) {
    // clean_for_display only changes invalid bytes and control characters.
    const std::string cleaned = clean_for_display(text);
    std::string without_controls = text;
    for (char& c : without_controls) {
        const unsigned char byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) c = ' ';
    }
    return cleaned == without_controls;
}

void check_still_works() {
    // The pack and the index survive: names, symptoms and passages still answer.
    CHECK(has_result(search_all("bevacizumab"), SearchResultKind::drug, "bevacizumab"));
    CHECK(!side_effect_classes(search_all("tired")).empty());
    CHECK(!search_all("blood thinners").results.empty());
}

std::vector<std::string> hostile_inputs() {
    std::vector<std::string> inputs = {
        "",
        " ",
        "\"",
        "\"\"",
        "'",
        "egfr\"",
        "\"egfr",
        "egfr\" OR \"alk",
        "NEAR(egfr alk)",
        "egfr NEAR/2 alk",
        "egfr OR alk",
        "egfr AND",
        "AND OR NOT",
        "NOT egfr",
        "*",
        "egfr*",
        "^egfr",
        "title:egfr",
        "body : egfr",
        "{title body}: egfr",
        "(egfr",
        "egfr)",
        "-egfr",
        "+egfr",
        "'; DROP TABLE passages; --",
        "\"; DELETE FROM meta; --",
        "egfr' OR '1'='1",
        "%",
        "_",
        "\\",
        "\x01\x02\x03\x1B[2J\x7F",
        std::string("egfr\0alk", 8),
        std::string(1, '\0'),
        "\xFF\xFE\xFD",
        "\xC0\xAF",
        "\xED\xA0\x80",
        "\xF4\x90\x80\x80",
        "tired\xE2\x80",
        "\xF0\x9F\x98\xA2\xF0\x9F\x98\xA2",
        "\xE2\x80\xAE"
        "desrever",
        "\xEF\xBB\xBFtired",
        "Тошнота и рвота",
        "吐き気",
    };
    inputs.push_back(std::string(100 * 1024, 'a'));
    inputs.push_back(std::string(100 * 1024, '"'));
    std::string accents;
    while (accents.size() < 100 * 1024)
        accents += "\xC3\xA9";
    inputs.push_back(accents);
    std::string words;
    while (words.size() < 100 * 1024)
        words += "tired sick ";
    inputs.push_back(words);
    // Deterministic pseudo-random bytes.
    std::uint32_t state = 12345;
    for (int count = 0; count < 20; ++count) {
        std::string random(count * 997 % 5000 + 1, ' ');
        for (char& c : random) {
            state = state * 1664525u + 1013904223u;
            c = static_cast<char>(state >> 24);
        }
        inputs.push_back(random);
    }
    return inputs;
}

} // namespace

TEST_CASE("hostile input never crashes, never errors, never harms the pack") {
    for (const std::string& input : hostile_inputs()) {
        SearchResponse response;
        REQUIRE_NOTHROW(response = search_all(input));
        CHECK(response.query.size() <= 3 * search_query_max_bytes);
        CHECK(is_valid_utf8(response.query));
        for (const SearchResult& result : response.results) {
            CHECK(!result.title.empty());
            CHECK(is_valid_utf8(result.title));
        }
        SearchOptions filtered;
        filtered.only_class_ids = {input, "egfr"};
        REQUIRE_NOTHROW(shipped_search_index().search(input, filtered));
    }
    check_still_works();
}

TEST_CASE("query syntax typed by a person is just words") {
    // Quotes, stars, AND/OR/NOT and brackets are no operators: "egfr" is still found in the
    // passages.
    for (const char* input :
         {"egfr\"", "\"egfr", "egfr*", "egfr)", "(egfr", "egfr AND", "egfr OR", "egfr NOT",
          "{egfr}", "egfr\"*", "^egfr", "egfr:", "egfr -", "egfr +"}) {
        const SearchResponse response = search_all(input);
        bool passages = false;
        for (const SearchResult& result : response.results) {
            if (result.kind == SearchResultKind::text) passages = true;
        }
        CHECK_MESSAGE(passages, std::string(input));
        CHECK_MESSAGE(has_result(response, SearchResultKind::drug_class, "egfr"),
                      std::string(input));
    }
}

TEST_CASE("over-long input is cut on a character boundary") {
    std::string accents;
    while (accents.size() < 1000)
        accents += "\xC3\xA9";
    const SearchResponse response = search_all("x" + accents);
    CHECK(response.query.size() <= search_query_max_bytes);
    CHECK(is_valid_utf8(response.query));
    // What is typed first still counts.
    std::string long_query = "osimertinib";
    while (long_query.size() < 100 * 1024)
        long_query += " zz";
    CHECK(has_result(search_all(long_query), SearchResultKind::drug, "osimertinib"));
}

TEST_CASE("an index works on a hand-built guide without a database") {
    Guide guide;
    DrugClass drug_class;
    drug_class.id = "demo";
    drug_class.name = "Demo inhibitors";
    drug_class.heading = "Demo inhibitors";
    SideEffectGroup common;
    common.severity = Severity::common;
    common.label = "Common side effects";
    common.text = "Fatigue, rash and hiccups";
    common.terms = {"fatigue", "rash", "hiccups"};
    drug_class.side_effect_groups.push_back(common);
    drug_class.drug_ids = {"demostat"};
    guide.classes.push_back(drug_class);
    Drug drug;
    drug.id = "demostat";
    drug.name = "Demostat";
    drug.brands = {"Demobrand"};
    drug.source_spellings = {"Demobrnad"};
    drug.class_ids = {"demo"};
    drug.description = "Demostat is swallowed as a tablet with breakfast.";
    guide.drugs.push_back(drug);
    SymptomConcept fatigue;
    fatigue.id = "fatigue";
    fatigue.label = "Tiredness (fatigue)";
    fatigue.page_terms = {"fatigue"};
    fatigue.lay_terms = {"tired", "worn out"};
    guide.symptom_concepts.push_back(fatigue);

    const SearchIndex index(guide);
    SearchResponse response = index.search("worn out");
    REQUIRE(response.results.size() == 1);
    CHECK(response.results[0].kind == SearchResultKind::side_effect);
    CHECK(response.results[0].title == "Fatigue");
    CHECK(response.results[0].snippet == "Common side effects: Fatigue, rash and hiccups");
    // A term no concept claims is still found by its own words.
    response = index.search("hiccups");
    REQUIRE(response.results.size() == 1);
    CHECK(response.results[0].title == "Hiccups");
    // Brand, its misspelling, and a slip.
    for (const char* query : {"demobrand", "Demobrnad", "demostta"}) {
        response = index.search(query);
        REQUIRE_MESSAGE(!response.results.empty(), query);
        CHECK(response.results[0].drug_id == "demostat");
    }
    CHECK(index.search("Demobrnad").understood_as == std::vector<std::string>{"Demobrand"});
    // Passages come from the guide itself, not from a database.
    response = index.search("breakf");
    REQUIRE(response.results.size() == 1);
    CHECK(response.results[0].kind == SearchResultKind::text);
    CHECK(response.results[0].drug_id == "demostat");
    CHECK(response.results[0].snippet == drug.description);
    // Words the guide does not have find nothing, and fail nothing.
    CHECK(index.search("blood thinners").results.empty());
}
