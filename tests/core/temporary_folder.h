// A fresh folder under /tmp for one test, removed with everything in it when the test ends.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace lungguide::testing {

class TemporaryFolder {
  public:
    TemporaryFolder() : TemporaryFolder("/tmp") {}
    // Under base: "/dev/shm" (memory) for tests of logic, not of durability, where each
    // fsync would otherwise cost a trip to the disk; /tmp when base is not there.
    explicit TemporaryFolder(const char* base) {
        std::string pattern = std::string(base) + "/lungguide-test-XXXXXX";
        const char* made = mkdtemp(pattern.data());
        if (!made) {
            pattern = "/tmp/lungguide-test-XXXXXX";
            made = mkdtemp(pattern.data());
        }
        path_ = made ? made : "";
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

} // namespace lungguide::testing
