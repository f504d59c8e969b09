// The media library: upload images and attachments (type judged from the bytes, size-limited, stored in
// LMDB's media table) and serve them at /tep/<id>-<name> with long cache headers (the bytes under an
// id never change, so the URL can be cached for a year).
#include <stdexcept>

#include "daemon/media/upload.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace media_pages {

std::string media_url(std::uint64_t id, std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  std::string stem = model::slugify(file_name.substr(0, dot), 60);
  const std::string ext = dot == std::string_view::npos ? "" : model::slugify(file_name.substr(dot + 1), 8);
  if (stem.empty()) stem = "tep";
  return "/tep/" + stem + (ext.empty() ? "" : "." + ext) + "-" + std::to_string(id);
}

Response library(const Context& ctx, const Request& req, const model::User& me, const std::string& error, int status) {
  ctemplate::TemplateDictionary dict("admin_media");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Thư viện ảnh và tệp");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", error);
  if (req.query_value("da-tai")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã tải tệp lên.");
  dict.SetValue("MAX_MB", std::to_string(model::kMaxMediaBytes >> 20));
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& m : store::list_media(txn, ctx.store.tables(), 200)) {
    auto* row = dict.AddSectionDictionary("ITEM");
    row->SetValue("URL", media_url(m.id, m.file_name));
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
                     "Không nhận dạng được loại tệp. Chỉ nhận ảnh PNG, JPEG, GIF, WebP và tệp PDF, Word, Excel, ODT.",
                     415);
  }
  throw std::logic_error("media::Refusal out of range");
}

Response serve(const Context& ctx, Request& req) {
  const auto id = trailing_id(req.params.at("file"));
  if (!id) file_not_found();
  std::optional<model::Media> m;
  {
    const store::ReadTxn txn = ctx.store.read();
    m = store::get_media(txn, ctx.store.tables(), *id);
  }
  if (!m) file_not_found();
  if (!model::is_image_type(m->content_type)) {
    Response r = attachment_response(*m);
    std::erase_if(r.headers, [](const auto& h) { return iequals_ascii(h.first, "Cache-Control"); });
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    return r;
  }
  Response r;
  r.content_type = m->content_type;
  r.body = std::move(m->bytes);
  r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

}  // namespace media_pages

}  // namespace portald::web::admin
