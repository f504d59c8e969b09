// What every Open311 answer shares: the JSON headers, the error array, the ".json" resource names.
#include "web/handlers/open311/open311.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {

Response open311_json(const nlohmann::json& body, int status) {
  // replace: a stray invalid byte in stored text becomes U+FFFD instead of an exception.
  Response r = Response::json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
  r.content_type = "application/json; charset=utf-8";
  r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response open311_errors(int status, const std::vector<std::string>& descriptions) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& d : descriptions) errors.push_back({{"code", status}, {"description", d}});
  return open311_json(errors, status);
}

std::string json_resource(std::string_view segment) {
  constexpr std::string_view kSuffix = ".json";
  if (!segment.ends_with(kSuffix) || segment.size() == kSuffix.size())
    throw HttpError(404, "not found: this server answers in JSON only (name.json)");
  return std::string(segment.substr(0, segment.size() - kSuffix.size()));
}

}  // namespace portald::web
