#include "daemon/mail/compose.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <ctime>

#include "daemon/mail/address.hpp"
#include "daemon/mail/header_text.hpp"
#include "daemon/model/text.hpp"

namespace portald::mail {
namespace {

constexpr std::size_t kMaxSubject = 300, kMaxName = 200, kMaxBody = std::size_t(1) << 20;

// The body in canonical form (CR LF line ends, RFC 2045 2.10) before base64, ending in a line end.
std::string canonical_lines(std::string_view body) {
  std::string out;
  out.reserve(body.size() + body.size() / 40 + 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

// "Name <address>" or the bare address; the address goes on a continuation line after a long name.
std::string mailbox(std::string_view name, std::string_view address) {
  if (name.empty()) return std::string(address);
  const std::string phrase = encode_phrase(name);
  const bool long_line = phrase.size() + address.size() + 10 > 78 || phrase.find('\n') != std::string::npos;
  return phrase + (long_line ? "\n <" : " <") + std::string(address) + ">";
}

bool is_message_id(std::string_view id) {
  if (id.size() < 5 || id.size() > 250 || id.front() != '<' || id.back() != '>') return false;
  return is_valid_address(id.substr(1, id.size() - 2));
}

std::string check(const Message& m, const Sender& from, std::string_view message_id) {
  if (!is_valid_address(from.address)) return "mail-from: not a valid e-mail address";
  if (!is_safe_header_text(from.name, kMaxName)) return "sender name: not one line of text up to 200 characters";
  if (auto error = check_message(m); !error.empty()) return error;
  if (!is_message_id(message_id)) return "message id: malformed";
  return "";
}

}  // namespace

std::string check_message(const Message& m) {
  if (!is_valid_address(m.to)) return "to: not a valid e-mail address";
  if (!is_safe_header_text(m.to_name, kMaxName)) return "to name: not one line of text up to 200 characters";
  if (model::trim(m.subject).empty()) return "subject: empty";
  if (!is_safe_header_text(m.subject, kMaxSubject)) return "subject: not one line of text up to 300 characters";
  if (m.body.size() > kMaxBody) return "body: larger than 1 MiB";
  if (!model::is_valid_utf8(m.body) || m.body.find('\0') != std::string::npos) return "body: not UTF-8 text";
  return "";
}

Composed compose(const Message& m, const Sender& from, model::UnixTime date, std::string_view message_id) {
  if (auto error = check(m, from, message_id); !error.empty()) return {.text = "", .error = std::move(error)};
  std::string text;
  text += "From: " + mailbox(from.name, from.address) + "\n";
  text += "To: " + mailbox(m.to_name, m.to) + "\n";
  text += "Subject: " + encode_unstructured(m.subject) + "\n";
  text += "Date: " + format_mail_date(date) + "\n";
  text += "Message-ID: " + std::string(message_id) + "\n";
  text += "MIME-Version: 1.0\n";
  text += "Content-Type: text/plain; charset=UTF-8\n";
  text += "Content-Transfer-Encoding: base64\n";
  // RFC 3834: a notice, not a person writing; vacation responders stay quiet.
  text += "Auto-Submitted: auto-generated\n";
  text += "\n";
  text += base64_lines(canonical_lines(m.body));
  return {.text = std::move(text), .error = ""};
}

std::string make_message_id(std::string_view from_address) {
  std::array<unsigned char, 16> random{};
  randombytes_buf(random.data(), random.size());
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  return "<" + std::string(hex.data(), 32) + "@" + std::string(address_domain(from_address)) + ">";
}

std::string format_mail_date(model::UnixTime t) {
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t local = static_cast<std::time_t>(t + model::kVietnamOffsetSeconds);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0700", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return out;
}

}  // namespace portald::mail
