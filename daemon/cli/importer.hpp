#pragma once
// The JSON Lines import engine shared by `import articles` and `import documents`
// (../shared/formats/import.md): validate the whole file first, write only if every line is good
// (or --skip-bad), stream with flat memory, report bad lines as FILE:LINE: field: reason.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>

#include "daemon/store/store.hpp"

namespace portald::cli {

struct ImportOptions {
  bool skip_bad = false;
  bool progress = false;         // draw a progress line on stderr (a terminal)
  std::size_t batch_size = 500;  // records per write transaction
  std::size_t max_line = 16 << 20;
  std::size_t max_reported = 1000;  // bad lines printed before "... and N more"
};

struct ImportReport {
  std::size_t lines = 0;  // non-blank lines seen
  std::size_t bad = 0;
  std::size_t created = 0;
  std::size_t updated = 0;
  bool written = false;  // false when bad lines stopped the import before any write
};

// One importer kind: checks a parsed line (throwing FieldError) without touching the store, then
// writes it in the caller's transaction, returning true when it created a record (false: updated).
struct ImportKind {
  const char* noun;  // "articles", "documents"
  std::function<void(const nlohmann::json& line)> validate;
  std::function<bool(store::WriteTxn&, const store::Tables&, const nlohmann::json& line)> write;
};

// Runs the two passes; messages go to `err`. Throws std::runtime_error when the file cannot be read.
ImportReport run_import(store::Store& store, const std::filesystem::path& file, const ImportKind& kind,
                        const ImportOptions& options, std::ostream& err);

}  // namespace portald::cli
