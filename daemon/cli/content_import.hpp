#pragma once
// The two import kinds of ../shared/formats/import.md.
#include <filesystem>

#include "daemon/cli/importer.hpp"

namespace portald::cli {

ImportKind article_import_kind();
// Attachment paths in document lines are resolved against base_dir (the JSONL file's directory).
ImportKind document_import_kind(const std::filesystem::path& base_dir);

}  // namespace portald::cli
