#include "daemon/store/backup_state_table.hpp"

#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;
constexpr std::size_t kMaxVerified = 64;

nlohmann::json to_json(const model::BackupOutcome& o) {
  return {{"snapshot", o.snapshot}, {"at", o.at}, {"ok", o.ok}, {"message", o.message}};
}

std::optional<model::BackupOutcome> outcome(const nlohmann::json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end() || !it->is_object()) return std::nullopt;
  return model::BackupOutcome{it->value("snapshot", ""), it->value("at", model::UnixTime{0}), it->value("ok", false),
                              it->value("message", "")};
}

}  // namespace

model::BackupState get_backup_state(const Txn& txn, const Tables& t) {
  model::BackupState s;
  try {
    const auto raw = txn.get(t.meta, meta_key::backup_state);
    if (!raw) return s;
    const auto j = decode_record(*raw, kFormat, "backup state");
    s.last_snapshot = outcome(j, "last_snapshot");
    s.last_attempt = outcome(j, "last_attempt");
    s.last_drill = outcome(j, "last_drill");
    if (const auto v = j.find("verified"); v != j.end() && v->is_object())
      for (const auto& [id, o] : v->items())
        if (auto got = outcome(*v, id.c_str())) s.verified[id] = *got;
  } catch (const std::exception&) {
    return model::BackupState{};  // an unreadable record reads as "nothing recorded": the next run rewrites it
  }
  return s;
}

void put_backup_state(WriteTxn& txn, const Tables& t, model::BackupState s) {
  while (s.verified.size() > kMaxVerified) s.verified.erase(s.verified.begin());  // ids sort by time
  nlohmann::json j = nlohmann::json::object();
  if (s.last_snapshot) j["last_snapshot"] = to_json(*s.last_snapshot);
  if (s.last_attempt) j["last_attempt"] = to_json(*s.last_attempt);
  if (s.last_drill) j["last_drill"] = to_json(*s.last_drill);
  nlohmann::json verified = nlohmann::json::object();
  for (const auto& [id, o] : s.verified) verified[id] = to_json(o);
  j["verified"] = verified;
  txn.put(t.meta, meta_key::backup_state, encode_record(j, kFormat));
}

void update_backup_state(const Store& store, const std::function<void(model::BackupState&)>& change) {
  WriteTxn txn = store.write();
  model::BackupState s = get_backup_state(txn, store.tables());
  change(s);
  put_backup_state(txn, store.tables(), std::move(s));
  txn.commit();
}

}  // namespace portald::store
