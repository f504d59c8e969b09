#include "daemon/media/variant_backfill.hpp"

#include <vector>

#include "daemon/media/image_variants.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"

namespace portald::media {
namespace {

// Ids of the images without copies, oldest first.
std::vector<std::uint64_t> images_without_copies(const store::Store& store) {
  const store::ReadTxn txn = store.read();
  const auto& t = store.tables();
  std::vector<std::uint64_t> ids;
  for (const auto& m : store::list_media(txn, t, static_cast<std::size_t>(-1)))
    if (makes_variants(m.content_type) && store::list_media_variants(txn, t, m.id).empty()) ids.push_back(m.id);
  return std::vector<std::uint64_t>(ids.rbegin(), ids.rend());
}

}  // namespace

BackfillReport make_missing_variants(const store::Store& store, std::size_t budget) {
  constexpr std::size_t kPerTransaction = 8;
  BackfillReport report;
  const auto ids = images_without_copies(store);
  std::size_t next = 0;
  while (next < ids.size() && next < budget) {
    store::WriteTxn txn = store.write();
    const auto& t = store.tables();
    for (std::size_t n = 0; n < kPerTransaction && next < ids.size() && next < budget; ++n, ++next) {
      const auto m = store::get_media(txn, t, ids[next]);
      if (!m || !store::list_media_variants(txn, t, m->id).empty()) continue;  // an upload came first
      auto made = make_variants(m->bytes, m->content_type);
      if (made.refusal != ImageRefusal::none) {
        ++report.failed;
        continue;
      }
      store::put_media_variants(txn, t, m->id, made.variants);
      ++report.made;
    }
    txn.commit();
  }
  report.left = ids.size() - next;
  return report;
}

}  // namespace portald::media
