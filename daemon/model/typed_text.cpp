#include "daemon/model/typed_text.hpp"

#include <algorithm>

#include "daemon/model/text.hpp"

namespace portald::model {

std::optional<std::string> clean_typed_text(std::string_view raw, bool multi_line) {
  auto nfc = to_nfc(raw);
  if (!nfc) return std::nullopt;
  std::string out;
  for (const char c : *nfc) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\r') continue;
    if (c == '\n' || c == '\t') {
      out += multi_line ? c : ' ';
      continue;
    }
    if (u < 0x20 || u == 0x7f) return std::nullopt;
    out += c;
  }
  return std::string(trim(out));
}

std::optional<std::string> length_problem(std::string_view value, std::size_t min, std::size_t max,
                                          std::string_view label) {
  const std::size_t n = count_code_points(value);
  if (min > 0 && n == 0) return "Vui lòng nhập " + std::string(label) + ".";
  if (n < min) return std::string(label) + " quá ngắn (ít nhất " + std::to_string(min) + " ký tự).";
  if (n > max) return std::string(label) + " quá dài (tối đa " + std::to_string(max) + " ký tự).";
  return std::nullopt;
}

void check_typed_text(std::string& value, bool multi_line, std::size_t min, std::size_t max, std::string_view label,
                      std::vector<std::string>& errors) {
  const auto c = clean_typed_text(value, multi_line);
  if (!c) {
    errors.push_back(std::string(label) + " chứa ký tự không hợp lệ.");
    return;
  }
  value = *c;
  if (auto problem = length_problem(value, min, max, label)) errors.push_back(std::move(*problem));
}

bool valid_email(std::string_view e) {
  const auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = e.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return false;
  return std::all_of(e.begin(), e.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '<' && c != '>' && c != '"' && c != ',' && c != ';' && c != '\\';
  });
}

bool valid_phone(std::string_view p) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '.' || c == '-' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 9 && digits <= 12;
}

std::string paragraphs_html(std::string_view text) {
  std::string out = "<p>";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n':
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
          out += "</p><p>";
        } else {
          out += "<br>";
        }
        break;
      default: out += c;
    }
  }
  return out + "</p>";
}

}  // namespace portald::model
