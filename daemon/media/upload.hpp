#pragma once
// Uploads to the media library: the type is judged from the bytes (never the name or the browser's
// claim), the size is bounded, and the bytes are stored with their audit entry in one transaction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/media_variant.hpp"
#include "daemon/model/time.hpp"
#include "daemon/store/store.hpp"

namespace portald::media {

enum class Refusal {
  none,
  not_allowed,   // the actor's role may not upload media
  empty,         // no bytes
  too_large,     // over model::max_media_bytes of its type
  unknown_type,  // not a type the portal publishes (see model::sniff_media_type)
  bad_image,     // a JPEG, PNG or WebP libvips cannot decode (image_variants.hpp)
  huge_image,    // an image over kMaxImageSide or kMaxImagePixels
};

struct UploadResult {
  Refusal refusal = Refusal::none;
  std::uint64_t id = 0;     // the new media id when stored
  std::string file_name{};  // as stored: NFC, without folders, "tep" when unusable
  std::string content_type{};
  // For JPEG, PNG and WebP: the public copies (image_variants.hpp), stored with the file.
  std::vector<model::ImageVariant> variants{};
};
// The Vietnamese sentence for a refusal about the file itself ("" for none and not_allowed).
std::string_view refusal_message(Refusal r);

// Stores `bytes` under a new id (its change-log entry comes with the table) and appends the audit entry
// "media.upload", all in one write transaction. Nothing is written when refused.
UploadResult upload(const store::Store& store, std::string_view file_name, std::string_view bytes,
                    const model::Actor& actor, model::UnixTime now);

// upload() in two halves, for a write that stores files with something else in ONE transaction (a legal
// document's attachments, issue 14). check_upload: upload()'s checks without writing; a result with
// Refusal::none carries the name and type to store (id 0).
UploadResult check_upload(std::string_view file_name, std::string_view bytes, const model::Actor& actor);
// Stores what check_upload accepted (its name and type, these bytes, its public copies) with the
// "media.upload" audit entry in the caller's transaction; returns the new id.
std::uint64_t store_upload(store::WriteTxn& txn, const store::Tables& t, const UploadResult& checked,
                           std::string_view bytes, const model::Actor& actor, model::UnixTime now);

}  // namespace portald::media
