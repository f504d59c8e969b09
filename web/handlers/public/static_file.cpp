#include "web/handlers/public/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {

Response static_file(const Context& ctx, Request& req) {
  const std::string& name = req.params.at("file");
  // Only names that exist in the asset set are served; there is no path to traverse.
  const auto bytes = ctx.assets.find("static/" + name);
  if (!bytes) throw HttpError(404, "Không tìm thấy tệp.");
  Response r;
  r.content_type = std::string(content_type_for(name));
  r.body = std::string(*bytes);
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace portald::web
