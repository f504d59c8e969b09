#include "daemon/store/editorial_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

std::string be32(std::uint32_t v) { return be64(v).substr(4); }
std::string revision_key(std::uint64_t id, std::uint32_t n) { return be64(id) + be32(n); }

model::EditorialState decode_editorial(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "editorial");
  model::EditorialState e;
  e.article_id = j.at("article_id").get<std::uint64_t>();
  e.state = model::parse_article_status(j.value("state", "draft")).value_or(model::ArticleStatus::draft);
  e.created_by = j.value("created_by", "");
  e.work_revision = j.value("work_revision", 0u);
  e.reason = j.value("reason", "");
  e.last_actor = j.value("last_actor", "");
  e.since = j.value("since", model::UnixTime{0});
  e.scheduled_at = j.value("scheduled_at", model::UnixTime{0});
  return e;
}

model::Revision decode_revision(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "revision");
  model::Revision r;
  r.article_id = j.at("article_id").get<std::uint64_t>();
  r.number = j.at("number").get<std::uint32_t>();
  r.title = j.value("title", "");
  r.summary = j.value("summary", "");
  r.body_html = j.value("body_html", "");
  r.category_id = j.value("category_id", std::uint64_t{0});
  r.agency_id = j.value("agency_id", std::uint64_t{0});
  r.author = j.value("author", "");
  r.featured = j.value("featured", false);
  r.saved_by = j.value("saved_by", "");
  r.saved_at = j.value("saved_at", model::UnixTime{0});
  r.note = j.value("note", "");
  return r;
}

}  // namespace

std::optional<model::EditorialState> get_editorial(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  const auto v = txn.get(t.editorial, be64(article_id));
  return v ? std::optional(decode_editorial(*v)) : std::nullopt;
}

void put_editorial(WriteTxn& txn, const Tables& t, const model::EditorialState& e) {
  txn.put(t.editorial, be64(e.article_id),
          encode_record({{"article_id", e.article_id},
                         {"state", model::to_string(e.state)},
                         {"created_by", e.created_by},
                         {"work_revision", e.work_revision},
                         {"reason", e.reason},
                         {"last_actor", e.last_actor},
                         {"since", e.since},
                         {"scheduled_at", e.scheduled_at}},
                        kFormat));
}

std::vector<model::EditorialState> list_editorial(const Txn& txn, const Tables& t) {
  std::vector<model::EditorialState> out;
  Cursor c(txn, t.editorial);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode_editorial(c.value()));
  return out;
}

std::uint32_t add_revision(WriteTxn& txn, const Tables& t, model::Revision r) {
  std::uint32_t last = 0;
  {
    Cursor c(txn, t.revisions);
    if (c.seek_last_below(be64(r.article_id + 1)) && c.key().starts_with(be64(r.article_id)))
      last = static_cast<std::uint32_t>(read_be64(std::string(4, '\0') + std::string(c.key().substr(8))));
  }
  r.number = last + 1;
  txn.put(t.revisions, revision_key(r.article_id, r.number),
          encode_record({{"article_id", r.article_id},
                         {"number", r.number},
                         {"title", r.title},
                         {"summary", r.summary},
                         {"body_html", r.body_html},
                         {"category_id", r.category_id},
                         {"agency_id", r.agency_id},
                         {"author", r.author},
                         {"featured", r.featured},
                         {"saved_by", r.saved_by},
                         {"saved_at", r.saved_at},
                         {"note", r.note}},
                        kFormat));
  return r.number;
}

std::optional<model::Revision> get_revision(const Txn& txn, const Tables& t, std::uint64_t article_id, std::uint32_t n) {
  const auto v = txn.get(t.revisions, revision_key(article_id, n));
  return v ? std::optional(decode_revision(*v)) : std::nullopt;
}

std::vector<model::Revision> list_revisions(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  std::vector<model::Revision> out;
  const std::string prefix = be64(article_id);
  Cursor c(txn, t.revisions);
  for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next()) out.push_back(decode_revision(c.value()));
  return out;
}

}  // namespace portald::store
