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
// True when `article_id` is a member of exactly the known topics among `chosen_slugs`.
bool has_exactly_topics(const store::Txn& txn, const store::Tables& t, std::uint64_t article_id,
                        const std::vector<std::string>& chosen_slugs);

}  // namespace portald::editorial
