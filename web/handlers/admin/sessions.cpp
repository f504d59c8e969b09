// The signed-in user's open sessions (issue 16): device, address, when last used, and a way to end any
// of them but the one in use ("Phiên này" logs out with the header's button), or all the others at once.
#include "daemon/accounts/sessions.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace session_pages {
namespace {

constexpr std::string_view kPage = "/quan-tri/phien-dang-nhap";

Response render(const Context& ctx, const Request& req, const model::User& me, std::string_view flash) {
  ctemplate::TemplateDictionary dict("admin_sessions");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Phiên đăng nhập");
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", std::string(flash));
  const auto now = model::now();
  std::vector<accounts::OpenSession> open;
  {
    const store::ReadTxn txn = ctx.store.read();
    open = accounts::open_sessions(txn, ctx.store.tables(), me.username, req.session_key, now);
  }
  for (const auto& o : open) {
    auto* row = dict.AddSectionDictionary("SESSION");
    row->SetValue("ID", o.id);
    row->SetValue("DEVICE", o.session.device.empty() ? "Không rõ thiết bị" : o.session.device);
    row->SetValue("ADDRESS", o.session.address.empty() ? "không rõ" : o.session.address);
    row->SetValue("SINCE", model::format_datetime_vn(o.session.created_at));
    row->SetValue("LAST_SEEN", model::format_datetime_vn(o.session.last_seen));
    row->AddSectionDictionary(o.current ? "CURRENT" : "OTHER");
  }
  if (open.size() > 1) dict.ShowSection("OTHERS");
  return render_admin(ctx, "admin_sessions", dict);
}

}  // namespace

Response page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string flash;
  // Only a count is echoed: a hand-made query shows nothing.
  if (const auto n = req.query_value("da-dang-xuat");
      n && !n->empty() && n->size() <= 4 && n->find_first_not_of("0123456789") == std::string_view::npos)
    flash = "Đã đăng xuất " + std::string(*n) + " phiên.";
  return render(ctx, req, me, flash);
}

Response end_one(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  accounts::EndOutcome r;
  {
    store::WriteTxn txn = ctx.store.write();
    r = accounts::end_other_session(txn, ctx.store.tables(), me.username, f.get("id"), req.session_key,
                                    client_address(req), model::now());
    if (r == accounts::EndOutcome::ended) txn.commit();
  }
  if (r == accounts::EndOutcome::current)
    throw HttpError(422, "Đây là phiên bạn đang dùng: hãy bấm “Đăng xuất” ở đầu trang.");
  if (r == accounts::EndOutcome::not_found) throw HttpError(404, "Phiên này đã kết thúc hoặc không phải của bạn.");
  return Response::redirect(std::string(kPage) + "?da-dang-xuat=1");
}

Response end_others(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::size_t n = 0;
  {
    store::WriteTxn txn = ctx.store.write();
    n = accounts::end_other_sessions(txn, ctx.store.tables(), me.username, req.session_key, client_address(req),
                                     model::now());
    txn.commit();
  }
  return Response::redirect(std::string(kPage) + "?da-dang-xuat=" + std::to_string(n));
}

}  // namespace session_pages
}  // namespace portald::web::admin
