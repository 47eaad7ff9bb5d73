#include "process_age.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace lungguide::platform {

double process_age_milliseconds() {
    std::ifstream stat_file("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat_file)),
                        std::istreambuf_iterator<char>());
    // The command name, field 2, is in parentheses and may hold spaces: count after it.
    const auto close_paren = content.rfind(')');
    if (close_paren == std::string::npos) return 0.0;
    std::istringstream fields(content.substr(close_paren + 2));
    std::string field;
    // Field 3 is the state; starttime is field 22.
    for (int index = 3; index <= 22 && fields >> field; ++index) {
    }
    const double start_seconds = std::strtod(field.c_str(), nullptr) / sysconf(_SC_CLK_TCK);
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double now_seconds = boot.tv_sec + boot.tv_nsec / 1e9;
    return std::max(0.0, (now_seconds - start_seconds) * 1000.0);
}

} // namespace lungguide::platform
