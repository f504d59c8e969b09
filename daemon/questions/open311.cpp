#include "daemon/questions/open311.hpp"

#include "daemon/model/text.hpp"

namespace portald::questions::open311 {
namespace {

// The byte length of the first `n` code points of valid UTF-8.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t cp = 0; i < s.size() && cp < n; ++cp) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

std::string service_code(std::string_view field) { return model::slugify(field); }

std::optional<model::QuestionField> field_by_code(const model::QuestionSettings& s, std::string_view code) {
  if (code.empty()) return std::nullopt;
  for (const auto& f : s.fields)
    if (service_code(f.name) == code) return f;
  return std::nullopt;
}

std::string_view status_of(model::QuestionState s) { return model::answer_pending(s) ? "open" : "closed"; }

std::optional<StatusFilter> parse_status_filter(std::string_view text) {
  if (model::trim(text).empty()) return StatusFilter{};
  StatusFilter f{false, false};
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto word = model::trim(text.substr(0, comma));
    if (word == "open")
      f.open = true;
    else if (word == "closed")
      f.closed = true;
    else
      return std::nullopt;
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return f;
}

std::string derived_title(std::string_view description) {
  std::string_view t = model::trim(description);
  t = model::trim(t.substr(0, t.find('\n')));
  // The first sentence, when it is long enough to say something.
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i + 1] == ' ' &&
        model::count_code_points(t.substr(0, i)) >= 20) {
      t = t.substr(0, t[i] == '.' ? i : i + 1);
      break;
    }
  }
  constexpr std::size_t kMax = 120;  // well under kTitleMax: a title, not the text again
  if (model::count_code_points(t) <= kMax) return std::string(t);
  std::string_view cut = t.substr(0, prefix_bytes(t, kMax - 1));
  if (const auto space = cut.rfind(' '); space != std::string_view::npos && space > cut.size() / 2)
    cut = cut.substr(0, space);
  return std::string(model::trim(cut)) + "…";
}

std::string full_name(std::string_view first_name, std::string_view last_name) {
  const auto first = model::trim(first_name), last = model::trim(last_name);
  if (first.empty()) return std::string(last);
  if (last.empty()) return std::string(first);
  return std::string(last) + " " + std::string(first);
}

}  // namespace portald::questions::open311
