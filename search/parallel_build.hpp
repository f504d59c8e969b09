#pragma once
// Building Xapian documents is most of the cost of indexing (HTML to text, normalisation, two terms
// per word): spread it over worker threads, each with its own LMDB read transaction and
// DocumentBuilder, while the calling thread, the one that owns the WritableDatabase, adds the results.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "daemon/store/store.hpp"
#include "search/document_builder.hpp"

namespace portald::search {

struct Target {
  ItemKind kind = ItemKind::article;
  std::uint64_t id = 0;
  auto operator<=>(const Target&) const = default;
};

// Called on the calling thread for every target, in no particular order; `built` is std::nullopt
// when the target does not belong in the index (absent, unpublished, or a corrupt record, which is
// logged).
using BuiltSink = std::function<void(const Target& target, std::optional<BuiltItem>& built)>;

// Builds every target with `threads` workers (inline when threads <= 1 or there are few targets), with
// phrase pairs when the index keeps them (DocumentBuilder).
// Stops early, leaving some targets out, once `stop` returns true. Rethrows a worker's exception.
void build_in_parallel(const store::Store& store, std::span<const Target> targets, unsigned threads, bool phrase_pairs,
                       const BuiltSink& sink, const std::function<bool()>& stop);

}  // namespace portald::search
