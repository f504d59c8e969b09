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

using model::Topic;
constexpr std::tuple kTopicFields{
    codec::required("id", &Topic::id),
    codec::required("slug", &Topic::slug),
    codec::optional("name", &Topic::name),
    codec::optional("description", &Topic::description),
    codec::optional("article_ids", &Topic::article_ids),
    codec::optional("featured", &Topic::featured),
    codec::optional("position", &Topic::position),
    codec::optional("updated_at", &Topic::updated_at),
};
constexpr auto kRecord = codec::record<Topic>("topic", 1, kTopicFields);

}  // namespace

std::optional<model::Topic> find_topic(const Txn& txn, const Tables& t, std::string_view slug) {
  const auto id = lookup_id(txn, t.topic_slugs, slug);
  if (!id) return std::nullopt;
  const auto v = txn.get(t.topics, be64(*id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::optional<model::Topic> get_topic(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.topics, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::vector<model::Topic> list_topics(const Txn& txn, const Tables& t) {
  std::vector<model::Topic> out;
  Cursor c(txn, t.topics);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kRecord.decode(c.value()));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.position, a.name) < std::tie(b.position, b.name);
  });
  return out;
}

std::uint64_t put_topic(WriteTxn& txn, const Tables& t, model::Topic topic) {
  if (topic.slug.empty() || topic.slug != model::slugify(topic.slug))
    throw std::invalid_argument("topic slug must be a lower-case ASCII slug");
  if (!topic.updated_at) topic.updated_at = model::now();
  if (const auto id = lookup_id(txn, t.topic_slugs, topic.slug)) topic.id = *id;
  if (!topic.id) topic.id = next_id(txn, t, IdCounter::topic);
  txn.put(t.topics, be64(topic.id), kRecord.encode(topic));
  txn.put(t.topic_slugs, topic.slug, be64(topic.id));
  append_change(txn, t, ChangeKind::topic, topic.id, ChangeOp::put);
  return topic.id;
}

}  // namespace portald::store
