#pragma once
// Who is really on the other end of a request: the TCP peer, or, when the peer is one of the operator's
// trusted reverse proxies (trusted-proxies), the client those proxies name in Forwarded (RFC 7239) or
// X-Forwarded-For, and whether that client came over TLS. Anyone else's forwarding headers are ignored,
// so a client cannot claim another address or https.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portald::web {

// True when an address (canonical text: "10.0.0.1", "2001:db8::1") is one of the trusted proxies.
using TrustedProxy = std::function<bool(std::string_view address)>;

struct ClientOrigin {
  std::string address;  // canonical text, or the peer as given when it is not an IP ("local")
  bool https = false;   // only a trusted proxy can say so
};

// The client behind `peer`. When `trusted` is empty or the peer is not trusted: the peer itself, not
// https. Otherwise the right-most address of the forwarding chain that is not itself a trusted proxy
// (Forwarded when the request has one, else X-Forwarded-For); a hop that is not an IP address
// ("unknown", "_hidden", garbage) ends the walk at the trusted hop before it. https comes from the
// client's own Forwarded element (proto=), or from the right-most X-Forwarded-Proto value.
ClientOrigin resolve_client(std::string_view peer, const std::vector<std::pair<std::string, std::string>>& headers,
                            const TrustedProxy& trusted);

// An address as it may appear in a forwarding header ("192.0.2.1", "192.0.2.1:8080", "[2001:db8::1]:80",
// "2001:db8::1", "::ffff:192.0.2.1") in canonical text ("192.0.2.1", "2001:db8::1"); "" when it is not
// an IP address.
std::string canonical_address(std::string_view text);

}  // namespace portald::web
