#pragma once
// Field checks shared by the JSON Lines importers. Each returns the cleaned value or throws FieldError,
// which the importer reports as FILE:LINE: field: reason.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace portald::cli {

class FieldError : public std::runtime_error {
 public:
  FieldError(std::string field, const std::string& reason) : std::runtime_error(reason), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// A string field, NFC-normalised and trimmed, at most max_chars code points. Absent or null gives
// std::nullopt when optional, FieldError when required; an empty string after trimming counts as absent.
std::optional<std::string> text_field(const nlohmann::json& obj, const char* name, std::size_t max_chars,
                                      bool required);
// "id": integer or non-empty string, as text; std::nullopt when absent.
std::optional<std::string> source_id_field(const nlohmann::json& obj);

}  // namespace portald::cli
