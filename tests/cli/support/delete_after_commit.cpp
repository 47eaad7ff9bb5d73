// Test helper, preloaded into lungguide-cli by tests/cli/bookmarks_faults.sh: right after
// each COMMIT it deletes every bookmark, exactly as another LungGuide removing them between
// a command's commit and its next read would. Makes that race happen every time.
#include <dlfcn.h>
#include <sqlite3.h>
#include <string>

extern "C" int sqlite3_exec(sqlite3* database, const char* sql,
                            int (*callback)(void*, int, char**, char**), void* argument,
                            char** error) {
    using Exec = int (*)(sqlite3*, const char*, int (*)(void*, int, char**, char**), void*, char**);
    static const Exec real = reinterpret_cast<Exec>(dlsym(RTLD_NEXT, "sqlite3_exec"));
    const int code = real(database, sql, callback, argument, error);
    if (code == SQLITE_OK && sql && std::string(sql) == "COMMIT")
        real(database, "DELETE FROM bookmarks", nullptr, nullptr, nullptr);
    return code;
}
