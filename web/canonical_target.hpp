#pragma once
// One address per page (issue 16, finding 7): a request path is answered only in its canonical form,
// so a rule in a reverse proxy ("/metrics") fences every way of asking for it. Other spellings of the
// same path ("//metrics", "/metrics/", "/%6detrics") are redirected to it; paths that cannot name a
// page once decoded (a NUL or other control byte, an encoded "/", a "." or ".." segment, a broken
// %-escape) are refused.
#include <string>
#include <string_view>

namespace portald::web {

struct CanonicalTarget {
  enum class Verdict { canonical, redirect, refuse };
  Verdict verdict = Verdict::canonical;
  std::string location{};  // for redirect: the canonical path plus the query as sent
};

// Judges a request target as sent ("/a/b?x=1"). The canonical path has no empty segment and no
// trailing "/" (except "/" itself) and percent-encodes exactly the bytes outside RFC 3986's pchar,
// with upper-case hex. A target that does not start with "/" is left alone (canonical).
CanonicalTarget canonical_target(std::string_view target);

}  // namespace portald::web
