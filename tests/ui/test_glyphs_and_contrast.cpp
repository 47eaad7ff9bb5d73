// Glyph coverage (no "?" boxes anywhere in the content) and WCAG contrast of what every
// screen draws, in every theme.
#include "ui_harness.h"

#include "bookmarks/symptom_diary.h"

#include "common/utf8.h"
#include "content/guide.h"
#include "fonts.h"
#include "theme.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using lungguide::testing::Harness;
using namespace lungguide;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

std::vector<unsigned> code_points_of(const std::string& text) {
    const std::u32string decoded = lungguide::decode_utf8(text);
    return std::vector<unsigned>(decoded.begin(), decoded.end());
}

void check_font_covers(ImFont* font, const std::vector<unsigned>& code_points, const char* which) {
    REQUIRE(font != nullptr);
    for (unsigned code_point : code_points) {
        if (code_point < 0x20 || code_point == 0x7F) continue; // control characters are not drawn
        INFO(std::string(which) << " font lacks code point " << code_point);
        CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(code_point)) != nullptr);
    }
}

} // namespace

TEST_CASE("every character of the content is in the font atlas, regular and bold") {
    Harness harness(768, 1024);
    const auto code_points = ui::code_points_of_guide(harness.app().guide());
    // The page's typographic characters are among them.
    for (unsigned needed : {0x2019u /* ’ */, 0x00E1u /* á */})
        CHECK(std::find(code_points.begin(), code_points.end(), needed) != code_points.end());
    const ui::FontSet& fonts = harness.app().fonts();
    CHECK(harness.app().font_error().empty());
    check_font_covers(fonts.body, code_points, "regular");
    check_font_covers(fonts.bold, code_points, "bold");
    check_font_covers(fonts.heading, code_points, "heading");
    check_font_covers(fonts.title, code_points, "title");
    // The interface's own symbols too (‹ on the Back button, — and … in labels).
    check_font_covers(fonts.body, code_points_of(ui::interface_extra_characters()), "regular");
    check_font_covers(fonts.bold, code_points_of(ui::interface_extra_characters()), "bold");
    // Not vacuous: a character the content never uses is not in the atlas.
    CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(0x4E2D)) == nullptr);
}

TEST_CASE("the atlas also covers every character of the original source page") {
    Harness harness(390, 844);
    const std::string source = read_text(std::string(LUNGGUIDE_SOURCE_DIR) +
                                         "/assets/source/targeted-drug-therapy-nsclc.txt");
    REQUIRE_FALSE(source.empty());
    auto code_points = code_points_of(source);
    std::sort(code_points.begin(), code_points.end());
    code_points.erase(std::unique(code_points.begin(), code_points.end()), code_points.end());
    check_font_covers(harness.app().fonts().body, code_points, "regular");
}

TEST_CASE("the atlas is rebuilt with the same coverage at 250%") {
    Harness harness(390, 844, "home", 2.5f);
    check_font_covers(harness.app().fonts().body, ui::code_points_of_guide(harness.app().guide()),
                      "regular");
    CHECK(harness.app().fonts().body->FontSize >= 50.0f);
}

TEST_CASE("glyph ranges merge adjacent code points into inclusive pairs") {
    const auto ranges = ui::glyph_ranges_for({0x41, 0x42, 0x43, 0x2019, 0xE1});
    REQUIRE(ranges.size() == 7);
    CHECK(ranges[0] == 0x41);
    CHECK(ranges[1] == 0x43);
    CHECK(ranges[2] == 0xE1);
    CHECK(ranges[3] == 0xE1);
    CHECK(ranges[4] == 0x2019);
    CHECK(ranges[6] == 0);
}

namespace {

// ---- the colour tour: every pair the screens draw -------------------------------------

std::string hex(const ImVec4& colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", static_cast<int>(std::lround(colour.x * 255)),
                  static_cast<int>(std::lround(colour.y * 255)),
                  static_cast<int>(std::lround(colour.z * 255)));
    return text;
}

bool same_colour(const ImVec4& a, const ImVec4& b) {
    return hex(a) == hex(b);
}

// WCAG 2.x: body text 4.5:1 (7:1, level AAA, in the high-contrast theme); icons, which are
// not text, 3:1. Every size of text is held to the body-text minimum: the screens do not
// mark which text is large.
double minimum_for(const ui::DrawnColours& pair, ui::ThemeId theme) {
    if (!pair.is_text) return 3.0;
    return theme == ui::ThemeId::high_contrast ? 7.0 : 4.5;
}

struct SeenPair {
    ui::DrawnColours colours;
    std::string where; // the route (and state) where it was first drawn
    double ratio = 0.0;
};

// The distinct (widget, text colour, surface colour) pairs drawn while visiting screens.
class ColourTour {
  public:
    void take(const ui::App& app, const std::string& where) {
        ++visits_;
        for (const ui::DrawnColours& pair : app.drawn_colours()) {
            const std::string key = pair.widget + " " + hex(pair.text) + " on " + hex(pair.surface);
            pairs_.emplace(key, SeenPair{pair, where, ui::contrast_ratio(pair.text, pair.surface)});
            widgets_.insert(pair.widget);
            words_.insert(pair.what);
        }
    }
    const std::map<std::string, SeenPair>& pairs() const { return pairs_; }
    const std::set<std::string>& widgets() const { return widgets_; }
    int visits() const { return visits_; }
    bool drew_words(const std::string& start) const {
        const auto found = words_.lower_bound(start);
        return found != words_.end() && found->rfind(start, 0) == 0;
    }
    bool drew_on(const char* widget, const ImVec4& surface) const {
        for (const auto& [key, seen] : pairs_)
            if (seen.colours.widget == widget && same_colour(seen.colours.surface, surface))
                return true;
        return false;
    }
    // The pairs below their minimum, as sentences.
    std::vector<std::string> too_low(ui::ThemeId theme) const {
        std::vector<std::string> failures;
        for (const auto& [key, seen] : pairs_)
            if (seen.ratio < minimum_for(seen.colours, theme))
                failures.push_back(key + " is " + std::to_string(seen.ratio) + ":1 (\"" +
                                   seen.colours.what + "\" on " + seen.where + ")");
        return failures;
    }
    const SeenPair* lowest() const {
        const SeenPair* low = nullptr;
        for (const auto& [key, seen] : pairs_)
            if (seen.colours.is_text && (!low || seen.ratio < low->ratio)) low = &seen;
        return low;
    }

  private:
    std::map<std::string, SeenPair> pairs_;
    std::set<std::string> widgets_;
    std::set<std::string> words_; // the start of everything drawn
    int visits_ = 0;
};

void visit(Harness& harness, ColourTour& tour, const std::string& route, int frames = 5) {
    harness.app().go(route);
    harness.settle(frames);
    REQUIRE_MESSAGE(harness.app().surfaces().depth() == 1, "surfaces left pushed on " << route);
    tour.take(harness.app(), route);
}

// A finger held on the first item on screen that matches: the pressed colours, as drawn.
// It slides off before lifting, so nothing is tapped. (Which kinds were held in the end is
// checked on the whole tour: at 250 % some are below the fold on some screens.)
void hold(Harness& harness, ColourTour& tour,
          const std::function<bool(const std::string&)>& which) {
    const ImVec2 screen = harness.io().DisplaySize;
    ImVec2 centre(-1.0f, -1.0f);
    std::string label;
    for (const ui::DrawnItem& item : harness.app().drawn_items()) {
        const ImVec2 middle((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        if (which(item.label) && middle.x > 0 && middle.y > 0 && middle.x < screen.x &&
            middle.y < screen.y && item.max.y - item.min.y > 4.0f) {
            centre = middle;
            label = item.label;
            break;
        }
    }
    if (label.empty()) return;
    ImGuiIO& io = harness.io();
    io.MousePos = centre;
    harness.frame();
    io.MouseDown[0] = true;
    harness.frame();
    harness.frame();
    tour.take(harness.app(), harness.route() + " holding " + label);
    io.MousePos = ImVec2(io.DisplaySize.x - 2.0f, io.DisplaySize.y - 2.0f);
    harness.frame();
    io.MouseDown[0] = false;
    harness.settle(3);
}

bool starts(const std::string& label, const char* prefix) {
    return label.rfind(prefix, 0) == 0;
}

// Bookmarks for two people (with a note), so the bookmark screens, the picker and the
// search filter all have something to show.
void add_bookmarks(Harness& harness) {
    ui::App& app = harness.app();
    app.bookmark_for("class", "egfr", "");
    app.bookmark_for("drug", "osimertinib", "");
    app.bookmark_for("class", "alk", "Mum");
    app.set_person("");
    for (const Bookmark& bookmark : app.user_data().bookmarks("")) {
        app.user_data().note_text(bookmark) = "Ask about the rash.";
        REQUIRE(app.user_data().save_note(bookmark.id).ok());
    }
    harness.settle();
}

void tour_reading(Harness& harness, ColourTour& tour) {
    const Guide& guide = harness.app().guide();
    visit(harness, tour, "home");
    for (const DrugClass& drug_class : guide.classes)
        visit(harness, tour, "class/" + drug_class.id);
    for (const Drug& drug : guide.drugs)
        visit(harness, tour, "drug/" + drug.id);
    visit(harness, tour, "about");
    // A place jumped to is highlighted: its words lie on the tinted band.
    visit(harness, tour, "class/egfr#se=heart-rhythm-changes", 3);
    visit(harness, tour, "class/egfr#section=side-effects", 3);
    // The glossary panel, the picker and (without a sidebar) the drawer.
    visit(harness, tour, "class/vegf#term=" + guide.glossary.front().id, 8);
    hold(harness, tour, [](const std::string& label) { return label == "Close"; });
    visit(harness, tour, "class/egfr#for-whom", 8);
    visit(harness, tour, "class/ros1#menu", 8);
}

void tour_search(Harness& harness, ColourTour& tour) {
    // From elsewhere each time, as a person arrives: the box takes the query when it opens
    // (the first time with all of it selected; the empty box, with its hint, comes last).
    for (const char* query : {"tired", "yellow skin", "sore joins", "zzzqqq", "Tagrisso", "rash"}) {
        harness.app().go("home");
        harness.settle(4);
        visit(harness, tour, std::string("search?q=") + query);
    }
    hold(harness, tour, [](const std::string& label) { return starts(label, "Show only"); });
    if (harness.find("OK")) harness.tap("OK"); // the notice would lie over the filter
    const ui::DrawnItem* filter = harness.find_prefix("Show only");
    REQUIRE(filter != nullptr);
    harness.tap(filter->label);
    tour.take(harness.app(), "search?q=rash, only bookmarked");
    filter = harness.find_prefix("Showing only");
    REQUIRE(filter != nullptr);
    harness.tap(filter->label);
    const SearchResponse& response = harness.app().screens().search.response;
    REQUIRE_FALSE(response.results.empty());
    // The first card on screen, whichever result it is (bookmarked classes come first).
    std::set<std::string> cards;
    for (const SearchResult& result : response.results)
        cards.insert(result.title);
    hold(harness, tour, [&](const std::string& label) { return cards.count(label) > 0; });
    harness.app().go("home");
    harness.settle(4);
    visit(harness, tour, "search?q=");
}

void tour_bookmarks(Harness& harness, ColourTour& tour) {
    visit(harness, tour, "bookmarks");
    hold(harness, tour, [](const std::string& label) { return starts(label, "All bookmarks"); });
    // The questions before removing and clearing (what a tap on Remove or Clear opens).
    harness.app().screens().bookmark_panel.confirm_remove =
        harness.app().user_data().bookmarks("").front().id;
    harness.settle();
    tour.take(harness.app(), "bookmarks, asking to remove");
    visit(harness, tour, "summary?for=");
    visit(harness, tour, "settings");
    harness.app().screens().settings.confirm_clear = true;
    harness.settle();
    tour.take(harness.app(), "settings, asking to clear");
    // A notice at the foot of the screen.
    harness.app().show_notice("Bookmarked for Me.", "Undo", [] {});
    harness.settle();
    tour.take(harness.app(), "settings with a notice");
}

// Reading aloud: a sentence tinted in a paragraph with the word being said, a place read
// aloud on its band, the player bar (playing and paused).
void tour_listening(Harness& harness, ColourTour& tour) {
    ui::App& app = harness.app();
    for (const char* route : {"class/egfr#listen=how-they-work", "class/egfr#listen=side-effects",
                              "search?q=diarrhea#listen=answer"}) {
        visit(harness, tour, route, 4);
        std::uint64_t job = 0;
        while (std::optional<SpeechRequest> request = app.take_speech_request())
            job = request->job;
        SpeechEvent event;
        event.job = job;
        event.kind = SpeechEvent::Kind::sentence;
        event.sentence = 1;
        app.on_speech_event(event);
        event.kind = SpeechEvent::Kind::word;
        event.length = 4;
        app.on_speech_event(event);
        harness.settle(3);
        tour.take(app, std::string(route) + ", reading sentence 1");
        app.listening().pause();
        harness.settle(2);
        tour.take(app, std::string(route) + ", paused");
        app.listening().stop();
    }
}

// Every screen of one theme at one size and text size.
// The diary: its form, entries with every kind of finding (rare but serious boxed, not
// listed), and the saved status in the top bar.
void tour_diary(Harness& harness, ColourTour& tour) {
    ui::App& app = harness.app();
    app.wait_for_search_index();
    for (const char* words : {"lung damage", "hiccups", "the runs"}) {
        DiaryEntry entry;
        entry.text = words;
        entry.severity = DiarySeverity::moderate;
        entry.note = "After lunch.";
        REQUIRE(app.user_data().add_diary_entry(entry, app.diary_linker()).ok());
    }
    visit(harness, tour, "diary");
    visit(harness, tour, "diary#section=entries", 6);
    for (int screen = 0; screen < 6; ++screen) { // down through the entries
        const ImVec2 size = harness.io().DisplaySize;
        harness.drag(ImVec2(size.x - 30, size.y * 0.8f), ImVec2(size.x - 30, size.y * 0.3f), 10, 8);
        harness.settle(3);
        tour.take(app, "diary, further down");
    }
    app.show_save_status("Saved on this device");
    visit(harness, tour, "diary");
}

void tour_app(ColourTour& tour, ui::ThemeId theme, float width, float height, float text_scale) {
    Harness harness(width, height, "home", text_scale);
    harness.app().set_theme(theme);
    add_bookmarks(harness);
    tour_search(harness, tour);
    tour_reading(harness, tour);
    tour_bookmarks(harness, tour);
    tour_diary(harness, tour);
    tour_listening(harness, tour);
    // Pressed colours of the kinds of button there are, on a class page.
    visit(harness, tour, "class/egfr#section=how-they-work", 3);
    hold(harness, tour, [](const std::string& label) { return starts(label, "term:"); });
    visit(harness, tour, "class/egfr");
    hold(harness, tour, [](const std::string& label) { return starts(label, "Bookmarked for"); });
    hold(harness, tour,
         [](const std::string& label) { return label == "Menu" || label == "Home"; });
    hold(harness, tour, [](const std::string& label) { return label == "sections"; });
    visit(harness, tour, "home");
    hold(harness, tour, [](const std::string& label) { return label == "Search"; });
}

} // namespace

TEST_CASE("WCAG contrast: the formula on known values") {
    CHECK(ui::contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(ui::contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    CHECK(ui::contrast_ratio(ImVec4(0x77 / 255.0f, 0x77 / 255.0f, 0x77 / 255.0f, 1),
                             ImVec4(1, 1, 1, 1)) == doctest::Approx(4.48).epsilon(0.01));
}

TEST_CASE("contrast surfaces: pushed colours blend, pop returns, pairs only while recording") {
    ui::Surfaces surfaces;
    surfaces.start_frame(ImVec4(1, 1, 1, 1), false);
    surfaces.record("paragraph", "not kept", ImVec4(0, 0, 0, 1));
    CHECK(surfaces.drawn().empty());
    surfaces.start_frame(ImVec4(1, 1, 1, 1), true);
    surfaces.push(ImVec4(0, 0, 0, 0.5f)); // a translucent band over white is grey
    CHECK(surfaces.depth() == 2);
    CHECK(surfaces.current().x == doctest::Approx(0.5f));
    surfaces.record("paragraph", "on the band", ImVec4(0, 0, 0, 1));
    surfaces.pop();
    CHECK(surfaces.current().x == doctest::Approx(1.0f));
    surfaces.record_on("button", "on its face", ImVec4(1, 1, 1, 1), ImVec4(0, 0, 1, 1));
    REQUIRE(surfaces.drawn().size() == 2);
    CHECK(surfaces.drawn()[0].surface.x == doctest::Approx(0.5f));
    CHECK(surfaces.drawn()[1].surface.z == doctest::Approx(1.0f));
    CHECK(surfaces.drawn()[1].widget == "button");
    // What it says is kept short, and never cut inside a character.
    surfaces.record("paragraph", std::string(47, 'a') + "\u2019s long words", ImVec4(0, 0, 0, 1));
    CHECK(surfaces.drawn().back().what == std::string(47, 'a'));
}

TEST_CASE("WCAG contrast of every pair the screens draw, in every theme, phone and sidebar") {
    for (ui::ThemeId theme : {ui::ThemeId::light, ui::ThemeId::dark, ui::ThemeId::high_contrast}) {
        ColourTour tour;
        tour_app(tour, theme, 1280, 800, 1.0f); // the sidebar, words in the top bar
        tour_app(tour, theme, 390, 844, 2.5f);  // the drawer, icons, the one-line section bar
        INFO(std::string(ui::theme_id_name(theme)));
        for (const std::string& failure : tour.too_low(theme))
            FAIL_CHECK(failure);
        // Not vacuous: every kind of surface and widget was seen, on many screens.
        const ui::Palette palette = ui::palette_for(theme);
        CHECK(tour.visits() >= 100);
        CHECK(tour.pairs().size() >= 30); // high contrast has the fewest colours
        for (const char* widget :
             {"paragraph", "link", "link, touched", "button", "button subtitle", "chip",
              "line button", "icon button", "search card", "input", "input hint", "top bar title",
              "side panel title", "more below cue", "input selection", "read aloud",
              "player status"}) {
            INFO("widget " << std::string(widget));
            CHECK(tour.widgets().count(widget) == 1);
        }
        // The states the tour is meant to reach were drawn.
        for (const char* words :
             {"Did you mean", "\"yellow skin\" is not listed", "\"zzzqqq\" is not listed",
              "Bookmark for whom?", "Bookmarked for Me.", "Remove EGFR", "Clear the list",
              "Close menu", "Summary for the doctor"}) {
            INFO("words " << std::string(words));
            CHECK(tour.drew_words(words));
        }
        CHECK(tour.drew_on("paragraph", palette.background));
        CHECK(tour.drew_on("paragraph", palette.side_panel)); // drawer (and bookmark cards)
        CHECK(tour.drew_on("paragraph", palette.popup));      // glossary panel, picker
        CHECK(tour.drew_on("paragraph", palette.note_panel)); // advice, notes, notice
        CHECK(tour.drew_on("paragraph", palette.common_panel));
        CHECK(tour.drew_on("paragraph", palette.serious_panel));
        CHECK(tour.drew_on("chip", palette.serious_panel));
        CHECK(tour.drew_on("button", palette.button_pressed));
        CHECK(tour.drew_on("button", palette.link)); // a primary button, pressed
        CHECK(tour.drew_on("search card", palette.button_pressed));
        CHECK(tour.drew_on("side panel title", palette.side_panel));
        // The highlight band of a place jumped to: a surface no palette entry names.
        bool on_band = false;
        for (const auto& [key, seen] : tour.pairs())
            on_band = on_band || (seen.where.find("#se=") != std::string::npos &&
                                  seen.colours.widget == "paragraph" &&
                                  !same_colour(seen.colours.surface, palette.background) &&
                                  !same_colour(seen.colours.surface, palette.common_panel) &&
                                  !same_colour(seen.colours.surface, palette.serious_panel));
        CHECK(on_band);
        const SeenPair* lowest = tour.lowest();
        REQUIRE(lowest != nullptr);
        MESSAGE(std::string(ui::theme_id_name(theme))
                << ": " << tour.visits() << " screens and states, " << tour.pairs().size()
                << " distinct pairs; lowest text " << lowest->ratio << ":1, "
                << lowest->colours.widget << " " << hex(lowest->colours.text) << " on "
                << hex(lowest->colours.surface) << " (\"" << lowest->colours.what << "\" on "
                << lowest->where << ")");
    }
}

// The recording is only as good as its coverage: every function in ui/ that draws words
// (ImDrawList::AddText, ImGui's text and text inputs) must also record their colours.
TEST_CASE("contrast recording: every function in ui/ that draws text records its colours") {
    // Helpers whose callers record the colours they pass in.
    const std::set<std::string> helpers{"draw_lines"};
    const std::regex draws(R"(\bAddText\(|ImGui::TextUnformatted\(|ImGui::InputText\w*\()");
    const std::regex records(R"(\brecord(_on|_input)?\()");
    const std::regex definition(R"(^[A-Za-z].*\b([A-Za-z_]\w*)\()");
    int drawing_functions = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(LUNGGUIDE_SOURCE_DIR) + "/ui")) {
        if (entry.path().extension() != ".cpp") continue;
        std::istringstream lines(read_text(entry.path().string()));
        std::string line, name, body;
        const auto finish = [&] {
            if (!name.empty() && std::regex_search(body, draws) && !helpers.count(name)) {
                ++drawing_functions;
                INFO(entry.path().filename().string() << ": " << name);
                CHECK(std::regex_search(body, records));
            }
            name.clear();
            body.clear();
        };
        while (std::getline(lines, line)) {
            std::smatch match;
            if (name.empty() && line.rfind("//", 0) != 0 && line.rfind("namespace", 0) != 0 &&
                std::regex_search(line, match, definition))
                name = match[1];
            body += line + "\n";
            if (line.rfind("}", 0) == 0) finish();
        }
    }
    CHECK(drawing_functions >= 9); // not vacuous: the screens draw text in many places
}

TEST_CASE("WCAG contrast: the check fails on a palette with a low-contrast colour") {
    const ui::Palette good = ui::palette_for(ui::ThemeId::light);
    struct Broken {
        const char* what;
        std::function<void(ui::Palette&)> spoil;
        const char* widget; // a widget whose pair must then fail
    };
    const ImVec4 pale(0.72f, 0.72f, 0.72f, 1.0f); // about 2:1 on the light page
    const Broken broken[] = {
        {"muted text", [&](ui::Palette& p) { p.text_muted = pale; }, "paragraph"},
        {"glossary links", [&](ui::Palette& p) { p.link = pale; }, "link"},
        {"the common box", [&](ui::Palette& p) { p.common_panel = ImVec4(0.2f, 0.2f, 0.2f, 1); },
         "paragraph"},
        {"button faces", [&](ui::Palette& p) { p.button = ImVec4(0.1f, 0.15f, 0.25f, 1); },
         "button"},
    };
    for (const Broken& spoilt : broken) {
        INFO(spoilt.what);
        ui::Palette palette = good;
        spoilt.spoil(palette);
        Harness harness(390, 844, "home");
        harness.app().set_palette(palette);
        ColourTour tour;
        visit(harness, tour, "class/egfr");
        const std::vector<std::string> failures = tour.too_low(ui::ThemeId::light);
        CHECK_FALSE(failures.empty());
        const bool named = std::any_of(failures.begin(), failures.end(), [&](const std::string& f) {
            return f.rfind(std::string(spoilt.widget) + " #", 0) == 0;
        });
        CHECK(named);
        // The good palette on the same screen passes.
        harness.app().set_palette(good);
        ColourTour fixed;
        visit(harness, fixed, "class/alk");
        CHECK(fixed.too_low(ui::ThemeId::light).empty());
    }
}

TEST_CASE("the serious side-effect box differs from the common one in colour as well as words") {
    for (ui::ThemeId theme : {ui::ThemeId::light, ui::ThemeId::dark, ui::ThemeId::high_contrast}) {
        const ui::Palette palette = ui::palette_for(theme);
        INFO(ui::theme_id_name(theme));
        // Bars/outlines must be clearly different colours (hue, not only lightness).
        const ImVec4 a = palette.serious_border;
        const ImVec4 b = palette.common_border;
        const float distance = std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) +
                                         (a.z - b.z) * (a.z - b.z));
        CHECK(distance > 0.4f);
        CHECK(a.x > a.z); // the serious one is the warm (red) one
        // And the serious outline must stand out from the page (non-text: 3:1).
        CHECK(ui::contrast_ratio(palette.serious_border, palette.background) >= 3.0);
    }
}
