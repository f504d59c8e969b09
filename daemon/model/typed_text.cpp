#include "daemon/model/typed_text.hpp"

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

}  // namespace portald::model
