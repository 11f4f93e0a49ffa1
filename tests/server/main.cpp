// Server tests: the server runs in-process on a free port and is spoken to over real HTTP.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
