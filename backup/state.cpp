#include "backup/state.hpp"

#include "daemon/store/codec.hpp"

namespace portald::backup {
namespace {

constexpr int kFormat = 1;
constexpr std::size_t kMaxVerified = 64;

nlohmann::json to_json(const Outcome& o) {
  return {{"snapshot", o.snapshot}, {"at", o.at}, {"ok", o.ok}, {"message", o.message}};
}

std::optional<Outcome> outcome(const nlohmann::json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end() || !it->is_object()) return std::nullopt;
  return Outcome{it->value("snapshot", ""), it->value("at", model::UnixTime{0}), it->value("ok", false),
                 it->value("message", "")};
}

std::string age_text(model::UnixTime seconds) {
  if (seconds < 2 * 3600) return std::to_string(seconds / 60) + " minutes";
  if (seconds < 2 * 86400) return std::to_string(seconds / 3600) + " hours";
  return std::to_string(seconds / 86400) + " days";
}

nlohmann::json describe(const Outcome& o, model::UnixTime now) {
  nlohmann::json j{{"id", o.snapshot}, {"at", model::format_rfc3339(o.at)}, {"age_s", now - o.at}, {"ok", o.ok}};
  if (!o.message.empty()) j["message"] = o.message;
  return j;
}

}  // namespace

BackupState read_state(const store::Txn& txn, const store::Tables& t) {
  BackupState s;
  try {
    const auto raw = txn.get(t.meta, kStateKey);
    if (!raw) return s;
    const auto j = store::decode_record(*raw, kFormat, "backup state");
    s.last_snapshot = outcome(j, "last_snapshot");
    s.last_attempt = outcome(j, "last_attempt");
    s.last_drill = outcome(j, "last_drill");
    if (const auto v = j.find("verified"); v != j.end() && v->is_object())
      for (const auto& [id, o] : v->items())
        if (auto got = outcome(*v, id.c_str())) s.verified[id] = *got;
  } catch (const std::exception&) {
    return BackupState{};  // an unreadable record reads as "nothing recorded": the next run rewrites it
  }
  return s;
}

void update_state(store::Store& store, const std::function<void(BackupState&)>& change) {
  store::WriteTxn txn = store.write();
  BackupState s = read_state(txn, store.tables());
  change(s);
  while (s.verified.size() > kMaxVerified) s.verified.erase(s.verified.begin());  // ids sort by time
  nlohmann::json j = nlohmann::json::object();
  if (s.last_snapshot) j["last_snapshot"] = to_json(*s.last_snapshot);
  if (s.last_attempt) j["last_attempt"] = to_json(*s.last_attempt);
  if (s.last_drill) j["last_drill"] = to_json(*s.last_drill);
  nlohmann::json verified = nlohmann::json::object();
  for (const auto& [id, o] : s.verified) verified[id] = to_json(o);
  j["verified"] = verified;
  txn.put(store.tables().meta, kStateKey, store::encode_record(j, kFormat));
  txn.commit();
}

bool update_state_in(const std::filesystem::path& data_dir, std::size_t map_size,
                     const std::function<void(BackupState&)>& change) {
  try {
    std::error_code ec;
    if (!std::filesystem::exists(store::Store::env_dir(data_dir) / "data.mdb", ec)) return false;
    store::Store store(data_dir, {.map_size = map_size, .create = false});
    update_state(store, change);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

nlohmann::json health(const BackupState& s, model::UnixTime now) {
  nlohmann::json j = nlohmann::json::object();
  nlohmann::json warnings = nlohmann::json::array();
  if (s.last_snapshot) {
    auto snap = describe(*s.last_snapshot, now);
    const auto v = s.verified.find(s.last_snapshot->snapshot);
    snap["verified"] = v != s.verified.end() && v->second.ok;
    j["snapshot"] = snap;
    if (now - s.last_snapshot->at > kMaxAge)
      warnings.push_back("newest snapshot is " + age_text(now - s.last_snapshot->at) + " old (limit 8 days)");
  } else {
    j["snapshot"] = nullptr;
    warnings.push_back("no snapshot has been taken");
  }
  if (s.last_attempt && !s.last_attempt->ok) {
    j["last_attempt"] = describe(*s.last_attempt, now);
    warnings.push_back("last backup failed: " + s.last_attempt->message);
  }
  if (s.last_drill) {
    j["drill"] = describe(*s.last_drill, now);
    if (!s.last_drill->ok) warnings.push_back("last restore drill failed: " + s.last_drill->message);
    if (now - s.last_drill->at > kMaxAge)
      warnings.push_back("last restore drill is " + age_text(now - s.last_drill->at) + " old (limit 8 days)");
  } else {
    j["drill"] = nullptr;
    warnings.push_back("no restore drill has been run");
  }
  j["state"] = warnings.empty() ? "ok" : "warning";
  j["warnings"] = warnings;
  return j;
}

}  // namespace portald::backup
