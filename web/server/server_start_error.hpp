#pragma once
#include <stdexcept>

namespace portald::web {

// The HTTP server could not start; what() is one line naming the address and the reason, e.g.
// "cannot listen on 127.0.0.1:8080: Address already in use".
class ServerStartError : public std::runtime_error {
  using runtime_error::runtime_error;
};

}  // namespace portald::web
