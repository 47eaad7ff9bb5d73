// Dates and times as text: the one place that calls strftime, gmtime_r and localtime_r.
//
// Stored times are UTC (a note's time, a kept-aside file's name); dates a person gives or
// reads (a diary entry's day, the summary's "prepared on") are this device's local day.
#pragma once

#include <ctime>
#include <string>

namespace lungguide {

// `parts` written with strftime's `format` ("%Y-%m-%d"); "" if it does not fit 128 bytes.
std::string format_time(const char* format, const std::tm& parts);

// The current time as ISO 8601 UTC with milliseconds: "2024-08-27T10:15:00.123Z".
std::string utc_timestamp_now();
// "20240827T101500Z": the UTC time as it goes into a kept-aside file's name.
std::string compact_timestamp_now();
// Today's date on this device, "2024-09-02".
std::string local_date_today();
// The local day `days` before today, "YYYY-MM-DD" (taken at noon, so a clock change never
// lands on the wrong day).
std::string local_date_days_ago(int days);

} // namespace lungguide
