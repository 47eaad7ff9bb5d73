// How long ago this process started, in milliseconds, from the kernel's record of it
// (/proc/self/stat's starttime against the boot clock): it counts the dynamic loader and
// everything before main(). Used for the time to the first frame, by the desktop host and
// by the bench's Dear ImGui example peer (bench/peers/), so both are measured alike.
#pragma once

namespace lungguide::platform {

// 0 when /proc can't be read.
double process_age_milliseconds();

} // namespace lungguide::platform
