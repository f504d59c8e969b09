#include "daemon/model/intake.hpp"

namespace portald::model {

std::string sender_line(const IntakeSender& s) {
  std::string line = "Người gửi: " + s.name;
  if (!s.organisation.empty()) line += " (" + s.organisation + ")";
  return line;
}

}  // namespace portald::model
