#include "daemon/media/upload.hpp"

#include "daemon/media/image_variants.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"

namespace portald::media {
namespace {

// The name to keep: browsers may send a whole path (old Internet Explorer) or nothing usable.
std::string stored_name(std::string_view posted) {
  std::string name = model::to_nfc(posted).value_or("tep");
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name.size() > 255) name = "tep";
  return name;
}

}  // namespace

UploadResult upload(const store::Store& store, std::string_view file_name, std::string_view bytes,
                    const model::Actor& actor, model::UnixTime now) {
  UploadResult r = check_upload(file_name, bytes, actor);
  if (r.refusal != Refusal::none) return r;
  store::WriteTxn txn = store.write();
  r.id = store_upload(txn, store.tables(), r, bytes, actor, now);
  txn.commit();
  return r;
}

UploadResult check_upload(std::string_view file_name, std::string_view bytes, const model::Actor& actor) {
  if (!model::may(actor, model::Action::upload_media)) return {Refusal::not_allowed};
  if (bytes.empty()) return {Refusal::empty};
  if (bytes.size() > model::kMaxStreamMediaBytes) return {Refusal::too_large};
  const auto type = model::sniff_media_type(bytes, file_name);
  // Over the general limit, an unknown file is refused for its size (what the form states first).
  if (!type) return {bytes.size() > model::kMaxMediaBytes ? Refusal::too_large : Refusal::unknown_type};
  if (bytes.size() > model::max_media_bytes(*type)) return {Refusal::too_large};  // video may be larger
  UploadResult r{Refusal::none, 0, stored_name(file_name), *type, {}};
  if (makes_variants(*type)) {
    auto made = make_variants(bytes, *type);
    if (made.refusal == ImageRefusal::undecodable) return {Refusal::bad_image};
    if (made.refusal == ImageRefusal::too_large) return {Refusal::huge_image};
    r.variants = std::move(made.variants);
  }
  return r;
}

std::string_view refusal_message(Refusal r) {
  switch (r) {
    case Refusal::none:
    case Refusal::not_allowed: return "";
    case Refusal::empty: return "Tệp rỗng.";
    case Refusal::too_large: return "Tệp lớn hơn giới hạn cho phép.";
    case Refusal::unknown_type:
      return "Không nhận dạng được loại tệp. Chỉ nhận ảnh PNG, JPEG, GIF, WebP; tệp PDF, Word, Excel, ODT; video MP4, "
             "WebM; âm thanh MP3, Ogg và phụ đề WebVTT.";
    case Refusal::bad_image: return refusal_message(ImageRefusal::undecodable);
    case Refusal::huge_image: return refusal_message(ImageRefusal::too_large);
  }
  return "";
}

std::uint64_t store_upload(store::WriteTxn& txn, const store::Tables& t, const UploadResult& checked,
                           std::string_view bytes, const model::Actor& actor, model::UnixTime now) {
  const std::uint64_t id =
      store::add_media(txn, t,
                       {.id = 0,
                        .file_name = checked.file_name,
                        .content_type = checked.content_type,
                        .bytes = std::string(bytes),
                        .token = {},              // a new random one (store::add_media)
                        .owner = actor.username,  // the uploader sees the file before it is published
                        .uploaded_at = now});
  store::append_audit(txn, t,
                      {.at = now,
                       .actor = actor.username,
                       .action = "media.upload",
                       .object = "media/" + std::to_string(id),
                       .to = checked.file_name + " (" + checked.content_type + ")",
                       .address = actor.address});
  if (!checked.variants.empty()) store::put_media_variants(txn, t, id, checked.variants);
  return id;
}

}  // namespace portald::media
