#pragma once
// The one exception type handlers throw for an expected HTTP failure (404, 403, 400 ...). The server's
// single catch site turns it into the page the reader sees, through the app's ErrorRenderer.
#include <stdexcept>
#include <string>
#include <utility>

namespace portald::web {

class HttpError : public std::runtime_error {
 public:
  // `message` is shown to the reader (already in the site's language), so it must not carry internals.
  HttpError(int status, std::string message) : std::runtime_error(std::move(message)), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

}  // namespace portald::web
