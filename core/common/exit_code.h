// The exit codes scripts can rely on, shared by every LungGuide program (the app, the
// text reader, the pack builder), so "1" means the same thing everywhere.
#pragma once

namespace lungguide {

enum ExitCode : int {
    exit_ok = 0,
    exit_failure = 1,      // the content pack or the user store could not be used
    exit_bad_request = 2,  // an unknown id or a bad argument
    exit_unavailable = 69, // no display or no GL context: nothing could be shown (sysexits)
};

} // namespace lungguide
