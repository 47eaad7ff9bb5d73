// pack_verify_ms: what checking the content pack costs at every open (hashing the file back to
// its seal, and checking its Ed25519 signature; pack_signature_ms is the signature alone), and
// pack_full_check_ms: what naming the damage of a pack they do not vouch for costs
// (integrity_check plus the SHA-256 digest of every table). Medians of 21 runs, on the shipped
// pack or argv[1].
#include "common/sqlite_statement.h"
#include "content/content_pack.h"
#include "content/content_pack_digest.h"
#include "content/content_pack_seal.h"
#include "content/content_pack_signature.h"

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
    // The pack closes its file once open; the full check gets a connection of its own, opened
    // as the loader opens it (immutable: no locks, no journal).
    sqlite3* database = nullptr;
    if (sqlite3_open_v2(("file:" + path + "?mode=ro&immutable=1").c_str(), &database,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
        return 1;
    using Clock = std::chrono::steady_clock;
    const auto since = [](Clock::time_point start) {
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    std::vector<double> verify, signature, full_check, open;
    for (int run = 0; run < 21; ++run) {
        auto start = Clock::now();
        const ContentPackStamps stamps = read_content_pack_stamps(path);
        const auto signature_start = Clock::now();
        const PackSignature checked =
            check_content_pack_signature(stamps, trusted_pack_public_key());
        verify.push_back(since(start));
        signature.push_back(since(signature_start));
        if (!stamps.seal_holds || checked != PackSignature::valid) return 1;
        start = Clock::now();
        sqlite::Statement check(database, "PRAGMA integrity_check");
        check.step();
        const auto digest = compute_content_pack_digest(database);
        full_check.push_back(since(start));
        start = Clock::now();
        auto again = open_content_pack(path);
        open.push_back(since(start));
        if (!digest.ok() || !again.ok()) return 1;
    }
    sqlite3_close(database);
    for (auto* figures : {&verify, &signature, &full_check, &open})
        std::sort(figures->begin(), figures->end());
    std::printf("pack_verify_ms %.2f\n", verify[verify.size() / 2]);
    std::printf("pack_signature_ms %.3f\n", signature[signature.size() / 2]);
    std::printf("pack_full_check_ms %.2f\n", full_check[full_check.size() / 2]);
    std::printf("pack_open_ms %.2f\n", open[open.size() / 2]);
    return 0;
}
