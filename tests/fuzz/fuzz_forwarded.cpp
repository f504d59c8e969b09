// Fuzz target for the forwarding headers a trusted proxy passes on (web/server/forwarded.cpp): the bytes
// a client sends in Forwarded / X-Forwarded-For / X-Forwarded-Proto reach this parser through the proxy.
// The input is split at '\n' into the values of Forwarded, X-Forwarded-For and X-Forwarded-Proto (a
// missing line is a missing header). A violated property aborts. Properties: an untrusted peer is never
// displaced and never made https; behind a trusted peer the client is the peer or an IP address in
// canonical form that appears among the hops; canonical_address is idempotent.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/fuzz/property.hpp"
#include "web/server/forwarded.hpp"

namespace {

namespace web = portald::web;

using portald::fuzz::require;

std::vector<std::pair<std::string, std::string>> headers_of(std::string_view input) {
  static constexpr const char* kNames[] = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Proto"};
  std::vector<std::pair<std::string, std::string>> headers;
  for (const char* name : kNames) {
    if (input.empty()) break;
    const auto end = input.find('\n');
    headers.emplace_back(name, std::string(input.substr(0, end)));
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
  }
  return headers;
}

// True when some piece of Forwarded or X-Forwarded-For ("for=..." or a list item) is `address` once
// made canonical.
bool named_in(const std::vector<std::pair<std::string, std::string>>& headers, const std::string& address) {
  for (const auto& [name, value] : headers) {
    if (name == "X-Forwarded-Proto") continue;
    std::string_view rest = value;
    while (true) {
      const auto cut = rest.find_first_of(",;");
      std::string_view piece = rest.substr(0, cut);
      if (const auto eq = piece.find('='); eq != std::string_view::npos) piece.remove_prefix(eq + 1);
      while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t' || piece.front() == '"'))
        piece.remove_prefix(1);
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t' || piece.back() == '"'))
        piece.remove_suffix(1);
      if (web::canonical_address(piece) == address) return true;
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
  }
  return false;
}

// The proxies of the data centre: 10.0.0.0/8 (a crude matcher is enough: the parser is what is tested).
bool in_ten(std::string_view address) { return address.starts_with("10."); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto headers = headers_of(input);

  const auto stranger = web::resolve_client("192.0.2.7", headers, in_ten);
  require(stranger.address == "192.0.2.7" && !stranger.https, "an untrusted peer's headers are ignored");
  const auto nobody = web::resolve_client("10.1.1.1", headers, {});
  require(nobody.address == "10.1.1.1" && !nobody.https, "no trusted proxies: the peer itself");

  const auto client = web::resolve_client("10.1.1.1", headers, in_ten);
  require(!client.address.empty(), "always somebody");
  if (client.address != "10.1.1.1") {
    require(web::canonical_address(client.address) == client.address, "the client is a canonical IP address");
    require(named_in(headers, client.address), "the client is one of the hops the headers name");
  }

  const std::string once = web::canonical_address(input);
  require(web::canonical_address(once) == once, "canonical_address is idempotent");
  return 0;
}
