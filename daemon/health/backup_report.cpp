#include "daemon/health/backup_report.hpp"

#include <string>

namespace portald::health {
namespace {

std::string age_text(model::UnixTime seconds) {
  if (seconds < 2 * 3600) return std::to_string(seconds / 60) + " minutes";
  if (seconds < 2 * 86400) return std::to_string(seconds / 3600) + " hours";
  return std::to_string(seconds / 86400) + " days";
}

nlohmann::json describe(const model::BackupOutcome& o, model::UnixTime now) {
  nlohmann::json j{{"id", o.snapshot}, {"at", model::format_rfc3339(o.at)}, {"age_s", now - o.at}, {"ok", o.ok}};
  if (!o.message.empty()) j["message"] = o.message;
  return j;
}

}  // namespace

nlohmann::json backup_report(const model::BackupState& s, model::UnixTime now) {
  nlohmann::json j = nlohmann::json::object();
  nlohmann::json warnings = nlohmann::json::array();
  if (s.last_snapshot) {
    auto snap = describe(*s.last_snapshot, now);
    const auto v = s.verified.find(s.last_snapshot->snapshot);
    snap["verified"] = v != s.verified.end() && v->second.ok;
    j["snapshot"] = snap;
    if (now - s.last_snapshot->at > kBackupMaxAge)
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
    if (now - s.last_drill->at > kBackupMaxAge)
      warnings.push_back("last restore drill is " + age_text(now - s.last_drill->at) + " old (limit 8 days)");
  } else {
    j["drill"] = nullptr;
    warnings.push_back("no restore drill has been run");
  }
  j["state"] = warnings.empty() ? "ok" : "warning";
  j["warnings"] = warnings;
  return j;
}

}  // namespace portald::health
