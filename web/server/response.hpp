#pragma once
// What a handler returns. The server copies it into an MHD response (MHD_RESPMEM_MUST_COPY), so the
// body may come from anywhere, including an LMDB read transaction that ends right after the handler.
#include <string>
#include <utility>
#include <vector>

namespace portald::web {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";     // empty = no Content-Type header (e.g. 304)
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, sent in order
  std::string body;

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);  // text/plain; charset=utf-8
  static Response json(std::string body, int status = 200);  // application/json
  // Empty body with a Location header; 303 so a POST is followed by a GET.
  static Response redirect(std::string location, int status = 303);
};

}  // namespace portald::web
