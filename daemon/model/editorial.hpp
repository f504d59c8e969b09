#pragma once
// What the admin keeps beside an article: its workflow state, every saved version, the audit trail.
#include <cstdint>
#include <string>

#include "daemon/model/article.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

// The workflow state of an article. While an article is live (its record is published or withdrawn) the
// record keeps serving readers and `state` is that of the pending version in `work_revision`.
struct EditorialState {
  std::uint64_t article_id = 0;
  ArticleStatus state = ArticleStatus::draft;
  std::string created_by{};           // username of the author (their "bị trả lại" queue)
  std::uint32_t work_revision = 0;  // the revision under work; 0 = the article record itself
  std::string reason{};               // last return/withdraw reason, shown to the author
  std::string last_actor{};
  UnixTime since = 0;               // when `state` was entered (queue age)
  UnixTime scheduled_at = 0;        // set while scheduled
};

// One saved version of an article's content.
struct Revision {
  std::uint64_t article_id = 0;
  std::uint32_t number = 0;
  std::string title{};
  std::string summary{};
  std::string body_html{};  // sanitised
  std::uint64_t category_id = 0;
  std::uint64_t agency_id = 0;
  std::string author{};
  bool featured = false;
  std::string saved_by{};
  UnixTime saved_at = 0;
  std::string note{};  // "restored from revision 3", ...
};

// One line of the append-only audit log (Nghị định 53/2022: kept at least 12 months).
struct AuditEntry {
  std::uint64_t seq = 0;
  UnixTime at = 0;
  std::string actor{};    // username, "" for the system (the scheduler)
  std::string action{};   // "login.ok", "login.failed", "article.submit", "user.role", "settings.site", ...
  std::string object{};   // "article/12", "user/lan", "settings/site"
  std::string from{};
  std::string to{};
  std::string reason{};
  std::string address{};  // client address
};

// A login session. Only a hash of its random token is stored.
struct Session {
  std::string username{};
  UnixTime created_at = 0;
  UnixTime last_seen = 0;
  std::string csrf{};            // per-session CSRF token (hex)
  bool second_factor_ok = false;
  std::string pending_totp{};    // secret offered on the enrolment page, until confirmed
};

}  // namespace portald::model
