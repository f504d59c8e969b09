#include "web/server/response.hpp"

namespace portald::web {
namespace {

Response make(int status, std::string content_type, std::string body) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

Response Response::html(std::string body, int status) {
  return make(status, "text/html; charset=utf-8", std::move(body));
}

Response Response::text(std::string body, int status) {
  return make(status, "text/plain; charset=utf-8", std::move(body));
}

Response Response::json(std::string body, int status) { return make(status, "application/json", std::move(body)); }

Response Response::redirect(std::string location, int status) {
  Response r = make(status, "text/plain; charset=utf-8", {});
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

}  // namespace portald::web
