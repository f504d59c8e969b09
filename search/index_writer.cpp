#include "search/index_writer.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <vector>

#include "daemon/store/change_log.hpp"
#include "daemon/store/lmdb.hpp"
#include "search/parallel_build.hpp"
#include "search/schema.hpp"
#include "search/shard_layout.hpp"
#include "search/shard_writers.hpp"

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

// The display names of an item's filter values (prefix + slug -> name), kept in shard 0's metadata for
// the search form.
std::vector<std::pair<std::string, std::string>> names_of(const BuiltItem& item) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!item.agency.first.empty())
    out.emplace_back(std::string(meta::agency_name) + item.agency.first, item.agency.second);
  if (!item.doc_type.first.empty())
    out.emplace_back(std::string(meta::doc_type_name) + item.doc_type.first, item.doc_type.second);
  return out;
}

// Sets a name unless `written` says it is already there, so a rebuild writes each once.
void set_name(Xapian::WritableDatabase& db, const std::string& key, const std::string& name,
              std::map<std::string, std::string>& written) {
  auto [it, fresh] = written.try_emplace(key, name);
  if (!fresh && it->second == name) return;
  it->second = name;
  db.set_metadata(key, name);
}

// Title words for "did you mean": each shard keeps those of its own items (a multi-database merges them).
void add_spelling(Xapian::WritableDatabase& db, const BuiltItem& item) {
  for (const auto& word : item.spelling) db.add_spelling(word);
}

// Targets of the items that show the name of category/agency `id` (their stored data names it).
void add_dependents(Xapian::Database& db, std::string_view term_prefix, std::uint64_t id, std::set<Target>& out) {
  const std::string term = std::string(term_prefix) + std::to_string(id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    if (const auto item = decode_item(db.get_document(*it).get_data())) out.insert({item->kind, item->id});
}

Xapian::WritableDatabase open_shard(const std::filesystem::path& dir, int how) {
  if (how != Xapian::DB_OPEN) std::filesystem::create_directories(dir);
  try {
    return Xapian::WritableDatabase(dir.string(), how | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLocked("the search index " + dir.string() + " is locked by another process");
  }
}

std::vector<Xapian::WritableDatabase> open_shards(const std::filesystem::path& dir, IndexWriter::Mode mode,
                                                  unsigned shards) {
  std::vector<std::filesystem::path> dirs;
  if (mode == IndexWriter::Mode::open_or_create) {
    try {
      dirs = shard_dirs(dir);
    } catch (const std::runtime_error& e) {
      throw Xapian::DatabaseOpeningError(e.what());  // unreadable, as a corrupt index is: rebuilt beside it
    }
  }
  std::vector<Xapian::WritableDatabase> out;
  if (!dirs.empty()) {
    // An existing index: a missing shard is an error (Xapian::DatabaseOpeningError), never an empty one.
    for (const auto& d : dirs) out.push_back(open_shard(d, Xapian::DB_OPEN));
    return out;
  }
  dirs = planned_shard_dirs(dir, std::clamp(shards, 1u, kMaxShards));
  for (const auto& d : dirs) out.push_back(open_shard(d, Xapian::DB_CREATE_OR_OVERWRITE));
  write_shard_stub(dir, static_cast<unsigned>(dirs.size()));
  return out;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, Mode mode, unsigned shards)
    : shards_(open_shards(dir, mode, shards)) {}

IndexWriter::~IndexWriter() {
  for (auto& db : shards_) {
    try {
      db.close();  // commits what is pending; every batch already committed its cursor with it
    } catch (const Xapian::Error&) {
      // Nothing left to save: every batch committed its documents with its cursor; a partial batch is
      // replayed from that cursor.
    }
  }
}

Xapian::doccount IndexWriter::doc_count() const {
  Xapian::doccount n = 0;
  for (const auto& db : shards_) n += db.get_doccount();
  return n;
}

void IndexWriter::commit_all() {
  for (std::size_t k = shards_.size(); k-- > 0;) shards_[k].commit();
}

std::optional<std::string> IndexWriter::needs_rebuild(const store::Txn& txn, const store::Tables& t) const {
  const std::string format = shards_.front().get_metadata(meta::format);
  if (format.empty()) return "the index is new or empty";
  if (format != std::to_string(kIndexFormat))
    return "the index has format " + format + ", this portald writes format " + std::to_string(kIndexFormat);
  if (shards_.front().get_metadata(meta::state) != kReady) return "an earlier rebuild did not finish";
  const std::uint64_t at = cursor();
  const std::uint64_t head = store::latest_change(txn, t);
  if (at > head)
    return "the index has seen change " + std::to_string(at) + " but the store's log ends at " + std::to_string(head) +
           " (was the store restored?)";
  if (at > 0 && fingerprint_at(txn, t, at) != shards_.front().get_metadata(meta::cursor_change))
    return "the store's change " + std::to_string(at) + " is not the one the index saw (a different store?)";
  return std::nullopt;
}

bool IndexWriter::complete() const {
  return !shards_.front().get_metadata(meta::format).empty() && shards_.front().get_metadata(meta::state) == kReady;
}

bool IndexWriter::phrase_pairs() const { return shards_.front().get_metadata(meta::phrase_pairs) == "on"; }

std::uint64_t IndexWriter::cursor() const { return parse_u64(shards_.front().get_metadata(meta::cursor)); }

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
  auto& db0 = shards_.front();
  db0.set_metadata(meta::format, std::to_string(kIndexFormat));
  db0.set_metadata(meta::state, kBuilding);
  db0.set_metadata(meta::phrase_pairs, options.phrase_pairs ? "on" : "off");
  db0.commit();

  const unsigned n = shards();
  std::vector<std::size_t> added(n, 0);  // element k: shard k's thread only
  std::map<std::string, std::string> names;
  std::size_t done = 0;
  const auto stop = [&] { return options.stop && options.stop(); };
  {
    ShardWriters writers(n, [&](unsigned k, BuiltItem& item) {
      shards_[k].add_document(item.doc);
      add_spelling(shards_[k], item);
      if (++added[k] % options.commit_every == 0) shards_[k].commit();
    });
    build_in_parallel(
        store, targets, options.threads, options.phrase_pairs,
        [&](const Target& target, std::optional<BuiltItem>& built) {
          if (built) {
            for (auto& [key, name] : names_of(*built)) names[key] = std::move(name);
            ++(target.kind == ItemKind::article    ? report.articles
               : target.kind == ItemKind::document ? report.documents
                                                   : report.others);
            writers.add(shard_of(target.kind, target.id, n), std::move(*built));
          }
          ++done;
          if (options.progress && (done % 500 == 0 || done == targets.size())) options.progress(done, targets.size());
        },
        stop);
    if (stop() || done < targets.size()) {
      report.elapsed = std::chrono::steady_clock::now() - t0;
      return report;  // the writers abandon their queues
    }
    writers.finish();
  }
  for (const auto& [key, name] : names) set_name(db0, key, name, names_written_);
  db0.set_metadata(meta::cursor, std::to_string(report.cursor));
  db0.set_metadata(meta::cursor_change, cursor_change);
  db0.set_metadata(meta::state, kReady);
  commit_all();
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
      case store::ChangeKind::category:
        for (auto& db : shards_) add_dependents(db, prefix::category_id, c.id, targets);
        break;
      case store::ChangeKind::agency:
        for (auto& db : shards_) add_dependents(db, prefix::agency_id, c.id, targets);
        break;
      default: break;  // settings, media: not searchable
    }
  }
  const std::vector<Target> list(targets.begin(), targets.end());
  build_in_parallel(
      store, list, threads, phrase_pairs(),
      [&](const Target& target, std::optional<BuiltItem>& built) {
        const std::string id = id_term(target.kind, target.id);
        auto& db = shards_[shard_of(target.kind, target.id, shards())];
        if (built) {
          db.replace_document(id, built->doc);
          add_spelling(db, *built);
          for (const auto& [key, name] : names_of(*built)) set_name(shards_.front(), key, name, names_written_);
        } else {
          db.delete_document(id);
        }
      },
      stop);
  if (stop && stop()) return 0;  // not committed with a cursor: the next run replays the batch
  shards_.front().set_metadata(meta::cursor, std::to_string(changes.back().seq));
  shards_.front().set_metadata(meta::cursor_change, fingerprint(changes.back()));
  commit_all();
  return changes.size();
}

}  // namespace portald::search
