// The kinds of failure an independent evaluation found in the complaint reader, each tested
// with phrasings from public pages (the source beside each), not with that evaluation's own
// examples: generic words, negation after the complaint, a named drug that does not list the
// complaint, a site the page does not state, lists without "and", the page's wider words.
#include "search/complaint_lexicon.h"
#include "search_test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace lungguide;
using namespace lungguide::testing;

namespace {

// The page's terms shown as full answers, folded, without its wider words for a class: they
// say they are that.
std::set<std::string> named_full_titles(const SearchResponse& response) {
    return full_titles(response, WiderWords::left_out);
}

bool says_not_listed(const SearchResponse& response) {
    return !response.not_listed.empty();
}

} // namespace

TEST_CASE("a generic word alone never gives a full answer") {
    // "pain", "sore", "down" say that something hurts, not what.
    // fitupdates.top (Tagrisso side effects): "chest pain", "sore throat".
    for (const char* query : {"chest pain", "sore throat", "painful urination "}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).empty());
        CHECK(says_not_listed(response));
    }
    // Alone, the page has several pains: none is the answer, and none is missing.
    const SearchResponse pain = search_all("pain ");
    CHECK(named_full_titles(pain).empty());
    CHECK_FALSE(says_not_listed(pain));
    CHECK_FALSE(pain.results.empty());
    // With the words that say what, the generic word goes with them.
    // livingwithlungcancer.asia: "painful swelling and redness around the nails".
    CHECK(named_full_titles(search_all("painful swelling"))
              .count(fold_for_search("swelling in hands and/or feet")));
    // A lay phrase said whole across its own "and" (getmeback.uk: "aches and pains").
    CHECK(named_full_titles(search_all("aches and pains")).count("muscle pain"));
    // roycastle.org (Wendy): "I ached all over".
    CHECK(named_full_titles(search_all("ached all over")).count("muscle pain"));
    // healthcentral.com: "difficulty keeping food down"; a phrase said whole.
    CHECK(named_full_titles(search_all("difficulty keeping food down")).count("vomiting"));
    CHECK(named_full_titles(search_all("down ")).empty());
}

TEST_CASE("a complaint said to be over, after it, is negated, never full") {
    // Macmillan community (Tarceva one year on): "the side effects have gone".
    for (const char* query :
         {"the rash has subsided", "my nose has stopped bleeding", "the diarrhoea has gone",
          "no more bleeding nose", "the rash has cleared up", "diarrhoea went away"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).empty());
        CHECK_FALSE(response.negated.empty());
        CHECK_FALSE(classes_with(response, SearchMatch::negated).empty());
    }
    // roycastle.org: "you don't get the sickness or hair loss"; "get" is not something the
    // body does, so this is the hair loss said absent.
    const SearchResponse hair = search_all("didn't get any hair loss");
    CHECK(named_full_titles(hair).empty());
    CHECK(classes_with(hair, SearchMatch::negated) == std::set<std::string>{"braf", "her2"});
    // "stopped up" is constipation, not a negation.
    CHECK(named_full_titles(search_all("stopped up")).count("constipation"));
}

TEST_CASE("a drug named with a complaint its class does not list says so plainly") {
    // rxeconsult.com on Tagrisso: "about 15% of patients experience constipation".
    const SearchResponse response = search_all("tagrisso constipation");
    CHECK(named_full_titles(response).empty());
    CHECK(says_not_listed(response));
    CHECK(classes_with(response, SearchMatch::other_class) == std::set<std::string>{"ret", "trk"});
    CHECK(std::find(response.notes.begin(), response.notes.end(),
                    "The page does not list constipation for EGFR inhibitors; it lists it for "
                    "RET inhibitors and TRK inhibitors.") != response.notes.end());
    // pharmagiant.com: "Back pain"; fitupdates.top: "nosebleeds", "hair loss".
    for (const char* query : {"tagrisso back pain", "tagrisso nosebleeds", "tagrisso hair loss"}) {
        INFO(query);
        const SearchResponse other = search_all(query);
        CHECK(named_full_titles(other).empty());
        CHECK(says_not_listed(other));
        CHECK_FALSE(classes_with(other, SearchMatch::other_class).count("egfr"));
    }
    // Listed for the class: answered, that class first.
    const SearchResponse nausea = search_all("tagrisso nausea");
    CHECK_FALSE(says_not_listed(nausea));
    REQUIRE_FALSE(nausea.results.empty());
    CHECK(nausea.results.front().class_ids.front() == "egfr");
}

TEST_CASE("a site the page does not state never demotes a listed complaint") {
    // livingwithlungcancer.asia: "an acne-like rash on the face and chest".
    const SearchResponse rash = search_all("acne-like rash on the face and chest");
    CHECK(named_full_titles(rash).count("rash"));
    CHECK_FALSE(says_not_listed(rash));
    // Macmillan community: "a continuous bleeding nose"; a caregiver's possessive.
    CHECK(named_full_titles(search_all("my husband's nose keeps bleeding")).count("nosebleed"));
    CHECK(named_full_titles(search_all("pain in his lower back")).count("back pain"));
    // Another part of the body than the page's term names is not that term in full.
    // lifelonghealth.us: "eye swelling"; fitupdates.top: "swelling of your mouth".
    for (const char* query : {"eye swelling", "swelling of your mouth"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK_FALSE(
            named_full_titles(response).count(fold_for_search("swelling in hands and/or feet")));
        CHECK(says_not_listed(response));
        CHECK(classes_with(response, SearchMatch::related).count("alk"));
    }
    CHECK(named_full_titles(search_all("swollen ankles"))
              .count(fold_for_search("swelling in hands and/or feet")));
}

TEST_CASE("a list without 'and' answers each complaint") {
    // pharmagiant.com lists "Exhaustion, Back pain, Headache"; fitupdates.top "nausea …
    // diarrhea … fatigue"; lungsforliving.co.uk "tiredness, diarrhoea, skin changes, sore
    // mouth and loss of appetite".
    const std::set<std::string> three =
        named_full_titles(search_all("exhaustion, back pain, headache"));
    CHECK(three.count("back pain"));
    CHECK(three.count("headache"));
    CHECK((three.count("fatigue") || three.count("tiredness")));
    const std::set<std::string> spaced = named_full_titles(search_all("nausea diarrhea fatigue "));
    CHECK(spaced.count("nausea"));
    CHECK(spaced.count("diarrhea"));
    const SearchResponse long_list =
        search_all("tiredness, diarrhoea, skin changes, sore mouth and loss of appetite");
    CHECK(named_full_titles(long_list).count("skin problems"));
    CHECK(named_full_titles(long_list).count("loss of appetite"));
    CHECK(long_list.not_listed == std::vector<std::string>{"sore mouth"});
    // Not lists: a word that is no phrase of its own keeps the part whole.
    CHECK(says_not_listed(search_all("hot flushes")));
    CHECK(named_full_titles(search_all("blurred vision")).count("vision changes"));
}

TEST_CASE("the page's wider words for a class count, and say they are that") {
    // ONS Voice and verywellhealth.com on EGFR inhibitors' acne-like rash: the page says
    // "skin problems" for EGFR.
    for (const char* query : {"acne", "rash", "dry skin", "itchy skin"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        bool wider = false, severe = false;
        for (const SearchResult& result : response.results) {
            if (result.because.kind != BecauseKind::umbrella) continue;
            wider = wider || (result.class_ids.front() == "egfr" &&
                              fold_for_search(result.title) == "skin problems");
            severe = severe || result.title.find("evere") != std::string::npos;
            CHECK(search_because(response, result).find("wider words") != std::string::npos);
        }
        CHECK(wider);
        CHECK_FALSE(severe); // "severe skin problems" says more than the complaint does
    }
    CHECK(search_all("hair loss").results.front().because.kind != BecauseKind::umbrella);
}

TEST_CASE("a body part with a word of movement or colour is not a side effect it shares a word "
          "with") {
    // inthenhs.com (chemotherapy nail trouble): "toenails that have completely fallen off";
    // cancer.ca (jaundice): "your skin and the whites of your eyes become yellow"; altru.org:
    // "skin or eyes develop yellow tint". Nail loss and a yellow colour are not on the page:
    // "off" is not "off food", "yellow eyes" are not vision changes.
    for (const char* query :
         {"nails droping off", "toenails falling off", "teeth falling out", "skin turning yellow",
          "eyes going yellow", "darkening of the skin", "whites of my eyes are yellow"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).empty());
    }
    // Said whole, the phrase still answers: the body part with its own words.
    CHECK(named_full_titles(search_all("hair falling out")).count("hair loss"));
    CHECK(named_full_titles(search_all("off my food")).count("loss of appetite"));
}

TEST_CASE("split, cracked and peeling nails are the page's nail changes") {
    // inthenhs.com: fingernails "split apart"; yourstrulylori.com: nails "break and crack
    // easily"; oncologistcambodia.com: nails "peel or become brittle".
    for (const char* query : {"split nails", "my nails keep splitting", "nails cracking",
                              "nails are peeling", "brittle fingernails"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response) == std::set<std::string>{"nail changes"});
        CHECK_FALSE(says_not_listed(response));
    }
}

TEST_CASE("a lab value the page never names is said to be not listed") {
    // Blood-test results people ask about after a check-up; the page names none of them, so
    // "high" must not make high blood pressure the only answer.
    for (const char* query : {"high potassium", "high cholesterol", "low sodium"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(says_not_listed(response));
        CHECK(named_full_titles(response).empty());
    }
}
