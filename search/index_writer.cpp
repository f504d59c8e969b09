#include "search/index_writer.hpp"

#include <charconv>
#include <map>
#include <set>
#include <vector>

#include "daemon/store/change_log.hpp"
#include "daemon/store/lmdb.hpp"
#include "search/parallel_build.hpp"
#include "search/schema.hpp"

namespace portald::search {
namespace {

constexpr const char* kReady = "ready";
constexpr const char* kBuilding = "building";

std::string fingerprint(const store::Change& c) {
  return std::string(store::to_string(c.kind)) + ":" + std::to_string(c.id) + ":" +
         (c.op == store::ChangeOp::put ? "put" : "remove");
}

// The fingerprint of change `seq`, or "" when the log has no such entry.
std::string fingerprint_at(const store::Txn& txn, const store::Tables& t, std::uint64_t seq) {
  if (seq == 0) return {};
  const auto entries = store::changes_since(txn, t, seq - 1, 1);
  return entries.empty() || entries.front().seq != seq ? std::string() : fingerprint(entries.front());
}

std::uint64_t parse_u64(const std::string& text) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() ? v : 0;
}

// What the index keeps beside the document: its title words for "did you mean" and the display names
// of its filter values.
// `written` remembers names already set, so a rebuild writes each once.
void add_extras(Xapian::WritableDatabase& db, const BuiltItem& item, std::map<std::string, std::string>& written) {
  for (const auto& word : item.spelling) db.add_spelling(word);
  const auto name = [&](std::string_view prefix, const std::pair<std::string, std::string>& value) {
    if (value.first.empty()) return;
    std::string key = std::string(prefix) + value.first;
    auto [it, fresh] = written.try_emplace(key, value.second);
    if (!fresh && it->second == value.second) return;
    it->second = value.second;
    db.set_metadata(key, value.second);
  };
  name(meta::agency_name, item.agency);
  name(meta::doc_type_name, item.doc_type);
}

// Targets of the items that show the name of category/agency `id` (their stored data names it).
void add_dependents(Xapian::Database& db, std::string_view term_prefix, std::uint64_t id, std::set<Target>& out) {
  const std::string term = std::string(term_prefix) + std::to_string(id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    if (const auto item = decode_item(db.get_document(*it).get_data())) out.insert({item->kind, item->id});
}

Xapian::WritableDatabase open_database(const std::filesystem::path& dir, IndexWriter::Mode mode) {
  std::filesystem::create_directories(dir);
  const int how = mode == IndexWriter::Mode::overwrite ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
  try {
    return Xapian::WritableDatabase(dir.string(), how | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLocked("the search index " + dir.string() + " is locked by another process");
  }
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, Mode mode) : db_(open_database(dir, mode)) {}

IndexWriter::~IndexWriter() {
  try {
    db_.close();  // commits what is pending; every batch already committed its cursor with it
  } catch (const Xapian::Error&) {
    // Nothing left to save: every batch committed its documents with its cursor; a partial batch is
    // replayed from that cursor.
  }
}

std::optional<std::string> IndexWriter::needs_rebuild(const store::Txn& txn, const store::Tables& t) const {
  const std::string format = db_.get_metadata(meta::format);
  if (format.empty()) return "the index is new or empty";
  if (format != std::to_string(kIndexFormat))
    return "the index has format " + format + ", this portald writes format " + std::to_string(kIndexFormat);
  if (db_.get_metadata(meta::state) != kReady) return "an earlier rebuild did not finish";
  const std::uint64_t at = cursor();
  const std::uint64_t head = store::latest_change(txn, t);
  if (at > head)
    return "the index has seen change " + std::to_string(at) + " but the store's log ends at " + std::to_string(head) +
           " (was the store restored?)";
  if (at > 0 && fingerprint_at(txn, t, at) != db_.get_metadata(meta::cursor_change))
    return "the store's change " + std::to_string(at) + " is not the one the index saw (a different store?)";
  return std::nullopt;
}

bool IndexWriter::complete() const {
  return !db_.get_metadata(meta::format).empty() && db_.get_metadata(meta::state) == kReady;
}

bool IndexWriter::phrase_pairs() const { return db_.get_metadata(meta::phrase_pairs) == "on"; }

std::uint64_t IndexWriter::cursor() const { return parse_u64(db_.get_metadata(meta::cursor)); }

RebuildReport IndexWriter::rebuild(const store::Store& store, const RebuildOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  RebuildReport report;
  std::vector<Target> targets;
  std::string cursor_change;
  {
    // One snapshot: the cursor is its head, so every later change is replayed by follow() and none
    // is missed. Workers read later states; replaying those changes again is harmless.
    const store::ReadTxn txn = store.read();
    const auto& t = store.tables();
    report.cursor = store::latest_change(txn, t);
    cursor_change = fingerprint_at(txn, t, report.cursor);
    store::Cursor published(txn, t.articles_published);
    for (bool ok = published.first(); ok; ok = published.next()) {
      const auto key = published.key();
      targets.push_back({ItemKind::article, store::read_be64(key.substr(key.size() - 8))});
    }
    store::Cursor documents(txn, t.documents);
    for (bool ok = documents.first(); ok; ok = documents.next())
      targets.push_back({ItemKind::document, store::read_be64(documents.key())});
    // Section pages (public ones: pending revisions live elsewhere) and topics.
    store::Cursor pages(txn, t.pages);
    for (bool ok = pages.first(); ok; ok = pages.next())
      targets.push_back({ItemKind::page, store::read_be64(pages.key())});
    store::Cursor topics(txn, t.topics);
    for (bool ok = topics.first(); ok; ok = topics.next())
      targets.push_back({ItemKind::topic, store::read_be64(topics.key())});
    // Published citizens' questions: the index of them holds only published ones, keys end in be64(id).
    store::Cursor questions(txn, t.questions_published);
    for (bool ok = questions.first(); ok; ok = questions.next()) {
      const auto key = questions.key();
      targets.push_back({ItemKind::question, store::read_be64(key.substr(key.size() - 8))});
    }
  }
  db_.set_metadata(meta::format, std::to_string(kIndexFormat));
  db_.set_metadata(meta::state, kBuilding);
  db_.set_metadata(meta::phrase_pairs, options.phrase_pairs ? "on" : "off");
  db_.commit();

  std::size_t done = 0;
  const auto stop = [&] { return options.stop && options.stop(); };
  build_in_parallel(
      store, targets, options.threads, options.phrase_pairs,
      [&](const Target& target, std::optional<BuiltItem>& built) {
        if (built) {
          db_.add_document(built->doc);
          add_extras(db_, *built, names_written_);
          ++(target.kind == ItemKind::article    ? report.articles
             : target.kind == ItemKind::document ? report.documents
                                                 : report.others);
        }
        if (++done % options.commit_every == 0) db_.commit();
        if (options.progress && (done % 500 == 0 || done == targets.size())) options.progress(done, targets.size());
      },
      stop);
  if (stop() || done < targets.size()) {
    report.elapsed = std::chrono::steady_clock::now() - t0;
    return report;
  }
  db_.set_metadata(meta::cursor, std::to_string(report.cursor));
  db_.set_metadata(meta::cursor_change, cursor_change);
  db_.set_metadata(meta::state, kReady);
  db_.commit();
  report.completed = true;
  report.elapsed = std::chrono::steady_clock::now() - t0;
  return report;
}

std::size_t IndexWriter::follow(const store::Store& store, std::size_t limit, unsigned threads,
                                const std::function<bool()>& stop) {
  std::vector<store::Change> changes;
  std::set<Target> targets;  // one build per item however often it changed in this batch
  {
    const store::ReadTxn txn = store.read();
    changes = store::changes_since(txn, store.tables(), cursor(), limit);
    if (changes.empty()) return 0;
  }
  for (const auto& c : changes) {
    switch (c.kind) {
      case store::ChangeKind::article: targets.insert({ItemKind::article, c.id}); break;
      case store::ChangeKind::document: targets.insert({ItemKind::document, c.id}); break;
      case store::ChangeKind::page: targets.insert({ItemKind::page, c.id}); break;
      case store::ChangeKind::topic: targets.insert({ItemKind::topic, c.id}); break;
      // Published, or no longer: load() finds an unpublished question absent, so its document goes.
      case store::ChangeKind::question: targets.insert({ItemKind::question, c.id}); break;
      case store::ChangeKind::category: add_dependents(db_, prefix::category_id, c.id, targets); break;
      case store::ChangeKind::agency: add_dependents(db_, prefix::agency_id, c.id, targets); break;
      default: break;  // settings, media: not searchable
    }
  }
  const std::vector<Target> list(targets.begin(), targets.end());
  build_in_parallel(
      store, list, threads, phrase_pairs(),
      [&](const Target& target, std::optional<BuiltItem>& built) {
        const std::string id = id_term(target.kind, target.id);
        if (built) {
          db_.replace_document(id, built->doc);
          add_extras(db_, *built, names_written_);
        } else {
          db_.delete_document(id);
        }
      },
      stop);
  if (stop && stop()) return 0;  // not committed with a cursor: the next run replays the batch
  db_.set_metadata(meta::cursor, std::to_string(changes.back().seq));
  db_.set_metadata(meta::cursor_change, fingerprint(changes.back()));
  db_.commit();
  return changes.size();
}

}  // namespace portald::search
