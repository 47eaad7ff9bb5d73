// Routes and the back stack.
//
// A route is a short string a person could type: "home", "class/egfr", "drug/osimertinib",
// "search?q=tired", "bookmarks", "settings", "about", "summary?for=Mum" (the summary for
// the doctor; "summary" alone is Me's), "diary?for=Mum" (a person's symptom diary; "diary"
// alone is Me's). Screenshots, tests, the saved
// "last place I was" setting and the back stack all use the same strings.
// A route may end in "#anchor", a place in the page: "class/egfr#se=heart-rhythm-changes"
// (a side-effect item), "class/egfr#section=uses", "class/egfr#drug=osimertinib",
// "class/egfr#term=adjuvant" (open a glossary word).
#pragma once

#include <string>
#include <vector>

namespace lungguide::ui {

enum class Screen { home, drug_class, drug, search, bookmarks, settings, about, summary, diary };

struct Route {
    Screen screen = Screen::home;
    std::string id;          // class or drug id
    std::string query;       // search text; for the summary and the diary, the person
    std::string anchor = {}; // place in the page, without '#'; "" = the top

    // The same page: the anchor is where on it, not which page.
    bool operator==(const Route& other) const {
        return screen == other.screen && id == other.id && query == other.query;
    }
    bool operator!=(const Route& other) const { return !(*this == other); }
};

// Parses a route string; unknown strings give false and leave `route` alone.
bool parse_route(const std::string& text, Route& route);
// With the anchor ("class/egfr#se=nausea"); page_route_text() leaves it out ("class/egfr").
std::string format_route(const Route& route);
std::string page_route_text(const Route& route);
// Old names kept working: "side-effects" -> "section=side-effects", "uses" -> "section=uses".
std::string normalize_anchor(const std::string& anchor);

class Navigator {
  public:
    const Route& current() const { return current_; }
    bool can_go_back() const { return !back_stack_.empty(); }
    std::size_t depth() const { return back_stack_.size(); }

    // Goes forward; the current route goes onto the back stack. Going to the same
    // route again does nothing, so a double tap does not need two backs.
    void go(const Route& route);
    // Replaces the current route without a back entry (typing in the search box, or a
    // jump to another place on the same page).
    void replace(const Route& route);
    bool back();
    // Starts over at a route with an empty back stack (used by --route and "Home").
    void reset(const Route& route);

    // True once after each change, so the screen can scroll to the top of a new page.
    bool take_changed();
    bool went_back() const { return went_back_; }

  private:
    Route current_;
    std::vector<Route> back_stack_;
    bool changed_ = true;
    bool went_back_ = false;
};

// Percent-decoding for the query part ("search?q=dry%20mouth" or "search?q=dry+mouth").
std::string decode_query(const std::string& text);
std::string encode_query(const std::string& text);

} // namespace lungguide::ui
