#pragma once
// An article's topics (chuyên đề): membership is kept on the topic records, in the editors' order.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::editorial {

// Makes `article_id` a member of exactly the topics whose slugs are chosen (unknown slugs are ignored);
// each topic that changes is written with its change-log entry. Part of an article save, which the
// caller audits.
void set_article_topics(store::WriteTxn& txn, const store::Tables& t, std::uint64_t article_id,
                        const std::vector<std::string>& chosen_slugs, model::UnixTime now);
// The slugs of the topics `article_id` is a member of, in the topics' order.
std::vector<std::string> article_topic_slugs(const store::Txn& txn, const store::Tables& t, std::uint64_t article_id);
// True when `a` and `b` choose the same known topics (order and unknown slugs do not count).
bool same_topics(const store::Txn& txn, const store::Tables& t, const std::vector<std::string>& a,
                 const std::vector<std::string>& b);

}  // namespace portald::editorial
