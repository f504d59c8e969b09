#pragma once
// Maintenance mode (Điều 5.9): switched on and off by people, audited, in effect on the next request.
#include <cstdint>
#include <optional>
#include <string>

#include "daemon/model/actor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/site/refusal.hpp"
#include "daemon/store/store.hpp"

namespace portald::site {

struct MaintenanceChange {
  bool on = false;
  std::string message{};  // readers' message; "", unreadable or over 2000 bytes keeps the current one
  std::optional<std::uint64_t> retry_after_min{};  // Retry-After in minutes, clamped to 1..1440; absent = 30
};

// Saves the switch with its audit entry "settings.maintenance" (from/to "on"/"off", the message as the
// reason) in one write transaction. Refusal::not_allowed without set-maintenance.
Refusal set_maintenance(const store::Store& store, const MaintenanceChange& change, const model::Actor& actor,
                        model::UnixTime now);

}  // namespace portald::site
