#pragma once
// Shared by the fuzz targets: a violated property aborts, so libFuzzer (or the corpus replay in ctest)
// reports the input as a crash, with the program and the property named on stderr.
#include <cerrno>  // program_invocation_short_name (GNU)
#include <cstdio>
#include <cstdlib>

namespace portald::fuzz {

inline void require(bool ok, const char* property) {
  if (!ok) {
    std::fprintf(stderr, "%s: property violated: %s\n", program_invocation_short_name, property);
    std::abort();
  }
}

}  // namespace portald::fuzz
