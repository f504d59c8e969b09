#include "daemon/daemon.hpp"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <optional>
#include <thread>

#include "build_info.hpp"
#include "daemon/accounts/sessions.hpp"
#include "daemon/auth/hash_pool.hpp"
#include "daemon/auth/login_limiter.hpp"
#include "daemon/auth/session.hpp"
#include "daemon/editorial/scheduler.hpp"
#include "daemon/health/checks.hpp"
#include "daemon/health/faults.hpp"
#include "daemon/health/monitor.hpp"
#include "daemon/log/log.hpp"
#include "daemon/mail/address.hpp"
#include "daemon/mail/courier.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/media/image_variants.hpp"
#include "daemon/media/variant_backfill.hpp"
#include "daemon/model/time.hpp"
#include "daemon/notify/notifier.hpp"
#include "daemon/purge/cache_nodes.hpp"
#include "daemon/purge/cache_purger.hpp"
#include "daemon/questions/question_upkeep.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/reports/agency_report_mail.hpp"
#include "daemon/reports/self_audit.hpp"
#include "daemon/reports/self_audit_metrics.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/stats/visit_counter.hpp"
#include "daemon/stats/visit_flusher.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/store.hpp"
#include "search/indexer.hpp"
#include "search/schema.hpp"
#include "search/search_service.hpp"
#include "web/app.hpp"
#include "web/server/http_server.hpp"

namespace portald {
namespace {

using namespace std::chrono_literals;

constexpr auto kDrainTimeout = 10s;
constexpr auto kSelfCheckTimeout = 2s;

class StartupError : public std::runtime_error {
  using runtime_error::runtime_error;
};

void check_data_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) throw StartupError("data dir " + dir.string() + " does not exist");
  if (!std::filesystem::is_directory(dir, ec)) throw StartupError("data dir " + dir.string() + " is not a directory");
  if (::access(dir.c_str(), R_OK | W_OK | X_OK) != 0)
    throw StartupError("data dir " + dir.string() + " is not writable by this user");
}

web::ServerLimits limits_from(const config::Config& c) {
  return web::ServerLimits{
      .threads = c.http_threads,
      .max_connections = c.max_connections,
      .max_connections_per_ip = c.max_connections_per_ip,
      .connection_timeout_s = c.connection_timeout,
      .header_timeout_s = c.header_timeout,
      .connection_memory = c.connection_memory,
      .max_body = c.max_body,
      .trusted_proxy =
          c.trusted_proxies.networks.empty()
              ? web::TrustedProxy{}
              : web::TrustedProxy([list = c.trusted_proxies](std::string_view a) { return list.contains(a); }),
      .access_log = web::make_access_sink(
          c.access_log, c.access_log_dir.empty() ? store::DataDir(c.data_dir).access_log_dir() : c.access_log_dir,
          c.access_log_keep_days)};
}

// The password-hash pool (issue 16): its size and queue from the config. The requests that hash run
// on it whole, their connections suspended (ServerLimits::offload), so no HTTP worker waits for a hash;
// admitted and refused jobs are counted in /metrics.
auth::HashPoolOptions hash_pool_options(const config::Config& c, health::Registry& metrics) {
  auto& admitted =
      metrics.counter("portald_password_hash_jobs_total",
                      "Password checks and hashes run on the hash pool, by outcome.", {{"outcome", "admitted"}});
  auto& refused =
      metrics.counter("portald_password_hash_jobs_total",
                      "Password checks and hashes run on the hash pool, by outcome.", {{"outcome", "refused"}});
  return {.threads = c.password_hash_threads,
          .queue = c.password_hash_queue,
          .on_submit = [&admitted, &refused](bool ok) { (ok ? admitted : refused).inc(); },
          .refuse_outside_callers = true};
}

// Health gate for the watchdog: no handler or store writer stuck for longer than `stuck_after`, a store
// read, and a request through the HTTP server itself.
std::optional<std::string> health_problem(const store::Store& store, web::HttpServer& server,
                                          const health::Liveness& liveness, health::Clock::duration stuck_after) {
  if (auto stuck = liveness.stuck_work(stuck_after)) return stuck;
  try {
    const store::ReadTxn txn = store.read();
    if (!store::stored_schema_version(txn, store.tables())) return "store: schema version missing";
  } catch (const std::exception& e) {
    return std::string("store: ") + e.what();
  }
  std::string why;
  if (!server.self_check(kSelfCheckTimeout, &why)) return "http: " + why;
  return std::nullopt;
}

// The personal-data key, when its file exists; TOTP secrets still in clear (stores from before it) are
// sealed at once. Without the file the portal serves, but no second factor can be set or checked (the
// pages say so); a file that is there but unreadable, open to others or malformed stops the start.
std::optional<secrets::PersonalDataKey> open_personal_data_key(const config::Config& config,
                                                               const store::Store& store) {
  std::error_code ec;
  if (!std::filesystem::exists(config.personal_data_key, ec)) {
    log::warning(
        "personal_data_key.missing",
        {{"path", config.personal_data_key.string()},
         {"effect", "no second factor can be enrolled or checked; create it with: portaldctl secrets keygen"}});
    return std::nullopt;
  }
  auto key = secrets::PersonalDataKey::load(config.personal_data_key);
  store::WriteTxn txn = store.write();
  const auto sealed = accounts::seal_clear_totp_secrets(txn, store.tables(), key);
  txn.commit();
  log::info("personal_data_key.loaded", {{"key_id", key.key_id()}, {"totp_secrets_sealed_now", sealed}});
  return key;
}

// Mail is on when `sendmail` is set: then mail-from must be an address and the program must be there
// (a typo would otherwise only show as notices that never arrive), or the start fails. Messages are
// sealed with the personal-data key, so without it nothing is queued (said once here, and per message).
mail::Outbox open_outbox(const config::Config& config, const secrets::PersonalDataKey* key) {
  if (config.sendmail.empty()) {
    log::notice("mail.off", {{"reason", "sendmail is not set"}});
    return mail::Outbox{};
  }
  if (!mail::is_valid_address(config.mail_from))
    throw StartupError("mail-from: \"" + config.mail_from +
                       "\" is not an e-mail address (required when sendmail is set)");
  if (::access(config.sendmail.c_str(), X_OK) != 0)
    throw StartupError("sendmail: " + config.sendmail.string() + " is not an executable program");
  if (!key)
    log::warning("mail.off",
                 {{"reason", "the personal-data key is missing; e-mail is sealed with it, so none is queued"}});
  else
    log::info("mail.on", {{"sendmail", config.sendmail.string()}, {"from", config.mail_from}});
  return mail::Outbox(key);
}

// The courier's settings: the configured program and sender, the portal's name, reports into /metrics.
mail::CourierOptions courier_options(const config::Config& config, const store::Store& store,
                                     health::Monitor& monitor) {
  std::string name = config.site_name;
  if (name.empty()) {
    const store::ReadTxn txn = store.read();
    name = store::get_site_settings(txn, store.tables()).portal_name;
  }
  auto& pending = monitor.metrics.gauge("portald_mail_queued", "E-mails waiting in the outbox for delivery.");
  auto& sent = monitor.metrics.counter("portald_mail_sent_total", "E-mails the sendmail program accepted.");
  auto& failed =
      monitor.metrics.counter("portald_mail_failed_total", "E-mails given up after their last attempt (logged).");
  return mail::CourierOptions{
      .sendmail = {.program = config.sendmail, .envelope_from = config.mail_from, .timeout = std::chrono::seconds(20)},
      .from = {.address = config.mail_from, .name = name},
      .period = std::chrono::seconds(2),
      .max_attempts = 12,
      .first_retry = std::chrono::seconds(5),
      .max_retry = std::chrono::seconds(3600),
      .report_pending = [&pending](std::uint64_t n) { pending.set(static_cast<double>(n)); },
      .report_sent = [&sent] { sent.inc(); },
      .report_failed = [&failed] { failed.inc(); }};
}

// Tells the monitor how many sign-in sessions are live (not yet idle or too old) in the store. A store
// that cannot be read is the health gate's business: the gauge then keeps its last value.
void report_sessions(const store::Store& store, health::Monitor& monitor) {
  try {
    const store::ReadTxn txn = store.read();
    monitor.hooks.report_sessions(auth::count_live_sessions(txn, store.tables(), model::now()));
  } catch (const std::exception&) {
  }
}

// Waits for a shutdown signal for up to `period`; returns the signal number, or 0 on timeout.
int wait_for_signal(std::chrono::milliseconds period) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(period);
  timespec ts{static_cast<time_t>(secs.count()), static_cast<long>((period - secs).count() * 1'000'000)};
  const int sig = sigtimedwait(&set, nullptr, &ts);
  return sig > 0 ? sig : 0;
}

void drain(web::HttpServer& server) {
  server.quiesce();
  const auto deadline = std::chrono::steady_clock::now() + kDrainTimeout;
  while (server.active_requests() > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
}

// The main loop after READY: waits for a signal with a timeout of half the watchdog interval (or 5 s),
// runs the health gate and pings the watchdog only when it passes, and reports the live sessions.
// Returns on SIGTERM or SIGINT.
// SIGHUP means nothing to portald (there is no reload: a restart re-reads the config); it stays blocked
// so its default action cannot kill the daemon, and it only wakes this loop for an early health check.
void watch_until_stop(notify::Notifier& notifier, const store::Store& store, web::HttpServer& server,
                      const search::Indexer& indexer, health::Monitor& monitor, const std::string& where) {
  const auto period = std::chrono::duration_cast<std::chrono::milliseconds>(
      notifier.watchdog_period().value_or(std::chrono::microseconds(5'000'000)));
  // Work unfinished after a whole watchdog interval (twice the ping period, at least 5 s) is stuck.
  const health::Clock::duration stuck_after = std::max<health::Clock::duration>(5s, 2 * period);
  bool healthy = true;
  std::string last_status = "Serving on " + where;
  for (;;) {
    const int sig = wait_for_signal(std::min(period, std::chrono::milliseconds(5000)));
    if (sig == SIGTERM || sig == SIGINT) {
      log::info("daemon.stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
      return;
    }
    report_sessions(store, monitor);
    auto problem = health_problem(store, server, monitor.liveness, stuck_after);
    if (!problem) problem = indexer.health_problem();
    if (problem) {
      // No ping: if this persists, systemd's watchdog restarts us.
      log::warning("health.failed", {{"reason", *problem}});
      notifier.status("Unhealthy: " + *problem);
    } else {
      if (notifier.watchdog_period()) notifier.watchdog();
      // A rebuild's progress shows in STATUS= ("...; search index rebuilding 45% (45000/100000)").
      const std::string search_state = indexer.describe();
      const std::string status = "Serving on " + where + (search_state.empty() ? "" : "; " + search_state);
      if (!healthy || status != last_status) notifier.status(status);
      last_status = status;
      if (!healthy) log::info("health.recovered");
    }
    healthy = !problem;
  }
}

}  // namespace

void block_shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int run_daemon(const config::Config& config) {
  const auto t0 = std::chrono::steady_clock::now();
  notify::Notifier notifier;
  // The daemon's health state (metrics, liveness, reports): everything below reports into it or reads
  // it, so it is made first and destroyed last.
  health::Monitor monitor;
  bool ready = false;  // a failure before READY=1 is a failed start, after it a failed daemon
  try {
    check_data_dir(config.data_dir);
    notifier.status("Opening store");
    store::Store store(config.data_dir, {.map_size = config.map_size, .create = false});
    const auto usage = store.usage();
    log::info("store.opened", {{"dir", store::DataDir(config.data_dir).store_dir().string()},
                               {"schema", store.schema_version()},
                               {"map_used_pct", static_cast<int>(usage.used_ratio() * 100)},
                               {"stale_readers_cleared", store.stale_readers_cleared()}});
    // libvips once, with its cache bounded, before anything may decode an image (issue 14).
    media::init_image_library();
    notifier.status("Making public copies of images");
    if (const auto made = media::make_missing_variants(store); made.made || made.failed || made.left)
      log::info("media.variants", {{"made", made.made}, {"failed", made.failed}, {"left", made.left}});

    const auto personal_data_key = open_personal_data_key(config, store);
    auth::LoginLimiter login_limiter(store);  // failed logins are kept in the store across restarts
    auth::HashPool hash_pool(hash_pool_options(config, monitor.metrics));
    questions::SubmissionGuard question_guard({.min_fill_seconds = int(config.question_min_fill_time),
                                               .max_form_age_seconds = 86400,
                                               .per_address = config.question_limit_per_address,
                                               .address_window_seconds = 3600,
                                               .global_per_minute = config.question_limit_global,
                                               .lookups_per_address = 30,
                                               .addresses_tracked = 10000});
    const mail::Outbox outbox = open_outbox(config, personal_data_key ? &*personal_data_key : nullptr);

    // Search: the indexer thread opens the index, or rebuilds it in the background when it is missing or
    // stale, beside the old one, which keeps answering; only a store that never had an index answers
    // 503 until the first build is done, while the rest of the site serves.
    notifier.status("Opening search index");
    search::Indexer indexer(store, search::index_dir(config.data_dir),
                            {.phrase_pairs = config.search_phrase_pairs == "on",
                             .shards = config.search_shards,
                             .report_lag = [&monitor](std::uint64_t pending, model::UnixTime oldest_at) {
                               monitor.hooks.report_index_lag(pending, oldest_at);
                             }});
    const search::SearchService search_service(
        search::index_dir(config.data_dir), &indexer.status(),
        {.concurrency = config.search_concurrency, .queue_wait = std::chrono::milliseconds(config.search_queue_wait)});

    // Access statistics (issue 13): views counted in memory, written every 2 s by the flusher, which is
    // made before the server and so stopped after it has drained, with a last write.
    std::optional<stats::VisitCounter> visits;
    std::optional<stats::VisitFlusher> visit_flusher;
    if (config.visit_stats == "on") {
      visits.emplace();
      visit_flusher.emplace(store, *visits, std::chrono::seconds(2));
    }

    const web::Assets assets(config.share_dir);
    const web::TemplateSet templates(assets);
    web::App app(web::Context{.store = store,
                              .templates = templates,
                              .assets = assets,
                              .monitor = monitor,
                              .login_limiter = login_limiter,
                              .hash_pool = &hash_pool,
                              .started_at = model::now(),
                              .version = build::version,
                              .site_name = config.site_name,
                              .search = &search_service,
                              .max_body = config.max_body,
                              .max_upload_body = config.max_upload_body,
                              .ops_allow = config.ops_allow,
                              .public_cache_control = web::public_cache_control(
                                  config.cache_max_age, config.cache_s_maxage, config.cache_stale_while_revalidate,
                                  config.cache_stale_if_error),
                              .personal_data_key = personal_data_key ? &*personal_data_key : nullptr,
                              .outbox = outbox,
                              .question_guard = &question_guard,
                              .working_days = config.working_days.mask,
                              .holidays_file = config.holidays_file,
                              .cadence_windows = health::check_settings(config).cadence.windows,
                              .visits = visits ? &*visits : nullptr});
    web::ServerLimits limits = limits_from(config);
    limits.body_limit = [&app](const web::Request& r) { return app.body_limit(r); };
    limits.offload_wanted = [&app](const web::Request& r) { return app.work(r) != web::Work::quick; };
    // A search that arrives while every slot is busy waits in the admission gate's queue, its connection
    // suspended, and runs on the gate's threads: counted and refused by that queue, never unread in a
    // socket behind a worker that waits (issue 17). With a slot free it runs on its worker.
    limits.offload = [&app, &hash_pool, &search_service](const web::Request& r, std::function<void()> job) {
      if (app.work(r) == web::Work::search) return search_service.gate().submit(std::move(job));
      return hash_pool.try_submit(std::move(job)).has_value();
    };
    web::HttpServer server(
        config.listen.host, config.listen.port, limits, [&app](web::Request& r) { return app.handle(r); },
        [&app](int status, std::string_view msg, const web::Request& r) { return app.error_response(status, msg, r); });

    // Purge on publish (issue 17): the cache nodes hear of every change from their own thread.
    std::optional<purge::CachePurger> purger;
    {
      std::string why;
      auto nodes = purge::parse_cache_nodes(config.cache_nodes, &why);
      if (!nodes) throw StartupError("cache-nodes: " + why);
      if (!nodes->empty()) purger.emplace(store, purge::PurgerOptions{.nodes = std::move(*nodes)}, monitor.metrics);
    }
    // Scheduled publishing: its first pass publishes whatever fell due while the daemon was down.
    const editorial::Scheduler scheduler(store, outbox);
    // E-mail delivery: the outbox is in the store, so the courier's first pass sends what waited.
    std::optional<mail::Courier> courier;
    if (outbox.enabled() && personal_data_key)
      courier.emplace(store, *personal_data_key, courier_options(config, store, monitor));
    // Citizens' questions: contacts kept only as long as set, and deadline e-mails.
    const questions::QuestionUpkeep question_upkeep(
        store, {.notices = {.outbox = outbox, .key = personal_data_key ? &*personal_data_key : nullptr},
                .working_days = config.working_days.mask,
                .holidays_file = config.holidays_file,
                .period = std::chrono::hours(1)});
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    // Slow checks (disk, map, memory, cadence...) warn from their own thread and never gate the pings.
    health::CheckSettings checks = health::check_settings(config);
    // The compliance self-audit (issue 13) in /metrics: computed there every five minutes, not per scrape.
    checks.tasks.push_back({"self_audit", reports::kSelfAuditMetricsEvery,
                            [&store, &monitor](model::UnixTime now, const health::CadencePolicy& cadence) {
                              const store::ReadTxn txn = store.read();
                              reports::publish_self_audit_metrics(
                                  reports::self_audit(txn, store.tables(), cadence, now), monitor.metrics);
                            }});
    // The month's report to each agency (issue 13), on the first of the next month.
    checks.tasks.push_back(
        {"agency_report_mail", 600, [&store, outbox](model::UnixTime now, const health::CadencePolicy& cadence) {
           reports::mail_agency_reports(store, outbox, cadence.calendar, now);
         }});
    const health::CheckLoop slow_checks(store, std::move(checks), monitor);
    report_sessions(store, monitor);
    const std::string where = config::ListenAddress{config.listen.host, server.port()}.to_string();
    log::info("daemon.ready", {{"listen", where}, {"version", build::version}, {"startup_ms", ms.count()}});
    notifier.ready("Serving on " + where);
    ready = true;

    watch_until_stop(notifier, store, server, indexer, monitor, where);
    notifier.stopping("Draining connections");
    indexer.stop();                 // it finishes its current batch while connections drain
    health::release_test_faults();  // test-only wedges end before the store closes
    drain(server);
  } catch (const std::exception& e) {
    log::error(ready ? "daemon.failed" : "startup.failed", {{"reason", e.what()}});
    return 1;
  }
  log::info("daemon.stopped");
  return 0;
}

}  // namespace portald
