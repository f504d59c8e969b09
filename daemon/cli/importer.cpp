#include "daemon/cli/importer.hpp"

#include <optional>
#include <ostream>

#include "daemon/cli/fields.hpp"
#include "daemon/cli/line_reader.hpp"
#include "daemon/model/text.hpp"

namespace portald::cli {
namespace {

struct LineProblem {
  std::string field;
  std::string reason;
};

// Parses and validates one line; std::nullopt when it is good. Blank lines never reach here.
std::optional<LineProblem> check_line(const std::string& line, bool too_long, const ImportOptions& o,
                                      const ImportKind& kind, nlohmann::json& parsed) {
  if (too_long) return LineProblem{"line", "longer than " + std::to_string(o.max_line) + " bytes"};
  try {
    parsed = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return LineProblem{"json", "invalid JSON (" + what + ")"};
  }
  if (!parsed.is_object()) return LineProblem{"json", "each line must be a JSON object"};
  try {
    kind.validate(parsed);
  } catch (const FieldError& e) {
    return LineProblem{e.field(), e.what()};
  }
  return std::nullopt;
}

class Progress {
 public:
  Progress(bool on, std::ostream& err, const char* what) : on_(on), err_(err), what_(what) {}
  void update(const LineReader& r) {
    if (!on_ || r.file_size() == 0) return;
    const int pct = static_cast<int>(100 * r.bytes_read() / r.file_size());
    if (pct == last_) return;
    last_ = pct;
    err_ << '\r' << what_ << ": " << pct << "% (" << r.line_number() << " lines)" << std::flush;
  }
  void done() {
    if (on_ && last_ >= 0) err_ << '\n';
  }

 private:
  bool on_;
  std::ostream& err_;
  const char* what_;
  int last_ = -1;
};

bool is_blank(const std::string& line) { return model::trim(line).empty(); }

}  // namespace

ImportReport run_import(store::Store& store, const std::filesystem::path& file, const ImportKind& kind,
                        const ImportOptions& options, std::ostream& err) {
  ImportReport report;
  nlohmann::json parsed;
  std::string line;
  bool too_long = false;

  // Pass 1: validate everything, write nothing.
  {
    LineReader reader(file, options.max_line);
    Progress progress(options.progress, err, "checking");
    while (reader.next(line, too_long)) {
      progress.update(reader);
      if (!too_long && is_blank(line)) continue;
      ++report.lines;
      if (auto problem = check_line(line, too_long, options, kind, parsed)) {
        if (++report.bad <= options.max_reported)
          err << file.string() << ':' << reader.line_number() << ": " << problem->field << ": " << problem->reason
              << '\n';
      }
    }
    progress.done();
  }
  if (report.bad > options.max_reported)
    err << "... and " << (report.bad - options.max_reported) << " more bad lines\n";
  if (report.bad > 0 && !options.skip_bad) {
    err << file.string() << ": " << report.bad << " bad line(s); nothing was imported (use --skip-bad to import the "
        << (report.lines - report.bad) << " good ones)\n";
    return report;
  }

  // Pass 2: write the good lines in batches, each batch one transaction. A killed import leaves only
  // whole batches behind, and re-running it updates them in place (ids are stable).
  LineReader reader(file, options.max_line);
  Progress progress(options.progress, err, kind.noun);
  std::optional<store::WriteTxn> txn;
  std::size_t in_batch = 0;
  while (reader.next(line, too_long)) {
    progress.update(reader);
    if ((!too_long && is_blank(line)) || check_line(line, too_long, options, kind, parsed)) continue;
    if (!txn) txn.emplace(store.write());
    (kind.write(*txn, store.tables(), parsed) ? report.created : report.updated)++;
    if (++in_batch >= options.batch_size) {
      txn->commit();
      txn.reset();
      in_batch = 0;
    }
  }
  if (txn) txn->commit();
  progress.done();
  report.written = true;
  return report;
}

}  // namespace portald::cli
