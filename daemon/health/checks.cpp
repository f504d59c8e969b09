#include "daemon/health/checks.hpp"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "daemon/config/option_table.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/log/log.hpp"
#include "daemon/store/backup_state_table.hpp"

namespace portald::health {
namespace {

std::string percent(double ratio) { return std::to_string(static_cast<int>(ratio * 100 + 0.5)) + "%"; }
std::string bytes_text(std::uint64_t n) { return config::format_size(n / (1 << 20) * (1 << 20)); }

std::string read_small_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "RssAnon:     1234 kB" in /proc/self/status, in bytes; 0 when absent.
std::uint64_t anon_rss() {
  std::istringstream in(read_small_file("/proc/self/status"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("RssAnon:", 0) == 0) return std::strtoull(line.c_str() + 8, nullptr, 10) * 1024;
  }
  return 0;
}

// memory.current and memory.max of our cgroup (cgroup v2) when a limit is set.
std::optional<std::pair<std::uint64_t, std::uint64_t>> cgroup_memory() {
  std::istringstream in(read_small_file("/proc/self/cgroup"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("0::", 0) != 0) continue;
    const std::filesystem::path dir = std::filesystem::path("/sys/fs/cgroup") / line.substr(4);
    const std::string max = read_small_file(dir / "memory.max"), current = read_small_file(dir / "memory.current");
    if (max.empty() || current.empty() || max.rfind("max", 0) == 0) return std::nullopt;
    return std::pair{std::strtoull(current.c_str(), nullptr, 10), std::strtoull(max.c_str(), nullptr, 10)};
  }
  return std::nullopt;
}

CheckResult disk_check(Registry& metrics, const std::string& name, const std::filesystem::path& path,
                       std::uint64_t min_free) {
  CheckResult r{"disk_" + name, Status::ok, {}, {}};
  struct statvfs st {};
  if (::statvfs(path.c_str(), &st) != 0) {
    r.status = Status::warning;
    r.detail = path.string() + ": " + std::strerror(errno);
    r.detail_vi = path.string() + ": không đọc được (" + std::strerror(errno) + ")";
    return r;
  }
  const std::uint64_t free = std::uint64_t(st.f_bavail) * st.f_frsize, total = std::uint64_t(st.f_blocks) * st.f_frsize;
  metrics.gauge("portald_disk_free_bytes", "Free space for portald on the watched file systems.", {{"disk", name}})
      .set(static_cast<double>(free));
  r.detail = path.string() + ": " + bytes_text(free) + " free of " + bytes_text(total);
  r.detail_vi = path.string() + ": còn trống " + bytes_text(free) + " trên tổng " + bytes_text(total);
  if (free < min_free) {
    r.status = Status::warning;
    r.detail += ", below min-free-space " + config::format_size(min_free);
    r.detail_vi += ", dưới mức tối thiểu min-free-space " + config::format_size(min_free);
  }
  return r;
}

CheckResult map_check(const store::Store& store, double warn_ratio) {
  const auto u = store.usage();
  CheckResult r{"lmdb_map", Status::ok,
                percent(u.used_ratio()) + " of map-size " + config::format_size(u.map_size) + " used",
                "Đã dùng " + percent(u.used_ratio()) + " của map-size " + config::format_size(u.map_size)};
  if (u.used_ratio() > warn_ratio) {
    r.status = Status::warning;
    r.detail += ": raise map-size before the store fills up";
    r.detail_vi += " (quá " + percent(warn_ratio) + "): cần tăng map-size trước khi kho đầy";
  }
  return r;
}

CheckResult memory_check(Registry& metrics) {
  const std::uint64_t anon = anon_rss();
  metrics.gauge("portald_memory_anon_bytes", "Anonymous resident memory of the daemon (heap, stacks).")
      .set(static_cast<double>(anon));
  CheckResult r{"memory", Status::ok, bytes_text(anon) + " anonymous resident",
                "Bộ nhớ ẩn danh đang dùng " + bytes_text(anon)};
  if (const auto cg = cgroup_memory()) {
    const double ratio = cg->second ? double(cg->first) / double(cg->second) : 0.0;
    r.detail += "; cgroup " + percent(ratio) + " of MemoryMax " + bytes_text(cg->second);
    r.detail_vi += "; cgroup dùng " + percent(ratio) + " của MemoryMax " + bytes_text(cg->second);
    if (ratio > 0.9) r.status = Status::warning;
    return r;
  }
  const auto physical = std::uint64_t(::sysconf(_SC_PHYS_PAGES)) * std::uint64_t(::sysconf(_SC_PAGESIZE));
  if (physical && double(anon) > 0.8 * double(physical)) {
    r.status = Status::warning;
    r.detail += ", over 80% of physical memory";
    r.detail_vi += ", vượt 80% bộ nhớ vật lý";
  }
  return r;
}

CheckResult index_check(const Reported& rep, model::UnixTime now, model::UnixTime max_lag) {
  if (!rep.pending_changes)
    return {"search_index", Status::unknown, "the search indexer has not reported", "Bộ lập chỉ mục chưa báo cáo"};
  const model::UnixTime lag = rep.oldest_pending_at ? std::max<model::UnixTime>(0, now - rep.oldest_pending_at) : 0;
  CheckResult r{"search_index", Status::ok,
                std::to_string(*rep.pending_changes) + " changes pending, oldest " + std::to_string(lag) + " s",
                std::to_string(*rep.pending_changes) + " thay đổi chờ lập chỉ mục, cũ nhất chờ " + std::to_string(lag) +
                    " giây (giới hạn " + std::to_string(max_lag) + " giây)"};
  if (lag > max_lag) r.status = Status::warning;
  return r;
}

CheckResult snapshot_check(const Reported& rep, model::UnixTime now, model::UnixTime max_age) {
  if (!rep.snapshot_at)
    return {"snapshot", Status::unknown, "no snapshot reported yet", "Chưa có báo cáo về bản sao lưu"};
  const model::UnixTime age = now - *rep.snapshot_at;
  CheckResult r{
      "snapshot", Status::ok,
      "newest from " + model::format_datetime_vn(*rep.snapshot_at) + " (" + std::to_string(age / 3600) + " h ago)",
      "Bản mới nhất lúc " + model::format_datetime_vn(*rep.snapshot_at) + " (" + std::to_string(age / 3600) +
          " giờ trước; quá " + std::to_string(max_age / 86400) + " ngày là cảnh báo)"};
  if (age > max_age) r.status = Status::warning;
  return r;
}

std::string window_text(const WindowStatus& w) {
  std::string s = w.window->name + " " + format_clock(w.window->start_minute) + "-" +
                  format_clock(w.window->end_minute) + " " + std::string(to_string(w.state));
  if (w.state == WindowState::met || w.state == WindowState::missed) s += " (" + std::to_string(w.publications) + ")";
  return s;
}

std::string window_text_vi(const WindowStatus& w) {
  const std::string& n = w.window->name;
  std::string s = n == "morning" ? "buổi sáng" : n == "afternoon" ? "buổi chiều" : n;
  s += " " + format_clock(w.window->start_minute) + "-" + format_clock(w.window->end_minute) + " ";
  switch (w.state) {
    case WindowState::not_required: s += "không bắt buộc"; break;
    case WindowState::upcoming: s += "chưa đến giờ"; break;
    case WindowState::open: s += "đang mở, chưa có bài"; break;
    case WindowState::met: s += "đã có " + std::to_string(w.publications) + " bài"; break;
    case WindowState::missed: s += "đã đóng mà không có bài nào"; break;
  }
  return s;
}

void cadence_metrics(Registry& m, const DayStatus& day) {
  m.gauge("portald_cadence_working_day", "1 when today is a working day for the cadence check.")
      .set(day.working ? 1 : 0);
  for (const WindowStatus& w : day.windows) {
    m.gauge("portald_cadence_window_publications", "Articles published in today's cadence window so far.",
            {{"window", w.window->name}})
        .set(static_cast<double>(w.publications));
    for (const WindowState s :
         {WindowState::not_required, WindowState::upcoming, WindowState::open, WindowState::met, WindowState::missed})
      m.gauge("portald_cadence_window_state", "Today's state of each cadence window (one-hot).",
              {{"window", w.window->name}, {"state", std::string(to_string(s))}})
          .set(w.state == s ? 1 : 0);
  }
}

}  // namespace

CheckSettings check_settings(const config::Config& config) {
  CheckSettings s;
  s.data_dir = config.data_dir;
  s.backup_dir = config.backup_dir;
  s.min_free_bytes = config.min_free_space;
  s.holidays_file = config.holidays_file;
  s.cadence.calendar.working_days = config.working_days.mask;
  if (config.working_days.mask) {
    s.cadence.windows = {{"morning", config.cadence_morning.start_minute, config.cadence_morning.end_minute},
                         {"afternoon", config.cadence_afternoon.start_minute, config.cadence_afternoon.end_minute}};
  }
  return s;
}

std::size_t count_publications(const store::Store& store, model::UnixTime from, model::UnixTime to) {
  if (to <= from) return 0;
  const store::ReadTxn txn = store.read();
  store::Cursor cursor(txn, store.tables().articles_published);
  const std::string end = store::be64(store::time_key(to));
  std::size_t n = 0;
  // Bounded: the check only needs "any", the metric shows up to a thousand.
  for (bool ok = cursor.seek(store::be64(store::time_key(from))); ok && cursor.key() < end && n < 1000;
       ok = cursor.next())
    ++n;
  return n;
}

SlowChecks::SlowChecks(const store::Store& store, CheckSettings settings, Monitor& monitor)
    : store_(store), settings_(std::move(settings)), monitor_(monitor) {
  reload_holidays();
}

void SlowChecks::reload_holidays() {
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(settings_.holidays_file, ec);
  if (ec) {
    if (holidays_mtime_ != std::filesystem::file_time_type{})
      log::notice("cadence.holidays_missing", {{"file", settings_.holidays_file.string()}});
    holidays_mtime_ = {};
    settings_.cadence.calendar.holidays.clear();
    settings_.cadence.calendar.extra_working_days.clear();
    holidays_problem_.clear();
    return;
  }
  if (mtime == holidays_mtime_) return;
  holidays_mtime_ = mtime;
  std::ifstream in(settings_.holidays_file);
  std::ostringstream text;
  text << in.rdbuf();
  HolidayList list = parse_holidays(text.str(), settings_.holidays_file.string());
  settings_.cadence.calendar.holidays = std::move(list.holidays);
  settings_.cadence.calendar.extra_working_days = std::move(list.extra_working_days);
  holidays_problem_.clear();
  if (!list.errors.empty()) {
    holidays_problem_ = list.errors.front() +
                        (list.errors.size() > 1 ? " (and " + std::to_string(list.errors.size() - 1) + " more)" : "");
    for (const auto& e : list.errors) log::warning("cadence.holidays_invalid", {{"error", e}});
  }
  log::info("cadence.holidays_loaded", {{"file", settings_.holidays_file.string()},
                                        {"holidays", settings_.cadence.calendar.holidays.size()},
                                        {"worked_days", settings_.cadence.calendar.extra_working_days.size()}});
}

CheckResult SlowChecks::cadence(model::UnixTime now) {
  if (settings_.cadence.windows.empty())
    return {"cadence", Status::unknown, "off (working-days = none)", "Đã tắt (working-days = none)"};
  reload_holidays();
  const DayStatus day = evaluate_day(settings_.cadence, now, [this](model::UnixTime a, model::UnixTime b) {
    return count_publications(store_, a, b);
  });
  cadence_metrics(monitor_.metrics, day);
  const std::string date = model::format_iso_date(day.day);
  for (const WindowStatus& w : day.windows) {
    if (w.state != WindowState::missed) continue;
    const std::pair key{day.day, w.window->name};
    if (std::find(alerted_.begin(), alerted_.end(), key) != alerted_.end()) continue;
    alerted_.push_back(key);
    monitor_.metrics
        .counter("portald_cadence_missed_windows_total", "Cadence windows that closed with no publication.",
                 {{"window", w.window->name}})
        .inc();
    log::warning("cadence.window_missed", {{"date", date},
                                           {"window", w.window->name},
                                           {"opens", format_clock(w.window->start_minute)},
                                           {"closes", format_clock(w.window->end_minute)}});
  }
  std::erase_if(alerted_, [&](const auto& k) { return k.first < day.day; });

  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kDaysVi[] = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
  const model::UnixTime midnight = model::UnixTime(day.day) * 86400 - settings_.cadence.offset_seconds;
  CheckResult r{
      "cadence", Status::ok, date + " " + kDays[weekday(day.day)],
      std::string(kDaysVi[weekday(day.day)]) + " " + model::format_date_vn(midnight, settings_.cadence.offset_seconds)};
  if (!day.working) {
    r.detail += ": not a working day";
    r.detail_vi += ": không phải ngày làm việc";
  } else {
    for (std::size_t i = 0; i < day.windows.size(); ++i) {
      r.detail += (i ? ", " : ": ") + window_text(day.windows[i]);
      r.detail_vi += (i ? ", " : ": ") + window_text_vi(day.windows[i]);
    }
  }
  if (day.any_missed()) r.status = Status::warning;
  if (!holidays_problem_.empty()) {
    r.status = Status::warning;
    r.detail += "; holidays file: " + holidays_problem_;
    r.detail_vi += "; tệp ngày nghỉ có dòng sai: " + holidays_problem_;
  }
  return r;
}

Report SlowChecks::run(model::UnixTime now) {
  Report report;
  report.at = now;
  Registry& metrics = monitor_.metrics;
  report.checks.push_back(disk_check(metrics, "data", settings_.data_dir, settings_.min_free_bytes));
  if (!settings_.backup_dir.empty())
    report.checks.push_back(disk_check(metrics, "backup", settings_.backup_dir, settings_.min_free_bytes));
  for (const auto& [name, path] : monitor_.hooks.watched_disks())
    report.checks.push_back(disk_check(metrics, name, path, settings_.min_free_bytes));
  try {
    report.checks.push_back(map_check(store_, settings_.map_warn_ratio));
    report.checks.push_back(cadence(now));
    // The backup job records its outcome in the store: read it here, so an overdue snapshot warns in
    // the log and in /metrics even when nobody asks /healthz.
    const store::ReadTxn txn = store_.read();
    if (const auto backups = store::get_backup_state(txn, store_.tables()); backups.last_snapshot)
      monitor_.hooks.report_snapshot(backups.last_snapshot->at);
  } catch (const std::exception& e) {
    // A failing store is the watchdog gate's business; here it only must not end the thread.
    report.checks.push_back(
        {"store", Status::warning, e.what(), std::string("Không đọc được kho dữ liệu: ") + e.what()});
  }
  report.checks.push_back(memory_check(metrics));
  run_tasks(now);
  const Reported reported = monitor_.hooks.reported();
  report.checks.push_back(index_check(reported, now, settings_.index_max_lag));
  report.checks.push_back(snapshot_check(reported, now, settings_.snapshot_max_age));

  for (const CheckResult& c : report.checks) {
    metrics.gauge("portald_health_check_warning", "1 while a slow health check warns.", {{"check", c.name}})
        .set(c.status == Status::warning ? 1 : 0);
    const auto before =
        std::find_if(last_.begin(), last_.end(), [&](const CheckResult& l) { return l.name == c.name; });
    const bool was_warning = before != last_.end() && before->status == Status::warning;
    if (c.status == Status::warning && !was_warning)
      log::warning("health.check_warning", {{"check", c.name}, {"detail", c.detail}});
    if (c.status != Status::warning && was_warning)
      log::info("health.check_recovered", {{"check", c.name}, {"detail", c.detail}});
  }
  last_ = report.checks;
  return report;
}

void SlowChecks::run_tasks(model::UnixTime now) {
  task_runs_.resize(settings_.tasks.size(), 0);
  for (std::size_t i = 0; i < settings_.tasks.size(); ++i) {
    const PeriodicTask& task = settings_.tasks[i];
    if (task_runs_[i] != 0 && now >= task_runs_[i] && now - task_runs_[i] < task.every) continue;
    task_runs_[i] = now;
    try {
      task.run(now, settings_.cadence);
    } catch (const std::exception& e) {
      log::warning("health.task_failed", {{"task", task.name}, {"what", e.what()}});
    }
  }
}

CheckLoop::CheckLoop(const store::Store& store, CheckSettings settings, Monitor& monitor)
    : monitor_(monitor),
      checks_(store, std::move(settings), monitor),
      thread_([this](std::stop_token stop) { run(stop); }) {}

CheckLoop::~CheckLoop() {
  thread_.request_stop();
  thread_.join();
  monitor_.checks.publish(nullptr);
}

void CheckLoop::run(std::stop_token stop) {
  // News wakes the loop no sooner than this after a run: a busy indexer that keeps catching up must not
  // keep the checks running.
  constexpr std::chrono::seconds kNewsGap{1};
  while (!stop.stop_requested()) {
    const model::UnixTime now = model::now();
    // Taken before the run: news that arrives while the checks run makes the loop go again.
    const std::uint64_t seen = monitor_.hooks.news();
    try {
      monitor_.checks.publish(std::make_shared<const Report>(checks_.run(now)));
    } catch (const std::exception& e) {
      log::error("health.checks_failed", {{"what", e.what()}});
    }
    // Wake at the next interval, or just after a cadence window opens or closes if that comes first.
    auto wait = std::chrono::seconds(checks_.settings().interval);
    if (const auto boundary = next_boundary(checks_.settings().cadence, now))
      wait = std::min(wait, std::chrono::seconds(*boundary - now + 1));
    const auto gap = std::min(wait, kNewsGap);
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, stop, gap, [] { return false; });
    }
    monitor_.hooks.wait_for_news(stop, wait - gap, seen);  // returns at once when stopped
  }
}

}  // namespace portald::health
