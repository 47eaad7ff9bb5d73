// The desktop loop around a Runner, with what the command line adds to it: the stats file
// (--stats), the benchmark (--bench-frames) and the screenshot (--screenshot), each an
// observer of the Runner's frames.
#pragma once

#include "runner.h"

namespace lungguide::platform {

// Sleeps in Host::wait_events() when idle. Returns the process exit code.
int run(Host& host, const RunOptions& options);

} // namespace lungguide::platform
