// pack_verify_ms: what checking the content pack costs at every open (integrity_check plus
// the SHA-256 digest of every table), the median of 21 runs on the shipped pack.
#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_digest.h"

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
    std::vector<double> verify, open;
    for (int run = 0; run < 21; ++run) {
        const auto start = std::chrono::steady_clock::now();
        sqlite::Statement check(opened.value()->database(), "PRAGMA integrity_check");
        check.step();
        const auto digest = compute_content_pack_digest(opened.value()->database());
        const auto middle = std::chrono::steady_clock::now();
        auto again = open_content_pack(path);
        const auto end = std::chrono::steady_clock::now();
        if (!digest.ok() || !again.ok()) return 1;
        verify.push_back(std::chrono::duration<double, std::milli>(middle - start).count());
        open.push_back(std::chrono::duration<double, std::milli>(end - middle).count());
    }
    std::sort(verify.begin(), verify.end());
    std::sort(open.begin(), open.end());
    std::printf("pack_verify_ms %.2f\n", verify[verify.size() / 2]);
    std::printf("pack_open_ms %.2f\n", open[open.size() / 2]);
    return 0;
}
