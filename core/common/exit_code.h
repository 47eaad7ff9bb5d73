// The exit codes scripts can rely on, shared by every LungGuide program (the app, the
// text reader, the pack builder), so "1" means the same thing everywhere.
#pragma once

#include "common/result.h"

namespace lungguide {

enum ExitCode : int {
    exit_ok = 0,
    exit_failure = 1,      // the content pack or the user store could not be used
    exit_bad_request = 2,  // an unknown id or a bad argument
    exit_unavailable = 69, // no display or no GL context: nothing could be shown (sysexits)
};

// A failure the person can fix by asking differently is a bad request; the rest are failures.
constexpr ExitCode exit_code_for(Problem problem) {
    switch (problem) {
    case Problem::none:
        return exit_ok;
    case Problem::not_found:
    case Problem::invalid_input:
        return exit_bad_request;
    default:
        return exit_failure;
    }
}

} // namespace lungguide
