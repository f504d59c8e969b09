#pragma once
// The config file reader shared by parse_invocation and check_config_file (not a public header).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace portald::config {

// Applies every valid "key = value" line of `file` to config. Returns every error as
// "FILE:LINE: key: reason" ("FILE: reason" when the file cannot be read); empty when all is well.
std::vector<std::string> load_config_file(const std::filesystem::path& file, Config& config);
// The same for text already in memory, its errors named after `file_name` (the fuzz target's entry).
std::vector<std::string> apply_config_text(std::string_view text, const std::string& file_name, Config& config);

// `value` as the file syntax writes it: bare when that reads back the same, else double-quoted.
std::string file_value(const std::string& value);

}  // namespace portald::config
