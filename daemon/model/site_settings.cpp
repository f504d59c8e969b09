#include "daemon/model/site_settings.hpp"

namespace portald::model {

std::optional<std::string> script_origin(std::string_view url) {
  constexpr std::string_view scheme = "https://";
  if (!url.starts_with(scheme) || url.size() > 500) return std::nullopt;
  // Anything that could end a CSP source expression or the attribute is refused outright.
  if (url.find_first_of(" \t\r\n;,'\"<>\\") != std::string_view::npos) return std::nullopt;
  const auto host_end = url.find_first_of("/?#", scheme.size());
  const std::string_view origin = url.substr(0, host_end);
  if (origin.size() == scheme.size() || origin.find('@') != std::string_view::npos) return std::nullopt;
  return std::string(origin);
}

std::string base_url(const SiteSettings& s) {
  std::string base = s.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

EmbedPolicy embed_policy(const SiteSettings& s) {
  return {.frame_origins = parse_embed_origins(s.embed_origins).origins};
}

}  // namespace portald::model
