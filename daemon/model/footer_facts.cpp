#include "daemon/model/footer_facts.hpp"

#include <utf8proc.h>

#include <cctype>
#include <charconv>

#include "daemon/model/time.hpp"

namespace portald::model {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::optional<int> number(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 4) return std::nullopt;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string iso_date_to_vn(std::string_view iso) {
  if (!parse_iso_date(iso)) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" + std::string(iso.substr(0, 4));
}

bool looks_like_person_name(std::string_view text) {
  if (text.empty() || text.size() > 100) return false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  int words = 0;
  bool in_word = false;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
    if (cp == ' ') {
      in_word = false;
      continue;
    }
    const auto category = utf8proc_category(cp);
    const bool letter = category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
    const bool mark = category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME;
    if (!letter && !mark && cp != '.' && cp != '-' && cp != '\'') return false;
    // Every word of a Vietnamese name starts with a capital: "Nguyễn Văn An", never "Chánh Văn phòng".
    if (!in_word && !utf8proc_isupper(cp)) return false;
    if (!in_word) ++words;
    in_word = true;
  }
  return words >= 2 && words <= 7;
}

bool looks_like_licence_number(std::string_view text) {
  if (text.empty() || text.size() > 60) return false;
  bool digit = false;
  for (const char ch : text) {
    if (is_space(ch) || ch == '\n' || ch == '\r') return false;
    digit = digit || std::isdigit(static_cast<unsigned char>(ch));
  }
  return digit;
}

std::optional<std::string> normalise_date(std::string_view text) {
  if (parse_iso_date(text)) return std::string(text);
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto d = number(text.substr(0, first));
  const auto m = number(text.substr(first + 1, second - first - 1));
  const auto y = number(text.substr(second + 1));
  if (!d || !m || !y || *y < 1000) return std::nullopt;
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string iso = std::to_string(*y) + "-" + two(*m) + "-" + two(*d);
  if (!parse_iso_date(iso)) return std::nullopt;
  return iso;
}

std::string responsible_line(const SiteSettings& s) {
  if (s.responsible_person.empty()) return s.responsible_title;
  if (s.responsible_title.empty()) return s.responsible_person;
  return s.responsible_person + ", " + s.responsible_title;
}

}  // namespace portald::model
