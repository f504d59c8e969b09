// The media library: upload images and attachments (type judged from the bytes, size-limited, stored in
// LMDB's media table) and serve them at /tep/<id>-<token>/<name> (model::media_path). A file is
// everyone's, and cacheable, only while something published uses it (store::media_in_public_use);
// before that only its uploader and the editors may fetch it, never from a shared cache (issue 16).
// An image is served as its public copy (no EXIF/GPS) and its resized copies at
// /tep/<id>-<token>/<width>w/<name>, under the same rule; the original at .../goc/<name> to staff only.
// Video, audio and captions answer byte ranges (issue 14).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "daemon/media/upload.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/media_variant_table.hpp"
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
  dict.SetValue("MAX_STREAM_MB", std::to_string(std::min(model::kMaxStreamMediaBytes, ctx.upload_limit()) >> 20));
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
    if (model::is_image_type(m.content_type)) {
      row->ShowSection("IMAGE");
      row->SetValue("ORIGINAL_URL",
                    "/tep/" + std::to_string(m.id) + "-" + m.token + "/goc/" + model::media_slug_name(m.file_name));
    }
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
      return library(ctx, req, me, std::string(media::refusal_message(r.refusal)), 415);
    case media::Refusal::bad_image:
    case media::Refusal::huge_image: return library(ctx, req, me, std::string(media::refusal_message(r.refusal)), 422);
  }
  throw std::logic_error("media::Refusal out of range");
}

namespace {

// The file a "/tep/<id>-<token>/.../<name>" address names, with who may read it; not found (the same
// answer as for no file at all) when the key, token or name is wrong or the caller may not read it.
// The name must be the file's own, so one address names one file.
Found addressed_file(const Context& ctx, const Request& req, Access& access) {
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
  access = access_to(ctx, req, *found);
  if (access == Access::none) file_not_found();
  return std::move(*found);
}

// An image, video, audio or captions file shown in the page (not a download), cached by who may read it.
Response image_response(std::string content_type, std::string bytes, Access access) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  r.headers.emplace_back("Cache-Control", std::string(access == Access::everyone ? kPublicCache : kPrivateCache));
  return r;
}

// "480w" -> 480; std::nullopt for anything else.
std::optional<unsigned> variant_width(std::string_view segment) {
  if (segment.size() < 2 || segment.size() > 5 || segment.back() != 'w') return std::nullopt;
  unsigned w = 0;
  for (char c : segment.substr(0, segment.size() - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    w = w * 10 + unsigned(c - '0');
  }
  return w == 0 ? std::nullopt : std::optional(w);
}

}  // namespace

namespace {

Response json_answer(const nlohmann::json& body, int status) {
  Response r = Response::json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

// The answer Jodit's uploader reads (uploader.isSuccess, process, getMessage in admin-editor.js). A
// refusal is a 200 with success false: Jodit shows only the HTTP status text (English) for any other
// status, and the editor must say in Vietnamese which image was refused and why.
Response uploader_refusal(std::string message) {
  return json_answer({{"success", false},
                      {"data", {{"files", nlohmann::json::array()}, {"messages", nlohmann::json::array({message})}}}},
                     200);
}

}  // namespace

Response editor_upload(const Context& ctx, Request& req) {
  // The editor's images (chosen, pasted or dropped): every file checked first, then all stored in ONE
  // write transaction with their public copies, or none; only images, since the editor inserts <img>.
  const auto me = current_user(ctx, req);
  const auto actor = actor_of(me, req);
  const Form form = form_of(req);
  if (form.files.empty()) return uploader_refusal("Vui lòng chọn một ảnh để tải lên.");
  std::vector<media::UploadResult> checked;
  for (const auto& file : form.files) {
    auto r = media::check_upload(file.file_name, file.bytes, actor);
    if (r.refusal == media::Refusal::not_allowed) throw HttpError(403, "Bạn không được tải tệp lên.");
    const std::string name = "Ảnh “" + model::to_nfc(file.file_name).value_or("?") + "”: ";
    if (r.refusal == media::Refusal::none && !model::is_image_type(r.content_type))
      return uploader_refusal(name + "chỉ nhận ảnh PNG, JPEG, GIF hoặc WebP.");
    if (r.refusal != media::Refusal::none)
      return uploader_refusal(name + std::string(media::refusal_message(r.refusal)));
    checked.push_back(std::move(r));
  }
  nlohmann::json files = nlohmann::json::array();
  nlohmann::json images = nlohmann::json::array();
  store::WriteTxn txn = ctx.store.write();
  const auto& t = ctx.store.tables();
  const model::UnixTime now = model::now();
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto id = media::store_upload(txn, t, checked[i], form.files[i].bytes, actor, now);
    files.push_back(model::media_path(id, store::get_media_info(txn, t, id)->token, checked[i].file_name));
    images.push_back(true);
  }
  txn.commit();
  return json_answer(
      {{"success", true},
       {"data", {{"files", files}, {"isImages", images}, {"baseurl", ""}, {"messages", nlohmann::json::array()}}}},
      200);
}

Response editor_images(const Context& ctx, Request& req) {
  // The editor's "Chèn ảnh từ thư viện": the library's images as the media page shows them (a
  // contributor or reporter sees only their own uploads), newest first.
  const auto me = current_user(ctx, req);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const std::string owner = sees_all_media(me) ? "" : me.username;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : store::list_media(txn, t, 200, owner)) {
    if (!model::is_image_type(m.content_type)) continue;
    nlohmann::json item{{"url", model::media_path(m.id, m.token, m.file_name)}, {"name", m.file_name}};
    // The smallest copy serves as the thumbnail when there is one.
    for (const auto& c : store::list_media_variants(txn, t, m.id))
      if (c.key != model::kFullSizeVariant) {
        const std::string path = item["url"].get<std::string>();
        const auto slash = path.rfind('/');
        item["thumb"] = path.substr(0, slash) + "/" + std::to_string(c.key) + "w" + path.substr(slash);
        break;
      }
    if (!item.contains("thumb")) item["thumb"] = item["url"];
    list.push_back(std::move(item));
  }
  return json_answer({{"images", list}}, 200);
}

Response serve(const Context& ctx, Request& req) {
  Access access = Access::none;
  Found found = addressed_file(ctx, req, access);
  if (model::is_stream_type(found.media.content_type)) {
    // Played in the page by <video>/<audio>/<track>, which fetch parts of the file (issue 14).
    Response r = image_response(std::move(found.media.content_type), std::move(found.media.bytes), access);
    answer_range(r, req.header("Range"), req.header("If-Range"));
    return r;
  }
  if (!model::is_image_type(found.media.content_type)) {
    Response r = attachment_response(found.media);
    r.headers.emplace_back("Cache-Control", std::string(access == Access::everyone ? kPublicCache : kPrivateCache));
    return r;
  }
  // An image's address serves its public copy, without EXIF and GPS (issue 14); the original only at
  // ".../goc/<name>" to staff. A file without copies (a GIF) is served as stored.
  const store::ReadTxn txn = ctx.store.read();
  if (auto copy = store::get_media_variant(txn, ctx.store.tables(), found.media.id, model::kFullSizeVariant))
    return image_response(std::move(copy->content_type), std::move(copy->bytes), access);
  return image_response(std::move(found.media.content_type), std::move(found.media.bytes), access);
}

Response serve_variant(const Context& ctx, Request& req) {
  Access access = Access::none;
  Found found = addressed_file(ctx, req, access);
  const std::string& which = req.params.at("variant");
  if (which == "goc") {
    // The original keeps its metadata (GPS included): only signed-in staff who may see the file, never
    // readers, even when the file is public.
    const auto user = signed_in_user(ctx, req);
    if (!user || !may_see(*user, found.media)) file_not_found();
    if (model::is_image_type(found.media.content_type))
      return image_response(std::move(found.media.content_type), std::move(found.media.bytes), Access::signed_in);
    Response r = attachment_response(found.media);
    r.headers.emplace_back("Cache-Control", std::string(kPrivateCache));
    return r;
  }
  const auto width = variant_width(which);
  if (!width) file_not_found();
  const store::ReadTxn txn = ctx.store.read();
  auto copy = store::get_media_variant(txn, ctx.store.tables(), found.media.id, *width);
  if (!copy) file_not_found();
  return image_response(std::move(copy->content_type), std::move(copy->bytes), access);
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
