#pragma once
// Public page handlers. Each opens one read transaction and renders through the templates.
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response home_page(const Context& ctx, Request& req);
Response article_page(const Context& ctx, Request& req);      // /tin-tuc/{slug}  (slug ends in -<id>)
Response category_page(const Context& ctx, Request& req);     // /chuyen-muc/{slug}?trang=N
Response static_file(const Context& ctx, Request& req);       // /static/{file}
// The Vietnamese page readers see for an error status.
Response error_page(const Context& ctx, int status, std::string_view message);

}  // namespace portald::web
