// The browser's history as the app's navigation: the route lives in the URL fragment
// (#class/egfr, #search?q=tired), so a page can be reloaded, linked and bookmarked, and
// the browser's Back (or Android's back gesture in the browser) is the app's Back.
#pragma once

#include "web_host.h"

#include <cstddef>
#include <string>

namespace lungguide::ui {
class Navigator;
}

namespace lungguide::platform {

class BrowserHistory {
  public:
    // The route in the address bar at start, decoded ("" when there is none).
    static std::string start_route();

    // Listens for popstate: going back in the browser's history presses the app's Back.
    explicit BrowserHistory(WebHost& host);

    // After each frame: a new page pushes a history entry, the app's own Back steps the
    // browser's history back, and a changed search query replaces the current entry.
    void follow(const ui::Navigator& navigator);

    // A popstate arrived: true when the app made it (its own Back), so it is not passed on.
    bool take_own_pop();
    // The browser's Back (a popstate the app did not make): the app goes back too.
    void browser_went_back();
    // The address bar made a new entry itself (an edited fragment): the page opened for it
    // takes that entry over instead of pushing another.
    void opened_from_address() { address_entry_ = true; }

  private:
    WebHost& host_;
    std::string shown_;
    std::size_t depth_ = 0;
    int own_pops_ = 0;
    int browser_backs_ = 0;
    bool first_ = true;
    bool address_entry_ = false;
};

} // namespace lungguide::platform
