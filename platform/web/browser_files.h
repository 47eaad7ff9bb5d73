// Files the person keeps, the browser's way (ui/device_files.h): a download, the Web Share
// API's share sheet (files) where the browser has one, its own print dialog, and its file
// picker. The page (site/files.js) does each; nothing here has a folder or a path. Also
// whether the browser promised to keep the site's storage (navigator.storage.persist()).
#pragma once

#include "device_files.h"

#include <functional>
#include <string>

namespace lungguide::platform {

class BrowserFiles {
  public:
    // What this browser offers, with functions that call the page.
    ui::DeviceFiles device_files();
    // The file picker gave a file (site/files.js): hands its text to whoever asked.
    void opened(const std::string& name, const std::string& text);
    // The person's data is there to keep (a bookmark or a note): ask the browser to keep
    // the site's storage, once.
    void ask_to_keep();

  private:
    std::function<void(const std::string&, const std::string&)> waiting_;
    bool asked_ = false;
};

} // namespace lungguide::platform
