#include "web/assets.hpp"

#include <fstream>
#include <sstream>

namespace portald::web {

Assets::Assets(const std::filesystem::path& share_dir) {
  for (const auto& a : embedded_assets()) files_.emplace(std::string(a.path), std::string(a.bytes));
  std::error_code ec;
  for (const char* sub : {"templates", "static"}) {
    const auto dir = share_dir / sub;
    if (share_dir.empty() || !std::filesystem::is_directory(dir, ec)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      files_[std::filesystem::relative(entry.path(), share_dir).generic_string()] = bytes.str();
    }
  }
}

std::optional<std::string_view> Assets::find(std::string_view path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::vector<std::string> Assets::list(std::string_view prefix) const {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files_)
    if (path.starts_with(prefix)) out.push_back(path);
  return out;
}

std::string_view content_type_for(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> types[] = {{".css", "text/css; charset=utf-8"},
                                                                            {".js", "text/javascript; charset=utf-8"},
                                                                            {".svg", "image/svg+xml"},
                                                                            {".png", "image/png"},
                                                                            {".ico", "image/x-icon"},
                                                                            {".woff2", "font/woff2"},
                                                                            {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : types)
    if (path.ends_with(ext)) return type;
  return "application/octet-stream";
}

}  // namespace portald::web
