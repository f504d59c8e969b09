#include "backup/audit_archive.hpp"

#include <fcntl.h>

#include <nlohmann/json.hpp>

#include "backup/files.hpp"
#include "backup/sodium.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/store/audit_table.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kMaxArchiveBytes = std::size_t(4) << 30;  // a read-back or verify never reads more

std::string entry_line(const model::AuditEntry& e) {
  const nlohmann::json j{{"seq", e.seq},       {"at", e.at},         {"actor", e.actor},
                         {"action", e.action}, {"object", e.object}, {"from", e.from},
                         {"to", e.to},         {"reason", e.reason}, {"address", e.address}};
  // Invalid UTF-8 (never expected: the store holds NFC text) is replaced rather than failing the archive.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string signature_path(const std::filesystem::path& file) { return file.string() + ".minisig"; }

}  // namespace

model::UnixTime audit_cutoff(model::UnixTime now, unsigned months) {
  const auto local_days = static_cast<std::int32_t>((now + model::kVietnamOffsetSeconds) / 86400);
  const std::string today = model::format_iso_date(local_days);                         // "YYYY-MM-DD"
  int year = std::stoi(today.substr(0, 4)), month = std::stoi(today.substr(5, 2)) - 1;  // month 0..11
  const int total = year * 12 + month - static_cast<int>(months);
  year = total / 12;
  month = total % 12 + 1;
  char first[32];
  std::snprintf(first, sizeof first, "%04d-%02d-01", year, month);
  const auto days = model::parse_iso_date(first);
  return static_cast<model::UnixTime>(days.value_or(0)) * 86400 - model::kVietnamOffsetSeconds;
}

std::optional<AuditArchive> archive_audit(const store::Store& store, const minisign::SecretKey& key,
                                          const std::filesystem::path& dir, model::UnixTime before, model::UnixTime now,
                                          const std::string& actor, std::size_t batch) {
  std::vector<model::AuditEntry> entries;
  {
    const store::ReadTxn txn = store.read();
    entries = store::audit_before(txn, store.tables(), before, batch);
  }
  if (entries.empty()) return std::nullopt;
  AuditArchive a{
      .file = {}, .entries = entries.size(), .first_seq = entries.front().seq, .last_seq = entries.back().seq};
  std::string content;
  for (const auto& e : entries) content += entry_line(e);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw BackupError("cannot create " + dir.string() + ": " + ec.message());
  a.file = dir / ("audit-" + std::to_string(a.first_seq) + "-" + std::to_string(a.last_seq) + ".jsonl");
  const std::string trusted = "timestamp:" + std::to_string(now) + "\tfile:" + a.file.filename().string() +
                              "\tentries:" + std::to_string(a.entries) + "\tfirst:" + std::to_string(a.first_seq) +
                              "\tlast:" + std::to_string(a.last_seq);
  const auto sig = minisign::sign(key, blake2b(content), trusted, "portald audit archive");
  // An archive of these same entries left by an interrupted run is replaced only by identical bytes.
  if (!install_file(a.file, content, 0600) && read_small_file(a.file, kMaxArchiveBytes) != content)
    throw BackupError(a.file.string() + " exists with other content: move it away and run again");
  std::filesystem::remove(signature_path(a.file), ec);
  install_file(signature_path(a.file), minisign::format_signature(sig), 0600);
  sync_dir(dir);
  // Read back what the disk holds before anything leaves the store.
  const auto check = verify_audit_archive(a.file, key.public_key());
  if (check.problem) throw BackupError("the audit archive did not verify after writing: " + *check.problem);
  if (check.entries != a.entries || check.first_seq != a.first_seq || check.last_seq != a.last_seq)
    throw BackupError("the audit archive read back holds other entries than were written: " + a.file.string());
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  store::remove_audit_through(txn, t, a.last_seq);
  store::append_audit(txn, t, model::AuditAction::audit_archive,
                      {.seq = 0,
                       .at = now,
                       .actor = actor,
                       .action = {},
                       .object = "audit/" + std::to_string(a.first_seq) + "-" + std::to_string(a.last_seq),
                       .from = std::to_string(a.entries),
                       .to = a.file.filename().string(),
                       .reason = "",
                       .address = ""});
  txn.commit();
  return a;
}

AuditArchiveCheck verify_audit_archive(const std::filesystem::path& file, const minisign::PublicKey& key) {
  AuditArchiveCheck r;
  std::string content, sig_text;
  try {
    content = read_small_file(file, kMaxArchiveBytes);
    sig_text = read_small_file(signature_path(file), 64 * 1024);
  } catch (const BackupError& e) {
    r.problem = e.what();
    return r;
  }
  std::string why;
  const auto sig = minisign::parse_signature(sig_text, &why);
  if (!sig) {
    r.problem = signature_path(file) + ": " + why;
    return r;
  }
  if (auto bad = minisign::verify(key, *sig, blake2b(content))) {
    r.problem = *bad;
    return r;
  }
  std::size_t start = 0;
  while (start < content.size()) {
    const auto end = content.find('\n', start);
    if (end == std::string::npos) {
      r.problem = "the last line is not complete";
      return r;
    }
    const auto j = nlohmann::json::parse(content.begin() + static_cast<std::ptrdiff_t>(start),
                                         content.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("seq") || !j["seq"].is_number_unsigned()) {
      r.problem = "line " + std::to_string(r.entries + 1) + " is not an audit entry";
      return r;
    }
    const auto seq = j["seq"].get<std::uint64_t>();
    if (r.entries && seq <= r.last_seq) {
      r.problem = "line " + std::to_string(r.entries + 1) + ": entries out of order";
      return r;
    }
    if (!r.entries) r.first_seq = seq;
    r.last_seq = seq;
    ++r.entries;
    start = end + 1;
  }
  return r;
}

}  // namespace portald::backup
