// The media library: upload images and attachments (type judged from the bytes, size-limited, stored in
// LMDB's media table) and serve them at /tep/<id>-<token>/<name> (model::media_path). A file is
// everyone's, and cacheable, only while something published uses it (store::media_in_public_use);
// before that only its uploader and the editors may fetch it, never from a shared cache (issue 16).
#include <algorithm>
#include <stdexcept>

#include "daemon/media/upload.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "web/byte_range.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace media_pages {

namespace {

// Editors and up see every file, as they see every article; the others see what they uploaded.
bool sees_all_media(const model::User& u) { return model::allowed(u.role, model::Action::preview_any); }

bool may_see(const model::User& u, const model::Media& m) {
  return sees_all_media(u) ||
         (!m.owner.empty() && m.owner == u.username && model::allowed(u.role, model::Action::upload_media));
}

enum class Access { none, everyone, signed_in };

struct Found {
  model::Media media;
  bool in_public_use = false;
};

std::optional<Found> find_media(const Context& ctx, std::uint64_t id) {
  const store::ReadTxn txn = ctx.store.read();
  auto m = store::get_media(txn, ctx.store.tables(), id);
  if (!m) return std::nullopt;
  return Found{std::move(*m), store::media_in_public_use(txn, ctx.store.tables(), id)};
}

Access access_to(const Context& ctx, const Request& req, const Found& f) {
  if (f.in_public_use) return Access::everyone;
  const auto user = signed_in_user(ctx, req);
  return user && may_see(*user, f.media) ? Access::signed_in : Access::none;
}

// Compares every byte, whatever the first difference: the token is the file's only secret.
bool same_token(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// A file may stop being public (its article withdrawn), so even public copies are kept an hour only.
constexpr std::string_view kPublicCache = "public, max-age=3600";
constexpr std::string_view kPrivateCache = "private, no-store";

}  // namespace

Response library(const Context& ctx, const Request& req, const model::User& me, const std::string& error, int status) {
  ctemplate::TemplateDictionary dict("admin_media");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Thư viện ảnh và tệp");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", error);
  if (req.query_value("da-tai")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã tải tệp lên.");
  dict.SetValue("MAX_MB", std::to_string(model::kMaxMediaBytes >> 20));
  dict.SetValue("MAX_STREAM_MB", std::to_string(std::min(model::kMaxStreamMediaBytes, ctx.max_body) >> 20));
  const store::ReadTxn txn = ctx.store.read();
  // A contributor or reporter sees only their own uploads; editors and up see the whole library.
  const std::string owner = sees_all_media(me) ? "" : me.username;
  if (!owner.empty()) dict.ShowSection("OWN");
  for (const auto& m : store::list_media(txn, ctx.store.tables(), 200, owner)) {
    auto* row = dict.AddSectionDictionary("ITEM");
    row->SetValue("URL", model::media_path(m.id, m.token, m.file_name));
    row->SetValue("NAME", m.file_name);
    row->SetValue("TYPE", m.content_type);
    row->SetValue("SIZE_KB", std::to_string((m.size + 1023) / 1024));
    if (model::is_image_type(m.content_type)) row->ShowSection("IMAGE");
  }
  return render_admin(ctx, "admin_media", dict, status);
}

Response library_get(const Context& ctx, Request& req) { return library(ctx, req, current_user(ctx, req), "", 200); }

Response upload(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const UploadedFile none{};
  const auto& file = form.files.empty() ? none : form.files.front();
  const auto r = media::upload(ctx.store, file.file_name, file.bytes, actor_of(me, req), model::now());
  switch (r.refusal) {
    case media::Refusal::none: return Response::redirect("/quan-tri/thu-vien?da-tai=1");
    case media::Refusal::not_allowed: throw HttpError(403, "Bạn không được tải tệp lên.");
    case media::Refusal::empty: return library(ctx, req, me, "Vui lòng chọn một tệp để tải lên.", 422);
    case media::Refusal::too_large: return library(ctx, req, me, "Tệp lớn hơn giới hạn cho phép.", 413);
    case media::Refusal::unknown_type:
      return library(ctx, req, me,
                     "Không nhận dạng được loại tệp. Chỉ nhận ảnh PNG, JPEG, GIF, WebP; video MP4, WebM; âm thanh MP3, "
                     "Ogg/Opus; phụ đề WebVTT (.vtt) và tệp PDF, Word, Excel, ODT.",
                     415);
  }
  throw std::logic_error("media::Refusal out of range");
}

Response serve(const Context& ctx, Request& req) {
  // {key} is "<id>-<token>"; the name must be the file's own, so one address names one file.
  const std::string& key = req.params.at("key");
  const auto dash = key.find('-');
  const std::string_view token =
      dash == std::string::npos ? std::string_view() : std::string_view(key).substr(dash + 1);
  const auto id = dash == std::string::npos ? std::nullopt : trailing_id(key.substr(0, dash));
  if (!id || !model::looks_like_media_token(token)) file_not_found();
  auto found = find_media(ctx, *id);
  if (!found || !same_token(found->media.token, token) ||
      req.params.at("file") != model::media_slug_name(found->media.file_name))
    file_not_found();
  const Access access = access_to(ctx, req, *found);
  if (access == Access::none) file_not_found();  // the same answer as for no file at all
  Response r;
  if (model::is_image_type(found->media.content_type)) {
    r.content_type = found->media.content_type;
    r.body = std::move(found->media.bytes);
  } else if (model::is_stream_type(found->media.content_type)) {
    // Played in the page by <video>/<audio>/<track>, which fetch parts of the file (issue 14).
    r.content_type = found->media.content_type;
    r.body = std::move(found->media.bytes);
    answer_range(r, req.header("Range"), req.header("If-Range"));
  } else {
    r = attachment_response(found->media);
  }
  r.headers.emplace_back("Cache-Control", std::string(access == Access::everyone ? kPublicCache : kPrivateCache));
  return r;
}

Response serve_legacy(const Context& ctx, Request& req) {
  // "/tep/<name>-<id>", the address before tokens: published bodies still hold it, so it leads to the
  // file's address for those who may read the file, and is not found for everyone else.
  const std::string& file = req.params.at("file");
  const auto id = trailing_id(file);
  if (!id) file_not_found();
  const auto found = find_media(ctx, *id);
  if (!found || "/tep/" + file != model::legacy_media_path(*id, found->media.file_name)) file_not_found();
  const Access access = access_to(ctx, req, *found);
  if (access == Access::none) file_not_found();
  const auto& m = found->media;
  Response r =
      Response::redirect(model::media_path(m.id, m.token, m.file_name), access == Access::everyone ? 301 : 303);
  r.headers.emplace_back("Cache-Control", std::string(access == Access::everyone ? kPublicCache : kPrivateCache));
  return r;
}

}  // namespace media_pages

}  // namespace portald::web::admin
