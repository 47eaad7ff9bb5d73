// The symptom diary: entries in the person's words, kept like bookmarks (cleaned, bounded,
// checksummed, undoable, exported and imported whole), and linked to the page through the
// same search answer as the search screen, the person's classes first; links made again when
// the content changes, the words never.
#include "bookmarks/bookmark_exchange.h"
#include "bookmarks/diary_findings.h"
#include "bookmarks/symptom_diary.h"
#include "bookmarks/user_text.h"
#include "bookmarks/visit_summary.h"
#include "common/letter_case.h"
#include "content_test_support.h"
#include "diary/diary_links.h"
#include "search/search.h"
#include "user_store_test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace lungguide;
using namespace user_store_test;

namespace {

std::unique_ptr<UserStore> open_or_fail(const std::string& folder) {
    std::string message;
    auto store = open_store(folder, message);
    REQUIRE_MESSAGE(store, message);
    return store;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

DiaryEntry entry_of(const std::string& person, const std::string& text,
                    const std::string& date = "") {
    DiaryEntry entry;
    entry.person = person;
    entry.text = text;
    entry.date = date;
    return entry;
}

const SearchIndex& shipped_index() {
    static const SearchIndex index(testing::shipped_pack());
    return index;
}

DiaryLinker shipped_linker() {
    return DiaryLinker(shipped_index(), testing::shipped_pack().guide(),
                       content_pack_identity(testing::shipped_pack()));
}

// Every class whose side-effect list (of that severity) has this page term.
std::set<std::string> classes_listing(const Guide& guide, const std::string& term,
                                      Severity severity) {
    std::set<std::string> ids;
    for (const DrugClass& drug_class : guide.classes)
        for (const SideEffect& effect : drug_class.side_effects())
            if (effect.term == term && effect.severity == severity) ids.insert(drug_class.id);
    return ids;
}

Bookmark drug_bookmark(const std::string& drug, const std::string& person) {
    Bookmark bookmark;
    bookmark.kind = "drug";
    bookmark.target = drug;
    bookmark.person = person;
    return bookmark;
}

} // namespace

TEST_CASE("diary entries: added, listed by person and day, edited, removed and put back") {
    TemporaryFolder temporary;
    auto store = open_or_fail(temporary.path());
    SymptomDiary diary(*store);
    std::int64_t first = 0, second = 0;
    DiaryEntry runs = entry_of("Mum", "the runs", "2024-09-02");
    runs.severity = DiarySeverity::moderate;
    runs.note = "after lunch\nand again at night";
    REQUIRE(diary.add_entry(runs, &first).ok());
    REQUIRE(diary.add_entry(entry_of("Mum", "tired", "2024-09-01"), &second).ok());
    REQUIRE(diary.add_entry(entry_of("Dad", "rash", "2024-09-03")).ok());
    REQUIRE(diary.add_entry(entry_of("", "hiccups")).ok()); // today, by default

    const std::vector<DiaryEntry> mum = diary.entries("MUM"); // labels match without case
    REQUIRE(mum.size() == 2);
    CHECK(mum[0].text == "tired"); // by day
    CHECK(mum[1].text == "the runs");
    CHECK(mum[1].severity == DiarySeverity::moderate);
    CHECK(mum[1].note == "after lunch\nand again at night");
    CHECK(mum[1].created.back() == 'Z');
    CHECK(!mum[1].damaged);
    CHECK(diary.entries().size() == 4);
    CHECK(diary.entries("")[0].date == local_date_today());
    CHECK(diary.people() == std::vector<std::string>{"Dad", "Mum"});

    DiaryEntry edited = mum[1];
    edited.text = "the runs, three times";
    edited.severity = DiarySeverity::severe;
    edited.person = "Dad"; // an edit never moves an entry to another diary
    REQUIRE(diary.update_entry(edited).ok());
    CHECK(diary.entry(first)->text == "the runs, three times");
    CHECK(diary.entry(first)->person == "Mum");
    CHECK(diary.entry(first)->created == mum[1].created);

    DiaryEntry removed;
    REQUIRE(diary.remove_entry(first, &removed).ok());
    CHECK(!diary.entry(first));
    CHECK(diary.remove_entry(first).problem == Problem::not_found);
    REQUIRE(diary.restore_entry(removed).ok());
    const std::optional<DiaryEntry> back = diary.entry(first);
    REQUIRE(back);
    CHECK(back->text == "the runs, three times");
    CHECK(back->note == removed.note);
    CHECK(back->created == removed.created);
    CHECK(diary.check().ok());
}

TEST_CASE("diary text is cleaned and bounded like notes; days are real and not to come") {
    TemporaryFolder temporary;
    auto store = open_or_fail(temporary.path());
    SymptomDiary diary(*store);
    std::int64_t id = 0;
    // Control characters and line breaks in the words become spaces; bidi controls go.
    REQUIRE(diary.add_entry(entry_of("Mum\xE2\x80\xAE", "sore\nmouth\a\x1B[31m"), &id).ok());
    CHECK(diary.entry(id)->text == "sore mouth[31m");
    CHECK(diary.entry(id)->person == "Mum");
    const Status long_words = diary.add_entry(entry_of("Mum", std::string(1000, 'a')), &id);
    REQUIRE(long_words.ok());
    CHECK(contains(long_words.message_for_person, "only the first 300"));
    CHECK(diary.entry(id)->text.size() == diary_words_max_characters);
    CHECK(diary.add_entry(entry_of("Mum", " \n\t ")).problem == Problem::invalid_input);
    for (const char* day : {"2024-02-30", "2024-13-01", "02/09/2024", "2024-9-2", "yesterday"})
        CHECK_MESSAGE(
            diary.add_entry(entry_of("Mum", "tired", day)).problem == Problem::invalid_input, day);
    CHECK(diary.add_entry(entry_of("Mum", "tired", "2024-02-29")).ok()); // a leap day
    const Status future = diary.add_entry(entry_of("Mum", "tired", "2999-01-01"));
    CHECK(future.problem == Problem::invalid_input);
    CHECK(contains(future.message_for_person, "still to come"));
    DiarySeverity severity = DiarySeverity::mild;
    CHECK(!parse_diary_severity("very bad", severity));
    CHECK(severity == DiarySeverity::mild);
}

TEST_CASE("a diary row changed on the disk is flagged, kept as read, and never rewritten") {
    TemporaryFolder temporary;
    std::int64_t id = 0;
    {
        auto store = open_or_fail(temporary.path());
        REQUIRE(SymptomDiary(*store).add_entry(entry_of("Mum", "the runs"), &id).ok());
    }
    {
        RawDatabase raw(temporary.file(user_store_file_name));
        REQUIRE(raw.execute("UPDATE symptom_diary SET words = 'the rash'") == SQLITE_OK);
    }
    auto store = open_or_fail(temporary.path());
    SymptomDiary diary(*store);
    const std::optional<DiaryEntry> damaged = diary.entry(id);
    REQUIRE(damaged);
    CHECK(damaged->damaged);
    CHECK(damaged->text == "the rash"); // as it reads, never "corrected"
    CHECK(diary.check().problem == Problem::damaged);
    CHECK(diary.set_links(id, DiaryLinks{"key", {}, {"x"}}).problem == Problem::damaged);
    DiaryEntry edit = *damaged;
    edit.text = "better words";
    CHECK(diary.update_entry(edit).problem == Problem::damaged);
    CHECK(diary.remove_entry(id).ok()); // it can always be removed and written again
}

TEST_CASE("a read-only store lists the diary and refuses changes, changing nothing") {
    TemporaryFolder temporary;
    {
        auto store = open_or_fail(temporary.path());
        REQUIRE(SymptomDiary(*store).add_entry(entry_of("Mum", "tired")).ok());
    }
    UserStoreOptions options;
    options.read_only = true;
    std::string message;
    auto store = open_store(temporary.path(), message, options);
    REQUIRE(store);
    SymptomDiary diary(*store);
    CHECK(diary.entries().size() == 1);
    CHECK(diary.add_entry(entry_of("Mum", "rash")).problem == Problem::read_only);
    CHECK(diary.remove_entry(1).problem == Problem::read_only);
    // Links can still be made for the screen, without being saved.
    const std::vector<DiaryEntry> shown = shipped_linker().entries_with_current_links(*store);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].links.listed());
}

TEST_CASE("words are linked through the search answer: full matches, the person's classes "
          "first, every class the page lists them for") {
    const Guide& guide = testing::shipped_pack().guide();
    const DiaryLinker linker = shipped_linker();
    const std::vector<Bookmark> mum = {drug_bookmark("osimertinib", "Mum")};
    // Words people use, from the README and docs/search.md: lay words, a slip, a phrase.
    const struct {
        const char* words;
        const char* term;
    } cases[] = {{"the runs", "diarrhea"},      {"diarhea", "diarrhea"},
                 {"being sick", "vomiting"},    {"nausia", "nausea"},
                 {"bloody nose", "nosebleeds"}, {"tired", "fatigue"}};
    for (const auto& one : cases) {
        CAPTURE(one.words);
        const DiaryLinks links = linker.link(one.words, mum);
        REQUIRE(links.listed());
        std::set<std::string> linked;
        for (const DiaryLink& link : links.side_effects)
            if (lower_ascii(link.title) == one.term) linked.insert(link.class_id);
        CHECK(linked == classes_listing(guide, one.term, Severity::common));
    }
    const DiaryLinks runs = linker.link("the runs", mum);
    CHECK(runs.side_effects.front().class_id == "egfr"); // Mum's class first
    CHECK(runs.side_effects.front().side_effect_id == "diarrhea");
    CHECK(linker.link("the runs", {}).side_effects.front().class_id != "egfr");

    // A rare but serious one keeps its severity.
    const DiaryLinks lungs = linker.link("lung damage", mum);
    REQUIRE(lungs.listed());
    CHECK(
        std::all_of(lungs.side_effects.begin(), lungs.side_effects.end(),
                    [](const DiaryLink& link) { return link.severity == Severity::rare_serious; }));
}

TEST_CASE("complaints the page does not list are said so, never linked to a look-alike") {
    const DiaryLinker linker = shipped_linker();
    for (const std::string words :
         {"hiccups", "yellow skin", "chest pain", "ringing in the ears"}) {
        CAPTURE(words);
        const DiaryLinks links = linker.link(words, {});
        CHECK(!links.listed());
        DiaryEntry entry = entry_of("Mum", words);
        entry.links = links;
        const std::vector<DiaryFinding> findings =
            diary_findings(testing::shipped_pack().guide(), entry, {});
        REQUIRE(!findings.empty());
        CHECK(findings.front().not_listed);
        CHECK(contains(findings.front().text, "not listed on this page; ask the care team."));
    }
    // Part listed, part not: both said.
    const DiaryLinks both = linker.link("tired and hiccups", {});
    CHECK(both.listed());
    CHECK(both.not_listed == std::vector<std::string>{"hiccups"});
}

TEST_CASE("findings name the person's drugs, flag rare but serious, and claim nothing unlinked") {
    const Guide& guide = testing::shipped_pack().guide();
    const DiaryLinker linker = shipped_linker();
    const std::vector<Bookmark> mum = {drug_bookmark("osimertinib", "Mum")};
    DiaryEntry runs = entry_of("Mum", "the runs");
    runs.links = linker.link(runs.text, mum);
    const std::vector<DiaryFinding> said = diary_findings(guide, runs, mum);
    REQUIRE(!said.empty());
    CHECK(said[0].for_person);
    CHECK(said[0].text.rfind("Diarrhea: listed as common for EGFR inhibitors (Mum's Osimertinib)",
                             0) == 0);
    CHECK(contains(said[0].text, "; also for KRAS inhibitors"));

    // Listed only for classes that are not the person's: said first that it is not theirs.
    const std::vector<Bookmark> dad = {drug_bookmark("sotorasib", "Dad")};
    DiaryEntry nosebleed = entry_of("Dad", "bloody nose");
    nosebleed.links = linker.link(nosebleed.text, dad);
    const std::vector<DiaryFinding> for_dad = diary_findings(guide, nosebleed, dad);
    REQUIRE(!for_dad.empty());
    CHECK(contains(for_dad[0].text, "not listed for Dad's drugs; listed as common for"));

    DiaryEntry lungs = entry_of("Mum", "lung damage");
    lungs.links = linker.link(lungs.text, mum);
    const std::vector<DiaryFinding> serious = diary_findings(guide, lungs, mum);
    REQUIRE(!serious.empty());
    CHECK(std::all_of(serious.begin(), serious.end(),
                      [](const DiaryFinding& finding) { return finding.rare_serious; }));
    CHECK(contains(serious[0].text, "listed as rare but serious for EGFR inhibitors"));

    DiaryEntry never_linked = entry_of("Mum", "the runs"); // no links made: nothing claimed
    CHECK(diary_findings(guide, never_linked, mum).empty());
}

TEST_CASE("links are made again when the pack or the bookmarks change; the words never") {
    TemporaryFolder temporary;
    auto store = open_or_fail(temporary.path());
    REQUIRE(store->add_bookmark("drug", "osimertinib", "Mum", "").ok());
    SymptomDiary diary(*store);
    std::int64_t id = 0;
    REQUIRE(diary.add_entry(entry_of("Mum", "the runs"), &id).ok());
    CHECK(diary.entry(id)->links.key.empty());

    const std::vector<DiaryEntry> first = shipped_linker().entries_with_current_links(*store);
    REQUIRE(first.size() == 1);
    CHECK(first[0].links.side_effects.front().class_id == "egfr");
    const std::string first_key = diary.entry(id)->links.key; // saved with the entry
    CHECK(first_key == first[0].links.key);

    // A newer pack whose EGFR list no longer has diarrhea (the same page otherwise).
    Guide newer = testing::shipped_pack().guide();
    newer.content_version += ".next";
    for (DrugClass& drug_class : newer.classes)
        if (drug_class.id == "egfr")
            for (SideEffectGroup& group : drug_class.side_effect_groups)
                group.terms.erase(std::remove(group.terms.begin(), group.terms.end(), "diarrhea"),
                                  group.terms.end());
    const SearchIndex newer_index(newer);
    const DiaryLinker newer_linker(newer_index, newer, "newer-pack");
    const std::vector<DiaryEntry> relinked = newer_linker.entries_with_current_links(*store);
    REQUIRE(relinked.size() == 1);
    CHECK(relinked[0].text == "the runs");
    CHECK(relinked[0].links.listed());
    for (const DiaryLink& link : relinked[0].links.side_effects)
        CHECK(link.class_id != "egfr");
    CHECK(diary.entry(id)->links.key != first_key);
    CHECK(diary.entry(id)->text == "the runs");
    CHECK(!diary.entry(id)->damaged);

    // A bookmark changes the order (and so the key): linked again, ALK first now.
    REQUIRE(store->add_bookmark("class", "alk", "Mum", "").ok());
    const std::vector<DiaryEntry> after = newer_linker.entries_with_current_links(*store, "Mum");
    CHECK(after[0].links.side_effects.front().class_id == "alk");
    CHECK(diary.check().ok());
}

TEST_CASE("export carries the diary; import brings it back whole or not at all") {
    TemporaryFolder first_folder, second_folder;
    auto first = open_or_fail(first_folder.path());
    REQUIRE(first->add_bookmark("drug", "osimertinib", "Mum", "80 mg").ok());
    SymptomDiary first_diary(*first);
    DiaryEntry runs = entry_of("Mum", "the runs \"twice\"", "2024-09-02");
    runs.severity = DiarySeverity::mild;
    runs.note = "after lunch";
    REQUIRE(first_diary.add_entry(runs).ok());
    REQUIRE(first_diary.add_entry(entry_of("", "tired", "2024-09-01")).ok());
    const std::string text =
        bookmarks_export_json(first->bookmarks(), "2024-09-03T00:00:00Z", first_diary.entries());
    CHECK(contains(text, "\"version\": 2"));

    const Result<ExportFile> file = parse_export_json(text);
    REQUIRE_MESSAGE(file.ok(), file.message_for_person());
    REQUIRE(file.value().diary.size() == 2);
    auto second = open_or_fail(second_folder.path());
    ImportCounts counts;
    REQUIRE(import_bookmarks_and_diary(*second, file.value().bookmarks, file.value().diary, nullptr,
                                       &counts)
                .ok());
    CHECK(counts.added == 2);
    SymptomDiary second_diary(*second);
    const std::vector<DiaryEntry> mum = second_diary.entries("Mum");
    REQUIRE(mum.size() == 1);
    CHECK(mum[0].text == "the runs \"twice\"");
    CHECK(mum[0].severity == DiarySeverity::mild);
    CHECK(mum[0].note == "after lunch");
    CHECK(mum[0].date == "2024-09-02");
    CHECK(second->bookmarks().size() == 1);
    // Again: nothing doubled.
    REQUIRE(import_bookmarks_and_diary(*second, file.value().bookmarks, file.value().diary, nullptr,
                                       &counts)
                .ok());
    CHECK(counts.unchanged == 2);
    CHECK(second_diary.entries().size() == 2);

    // One bad diary entry: nothing at all is imported, bookmarks included.
    TemporaryFolder third_folder;
    auto third = open_or_fail(third_folder.path());
    std::vector<DiaryEntry> bad = file.value().diary;
    bad.push_back(entry_of("Mum", "   "));
    CHECK(import_bookmarks_and_diary(*third, file.value().bookmarks, bad).problem ==
          Problem::invalid_input);
    CHECK(third->bookmarks().empty());
    CHECK(SymptomDiary(*third).entries().empty());
    // The store is usable after the refused import (its transaction was rolled back).
    CHECK(third->add_bookmark("class", "egfr", "", "").ok());
}

TEST_CASE("old export files without a diary still import; bad diary entries are refused") {
    const std::string old_file = R"({"format":"lungguide-bookmarks","version":1,
        "exported":"2024-09-01T00:00:00Z",
        "bookmarks":[{"kind":"class","target":"egfr","for":"Mum","note":null}]})";
    const Result<ExportFile> old = parse_export_json(old_file);
    REQUIRE_MESSAGE(old.ok(), old.message_for_person());
    CHECK(old.value().bookmarks.size() == 1);
    CHECK(old.value().diary.empty());
    const auto refused = [](const std::string& entry) {
        return parse_export_json(R"({"bookmarks":[],"diary":[)" + entry + "]}")
            .message_for_person();
    };
    CHECK(contains(refused(R"({"date":"2024-09-01","text":""})"), "has no words"));
    CHECK(contains(refused(R"({"date":"2024-02-30","text":"tired"})"), "not a day"));
    CHECK(contains(refused(R"({"date":"2024-09-01","text":"tired","severity":"awful"})"),
                   "severity"));
    CHECK(contains(refused(R"({"date":"2024-09-01","text":7})"), "not text"));
    CHECK(contains(refused(R"("tired")"), "is not a diary entry"));
    CHECK(contains(parse_export_json(R"({"bookmarks":[],"diary":{}})").message_for_person(),
                   "not a list"));
    CHECK(contains(parse_export_json(R"({"version":3,"bookmarks":[]})").message_for_person(),
                   "newer version"));
    // The largest entry a full diary can hold fits the import limit, with full bookmarks.
    std::string longest_note;
    for (std::size_t index = 0; index < note_max_characters; ++index)
        longest_note += "\xF0\x9F\x98\x80";
    DiaryEntry largest = entry_of(std::string(label_max_characters, '"'), "", "2024-09-01");
    largest.text = std::string(diary_words_max_characters, '"');
    largest.note = longest_note;
    largest.id = 123456789;
    largest.created = largest.updated = "2024-08-27T10:15:00.123Z";
    largest.severity = DiarySeverity::moderate;
    const std::string one = bookmarks_export_json({}, "2024-09-01T00:00:00Z", {largest});
    const std::string two = bookmarks_export_json({}, "2024-09-01T00:00:00Z", {largest, largest});
    CHECK((two.size() - one.size()) * diary_entries_max_count <=
          24 * 1024ull * diary_entries_max_count);
}

TEST_CASE("the summary for the doctor: the diary by day, what the page says, rare ones apart") {
    const Guide& guide = testing::shipped_pack().guide();
    const DiaryLinker linker = shipped_linker();
    const std::vector<Bookmark> mum = {drug_bookmark("osimertinib", "Mum")};
    std::vector<DiaryEntry> diary = {entry_of("Mum", "lung damage", "2024-09-03"),
                                     entry_of("Mum", "the runs", "2024-09-01"),
                                     entry_of("Mum", "hiccups *now*", "2024-09-02")};
    diary[1].severity = DiarySeverity::severe;
    diary[1].note = "- three times";
    for (DiaryEntry& entry : diary)
        entry.links = linker.link(entry.text, mum);
    const std::string text =
        visit_summary(guide, mum, "Mum", "2024-09-04", SummaryFormat::markdown, diary);
    CHECK(contains(text, "## Symptom diary"));
    const std::size_t first = text.find("### 2024-09-01"), second = text.find("### 2024-09-02"),
                      third = text.find("### 2024-09-03");
    REQUIRE(first != std::string::npos);
    CHECK(first < second);
    CHECK(second < third);
    CHECK(contains(text, "**Mum's words:** \u201Cthe runs\u201D"));
    CHECK(contains(text, "**How bad:** Severe"));
    CHECK(contains(text, "> \\- three times"));
    CHECK(contains(text, "Diarrhea: listed as common for EGFR inhibitors (Mum's Osimertinib)"));
    CHECK(contains(text, "\u201Chiccups \\*now\\*\u201D")); // the person's words never format
    CHECK(contains(text, "Hiccups: not listed on this page; ask the care team."));
    // Rare but serious: set apart, with the page's advice right after it.
    const std::size_t rare = text.find("### Rare but serious\n\n> **Interstitial lung disease");
    REQUIRE(rare != std::string::npos);
    CHECK(text.find("**The page's advice:** " + guide.doctor_advice, rare) != std::string::npos);
    const std::string html =
        visit_summary(guide, {}, "Mum", "2024-09-04", SummaryFormat::html, diary);
    CHECK(contains(html, "<h2>Symptom diary</h2>"));
    CHECK(contains(html, "Nothing is bookmarked."));
    CHECK(contains(html, "<div class=\"rare\">"));
}

TEST_CASE("a store of the version before the diary gains it, keeping every bookmark") {
    TemporaryFolder temporary;
    const std::string path = temporary.file(user_store_file_name);
    {
        auto store = open_or_fail(temporary.path());
        REQUIRE(store->add_bookmark("drug", "osimertinib", "Mum", "80 mg").ok());
    }
    {
        RawDatabase raw(path);
        REQUIRE(raw.execute("DROP TABLE symptom_diary; PRAGMA user_version = 5;") == SQLITE_OK);
    }
    auto store = open_or_fail(temporary.path());
    CHECK(store->bookmarks().size() == 1);
    CHECK(store->bookmarks()[0].note == "80 mg");
    CHECK(SymptomDiary(*store).add_entry(entry_of("Mum", "tired")).ok());
    CHECK(store->check_integrity().ok());
    store.reset();
    RawDatabase raw(path);
    CHECK(raw.value("PRAGMA user_version") == std::to_string(user_store_schema_version));
}
