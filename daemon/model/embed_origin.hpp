#pragma once
// Origins whose pages the portal may show in an <iframe> (live streams, video platforms, the online
// dialogues of issue 12): the operator's allow-list (site setting embed_origins), read by the HTML
// sanitiser and by the page CSP's frame-src. An origin is always "https://host[:port]", lower case,
// without :443, so the sanitiser and the CSP compare and print the same strings.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portald::model {

// What the sanitiser lets through besides plain markup. Passed in explicitly: the sanitiser keeps no
// global state, so the same body sanitised under another allow-list gives another result.
struct EmbedPolicy {
  std::vector<std::string> frame_origins;  // normalised origins; empty: every iframe is dropped
};

// The normalised origin of one allow-list entry ("https://Host:8443" -> "https://host:8443"; a lone
// trailing '/' is ignored); std::nullopt for anything else: another scheme, a path, a query, user
// info, a wildcard, a bad host or port.
std::optional<std::string> normalise_embed_origin(std::string_view entry);

struct EmbedOriginList {
  std::vector<std::string> origins;  // normalised, without repeats, in the order given
  std::vector<std::string> refused;  // entries normalise_embed_origin refused, as given
};
// Splits an allow-list written with spaces, commas or line breaks between entries.
EmbedOriginList parse_embed_origins(std::string_view list);

// The normalised origin of an https URL ("https://host[:port]/path..." -> "https://host[:port]");
// std::nullopt when the URL is not https, has user info, a backslash, spaces or controls.
std::optional<std::string> https_origin_of(std::string_view url);

// True when `url` is an https URL on one of the policy's frame origins.
bool is_allowed_frame_url(std::string_view url, const EmbedPolicy& policy);

// The CSP frame-src source list: the origins separated by spaces, "'none'" when there are none.
std::string frame_src_sources(const EmbedPolicy& policy);

}  // namespace portald::model
