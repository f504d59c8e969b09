// /quan-tri/tep-tin/khong-dung: the media files nothing refers to (media::list_orphan_media), and
// their removal, which the operator confirms with a checkbox; the service re-checks each file in the
// writing transaction, so a file linked in the meantime is kept (issue 14).
#include <charconv>
#include <string>

#include "daemon/media/orphans.hpp"
#include "daemon/model/media_link.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin::media_orphan_pages {
namespace {

constexpr std::string_view kAddress = "/quan-tri/tep-tin/khong-dung";

Response orphan_page(const Context& ctx, const Request& req, const model::User& me, const std::string& error,
                     const std::string& flash, int status) {
  ctemplate::TemplateDictionary dict("admin_media_orphans");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Tệp không còn được dùng");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", error);
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", flash);
  const auto orphans = media::list_orphan_media(ctx.store);
  dict.ShowSection(orphans.empty() ? "NONE" : "SOME");
  for (const auto& m : orphans) {
    auto* row = dict.AddSectionDictionary("ITEM");
    row->SetValue("ID", std::to_string(m.id));
    row->SetValue("URL", model::media_path(m.id, m.token, m.file_name));
    row->SetValue("NAME", m.file_name);
    row->SetValue("TYPE", m.content_type);
    row->SetValue("SIZE_KB", std::to_string((m.size + 1023) / 1024));
    row->SetValue("OWNER", m.owner);
  }
  return render_admin(ctx, "admin_media_orphans", dict, status);
}

std::vector<std::uint64_t> chosen_ids(const Form& form) {
  std::vector<std::uint64_t> ids;
  const auto [begin, end] = form.fields.equal_range("id");
  for (auto it = begin; it != end; ++it) {
    std::uint64_t id = 0;
    const auto& v = it->second;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc() || p != v.data() + v.size() || id == 0) throw HttpError(400, "Mã tệp không hợp lệ.");
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

Response orphans_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string flash;
  const auto removed = req.query_value("da-xoa");
  if (removed && !removed->empty() && removed->size() < 10 &&
      removed->find_first_not_of("0123456789") == std::string_view::npos)
    flash = "Đã xóa " + std::string(*removed) + " tệp.";
  return orphan_page(ctx, req, me, "", flash, 200);
}

Response orphans_remove(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  const auto ids = chosen_ids(form);
  if (ids.empty()) return orphan_page(ctx, req, me, "Vui lòng chọn ít nhất một tệp để xóa.", "", 422);
  if (form.get("xac_nhan") != "1")
    return orphan_page(ctx, req, me,
                       "Vui lòng đánh dấu ô “Tôi xác nhận xóa vĩnh viễn các tệp đã chọn” trước khi xóa. Chưa "
                       "có tệp nào bị xóa.",
                       "", 422);
  const auto r = media::remove_orphan_media(ctx.store, ids, actor_of(me, req), model::now());
  if (r.refusal == media::OrphanRefusal::not_allowed) throw HttpError(403, "Bạn không được xóa tệp.");
  if (!r.kept.empty())
    return orphan_page(ctx, req, me,
                       "Đã xóa " + std::to_string(r.removed.size()) + " tệp. " + std::to_string(r.kept.size()) +
                           " tệp không bị xóa vì vừa được dùng lại hoặc không còn tồn tại.",
                       "", 409);
  return Response::redirect(std::string(kAddress) + "?da-xoa=" + std::to_string(r.removed.size()));
}

}  // namespace portald::web::admin::media_orphan_pages
