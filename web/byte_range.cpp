#include "web/byte_range.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace portald::web {
namespace {

std::optional<std::size_t> number(std::string_view digits) {
  std::size_t v = 0;
  if (digits.empty()) return std::nullopt;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return v;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

RangeAnswer read_range(std::optional<std::string_view> header, std::size_t size) {
  if (!header) return {};
  std::string_view spec = trimmed(*header);
  if (!spec.starts_with("bytes=")) return {};
  spec = trimmed(spec.substr(6));
  if (spec.find(',') != std::string_view::npos) return {};
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  const auto first = number(trimmed(spec.substr(0, dash)));
  const auto last = number(trimmed(spec.substr(dash + 1)));
  if (!first) {  // "-N": the last N bytes
    if (!last || *last == 0) return last ? RangeAnswer{RangeVerdict::unsatisfiable, {}} : RangeAnswer{};
    if (size == 0) return {RangeVerdict::unsatisfiable, {}};
    return {RangeVerdict::partial, {size - std::min(*last, size), size - 1}};
  }
  if (!trimmed(spec.substr(dash + 1)).empty() && (!last || *last < *first)) return {};
  if (*first >= size) return {RangeVerdict::unsatisfiable, {}};
  return {RangeVerdict::partial, {*first, last ? std::min(*last, size - 1) : size - 1}};
}

void answer_range(Response& r, std::optional<std::string_view> range, std::optional<std::string_view> if_range) {
  r.headers.emplace_back("Accept-Ranges", "bytes");
  if (r.status != 200 || if_range) return;
  const std::size_t size = r.body.size();
  const RangeAnswer a = read_range(range, size);
  if (a.verdict == RangeVerdict::whole) return;
  if (a.verdict == RangeVerdict::unsatisfiable) {
    r.status = 416;
    r.body.clear();
    r.headers.emplace_back("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  r.status = 206;
  r.headers.emplace_back("Content-Range", "bytes " + std::to_string(a.range.first) + "-" +
                                              std::to_string(a.range.last) + "/" + std::to_string(size));
  r.body = r.body.substr(a.range.first, a.range.last - a.range.first + 1);
}

}  // namespace portald::web
