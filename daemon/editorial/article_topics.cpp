#include "daemon/editorial/article_topics.hpp"

#include <algorithm>

#include "daemon/store/topic_table.hpp"

namespace portald::editorial {

void set_article_topics(store::WriteTxn& txn, const store::Tables& t, std::uint64_t article_id,
                        const std::vector<std::string>& chosen_slugs, model::UnixTime now) {
  for (auto topic : store::list_topics(txn, t)) {
    const bool want = std::find(chosen_slugs.begin(), chosen_slugs.end(), topic.slug) != chosen_slugs.end();
    const auto at = std::find(topic.article_ids.begin(), topic.article_ids.end(), article_id);
    const bool has = at != topic.article_ids.end();
    if (want == has) continue;
    if (want)
      topic.article_ids.insert(topic.article_ids.begin(), article_id);  // newest first in the editors' order
    else
      topic.article_ids.erase(at);
    topic.updated_at = now;
    store::put_topic(txn, t, topic);
  }
}

std::vector<std::string> article_topic_slugs(const store::Txn& txn, const store::Tables& t, std::uint64_t article_id) {
  std::vector<std::string> out;
  for (const auto& topic : store::list_topics(txn, t))
    if (std::find(topic.article_ids.begin(), topic.article_ids.end(), article_id) != topic.article_ids.end())
      out.push_back(topic.slug);
  return out;
}

bool same_topics(const store::Txn& txn, const store::Tables& t, const std::vector<std::string>& a,
                 const std::vector<std::string>& b) {
  const auto chose = [](const std::vector<std::string>& slugs, const std::string& slug) {
    return std::find(slugs.begin(), slugs.end(), slug) != slugs.end();
  };
  for (const auto& topic : store::list_topics(txn, t))
    if (chose(a, topic.slug) != chose(b, topic.slug)) return false;
  return true;
}

}  // namespace portald::editorial
