#pragma once
// The public copies of stored images (table "media_variants", issue 14): for each image, a full-size
// copy without metadata and resized copies (media/image_variants.hpp makes them). They are written in
// the same transaction as the media record they come from.
#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/model/media_variant.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// Replaces every copy of media `media_id` by `variants` and notes the change (a media put), so pages
// that draw the image with srcset are rendered again.
void put_media_variants(WriteTxn& txn, const Tables& t, std::uint64_t media_id,
                        const std::vector<model::ImageVariant>& variants);
// One copy with its bytes; std::nullopt when there is none with that key.
std::optional<model::ImageVariant> get_media_variant(const Txn& txn, const Tables& t, std::uint64_t media_id,
                                                     unsigned key);
// Every copy of the media, without bytes, by key (the full-size copy first).
std::vector<model::ImageVariant> list_media_variants(const Txn& txn, const Tables& t, std::uint64_t media_id);

}  // namespace portald::store
