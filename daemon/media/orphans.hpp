#pragma once
// Media files nothing refers to any more (re-imported documents leave them behind): listed for the
// operator and removed only when confirmed, each removal re-checked in the writing transaction.
#include <cstdint>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/store.hpp"

namespace portald::media {

// Every file of the library that referenced_media() does not name, newest first (without bytes).
std::vector<store::MediaInfo> list_orphan_media(const store::Store& store);

enum class OrphanRefusal { none, not_allowed, nothing_chosen };

struct OrphanRemoval {
  OrphanRefusal refusal = OrphanRefusal::none;
  std::vector<std::uint64_t> removed{};  // in the order asked
  std::vector<std::uint64_t> kept{};     // referenced by now, or already gone: left alone
};

// Removes those of `ids` that are still unreferenced, with one audit entry "media.remove-orphan" each
// (name, type and size), in ONE write transaction; nothing is written when refused.
OrphanRemoval remove_orphan_media(const store::Store& store, const std::vector<std::uint64_t>& ids,
                                  const model::Actor& actor, model::UnixTime now);

}  // namespace portald::media
