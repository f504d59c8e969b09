#include "daemon/questions/submission_guard.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>

namespace portald::questions {
namespace {

std::string mac_hex(const backup::SecretBuffer& key, std::string_view message) {
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.data());
  return backup::to_hex(mac, sizeof mac);
}

}  // namespace

std::string verdict_message(Verdict v, const FormWords& w) {
  const std::string thing(w.thing), start(w.thing_start), button(w.button);
  switch (v) {
    case Verdict::ok: return "";
    case Verdict::honeypot:
      return "Không gửi được " + thing + ". Vui lòng kiểm tra lại nội dung rồi bấm " + button + ".";
    case Verdict::too_fast:
      return start + " được gửi quá nhanh sau khi mở trang. Vui lòng đọc lại nội dung rồi bấm " + button + " lần nữa.";
    case Verdict::stale_form:
      return "Biểu mẫu đã hết hạn. Nội dung bạn nhập vẫn được giữ nguyên: vui lòng bấm " + button + " lần nữa.";
    case Verdict::address_limited:
      return "Bạn đã gửi nhiều " + thing +
             " trong thời gian ngắn. Vui lòng thử lại sau một giờ; nội dung bạn nhập vẫn được giữ nguyên.";
    case Verdict::global_limited:
      return "Hệ thống đang nhận quá nhiều " + thing +
             ". Vui lòng thử lại sau ít phút; nội dung bạn nhập vẫn được giữ nguyên.";
  }
  return "";
}

int verdict_status(Verdict v) { return v == Verdict::address_limited || v == Verdict::global_limited ? 429 : 422; }

SubmissionGuard::SubmissionGuard(GuardLimits limits) : limits_(limits), key_(crypto_auth_KEYBYTES) {
  backup::init_sodium();
  crypto_auth_keygen(key_.data());
}

std::string SubmissionGuard::issue_token(model::UnixTime now) const {
  const std::string t = std::to_string(now);
  return t + "." + mac_hex(key_, t);
}

bool SubmissionGuard::allow(std::map<std::string, std::vector<model::UnixTime>, std::less<>>& counts,
                            std::string_view address, model::UnixTime now, int window, std::size_t limit) {
  if (counts.size() >= limits_.addresses_tracked) {
    std::erase_if(counts, [&](const auto& kv) { return kv.second.empty() || kv.second.back() <= now - window; });
    if (counts.size() >= limits_.addresses_tracked) counts.clear();  // a flood from many addresses: start over
  }
  auto it = counts.find(address);
  if (it == counts.end()) it = counts.emplace(std::string(address), std::vector<model::UnixTime>{}).first;
  auto& times = it->second;
  std::erase_if(times, [&](model::UnixTime t) { return t <= now - window; });
  if (times.size() >= limit) return false;
  times.push_back(now);
  return true;
}

Verdict SubmissionGuard::admit(std::string_view token, bool honeypot_filled, std::string_view address,
                               model::UnixTime now) {
  if (honeypot_filled) return Verdict::honeypot;
  const auto dot = token.find('.');
  model::UnixTime issued = 0;
  if (dot == std::string_view::npos) return Verdict::stale_form;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + dot, issued);
  if (ec != std::errc() || end != token.data() + dot) return Verdict::stale_form;
  const std::string expected = mac_hex(key_, token.substr(0, dot));
  const std::string_view given = token.substr(dot + 1);
  if (given.size() != expected.size() || sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return Verdict::stale_form;
  if (now - issued > limits_.max_form_age_seconds) return Verdict::stale_form;
  if (now - issued < limits_.min_fill_seconds) return Verdict::too_fast;
  return count_submission(address, now);
}

Verdict SubmissionGuard::admit_api(std::string_view address, model::UnixTime now) {
  return count_submission(address, now);
}

Verdict SubmissionGuard::count_submission(std::string_view address, model::UnixTime now) {
  const std::lock_guard lock(mutex_);
  std::erase_if(global_, [&](model::UnixTime t) { return t <= now - 60; });
  if (global_.size() >= limits_.global_per_minute) return Verdict::global_limited;
  if (!allow(submissions_, address, now, limits_.address_window_seconds, limits_.per_address))
    return Verdict::address_limited;
  global_.push_back(now);
  return Verdict::ok;
}

bool SubmissionGuard::admit_lookup(std::string_view address, model::UnixTime now) {
  const std::lock_guard lock(mutex_);
  return allow(lookups_, address, now, 60, limits_.lookups_per_address);
}

}  // namespace portald::questions
