// Idioms of complaints (docs/search.md, rules 23-28), each with phrasings from public pages
// (the source beside each): a comparison's object is no complaint, an absence of sensation
// is numbness, a perception of what is not there is a hallucination (not on the page),
// slowness said with time, a place said once in a list, an infection by the nails.
#include "search_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

std::set<std::string> named_full_titles(const SearchResponse& response) {
    return full_titles(response, WiderWords::left_out);
}

// The titles of the related cards, in order.
std::vector<std::string> related_titles(const SearchResponse& response) {
    std::vector<std::string> titles;
    for (const SearchResult& result : response.results)
        if (result.match == SearchMatch::related) titles.push_back(fold_for_search(result.title));
    return titles;
}

const std::string nerve_damage = fold_for_search("nerve damage (peripheral neuropathy)");
const std::string swelling = fold_for_search("swelling in hands and/or feet");

} // namespace

TEST_CASE("what a comparison compares to is no complaint of its own") {
    // askvity.info: "your poop being hard as a rock"; druggenius.com: "looks like small
    // rocks"; healthline.com: "the consistency of pebbles".
    for (const char* query : {"stools hard as rocks", "poop hard as a rock",
                              "poo as hard as a rock", "stools hard like pebbles"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response) == std::set<std::string>{"constipation"});
        CHECK(response.not_listed.empty());
    }
    // news.cancerconnect.com: dry skin "rough and scaly": the sandpaper is what it is like.
    CHECK(named_full_titles(search_all("skin dry like sandpaper")) ==
          std::set<std::string>{"dry skin"});
    // A comparison with nothing said outside it is its own complaint: BC Cancer's "tingling,
    // 'pins and needles'", the page's sun sensitivity "like a sunburn".
    CHECK(named_full_titles(search_all("feels like pins and needles")) ==
          std::set<std::string>{nerve_damage});
    CHECK_FALSE(named_full_titles(search_all("like a sunburn")).empty());
    // blood-cancer.com: "Fatigue Hit Me Like A Bus"; the bus is not a complaint.
    CHECK(named_full_titles(search_all("so tired like i've been hit by a bus")).count("fatigue"));
    // MSKCC: "The rash looks like acne": the rash, not a second complaint.
    CHECK(named_full_titles(search_all("rash looks like acne")).count("rash"));
    // thisanswer.com: "your tongue to feel like sandpaper": a mouth like sandpaper is not
    // the page's dry skin; said not listed, dry mouth first among the related.
    const SearchResponse mouth = search_all("mouth feels like sandpaper");
    CHECK(named_full_titles(mouth).empty());
    REQUIRE_FALSE(related_titles(mouth).empty());
    CHECK(related_titles(mouth).front() == "dry mouth");
    // "as well as" compares nothing: the diarrhoea is never left out as a comparison.
    const SearchResponse both = search_all("nausea as well as diarrhoea");
    CHECK(std::any_of(both.results.begin(), both.results.end(), [](const SearchResult& r) {
        return r.title == "Diarrhea" && r.match != SearchMatch::partial;
    }));
}

TEST_CASE("an absence of sensation is numbness, not the absence of a complaint") {
    // outrunningthecloud.com: "no feeling"; vacancer.com: "can't feel my feet"; BC Cancer:
    // "numbness or decreased feeling"; Lifespan: "decreased sensation in your feet".
    for (const char* query :
         {"no feeling in my feet", "no feeling in my fingers", "can't feel my toes",
          "lost feeling in my hands", "lost all feeling in my toes", "lost sensation in my feet",
          "decreased sensation in my feet", "don't have any feeling in my fingers"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response) == std::set<std::string>{nerve_damage});
        CHECK(response.negated.empty());
        CHECK(response.not_listed.empty());
    }
    // Said with its absence, as typed.
    const SearchResponse feet = search_all("no feeling in my feet");
    REQUIRE_FALSE(feet.results.empty());
    CHECK(search_because(feet, feet.results.front()).find("\"no feeling\"") == 0);
    // Never the place alone: the feet are not the swelling.
    CHECK(named_full_titles(search_all("can't feel my feet")).count(swelling) == 0);
    // Feeling something else is not numbness.
    for (const char* query : {"not feeling sick", "don't feel tired", "not feeling well"}) {
        INFO(query);
        CHECK(named_full_titles(search_all(query)).count(nerve_damage) == 0);
    }
    CHECK_FALSE(search_all("not feeling sick").negated.empty());
}

TEST_CASE("seeing or hearing what is not there is a hallucination, which the page lacks") {
    // nhs.uk (Hallucinations and hearing voices): "hear sounds or voices that nobody else
    // hears", "see things that are not there"; nottalone.org.uk: "seeing and hearing
    // things"; mood-disorders.co.uk: "hearing voices when there is nobody around".
    for (const char* query :
         {"seeing things", "seeing things that aren't there", "see things that are not there",
          "hearing voices", "hear voices that nobody else hears", "my dad is seeing people"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).empty());
        CHECK_FALSE(response.not_listed.empty());
        const std::vector<std::string> related = related_titles(response);
        REQUIRE_FALSE(related.empty());
        CHECK(related.front().find("mental") != std::string::npos);
    }
    // Sight itself stays the page's vision changes.
    for (const char* query :
         {"trouble seeing things", "seeing double", "seeing flashes of light"}) {
        INFO(query);
        CHECK(named_full_titles(search_all(query)).count("vision changes"));
    }
}

TEST_CASE("slowness said with time, and complaints said in the plural") {
    // bloodygood.com.au: "injuries take longer than normal to close", "wounds that seem slow
    // to heal"; chrysalis.stymco.com: "Why Won't My Wound Heal?".
    const std::set<std::string> healing = named_full_titles(search_all("slow wound healing"));
    REQUIRE_FALSE(healing.empty());
    for (const char* query :
         {"cuts taking ages to heal", "wounds take longer to heal", "cuts take forever to heal",
          "wounds won't heal", "wounds take longer than expected to heal"}) {
        INFO(query);
        CHECK(named_full_titles(search_all(query)) == healing);
    }
}

TEST_CASE("a place said once in a list is the place of each part") {
    // tukhs.chemoexperts.com: "Brittle, dry or cracked nails"; Brown Health: "stool becomes
    // hard, dry and difficult to pass"; mymedsuk.com: "dry, hard or lumpy".
    for (const char* query :
         {"brittle, dry or cracked nails", "stool is hard, dry and difficult to pass",
          "poo is dry, hard or lumpy"}) {
        INFO(query);
        const std::set<std::string> full = named_full_titles(search_all(query));
        CHECK(full.count("dry mouth") == 0);
        CHECK(full.count("dry skin") == 0);
        CHECK(full.count("skin thickening") == 0);
    }
    CHECK(named_full_titles(search_all("brittle, dry or cracked nails")).count("nail changes"));
    // A phrase that has the place still answers: "dry and itchy skin".
    CHECK(named_full_titles(search_all("dry and itchy skin")).count("dry skin"));
    // uhn.ca: "numbness in your hands or feet" is the page's nerve damage, though a longer
    // lay phrase shares more of its words.
    CHECK(named_full_titles(search_all("numbness in your hands or feet")) ==
          std::set<std::string>{nerve_damage});
}

TEST_CASE("an infection by the nails is not the page's nail changes, which come first") {
    // oncolink.org: "the skin on the sides of his fingernails have become infected";
    // ESMO: "Paronychia ... mimics an ingrown toenail"; tukhs.chemoexperts.com: "Nail
    // infection".
    for (const char* query : {"paronychia", "infected nail", "nail infection", "ingrown toenail",
                              "sore around my nails"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).empty());
        CHECK_FALSE(response.not_listed.empty());
        const std::vector<std::string> related = related_titles(response);
        CHECK(std::find(related.begin(), related.end(), "nail changes") != related.end());
    }
    CHECK(related_titles(search_all("infected nail")).front() == "nail changes");
    // The page's own nail words stay full (livingwithlungcancer.asia, verywellhealth.com).
    CHECK(named_full_titles(search_all("redness around the nails")).count("nail changes"));
}
