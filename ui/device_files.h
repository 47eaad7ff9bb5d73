// Files the person keeps (the summary for the doctor, a copy of the bookmarks) and the
// storage that keeps their data, as the device offers them. The host fills a DeviceFiles
// (platform.h's Host::device_files()) and the App asks it; ui/ never knows how.
//
// A desktop has folders: the summary is saved into one the person can name, and says where
// (this is the default, with nothing else offered). A browser has no folders or paths to
// show: it downloads a file, shares it (the Web Share API: Mail, Messages, Files, AirDrop),
// prints it with its own print dialog, and opens a file through its file picker.
#pragma once

#include <functional>
#include <string>

namespace lungguide::ui {

struct FileToKeep {
    std::string name;  // "lungguide-summary-mum-2026-11-28.html": no folder
    std::string mime;  // "text/html", "text/markdown", "application/json"
    std::string bytes; // the whole file
    std::string title; // for a share sheet or a printed page's title
};

enum class KeepWay { download, share, print };

// Whether the browser keeps the data when it needs room (navigator.storage.persist()).
enum class StoragePromise {
    none,      // not a browser: the data folder is the person's own
    not_asked, // nothing kept yet, so nothing asked
    kept,      // the browser promised to keep it
    may_clear, // it did not: it may clear it when short of room or after weeks unused
};

struct DeviceFiles {
    bool folders = true; // false: no folder picker, no folder name and no path is ever shown
    bool download = false;
    bool share = false;
    bool print = false;
    bool open = false;
    // Hands the file over; returns what happened, in a sentence for the person.
    std::function<std::string(const FileToKeep& file, KeepWay way)> keep;
    // Opens the device's file picker for these types (".json"); `opened` gets the chosen
    // file's name and text later, between frames, or never if the person cancels.
    std::function<void(
        const std::string& accept,
        std::function<void(const std::string& name, const std::string& text)> opened)>
        open_file;
    std::function<StoragePromise()> storage_promise = [] { return StoragePromise::none; };
};

} // namespace lungguide::ui
