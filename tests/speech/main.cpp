// The doctest runner for the speech tests (eSpeak NG, audio, pronunciations).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
