#pragma once
// Images pasted into the editor as data: URLs (from Word, or dropped) become media items on save
// (issue 14): stored with their public copies in the caller's write transaction, the src replaced by the
// file's address. Bodies never keep images inline.
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::media {

struct InlineImagesResult {
  std::string html{};                 // the body with media addresses instead of data: URLs
  std::vector<std::string> errors{};  // one Vietnamese sentence per refused image; then nothing was stored
  std::size_t stored = 0;
};

// Checks every <img src="data:image/...;base64,..."> of sanitised `html` like an upload (size, type from
// the bytes, decodable, not too large) and, only when all pass, stores each in `txn` (audit
// "media.upload", owner the actor) and points the src at it. When any is refused nothing is stored and
// `errors` says which (by its position among the pasted images) and why.
InlineImagesResult store_inline_images(store::WriteTxn& txn, const store::Tables& t, std::string_view html,
                                       const model::Actor& actor, model::UnixTime now);
// True when sanitised `html` still holds an inline data: image.
bool has_inline_images(std::string_view html);

}  // namespace portald::media
