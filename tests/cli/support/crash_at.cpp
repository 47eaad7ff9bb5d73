// Test helper, preloaded (LD_PRELOAD) into a LungGuide by tests/cli/bookmarks_crash_points.sh:
// kills the process with SIGKILL at a chosen system call, as SQLite's own crash tests do, so
// that a crash lands exactly after the journal's sync, in the middle of a checkpoint or of a
// salvage, every time.
//
//   LUNGGUIDE_CRASH_CALL  sync (fsync, fdatasync), write (write, pwrite, pwrite64),
//                         truncate (ftruncate), rename (rename, link)
//   LUNGGUIDE_CRASH_FILE  the file's path must end with this; "*text" means contain it
//   LUNGGUIDE_CRASH_AT    the Nth such call on such a file (1 = the first)
//   LUNGGUIDE_CRASH_WHEN  after (default: the call is made, then the kill) or before
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <sys/types.h>
#include <unistd.h>

namespace {

std::atomic<long> calls{0};

const char* setting(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

bool path_matches(const std::string& path) {
    const std::string wanted = setting("LUNGGUIDE_CRASH_FILE");
    if (wanted.empty()) return false;
    if (wanted[0] == '*') return path.find(wanted.substr(1)) != std::string::npos;
    return path.size() >= wanted.size() &&
           path.compare(path.size() - wanted.size(), wanted.size(), wanted) == 0;
}

std::string path_of(int descriptor) {
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", descriptor);
    const ssize_t size = readlink(link, target, sizeof target - 1);
    return size > 0 ? std::string(target, static_cast<std::size_t>(size)) : std::string();
}

// True when this call is the one to crash at (counted only for the chosen kind and file).
bool is_the_one(const char* kind, const std::string& path, const std::string& other = {}) {
    if (std::strcmp(setting("LUNGGUIDE_CRASH_CALL"), kind) != 0) return false;
    if (!path_matches(path) && (other.empty() || !path_matches(other))) return false;
    return ++calls == std::atol(setting("LUNGGUIDE_CRASH_AT"));
}

bool before() {
    return std::strcmp(setting("LUNGGUIDE_CRASH_WHEN"), "before") == 0;
}

[[noreturn]] void crash() {
    raise(SIGKILL);
    _exit(137);
}

template <typename Function> Function real(const char* name) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

// Runs the real call, crashing before or after it when this is the chosen one.
template <typename Call> auto around(bool chosen, Call call) {
    if (chosen && before()) crash();
    const auto result = call();
    if (chosen) crash();
    return result;
}

} // namespace

extern "C" {

int fsync(int descriptor) {
    static const auto next = real<int (*)(int)>("fsync");
    return around(is_the_one("sync", path_of(descriptor)), [&] { return next(descriptor); });
}

int fdatasync(int descriptor) {
    static const auto next = real<int (*)(int)>("fdatasync");
    return around(is_the_one("sync", path_of(descriptor)), [&] { return next(descriptor); });
}

ssize_t write(int descriptor, const void* buffer, size_t size) {
    static const auto next = real<ssize_t (*)(int, const void*, size_t)>("write");
    if (descriptor <= 2) return next(descriptor, buffer, size);
    return around(is_the_one("write", path_of(descriptor)),
                  [&] { return next(descriptor, buffer, size); });
}

ssize_t pwrite(int descriptor, const void* buffer, size_t size, off_t offset) {
    static const auto next = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    return around(is_the_one("write", path_of(descriptor)),
                  [&] { return next(descriptor, buffer, size, offset); });
}

ssize_t pwrite64(int descriptor, const void* buffer, size_t size, off64_t offset) {
    static const auto next = real<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    return around(is_the_one("write", path_of(descriptor)),
                  [&] { return next(descriptor, buffer, size, offset); });
}

int ftruncate(int descriptor, off_t length) {
    static const auto next = real<int (*)(int, off_t)>("ftruncate");
    return around(is_the_one("truncate", path_of(descriptor)),
                  [&] { return next(descriptor, length); });
}

int ftruncate64(int descriptor, off64_t length) {
    static const auto next = real<int (*)(int, off64_t)>("ftruncate64");
    return around(is_the_one("truncate", path_of(descriptor)),
                  [&] { return next(descriptor, length); });
}

int rename(const char* from, const char* to) {
    static const auto next = real<int (*)(const char*, const char*)>("rename");
    return around(is_the_one("rename", from, to), [&] { return next(from, to); });
}

int link(const char* from, const char* to) {
    static const auto next = real<int (*)(const char*, const char*)>("link");
    return around(is_the_one("rename", from, to), [&] { return next(from, to); });
}
}
