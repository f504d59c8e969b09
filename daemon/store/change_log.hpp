#pragma once
// The change log: every write that changes public content appends (seq, kind, id, op) in the same
// transaction. Consumers (search indexer, page cache, feeds) keep their own last-seen seq.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/store/store.hpp"

namespace portald::store {

// question: a published question changed (its public page, the lists); private handling steps append none.
// dialogue: an online dialogue or what its page shows (an accepted question, an answer) changed.
enum class ChangeKind { article, document, category, agency, settings, media, page, topic, question, dialogue };
enum class ChangeOp { put, remove };

struct Change {
  std::uint64_t seq = 0;
  ChangeKind kind = ChangeKind::article;
  std::uint64_t id = 0;
  ChangeOp op = ChangeOp::put;
};

std::string_view to_string(ChangeKind kind);

// Appends one entry; returns its seq.
std::uint64_t append_change(WriteTxn& txn, const Tables& t, ChangeKind kind, std::uint64_t id, ChangeOp op);
// The newest seq, 0 when the log is empty.
std::uint64_t latest_change(const Txn& txn, const Tables& t);
// Up to `limit` entries with seq > after, oldest first.
std::vector<Change> changes_since(const Txn& txn, const Tables& t, std::uint64_t after, std::size_t limit);

}  // namespace portald::store
