#include "web/handlers/public/pages.hpp"
#include "web/not_found.hpp"

namespace portald::web {

Response static_file(const Context& ctx, Request& req) {
  // /static/{file} or /static/vendor/{pkg}/{file} (the npm bundles, web/frontend/). Each capture is
  // one path segment and only names in the asset set are served: there is no path to traverse.
  const auto pkg = req.params.find("pkg");
  const std::string name = (pkg != req.params.end() ? "vendor/" + pkg->second + "/" : "") + req.params.at("file");
  const auto bytes = ctx.assets.find("static/" + name);
  if (!bytes) file_not_found();
  Response r;
  r.content_type = std::string(content_type_for(name));
  r.body = std::string(*bytes);
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace portald::web
