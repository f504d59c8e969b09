// The media library: upload images and attachments (type judged from the bytes, size-limited, stored in
// LMDB's media table) and serve them at /tep/<id>-<name> with long cache headers (the bytes under an
// id never change, so the URL can be cached for a year).
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/document_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/not_found.hpp"

namespace portald::web::admin {
namespace {

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
  if (form.files.empty() || form.files.front().bytes.empty())
    return library(ctx, req, me, "Vui lòng chọn một tệp để tải lên.", 422);
  const auto& file = form.files.front();
  if (file.bytes.size() > model::kMaxMediaBytes)
    return library(ctx, req, me, "Tệp lớn hơn giới hạn cho phép.", 413);
  const auto type = model::sniff_media_type(file.bytes, file.file_name);
  if (!type)
    return library(ctx, req, me, "Không nhận dạng được loại tệp. Chỉ nhận ảnh PNG, JPEG, GIF, WebP và tệp PDF, Word, Excel, ODT.", 415);
  std::string name = model::to_nfc(file.file_name).value_or("tep");
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name.size() > 255) name = "tep";
  store::WriteTxn txn = ctx.store.write();
  const auto id = store::add_media(txn, ctx.store.tables(), {0, name, *type, file.bytes});
  store::append_audit(txn, ctx.store.tables(), {.actor = me.username, .action = "media.upload",
                                                .object = "media/" + std::to_string(id), .to = name + " (" + *type + ")",
                                                .address = client_address(req)});
  txn.commit();
  return Response::redirect("/quan-tri/thu-vien?da-tai=1");
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

}  // namespace

std::vector<Route> media_routes(const Context& ctx) {
  const Context* c = &ctx;
  return {
      {"GET", "/quan-tri/thu-vien", [c](Request& q) { return library_get(*c, q); }, model::Action::upload_media},
      {"POST", "/quan-tri/thu-vien", [c](Request& q) { return upload(*c, q); }, model::Action::upload_media},
      {"GET", "/tep/{file}", [c](Request& q) { return serve(*c, q); }, std::nullopt},
  };
}

}  // namespace portald::web::admin
