#pragma once
// Topics (tables "topics" and "topic_slugs").
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/topic.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Topic> find_topic(const Txn& txn, const Tables& t, std::string_view slug);
std::optional<model::Topic> get_topic(const Txn& txn, const Tables& t, std::uint64_t id);
// Every topic by position, then name.
std::vector<model::Topic> list_topics(const Txn& txn, const Tables& t);
// Inserts or replaces the topic with the same slug (its id is kept); appends to the change log.
// Throws std::invalid_argument for a slug that is not a lower-case ASCII slug. Returns the id.
std::uint64_t put_topic(WriteTxn& txn, const Tables& t, model::Topic topic);

}  // namespace portald::store
