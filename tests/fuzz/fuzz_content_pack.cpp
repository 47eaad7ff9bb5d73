// libFuzzer target: any bytes given as a content pack must give a pack or a clear error,
// never a crash, a hang or undefined behaviour.
#include "content/content_pack.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The loader takes a path, as the app does; /dev/shm keeps the round trip in memory.
    static const std::string path = "/dev/shm/lungguide-fuzz-pack-" + std::to_string(getpid());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return 0;
    std::fwrite(data, 1, size, file);
    std::fclose(file);
    auto result = lungguide::open_content_pack(path);
    if (result.ok()) {
        // Touch what the UI would read first.
        std::size_t total = 0;
        for (const lungguide::DrugClass& drug_class : result.value()->guide().classes)
            total += drug_class.side_effects().size() + drug_class.uses.size();
        (void)total;
    } else if (result.message_for_person().empty()) {
        __builtin_trap(); // a refusal must always say why
    }
    return 0;
}
