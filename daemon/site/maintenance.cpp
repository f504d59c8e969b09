#include "daemon/site/maintenance.hpp"

#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::site {

Refusal set_maintenance(const store::Store& store, const MaintenanceChange& change, const model::Actor& actor,
                        model::UnixTime now) {
  if (!model::may(actor, model::Action::set_maintenance)) return Refusal::not_allowed;
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto m = store::get_maintenance(txn, t);
  const bool was = m.on;
  m.on = change.on;
  if (const auto msg = model::to_nfc(change.message); msg && !msg->empty() && msg->size() <= 2000) m.message = *msg;
  m.retry_after_s = static_cast<int>(std::clamp<std::uint64_t>(change.retry_after_min.value_or(30), 1, 24 * 60) * 60);
  store::put_maintenance(txn, t, m);
  store::append_audit(txn, t,
                      {.at = now,
                       .actor = actor.username,
                       .action = "settings.maintenance",
                       .object = "settings/maintenance",
                       .from = was ? "on" : "off",
                       .to = m.on ? "on" : "off",
                       .reason = m.message,
                       .address = actor.address});
  txn.commit();
  return Refusal::none;
}

}  // namespace portald::site
