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

TEST_CASE("'unable to', 'not able to' and 'couldn't' say what 'can't' says") {
    // cancer.gov (PDQ): "unable to have a bowel movement"; cancer.net: "not being able to
    // empty the bowels". The phrases are written with "can't": the other spellings must
    // find the same complaint, whichever it is.
    for (const char* action : {"sleep", "eat", "poo", "go to the toilet"}) {
        const std::set<std::string> cant =
            named_full_titles(search_all(std::string("can't ") + action));
        REQUIRE_FALSE(cant.empty());
        for (const char* spelling : {"unable to ", "not able to ", "couldn't ", "cannot "}) {
            const std::string query = spelling + std::string(action);
            INFO(query);
            CHECK(named_full_titles(search_all(query)) == cant);
        }
    }
    // Bowels that do not move are constipation, never its opposite (cancer.org: "has not
    // had a bowel movement in 3 days"; nationaljewish.org: "difficulty moving your bowels").
    for (const char* query : {"has not had a bowel movement in 3 days", "bowels not moving",
                              "not able to move my bowels"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK_FALSE(named_full_titles(response).count("diarrhea"));
        CHECK(classes_with(response, SearchMatch::full).size() +
                  classes_with(response, SearchMatch::related).size() >
              0);
        for (const SearchResult& result : response.results)
            if (result.match == SearchMatch::full)
                CHECK(fold_for_search(result.title) == "constipation");
    }
}

TEST_CASE("'can't stop' says a lot of something, not its absence") {
    // gutcare.com.sg: "going to the toilet frequently"; people write "can't stop going to
    // the loo": the runs, the opposite of "can't go to the loo".
    for (const char* query : {"can't stop going to the loo", "cant stop going to the bathroom"}) {
        INFO(query);
        const std::set<std::string> full = named_full_titles(search_all(query));
        CHECK(full.count("diarrhea"));
        CHECK_FALSE(full.count("constipation"));
    }
    CHECK(named_full_titles(search_all("can't stop being sick")) ==
          named_full_titles(search_all("being sick")));
    CHECK(named_full_titles(search_all("couldn't stop scratching")).count("itching"));
}

TEST_CASE("the toilet's other names find the toilet's phrases") {
    // Phrases say "toilet" or "loo"; people also say bathroom and lavatory.
    const std::set<std::string> toilet = named_full_titles(search_all("can't go to the toilet"));
    REQUIRE(toilet == std::set<std::string>{"constipation"});
    for (const char* query :
         {"can't go to the loo", "can't go to the bathroom", "can't go to the lavatory"}) {
        INFO(query);
        CHECK(named_full_titles(search_all(query)) == toilet);
    }
}

TEST_CASE("places joined by 'or' or 'and' belong to one complaint") {
    // cancer.ca (jaundice): "yellowing of the skin or eyes" is one complaint in two places,
    // not yellow skin plus "eyes" (which would be vision changes).
    const SearchResponse yellow = search_all("yellowing of the skin or eyes");
    CHECK(named_full_titles(yellow).empty());
    CHECK(says_not_listed(yellow));
    // A listed complaint in two places stays a full answer.
    CHECK(named_full_titles(search_all("swelling in hands and feet"))
              .count(fold_for_search("swelling in hands and/or feet")));
    CHECK(named_full_titles(search_all("rash on my face and chest")).count("rash"));
    // Two complaints are still two parts.
    const std::set<std::string> two = named_full_titles(search_all("rash and diarrhoea"));
    CHECK(two.count("rash"));
    CHECK(two.count("diarrhea"));
}

TEST_CASE("'except' and 'besides' end an absence: what follows is a complaint") {
    // "No side effects except …" is how people answer "how are you getting on with it?":
    // the complaint after "except" is present, the rest absent.
    for (const char* query : {"no side effects except tiredness", "no problems besides a rash",
                              "nothing except diarrhoea"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        const std::set<std::string> present = named_full_titles(response);
        CHECK_FALSE(present.empty());
        REQUIRE_FALSE(response.results.empty());
        CHECK(response.results.front().match == SearchMatch::full);
        for (const SearchResult& result : response.results)
            if (result.match == SearchMatch::negated)
                CHECK_FALSE(present.count(fold_for_search(result.title)));
    }
    // The absence itself is still said.
    CHECK_FALSE(search_all("no side effects except tiredness").negated.empty());
}

TEST_CASE("words said of a gene change lead to the name, not to another page") {
    // How test results are said (lungevity.org: "EGFR-positive lung cancer"; cancer.org's
    // own "ALK-positive"; go2.org: "ROS1 fusion"). The name decides: "positive" alone would
    // find ALK's page, "lung cancer" the lung side effects.
    const Guide& guide = shipped_guide();
    for (const DrugClass& drug_class : guide.classes) {
        for (const Biomarker& biomarker : guide.biomarkers) {
            if (biomarker.class_ids.empty() || biomarker.class_ids.front() != drug_class.id)
                continue;
            const std::string gene = biomarker.name.substr(0, biomarker.name.find(' '));
            for (const char* said : {" positive", " positive lung cancer", " mutation nsclc"}) {
                const std::string query = gene + said;
                INFO(query);
                const SearchResponse response = search_all(query);
                REQUIRE_FALSE(response.results.empty());
                CHECK(response.not_listed.empty());
                for (std::size_t index = 0;
                     index < std::min<std::size_t>(3, response.results.size()); ++index)
                    CHECK(response.results[index].class_ids.front() == drug_class.id);
            }
        }
    }
}

TEST_CASE("asking for a drug's side effects leads to the drug, by any of its names") {
    // How people ask (page titles and questions: rxeconsult.com "Tagrisso side effects",
    // rx2go.com "What are the side effects of Alectinib?", glowafter40.today "Alecensa side
    // effects", drugs.com "Side effects of ... adverse reactions"). "side effects" is what
    // they ask of the name, not a complaint: every class's heading has it, so it put ten
    // class cards above the drug.
    const Guide& guide = shipped_guide();
    for (const Drug& drug : guide.drugs) {
        std::vector<std::string> names = drug.brands;
        names.push_back(drug.name);
        for (const std::string& name : names) {
            for (const std::string& query :
                 {name + " side effects", "side effects of " + name, name + " side-effects",
                  "what are the side effects of " + name, "adverse reactions to " + name,
                  "side efects of " + name}) {
                INFO(query);
                const SearchResponse response = search_all(query);
                REQUIRE_FALSE(response.results.empty());
                CHECK(response.results.front().drug_id == drug.id);
                CHECK(response.results.front().anchor == side_effects_section_anchor);
                CHECK(response.not_listed.empty());
            }
        }
    }
    // The name alone opens the page at its top.
    CHECK(search_all("tagrisso").results.front().anchor.empty());
    // Alone, or beside a complaint, it is still looked up: every class has side effects.
    const SearchResponse alone = search_all("side effects");
    std::set<std::string> classes;
    for (const SearchResult& result : alone.results)
        if (result.kind == SearchResultKind::drug_class) classes.insert(result.target_id);
    CHECK(classes.size() == guide.classes.size());
}

TEST_CASE("which part of a place narrows nothing: the complaint decides") {
    // Patient leaflets say where: "pain in the upper right side of your stomach area"
    // (medlineplus.gov, liver warnings), "blurred vision in one eye" (rnib.org.uk), "rash on
    // one side of the face" (nhs.uk, shingles). The part of the place is not the complaint:
    // the answer is the one for the complaint in that place.
    const std::pair<const char*, const char*> same[] = {
        {"blurry vision in one eye", "blurry vision"},
        {"pain in the upper right of my tummy", "tummy pain"},
        {"numbness in part of my foot", "numb foot"},
        {"rash on one side of my face", "rash on my face"},
        {"swelling in both ankles", "swollen ankles"},
    };
    for (const auto& [where, plain] : same) {
        INFO(where);
        const SearchResponse response = search_all(where);
        const std::set<std::string> expected = named_full_titles(search_all(plain));
        REQUIRE_FALSE(expected.empty());
        CHECK(named_full_titles(response) == expected);
        CHECK_FALSE(says_not_listed(response));
    }
    // Not before a place, the same words keep their meaning: "one" of "one more thing".
    CHECK(named_full_titles(search_all("the other day i was sick")) ==
          named_full_titles(search_all("sick")));
}

TEST_CASE("when is not what: a time alone is no complaint, and notes never say 'time'") {
    // "all the time", "at night", "for days" say when (macmillan.org.uk: "tired all the
    // time"; cancer.org: "diarrhea that lasts for days"). Alone they ask for no side effect.
    for (const char* query : {"all the time", "at night", "every morning", "for days"}) {
        INFO(query);
        CHECK(named_full_titles(search_all(query)).empty());
    }
    // With a complaint they narrow nothing and are not read out as unstated.
    for (const char* query :
         {"eyes watering all the time", "diarrhoea for days", "itchy at night"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK_FALSE(named_full_titles(response).empty());
        CHECK_FALSE(says_not_listed(response));
        for (const std::string& note : response.notes)
            for (const char* when : {"time", "days", "night"})
                CHECK(note.find(std::string("mention ") + when) == std::string::npos);
    }
    // A place still is ("swollen legs": the page says hands and/or feet).
    const SearchResponse legs = search_all("swollen legs");
    REQUIRE_FALSE(legs.notes.empty());
    CHECK(legs.notes.front().find("legs") != std::string::npos);
}

TEST_CASE("losing feeling and loss of sensation are the page's nerve damage") {
    // bc.ctvnews.ca: "losing feeling in my toes"; mayoclinic.org: "loss of sensation to
    // touch"; news.cancerresearchuk.org: "losing all feeling".
    for (const char* query : {"losing feeling in my toes", "loss of sensation in my hands",
                              "losing all feeling in fingers"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response).count("nerve damage peripheral neuropathy"));
        CHECK(response.negated.empty());
    }
}

TEST_CASE("two complaints in places the page joins stay two full answers") {
    // The page's "swelling in hands and/or feet" joins two places, not two complaints:
    // "swollen feet and numb toes" (a caregiver's list; cancer.net: "numbness ... in the
    // toes") answers both, and says neither is missing.
    for (const char* query : {"swollen feet and numb toes", "numb toes and swollen feet",
                              "tingling hands and swollen ankles"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        const std::set<std::string> full = named_full_titles(response);
        CHECK(full.count(fold_for_search("swelling in hands and/or feet")));
        CHECK(full.count(fold_for_search("nerve damage (peripheral neuropathy)")));
        CHECK_FALSE(says_not_listed(response));
    }
}

TEST_CASE("any spelling of a negation finds the phrases written with 'not' or 'no'") {
    // The phrases say "not hungry", "not sleeping", "no appetite"; people also write "never
    // hungry" and "haven't been hungry" (macmillan.org.uk: "I haven't been hungry since");
    // "not sleeping well" (sleepfoundation.org) is not sleeping.
    const std::set<std::string> appetite = named_full_titles(search_all("not hungry"));
    REQUIRE_FALSE(appetite.empty());
    for (const char* query :
         {"never hungry", "haven't been hungry for a week", "hasn't any appetite"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK(named_full_titles(response) == appetite);
        CHECK(response.negated.empty());
    }
    CHECK(named_full_titles(search_all("not sleeping well")) ==
          named_full_titles(search_all("not sleeping")));
    // An absence stays an absence whatever its spelling.
    for (const char* query : {"never had a rash", "haven't had diarrhoea"}) {
        INFO(query);
        const SearchResponse response = search_all(query);
        CHECK_FALSE(response.negated.empty());
        CHECK(named_full_titles(response).empty());
    }
}

TEST_CASE("an infection somewhere is not the page's low white blood cells") {
    // nhs.uk: "eye infection", "chest infection"; the page lists low white blood cell counts,
    // whose lay words say "infections" alone ("catching infections").
    for (const char* query : {"eye infection", "chest infection", "infected toenail"}) {
        INFO(query);
        for (const std::string& title : named_full_titles(search_all(query)))
            CHECK(title.find("white blood") == std::string::npos);
    }
    CHECK_FALSE(named_full_titles(search_all("catching infections")).empty());
}
