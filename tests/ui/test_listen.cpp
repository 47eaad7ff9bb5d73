// Listen (issue 22) through real frames: each part of a page asks to be read, the sentence
// being read is highlighted where the page shows it and kept in view, the player bar pauses,
// resumes, skips, stops and changes speed, settings keep the speed, and where nothing can be
// read aloud the control says so. The engine is played by the test: it takes the App's
// requests and answers with events, as platform/runner.cpp does.
#include "ui_harness.h"

#include "content/guide.h"
#include "speech/spoken_guide.h"

#include <string>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

// The App's requests since the last call.
std::vector<SpeechRequest> requests(Harness& harness) {
    std::vector<SpeechRequest> taken;
    while (std::optional<SpeechRequest> request = harness.app().take_speech_request())
        taken.push_back(std::move(*request));
    return taken;
}

SpeechEvent event(SpeechEvent::Kind kind, std::uint64_t job, std::size_t sentence = 0) {
    SpeechEvent made;
    made.kind = kind;
    made.job = job;
    made.sentence = sentence;
    return made;
}

// The engine says sentence `index` began; two frames follow, as the runner draws them.
void reading(Harness& harness, std::uint64_t job, std::size_t index) {
    harness.app().on_speech_event(event(SpeechEvent::Kind::sentence, job, index));
    harness.settle(2);
}

// Scrolls (by jumping to its section) until the Listen control is on screen, and taps it.
SpeechRequest tap_listen(Harness& harness, const std::string& owner, const std::string& section) {
    const std::string page = owner.substr(0, owner.find(' '));
    if (!section.empty()) {
        harness.app().go(page + "#section=" + section);
        harness.settle(4);
    }
    harness.tap("listen:" + owner);
    std::vector<SpeechRequest> asked = requests(harness);
    REQUIRE(asked.size() == 1);
    REQUIRE(asked[0].kind == SpeechRequest::Kind::speak);
    return asked[0];
}

bool under_player(Harness& harness, const ui::DrawnItem& item) {
    const ui::DrawnItem* player = harness.find("player");
    return player && item.max.y > player->min.y + 1.0f;
}

} // namespace

TEST_CASE("Listen on a class page: the highlight moves through the sentences in order, in view") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    const DrugClass& egfr = *guide.find_class("egfr");
    struct Part {
        ClassSection section;
        const char* anchor;
    };
    for (float scale : {1.0f, 2.5f}) {
        for (const Part& part :
             {Part{ClassSection::how_they_work, "how-they-work"}, Part{ClassSection::uses, "uses"},
              Part{ClassSection::side_effects, "side-effects"},
              Part{ClassSection::rare_serious, "rare-but-serious"}}) {
            Harness harness(390, 844, "class/egfr", scale);
            const std::string owner = std::string("class/egfr ") + class_section_id(part.section);
            INFO(owner << " at " << scale);
            const SpeechRequest speak = tap_listen(harness, owner, part.anchor);
            const std::vector<SpokenSentence> expected =
                spoken_class_section(guide, egfr, part.section);
            REQUIRE(speak.sentences.size() == expected.size());
            for (std::size_t index = 0; index < expected.size(); ++index)
                CHECK(speak.sentences[index].shown == expected[index].shown);
            CHECK(speak.first == 0);
            REQUIRE(harness.find("player") != nullptr);
            for (std::size_t index = 0; index < expected.size(); ++index) {
                reading(harness, speak.job, index);
                INFO("sentence " << index << ": " << expected[index].shown);
                const ui::DrawnItem* shown = harness.find("reading:" + std::to_string(index));
                REQUIRE(shown != nullptr);
                // Its start is on the page, above the player (a sentence taller than the
                // page at 250 % cannot be in view whole: its top is).
                const ui::DrawnItem* page = harness.find("page");
                REQUIRE(page != nullptr);
                CHECK(shown->min.y >= page->min.y - 1.0f);
                CHECK(shown->min.y + 2.0f * harness.app().layout().em <= page->max.y);
                if (shown->max.y - shown->min.y < 0.5f * (page->max.y - page->min.y)) {
                    CHECK(harness.visible(*shown));
                    CHECK_FALSE(under_player(harness, *shown));
                }
                CHECK(harness.find("reading:" + std::to_string(index + 1)) == nullptr);
            }
            harness.app().on_speech_event(event(SpeechEvent::Kind::finished, speak.job));
            harness.settle(2);
            CHECK(harness.find("player") == nullptr);
            CHECK(harness.find_prefix("reading:") == nullptr);
        }
    }
}

TEST_CASE("a sentence inside a paragraph is tinted, and the word being said with it") {
    Harness harness(800, 1280, "class/egfr");
    const SpeechRequest speak = tap_listen(harness, "class/egfr how-they-work", "");
    REQUIRE(speak.sentences.size() >= 3);
    // Sentence 1 is the mechanism's first sentence: drawn from the Guide's own string.
    REQUIRE_FALSE(speak.sentences[1].source.empty());
    reading(harness, speak.job, 1);
    const ui::DrawnItem* first = harness.find("reading:1");
    REQUIRE(first != nullptr);
    reading(harness, speak.job, 2);
    const ui::DrawnItem* second = harness.find("reading:2");
    REQUIRE(second != nullptr);
    // The same paragraph: the second sentence's tint starts on or below the first's.
    CHECK(second->min.y >= first->min.y);
    SpeechEvent word = event(SpeechEvent::Kind::word, speak.job, 2);
    word.begin = 0;
    word.length = 5;
    harness.app().on_speech_event(word);
    harness.settle(1);
    CHECK(harness.find("reading:2") != nullptr);
    // A late event of a job replaced since changes nothing.
    harness.app().on_speech_event(event(SpeechEvent::Kind::sentence, speak.job + 100, 0));
    harness.settle(1);
    CHECK(harness.find("reading:2") != nullptr);
}

TEST_CASE("the player bar pauses, resumes, skips, stops and changes speed, which is kept") {
    Harness harness(390, 844, "class/egfr");
    const SpeechRequest speak = tap_listen(harness, "class/egfr how-they-work", "");
    reading(harness, speak.job, 0);
    reading(harness, speak.job, 1);
    for (const char* label : {"Previous", "Pause", "Next", "Stop"}) {
        const ui::DrawnItem* control = harness.find(label);
        REQUIRE_MESSAGE(control != nullptr, label);
        CHECK(control->max.y - control->min.y >= 48.0f);
        CHECK(harness.visible(*control));
    }
    harness.tap("Pause");
    std::vector<SpeechRequest> asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::pause);
    CHECK(harness.find("reading:1") != nullptr); // still shown where it stopped
    harness.tap("Resume");
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::resume);

    harness.tap("Next");
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::speak);
    CHECK(asked[0].first == 2);
    const std::uint64_t next_job = asked[0].job;
    CHECK(next_job != speak.job);
    reading(harness, next_job, 2);
    harness.tap("Previous");
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].first == 1);

    harness.tap("Slower");
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::speak); // again from this sentence, slower
    CHECK(asked[0].settings.rate == SpeechRate::slower);
    CHECK(asked[0].first == 1);

    harness.tap("Stop");
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::stop);
    CHECK(harness.find("player") == nullptr);

    // The speed is a setting: the next start of the app reads slower.
    auto again = Harness::over_folder(390, 844, "class/egfr", harness.folder());
    CHECK(again->app().listening().settings().rate == SpeechRate::slower);
}

TEST_CASE("leaving the page stops reading; the Listen control stops what it started") {
    Harness harness(390, 844, "class/egfr");
    tap_listen(harness, "class/egfr how-they-work", "");
    harness.tap("listen:class/egfr how-they-work"); // now it says Stop
    std::vector<SpeechRequest> asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::stop);
    tap_listen(harness, "class/egfr how-they-work", "");
    harness.app().go("drug/osimertinib");
    harness.settle(3);
    asked = requests(harness);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == SpeechRequest::Kind::stop);
    CHECK(harness.find("player") == nullptr);
}

TEST_CASE("with no sound device, Listen says so calmly, and tries again when tapped") {
    Harness harness(390, 844, "class/egfr", 2.5f);
    const SpeechRequest speak = tap_listen(harness, "class/egfr how-they-work", "how-they-work");
    SpeechEvent none = event(SpeechEvent::Kind::unavailable, speak.job);
    none.message = no_audio_device_message();
    harness.app().on_speech_event(none);
    harness.settle(3);
    CHECK(harness.find("player") == nullptr);
    CHECK(harness.drew_text_starting("This device has no sound output"));
    CHECK(harness.drew_text_starting("Not available on this device"));
    CHECK(harness.find_prefix("reading:") == nullptr);
    tap_listen(harness, "class/egfr how-they-work", "how-they-work");
}

TEST_CASE("Listen on a drug page, a glossary word, a summary and a search answer") {
    const Guide& guide = lungguide::testing::ui_pack().guide();
    {
        Harness harness(800, 1280, "drug/osimertinib");
        const SpeechRequest speak = tap_listen(harness, "drug/osimertinib page", "");
        CHECK(speak.sentences.size() == spoken_drug(guide, *guide.find_drug("osimertinib")).size());
        for (std::size_t index = 0; index < speak.sentences.size(); ++index) {
            reading(harness, speak.job, index);
            INFO(speak.sentences[index].shown);
            CHECK(harness.find("reading:" + std::to_string(index)) != nullptr);
        }
    }
    {
        Harness harness(390, 844, "class/egfr#term=adjuvant");
        harness.settle(14);
        const SpeechRequest speak = tap_listen(harness, "class/egfr term=adjuvant", "");
        REQUIRE(speak.sentences.size() >= 2);
        reading(harness, speak.job, 1);
        CHECK(harness.find("reading:1") != nullptr); // in the panel
        harness.tap("Close");
        std::vector<SpeechRequest> asked = requests(harness);
        REQUIRE(asked.size() == 1);
        CHECK(asked[0].kind == SpeechRequest::Kind::stop);
    }
    {
        Harness harness(800, 1280, "search?q=diarrhea");
        const SpeechRequest speak = tap_listen(harness, "search?q=diarrhea answer", "");
        REQUIRE_FALSE(speak.sentences.empty());
        CHECK(speak.sentences[0].shown.rfind("Diarrhea: listed as common for", 0) == 0);
        reading(harness, speak.job, 0);
        CHECK(harness.find("reading:0") != nullptr); // the answer is shown as it is read
    }
    {
        // Not on the page: the answer read is that plain sentence, never a look-alike.
        Harness harness(800, 1280, "search?q=xyzzy");
        const SpeechRequest speak = tap_listen(harness, "search?q=xyzzy answer", "");
        REQUIRE(speak.sentences.size() == 1);
        CHECK(speak.sentences[0].shown.rfind("\"xyzzy\" is not listed on this page", 0) == 0);
    }
    {
        Harness harness(800, 1280, "bookmarks");
        harness.app().bookmark_for("class", "egfr", "Mum");
        harness.app().go("summary?for=Mum");
        harness.settle(4);
        const SpeechRequest speak = tap_listen(harness, "summary?for=Mum summary", "");
        REQUIRE(speak.sentences.size() > 5);
        reading(harness, speak.job, 3);
        CHECK(harness.find("reading:3") != nullptr);
    }
}

TEST_CASE("the speed and voice in Settings") {
    Harness harness(800, 1280, "settings");
    harness.tap("Faster");
    harness.tap("British English");
    CHECK(harness.app().listening().settings().rate == SpeechRate::faster);
    CHECK(harness.app().listening().settings().voice == SpeechVoice::british_english);
    CHECK(requests(harness).empty()); // nothing was being read
    auto again = Harness::over_folder(800, 1280, "settings", harness.folder());
    CHECK(again->app().listening().settings().rate == SpeechRate::faster);
    CHECK(again->app().listening().settings().voice == SpeechVoice::british_english);
}
