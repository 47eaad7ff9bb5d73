#include "common/time_text.h"

#include <chrono>
#include <cstdio>

namespace lungguide {

std::string format_time(const char* format, const std::tm& parts) {
    char buffer[128];
    const std::size_t length = std::strftime(buffer, sizeof buffer, format, &parts);
    return std::string(buffer, length);
}

std::string utc_timestamp_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto milliseconds =
        duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(milliseconds));
    return format_time("%Y-%m-%dT%H:%M:%S", parts) + fraction;
}

std::string compact_timestamp_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    return format_time("%Y%m%dT%H%M%SZ", parts);
}

std::string local_date_today() {
    return local_date_days_ago(0);
}

std::string local_date_days_ago(int days) {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    if (days == 0) return format_time("%Y-%m-%d", parts);
    parts.tm_mday -= days;
    parts.tm_hour = 12;
    parts.tm_min = parts.tm_sec = 0;
    parts.tm_isdst = -1;
    const std::time_t then = std::mktime(&parts);
    localtime_r(&then, &parts);
    return format_time("%Y-%m-%d", parts);
}

} // namespace lungguide
