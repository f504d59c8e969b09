#include <memory>
#include <string>
#include <string_view>

#include "daemon/log/log.hpp"
#include "web/server/dispatch.hpp"
#include "web/server/server_context.hpp"

namespace portald::web::detail {
namespace {

struct ResponseDeleter {
  void operator()(MHD_Response* r) const noexcept { MHD_destroy_response(r); }
};
using ResponsePtr = std::unique_ptr<MHD_Response, ResponseDeleter>;

// One header onto the MHD response. A name that is not a token is dropped and a value loses its control
// characters (see header_safe_value); either is a bug in the handler, so it is logged, but the answer,
// whose side effects may already have happened, still goes out. False only when MHD refuses anyway.
bool add_header(MHD_Response* out, const std::string& name, const std::string& value) {
  if (!is_header_name(name)) {
    log::error("http.response_header_dropped", {{"name", name}});
    return true;
  }
  // Nearly every value is safe as it is: only the others are copied.
  std::string sanitised;
  const std::string* safe = &value;
  if (!is_header_safe_value(value)) {
    sanitised = header_safe_value(value);
    if (sanitised.size() != value.size()) log::error("http.response_header_sanitised", {{"name", name}});
    safe = &sanitised;
  }
  if (MHD_add_response_header(out, name.c_str(), safe->c_str()) == MHD_YES) return true;
  log::error("http.bad_response_header", {{"name", name}});
  return false;
}

bool add_headers(MHD_Response* out, const Response& in) {
  if (!in.content_type.empty() && !add_header(out, MHD_HTTP_HEADER_CONTENT_TYPE, in.content_type)) return false;
  for (const auto& [name, value] : in.headers)
    if (!add_header(out, name, value)) return false;
  return true;
}

// The body string moves to the heap and MHD frees it with the response: no copy of the page, most of
// the bytes sent (copies of bodies were 4 % of the CPU samples while serving a cached page).
void free_body(void* body) { delete static_cast<std::string*>(body); }

}  // namespace

MHD_Result queue_response(MHD_Connection* connection, Response&& response) {
  auto body = std::make_unique<std::string>(std::move(response.body));
  ResponsePtr out(
      MHD_create_response_from_buffer_with_free_callback_cls(body->size(), body->data(), &free_body, body.get()));
  if (!out) return queue_last_resort(connection);
  body.release();  // MHD owns it now
  if (!add_headers(out.get(), response)) return queue_response(connection, minimal_error(500));
  return MHD_queue_response(connection, static_cast<unsigned>(response.status), out.get());
}

MHD_Result queue_last_resort(MHD_Connection* connection) noexcept {
  static constexpr std::string_view kBody = "500 Internal Server Error\n";
  ResponsePtr out(
      MHD_create_response_from_buffer(kBody.size(), const_cast<char*>(kBody.data()), MHD_RESPMEM_PERSISTENT));
  if (!out) return MHD_NO;
  return MHD_queue_response(connection, MHD_HTTP_INTERNAL_SERVER_ERROR, out.get());
}

}  // namespace portald::web::detail
