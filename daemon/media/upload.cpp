#include "daemon/media/upload.hpp"

#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/document_table.hpp"

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
  if (!model::may(actor, model::Action::upload_media)) return {Refusal::not_allowed};
  if (bytes.empty()) return {Refusal::empty};
  if (bytes.size() > model::kMaxMediaBytes) return {Refusal::too_large};
  const auto type = model::sniff_media_type(bytes, file_name);
  if (!type) return {Refusal::unknown_type};
  UploadResult r{Refusal::none, 0, stored_name(file_name), *type};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  r.id = store::add_media(txn, t,
                          {.file_name = r.file_name,
                           .content_type = r.content_type,
                           .bytes = std::string(bytes),
                           .owner = actor.username,  // the uploader sees the file before it is published
                           .uploaded_at = now});
  store::append_audit(txn, t,
                      {.at = now,
                       .actor = actor.username,
                       .action = "media.upload",
                       .object = "media/" + std::to_string(r.id),
                       .to = r.file_name + " (" + r.content_type + ")",
                       .address = actor.address});
  txn.commit();
  return r;
}

}  // namespace portald::media
