#pragma once
// Templates and static files: compiled into the binary, or read from a share directory on disk when
// one is present (an operator's customised templates win over the built-in ones).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portald::web {

struct EmbeddedAsset {
  std::string_view path;  // "templates/home.tpl", "static/portal.css"
  std::string_view bytes;
};
const std::vector<EmbeddedAsset>& embedded_assets();

class Assets {
 public:
  // Loads every embedded asset, then overlays files found under share_dir/templates and share_dir/static.
  explicit Assets(const std::filesystem::path& share_dir);
  // Bytes of an asset by its relative path, std::nullopt when absent.
  std::optional<std::string_view> find(std::string_view path) const;
  // Paths below a prefix ("templates/").
  std::vector<std::string> list(std::string_view prefix) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

// Content-Type for a static file by its extension.
std::string_view content_type_for(std::string_view path);

}  // namespace portald::web
