#include "browser_files.h"

#include <emscripten.h>

#include <cstdlib>

namespace lungguide::platform {

namespace {

bool page_offers(const char* way) {
    return EM_ASM_INT(
               {
                   return Module.lungguideFileWays && Module.lungguideFileWays()[UTF8ToString($0)]
                              ? 1
                              : 0;
               },
               way) != 0;
}

const char* way_name(ui::KeepWay way) {
    switch (way) {
    case ui::KeepWay::download:
        return "download";
    case ui::KeepWay::share:
        return "share";
    case ui::KeepWay::print:
        return "print";
    }
    return "download";
}

std::string keep_in_page(const ui::FileToKeep& file, ui::KeepWay way) {
    // wasm32: a pointer fits the int that EM_ASM_INT returns.
    char* said = reinterpret_cast<char*>(EM_ASM_INT(
        {
            const text =
                Module.lungguideKeepFile(UTF8ToString($0), UTF8ToString($1), UTF8ToString($2, $3),
                                         UTF8ToString($4), UTF8ToString($5));
            return allocateUTF8(text || "");
        },
        file.name.c_str(), file.mime.c_str(), file.bytes.data(),
        static_cast<int>(file.bytes.size()), file.title.c_str(), way_name(way)));
    std::string sentence = said ? said : "";
    std::free(said);
    return sentence;
}

ui::StoragePromise storage_promise() {
    const int state = EM_ASM_INT({
        const promise = Module.lungguideStoragePromise || 'not_asked';
        return promise == 'kept' ? 2 : promise == 'may_clear' ? 3 : 1;
    });
    return state == 2   ? ui::StoragePromise::kept
           : state == 3 ? ui::StoragePromise::may_clear
                        : ui::StoragePromise::not_asked;
}

} // namespace

ui::DeviceFiles BrowserFiles::device_files() {
    ui::DeviceFiles files;
    files.folders = false;
    files.download = page_offers("download");
    files.share = page_offers("share");
    files.print = page_offers("print");
    files.open = page_offers("open");
    files.keep = keep_in_page;
    files.open_file = [this](const std::string& accept,
                             std::function<void(const std::string&, const std::string&)> opened) {
        waiting_ = std::move(opened);
        EM_ASM({ Module.lungguideOpenFile(UTF8ToString($0)); }, accept.c_str());
    };
    files.storage_promise = storage_promise;
    return files;
}

void BrowserFiles::opened(const std::string& name, const std::string& text) {
    if (waiting_) waiting_(name, text);
}

void BrowserFiles::ask_to_keep() {
    if (asked_) return;
    asked_ = true;
    EM_ASM({
        if (Module.lungguideAskToKeep) Module.lungguideAskToKeep();
    });
}

} // namespace lungguide::platform
