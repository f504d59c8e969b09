#include "daemon/cli/fields.hpp"

#include "daemon/model/text.hpp"

namespace portald::cli {

std::optional<std::string> text_field(const nlohmann::json& obj, const char* name, std::size_t max_chars,
                                      bool required) {
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    if (required) throw FieldError(name, "is required");
    return std::nullopt;
  }
  if (!it->is_string()) throw FieldError(name, "must be a string");
  const auto nfc = model::to_nfc(it->get_ref<const std::string&>());
  if (!nfc) throw FieldError(name, "contains a NUL character or invalid UTF-8");
  std::string value(model::trim(*nfc));
  if (value.empty()) {
    if (required) throw FieldError(name, "must not be empty");
    return std::nullopt;
  }
  if (model::count_code_points(value) > max_chars)
    throw FieldError(name, "is longer than " + std::to_string(max_chars) + " characters");
  return value;
}

std::optional<std::string> source_id_field(const nlohmann::json& obj) {
  const auto it = obj.find("id");
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_string()) return text_field(obj, "id", 200, true);
  throw FieldError("id", "must be an integer or a string");
}

}  // namespace portald::cli
