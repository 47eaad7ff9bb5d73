// pack_verify_ms: what checking the content pack costs at every open (hashing the file back to
// its seal), and pack_full_check_ms: what a pack whose seal does not hold costs (integrity_check
// plus the SHA-256 digest of every table). Medians of 21 runs, on the shipped pack or argv[1].
#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace lungguide;

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : LUNGGUIDE_PACK_PATH;
    auto opened = open_content_pack(path);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.message_for_person().c_str());
        return 1;
    }
    using Clock = std::chrono::steady_clock;
    const auto since = [](Clock::time_point start) {
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    std::vector<double> verify, full_check, open;
    for (int run = 0; run < 21; ++run) {
        auto start = Clock::now();
        if (!content_pack_seal_holds(path)) return 1;
        verify.push_back(since(start));
        start = Clock::now();
        sqlite::Statement check(opened.value()->database(), "PRAGMA integrity_check");
        check.step();
        const auto digest = compute_content_pack_digest(opened.value()->database());
        full_check.push_back(since(start));
        start = Clock::now();
        auto again = open_content_pack(path);
        open.push_back(since(start));
        if (!digest.ok() || !again.ok()) return 1;
    }
    for (auto* figures : {&verify, &full_check, &open})
        std::sort(figures->begin(), figures->end());
    std::printf("pack_verify_ms %.2f\n", verify[verify.size() / 2]);
    std::printf("pack_full_check_ms %.2f\n", full_check[full_check.size() / 2]);
    std::printf("pack_open_ms %.2f\n", open[open.size() / 2]);
    return 0;
}
