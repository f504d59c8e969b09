#include "daemon/media/orphans.hpp"

#include <algorithm>
#include <string>

#include "daemon/media/references.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/store/audit_table.hpp"

namespace portald::media {

std::vector<store::MediaInfo> list_orphan_media(const store::Store& store) {
  const store::ReadTxn txn = store.read();
  const auto& t = store.tables();
  const auto referenced = referenced_media(txn, t);
  auto all = store::list_media(txn, t, static_cast<std::size_t>(-1));
  std::erase_if(all, [&](const store::MediaInfo& m) { return referenced.contains(m.id); });
  return all;
}

OrphanRemoval remove_orphan_media(const store::Store& store, const std::vector<std::uint64_t>& ids,
                                  const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::remove_orphan_media)) return {OrphanRefusal::not_allowed};
  if (ids.empty()) return {OrphanRefusal::nothing_chosen};
  OrphanRemoval r;
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  // Computed inside the writing transaction: a file linked since the list was shown stays.
  const auto referenced = referenced_media(txn, t);
  for (const auto id : ids) {
    const auto info = store::get_media_info(txn, t, id);
    const bool done = std::find(r.removed.begin(), r.removed.end(), id) != r.removed.end();
    if (done) continue;
    if (!info || referenced.contains(id) || !store::delete_media(txn, t, id)) {
      r.kept.push_back(id);
      continue;
    }
    store::append_audit(
        txn, t, model::AuditAction::media_remove_orphan,
        {.seq = 0,
         .at = now,
         .actor = actor.username,
         .action = {},
         .object = "media/" + std::to_string(id),
         .from = info->file_name + " (" + info->content_type + ", " + std::to_string(info->size) + " B)",
         .to = {},
         .reason = {},
         .address = actor.address});
    r.removed.push_back(id);
  }
  if (!r.removed.empty()) txn.commit();
  return r;
}

}  // namespace portald::media
