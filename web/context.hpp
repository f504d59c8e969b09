#pragma once
// What every handler may use: the store, templates, static assets, the daemon's health monitor and
// login limits, and process facts. run_daemon owns everything referenced here.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "daemon/config/address_list.hpp"
#include "daemon/health/cadence.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"
#include "web/assets.hpp"
#include "web/templates.hpp"

namespace portald::search {
class SearchService;
}
namespace portald::health {
struct Monitor;
}
namespace portald::auth {
class LoginLimiter;
class HashPool;
}  // namespace portald::auth
namespace portald::secrets {
class PersonalDataKey;
}
namespace portald::questions {
class SubmissionGuard;
}
namespace portald::stats {
class VisitCounter;
}

namespace portald::web {

struct Context {
  const store::Store& store;
  const TemplateSet& templates;
  const Assets& assets;
  health::Monitor& monitor;           // metrics, request accounting, reports (daemon/health/monitor.hpp)
  auth::LoginLimiter& login_limiter;  // failed-login counters (login and second-factor pages)
  // Runs password checks and hashes off the HTTP workers, refusing beyond its queue (daemon/auth/hash_pool.hpp);
  // nullptr = inline (tests).
  auth::HashPool* hash_pool = nullptr;
  model::UnixTime started_at = 0;
  const char* version = "";
  std::string site_name;                          // config override of the stored portal name; "" = use the stored one
  const search::SearchService* search = nullptr;  // full-text search; nullptr = search answers 503
  std::size_t max_body = std::size_t(1) << 20;    // the server's body limit (max-body), told to the editor page
  std::size_t max_upload_body = std::size_t(256) << 20;          // the same for staff's uploads (max-upload-body)
  config::AddressList ops_allow = config::loopback_addresses();  // who reads /metrics and /healthz's details
  // Cache-Control of cached public pages (web/app.hpp public_cache_control; the cache-* options).
  std::string public_cache_control = "public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400";
  const secrets::PersonalDataKey* personal_data_key = nullptr;  // seals TOTP secrets; nullptr = no key file
  mail::Outbox outbox{};  // queues e-mail notices in a service's transaction; default: mail off
  // Citizens' questions (issue 12): the public form's anti-abuse, and the calendar of answer deadlines
  // (the cadence check's working days and holidays file). nullptr = the form answers 503.
  questions::SubmissionGuard* question_guard = nullptr;
  unsigned working_days = 0x1f;  // bit 0 = Monday
  std::filesystem::path holidays_file{};

  // The body limit the server applies to the upload routes' forms for staff (web/routes.hpp, BodySize).
  std::size_t upload_limit() const { return max_upload_body > max_body ? max_upload_body : max_body; }
  // The cadence check's windows (health::check_settings), for the cadence report (issue 13); empty = off.
  std::vector<health::Window> cadence_windows{};
  stats::VisitCounter* visits = nullptr;  // access statistics (issue 13); nullptr = not counted (visit-stats off)
};

}  // namespace portald::web
