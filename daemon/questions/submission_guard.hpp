#pragma once
// Anti-abuse for the citizens' form without third-party CAPTCHAs or scripts (issue 12): a signed form
// token that carries when the form was given out (too fast = a script; too old = fill it again), a
// honeypot field people never see, and rate limits per client address and for the whole portal. Kept
// in memory: a restart forgets the counts, which only gives a flood a fresh window, never loses a
// person's question (a refused form is shown again with what was typed).
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "backup/sodium.hpp"
#include "daemon/model/time.hpp"

namespace portald::questions {

struct GuardLimits {
  int min_fill_seconds = 5;           // a person needs longer than this to fill the form
  int max_form_age_seconds = 86400;   // a form older than this is given out again
  std::size_t per_address = 5;        // submissions per address per window
  int address_window_seconds = 3600;  //
  std::size_t global_per_minute = 60;
  std::size_t lookups_per_address = 30;   // tracking-code look-ups per address per minute
  std::size_t addresses_tracked = 10000;  // above this the oldest windows are dropped first
};

enum class Verdict { ok, honeypot, too_fast, stale_form, address_limited, global_limited };
// What a form's refusals call the thing sent and the button that sends it: one guard serves the
// citizens' questions and the news intake form (issue 16), and each speaks of its own.
struct FormWords {
  std::string_view thing = "câu hỏi";        // in a sentence
  std::string_view thing_start = "Câu hỏi";  // starting one
  std::string_view button = "Gửi câu hỏi";   // the submit button's label
};
inline constexpr FormWords kNewsWords{.thing = "tin bài", .thing_start = "Tin bài", .button = "Gửi tin bài"};
// Vietnamese message for a refused submission (the form is shown again with it).
std::string verdict_message(Verdict v, const FormWords& words = {});
// The HTTP status of a refusal: 422 for the form's own checks, 429 for the limits.
int verdict_status(Verdict v);

class SubmissionGuard {
 public:
  explicit SubmissionGuard(GuardLimits limits = {});
  // The token a new form carries: "SECONDS.MAC" (crypto_auth over the time under a key made at start).
  std::string issue_token(model::UnixTime now) const;
  // Checks a posted form; on ok the submission is counted against the limits.
  Verdict admit(std::string_view token, bool honeypot_filled, std::string_view address, model::UnixTime now);
  // Checks a submission that comes without a form (the Open311 API): the same per-address and global
  // limits, counted in the same windows as the form's, so the two doors share one budget per address.
  Verdict admit_api(std::string_view address, model::UnixTime now);
  // Counts a tracking-code look-up; false when this address looked up too many codes this minute.
  bool admit_lookup(std::string_view address, model::UnixTime now);
  const GuardLimits& limits() const { return limits_; }

 private:
  Verdict count_submission(std::string_view address, model::UnixTime now);
  bool allow(std::map<std::string, std::vector<model::UnixTime>, std::less<>>& counts, std::string_view address,
             model::UnixTime now, int window, std::size_t limit);
  GuardLimits limits_;
  backup::SecretBuffer key_;
  std::mutex mutex_;
  std::map<std::string, std::vector<model::UnixTime>, std::less<>> submissions_, lookups_;
  std::vector<model::UnixTime> global_;
};

}  // namespace portald::questions
