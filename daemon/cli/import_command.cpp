#include <ostream>

#include "daemon/cli/command.hpp"
#include "daemon/cli/content_import.hpp"

namespace portald::cli {
namespace {

int run(CommandContext& c, const char* what, ImportKind (*make)(const std::filesystem::path&)) {
  ImportOptions options;
  options.skip_bad = take_flag(c.args, "--skip-bad");
  options.progress = c.terminal;
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl import " << what << " FILE.jsonl [--skip-bad]\n";
    return 2;
  }
  const std::filesystem::path file = c.args.front();
  store::Store store(c.config.data_dir, {.map_size = c.config.map_size});
  const ImportReport r = run_import(store, file, make(file.parent_path()), options, c.err);
  if (r.written)
    c.out << file.string() << ": " << r.created << " " << what << " created, " << r.updated << " updated"
          << (r.bad ? ", " + std::to_string(r.bad) + " bad lines skipped" : std::string()) << "\n";
  return r.bad > 0 ? 1 : 0;
}

}  // namespace

int cmd_import_articles(CommandContext& c) {
  return run(c, "articles", [](const std::filesystem::path&) { return article_import_kind(); });
}

int cmd_import_documents(CommandContext& c) { return run(c, "documents", document_import_kind); }

}  // namespace portald::cli
