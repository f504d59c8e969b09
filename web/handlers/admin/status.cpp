// The system status page (/quan-tri/trang-thai): every check /healthz reports, in Vietnamese, with what
// to do about each warning. It calls what /healthz calls (a store read, health::backup_report on the
// recorded backup state, the slow checks' latest report) so the two never disagree, and a failing check
// becomes a row on the page, never a 500.
#include <string>
#include <vector>

#include "daemon/health/backup_report.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"

namespace portald::web::admin {
namespace status_pages {

enum class Level { ok, warning, error, unknown };

struct Row {
  std::string key;  // the /healthz name ("store", "backup", "disk_data", ...)
  std::string name;
  Level level = Level::unknown;
  std::string detail;
};

// Label and key of a state; the page shows the word and a symbol, so nothing rests on colour.
struct LevelText {
  const char* key;
  const char* label;
  const char* symbol;
};
LevelText text_of(Level l) {
  switch (l) {
    case Level::ok: return {.key = "ok", .label = "Bình thường", .symbol = "✓"};
    case Level::warning: return {.key = "warning", .label = "Cảnh báo", .symbol = "!"};
    case Level::error: return {.key = "error", .label = "Lỗi", .symbol = "✗"};
    case Level::unknown: break;
  }
  return {.key = "unknown", .label = "Chưa rõ", .symbol = "?"};
}

Level level_of(health::Status s) {
  switch (s) {
    case health::Status::ok: return Level::ok;
    case health::Status::warning: return Level::warning;
    case health::Status::unknown: break;
  }
  return Level::unknown;
}

std::string check_name(const std::string& key) {
  if (key == "disk_data") return "Dung lượng trống của thư mục dữ liệu";
  if (key == "disk_backup") return "Dung lượng trống của thư mục sao lưu";
  if (key.starts_with("disk_")) return "Dung lượng trống (" + key.substr(5) + ")";
  if (key == "lmdb_map") return "Mức dùng kho LMDB (map-size)";
  if (key == "memory") return "Bộ nhớ";
  if (key == "search_index") return "Chỉ mục tìm kiếm";
  if (key == "snapshot") return "Tuổi bản sao lưu mới nhất";
  if (key == "cadence") return "Nhịp đăng tin hôm nay (sáng, chiều)";
  if (key == "store") return "Kho dữ liệu";
  return key;  // a check added later still shows, under its /healthz name
}

// Where the runbook answers a warning of this check.
std::string hint(const std::string& key) {
  if (key == "store")
    return "Xem nhật ký (journalctl -u portald) và mục Troubleshooting của docs/operations.md; dữ liệu hỏng thì "
           "khôi phục theo docs/backup-restore.md, mục 1.";
  if (key == "backup" || key == "snapshot")
    return "Xem systemctl status portald-backup.timer portald-drill.timer và nhật ký của chúng; chạy lại "
           "portaldctl backup hoặc portaldctl backup drill theo docs/backup-restore.md, mục 3 và 4.";
  if (key.starts_with("disk_"))
    return "Kiểm tra thư mục có tồn tại và ổ đĩa đã được gắn; giải phóng hoặc mở rộng ổ đĩa (tùy chọn "
           "min-free-space); xem docs/operations.md, mục “What only warns”.";
  if (key == "lmdb_map") return "Tăng map-size trong portald.conf rồi khởi động lại portald (docs/config.md).";
  if (key == "memory") return "Xem /metrics và nhật ký; cân nhắc tăng MemoryMax= (docs/operations.md).";
  if (key == "search_index") return "Xem nhật ký của bộ lập chỉ mục (search.*) và docs/search.md.";
  if (key == "cadence")
    return "Nhắc ban biên tập đăng tin trong khung giờ (Điều 10.1); ngày nghỉ thì bổ sung holidays-file "
           "(docs/operations.md, mục “The update cadence”).";
  return "Xem docs/operations.md, mục “Health, watchdog and monitoring”.";
}

std::string outcome_text(const model::BackupOutcome& o, model::UnixTime now) {
  return "lúc " + model::format_datetime_vn(o.at) + " (" + age_text(now - o.at) + " trước)";
}

// The "backup" object of /healthz, from the same health::backup_report(); its state decides the row's.
Row backup_row(const model::BackupState& s, model::UnixTime now) {
  const nlohmann::json h = health::backup_report(s, now);
  Row r{"backup", "Sao lưu và diễn tập khôi phục", h.value("state", "") == "ok" ? Level::ok : Level::warning, {}};
  if (s.last_snapshot) {
    const bool verified = h["snapshot"].value("verified", false);
    r.detail = "Bản sao lưu mới nhất " + outcome_text(*s.last_snapshot, now) +
               (verified ? ", đã kiểm chứng." : ", chưa được kiểm chứng.");
  } else {
    r.detail = "Chưa có bản sao lưu nào.";
  }
  if (s.last_attempt && !s.last_attempt->ok)
    r.detail +=
        " Lần sao lưu gần nhất thất bại " + outcome_text(*s.last_attempt, now) + ": " + s.last_attempt->message + ".";
  if (s.last_drill) {
    r.detail += " Diễn tập khôi phục gần nhất " + outcome_text(*s.last_drill, now) +
                (s.last_drill->ok ? ": thành công." : ": thất bại: " + s.last_drill->message + ".");
  } else {
    r.detail += " Chưa diễn tập khôi phục lần nào.";
  }
  r.detail += " Quá " + std::to_string(health::kBackupMaxAge / 86400) + " ngày là cảnh báo.";
  return r;
}

// The store and backup rows: what /healthz reads inside its one read transaction.
std::vector<Row> store_rows(const Context& ctx, model::UnixTime now) {
  try {
    const store::ReadTxn txn = ctx.store.read();
    Row store{"store", "Kho dữ liệu", Level::ok,
              "Đọc được; lược đồ phiên bản " + std::to_string(ctx.store.schema_version()) + ", " +
                  std::to_string(store::count_published(txn, ctx.store.tables())) + " bài đã xuất bản."};
    return {store, backup_row(store::get_backup_state(txn, ctx.store.tables()), now)};
  } catch (const std::exception& e) {
    // /healthz answers 503 here; the page still shows everything else.
    return {{"store", "Kho dữ liệu", Level::error, std::string("Không đọc được kho dữ liệu: ") + e.what()}};
  }
}

void add_row(ctemplate::TemplateDictionary& dict, const Row& row) {
  const LevelText t = text_of(row.level);
  auto* d = dict.AddSectionDictionary("ROW");
  d->SetValue("KEY", row.key);
  d->SetValue("NAME", row.name);
  d->SetValue("STATE_KEY", t.key);
  d->SetValue("STATE", t.label);
  d->SetValue("SYMBOL", t.symbol);
  d->SetValue("DETAIL", row.detail);
  if (row.level == Level::warning || row.level == Level::error) d->SetValue("HINT", hint(row.key));
}

Response status_page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const model::UnixTime now = model::now();
  std::vector<Row> rows = store_rows(ctx, now);
  const auto report = ctx.monitor.checks.get();
  if (report) {
    for (const auto& c : report->checks)
      rows.push_back({c.name, check_name(c.name), level_of(c.status), c.detail_vi.empty() ? c.detail : c.detail_vi});
  }

  ctemplate::TemplateDictionary dict("admin_status");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Trạng thái hệ thống");
  dict.SetValue("NOW", model::format_datetime_vn(now));
  if (report) {
    auto* at = dict.AddSectionDictionary("CHECKS_AT");
    at->SetValue("AT", model::format_datetime_vn(report->at));
    at->SetValue("AGE", age_text(now - report->at));
  } else {
    dict.ShowSection("NO_REPORT");
  }
  std::size_t warnings = 0, errors = 0;
  for (const Row& r : rows) {
    warnings += r.level == Level::warning;
    errors += r.level == Level::error;
    add_row(dict, r);
  }
  dict.SetValue("SUMMARY", errors     ? "Có lỗi (" + std::to_string(errors) + ")"
                           : warnings ? "Có cảnh báo (" + std::to_string(warnings) + ")"
                                      : std::string("Bình thường"));
  return render_admin(ctx, "admin_status", dict);
}

}  // namespace status_pages

}  // namespace portald::web::admin
