// Test helper: another LungGuide that keeps the store open, as the app does, reading it
// every 20 milliseconds until it is sent SIGTERM (or killed). Used by the crash-point test
// and tools/soak, so that killed writers meet a store someone else holds open: then SQLite's
// shared WAL index lives on, and frames a killed writer synced but never indexed stay in
// the journal behind the next writer's.
//
//   lungguide-test-hold-store FOLDER
// Exits 0 on SIGTERM when every read worked, 1 when one failed (printed), 2 when the store
// could not be opened.
#include "bookmarks/user_store.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
volatile std::sig_atomic_t stop = 0;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: lungguide-test-hold-store FOLDER\n");
        return 2;
    }
    std::signal(SIGTERM, [](int) { stop = 1; });
    lungguide::Result<std::unique_ptr<lungguide::UserStore>> opened =
        lungguide::UserStore::open(argv[1]);
    if (!opened.ok()) {
        std::fprintf(stderr, "hold-store: %s\n", opened.message_for_person().c_str());
        return 2;
    }
    lungguide::UserStore& store = *opened.value();
    std::printf("holding\n");
    std::fflush(stdout);
    int failures = 0;
    while (!stop) {
        store.bookmarks();
        if (!store.last_read_status().ok()) {
            ++failures;
            std::fprintf(stderr, "hold-store: a read failed: %s\n",
                         store.last_read_status().message_for_person.c_str());
        }
        usleep(20000);
    }
    return failures == 0 ? 0 : 1;
}
