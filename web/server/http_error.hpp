#pragma once
// The one exception type handlers throw for an expected HTTP failure (404, 403, 400 ...). The server's
// single catch site turns it into the page the reader sees, through the app's ErrorRenderer, and adds
// the error's own headers (e.g. Allow on a 405) to that page.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace portald::web {

class HttpError : public std::runtime_error {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  // `message` is shown to the reader (already in the site's language), so it must not carry internals.
  HttpError(int status, std::string message, Headers headers = {})
      : std::runtime_error(std::move(message)), status_(status), headers_(std::move(headers)) {}
  int status() const noexcept { return status_; }
  const Headers& headers() const noexcept { return headers_; }

 private:
  int status_;
  Headers headers_;
};

}  // namespace portald::web
