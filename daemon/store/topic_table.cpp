#include "daemon/store/topic_table.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

std::string encode(const model::Topic& p) {
  return encode_record({{"id", p.id},
                        {"slug", p.slug},
                        {"name", p.name},
                        {"description", p.description},
                        {"article_ids", p.article_ids},
                        {"featured", p.featured},
                        {"position", p.position},
                        {"updated_at", p.updated_at}},
                       kFormat);
}

model::Topic decode(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "topic");
  model::Topic p;
  p.id = j.at("id").get<std::uint64_t>();
  p.slug = j.at("slug").get<std::string>();
  p.name = j.value("name", "");
  p.description = j.value("description", "");
  p.article_ids = j.value("article_ids", std::vector<std::uint64_t>{});
  p.featured = j.value("featured", false);
  p.position = j.value("position", 0u);
  p.updated_at = j.value("updated_at", model::UnixTime{0});
  return p;
}

}  // namespace

std::optional<model::Topic> find_topic(const Txn& txn, const Tables& t, std::string_view slug) {
  const auto id = lookup_id(txn, t.topic_slugs, slug);
  if (!id) return std::nullopt;
  const auto v = txn.get(t.topics, be64(*id));
  return v ? std::optional(decode(*v)) : std::nullopt;
}

std::vector<model::Topic> list_topics(const Txn& txn, const Tables& t) {
  std::vector<model::Topic> out;
  Cursor c(txn, t.topics);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode(c.value()));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.position, a.name) < std::tie(b.position, b.name); });
  return out;
}

std::uint64_t put_topic(WriteTxn& txn, const Tables& t, model::Topic topic) {
  if (topic.slug.empty() || topic.slug != model::slugify(topic.slug))
    throw std::invalid_argument("topic slug must be a lower-case ASCII slug");
  if (!topic.updated_at) topic.updated_at = model::now();
  if (const auto id = lookup_id(txn, t.topic_slugs, topic.slug)) topic.id = *id;
  if (!topic.id) topic.id = next_id(txn, t, IdCounter::topic);
  txn.put(t.topics, be64(topic.id), encode(topic));
  txn.put(t.topic_slugs, topic.slug, be64(topic.id));
  append_change(txn, t, ChangeKind::topic, topic.id, ChangeOp::put);
  return topic.id;
}

}  // namespace portald::store
