#pragma once
// Who causes a write. Every service checks its rule against the actor's role and names the actor in the
// audit entry, whether the write came from an admin page, the API or portaldctl.
#include <cstdint>
#include <optional>
#include <string>

#include "daemon/model/permissions.hpp"
#include "daemon/model/user.hpp"

namespace portald::model {

struct Actor {
  std::string username{};       // "" = the system (scheduler); "portaldctl" for the console
  std::optional<Role> role{};   // std::nullopt = the system
  std::string address{};        // client address for the audit log ("local" for portaldctl)
  bool console = false;         // the server's console is no account: "not on yourself" rules do not apply
  std::uint64_t agency_id = 0;  // the account's agency (contributors, answerers); 0 = none
};

// portaldctl on the server: an operator's rights, "portaldctl" from "local" in the audit log.
inline Actor console_actor() { return {"portaldctl", Role::operator_, "local", true}; }

// True when the actor's role allows `action`; the system (no role) takes workflow steps only, so never.
inline bool may(const Actor& actor, Action action) { return actor.role && allowed(*actor.role, action); }

}  // namespace portald::model
