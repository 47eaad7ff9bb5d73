// lungguide-synthetic-pack: writes a pack N times the shipped one, for benchmarks.
//   lungguide-synthetic-pack --factor 1000 --output /tmp/lungguide-1000x.db
#include "content/content_pack.h"
#include "synthetic_pack.h"

#include <CLI/CLI.hpp>
#include <cstdio>

int main(int argc, char** argv) {
    CLI::App app{"Write a synthetic LungGuide content pack many times larger than the page."};
    std::string pack_path = LUNGGUIDE_PACK_PATH;
    std::string output_path;
    int factor = 1000;
    app.add_option("--pack", pack_path, "The shipped pack to copy from");
    app.add_option("--factor", factor, "How many copies of everything")
        ->check(CLI::Range(1, 100000));
    app.add_option("--output", output_path, "Pack file to write")->required();
    CLI11_PARSE(app, argc, argv);
    const auto base = lungguide::open_content_pack(pack_path);
    if (!base.ok()) {
        std::fprintf(stderr, "lungguide-synthetic-pack: %s\n", base.message_for_person().c_str());
        return 1;
    }
    const lungguide::Status written =
        lungguide::bench::write_synthetic_pack(base.value()->guide(), factor, output_path);
    if (!written.ok()) {
        std::fprintf(stderr, "lungguide-synthetic-pack: %s\n", written.message_for_person.c_str());
        return 1;
    }
    return 0;
}
