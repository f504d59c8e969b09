#pragma once
// One line of the audit log (store: audit_table.hpp).
#include <cstdint>
#include <string>

#include "daemon/model/time.hpp"

namespace portald::model {

// One line of the append-only audit log (Nghị định 53/2022: kept at least 12 months).
struct AuditEntry {
  std::uint64_t seq = 0;
  UnixTime at = 0;
  std::string actor{};   // username, "" for the system (the scheduler)
  std::string action{};  // "login.ok", "login.failed", "article.submit", "user.role", "settings.site", ...
  std::string object{};  // "article/12", "user/lan", "settings/site"
  std::string from{};
  std::string to{};
  std::string reason{};
  std::string address{};  // client address
};

}  // namespace portald::model
