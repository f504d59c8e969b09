// The editorial board's own page (Quy chế Điều 6.1a, 11.1b): the editor-in-chief and the deputies see
// who sits on the board and approve or reject the operator's proposed changes of its membership.
#include "daemon/accounts/board.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/board_change_table.hpp"
#include "daemon/store/session_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace board_pages {
namespace {

constexpr std::string_view kPage = "/quan-tri/ban-bien-tap";

std::string agency_name(const store::ReadTxn& txn, const store::Tables& t, std::uint64_t id) {
  if (!id) return "";
  const auto a = store::get_agency(txn, t, id);
  return a ? a->name : "";
}

// The newest session start of the account: its last login while a session is kept; 0 = not known.
model::UnixTime last_login(const store::ReadTxn& txn, const store::Tables& t, const std::string& username) {
  model::UnixTime last = 0;
  for (const auto& [key, s] : store::list_user_sessions(txn, t, username)) last = std::max(last, s.created_at);
  return last;
}

void fill_members(ctemplate::TemplateDictionary& dict, const store::ReadTxn& txn, const store::Tables& t) {
  for (const model::Role role : model::all_roles()) {  // the regulation's order: chief, deputies, ...
    if (!model::is_board_role(role)) continue;
    for (const auto& u : store::list_users(txn, t)) {
      if (u.role != role) continue;
      auto* row = dict.AddSectionDictionary("MEMBER");
      row->SetValue("USERNAME", u.username);
      row->SetValue("DISPLAY_NAME", u.display_name);
      row->SetValue("ROLE_LABEL", std::string(model::role_label(u.role)));
      row->SetValue("AGENCY", agency_name(txn, t, u.agency_id));
      row->SetValue("STATUS", u.suspended ? "Đình chỉ" : "Hoạt động");
      const auto at = last_login(txn, t, u.username);
      row->SetValue("LAST_LOGIN", at ? model::format_datetime_vn(at) : "Không rõ");
    }
  }
}

void fill_pending(ctemplate::TemplateDictionary& dict, const store::ReadTxn& txn, const store::Tables& t,
                  const model::User& me) {
  const auto changes = store::list_board_changes(txn, t);
  if (changes.empty()) dict.ShowSection("NO_PENDING");
  for (const auto& c : changes) {
    auto* row = dict.AddSectionDictionary("PENDING");
    row->SetValue("USERNAME", c.username);
    const bool created = c.kind == model::BoardChangeKind::create;
    row->SetValue("DISPLAY_NAME", created ? c.display_name : "");
    row->SetValue("CHANGE",
                  created ? "Tạo tài khoản mới: " + std::string(model::role_label(c.to))
                          : std::string(model::role_label(c.from)) + " → " + std::string(model::role_label(c.to)));
    if (!c.reason.empty()) row->AddSectionDictionary("HAS_REASON")->SetValue("REASON", c.reason);
    row->SetValue("PROPOSED_BY", c.proposed_by);
    row->SetValue("PROPOSED_AT", model::format_datetime_vn(c.proposed_at));
    // One's own change is decided by another member of the board.
    row->AddSectionDictionary(c.username == me.username ? "OWN" : "DECIDE");
  }
}

Response render(const Context& ctx, const Request& req, const model::User& me, const std::string& error,
                std::string_view flash, int status) {
  ctemplate::TemplateDictionary dict("admin_board");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Ban biên tập");
  if (!error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", error);
  if (!flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", std::string(flash));
  const store::ReadTxn txn = ctx.store.read();
  fill_members(dict, txn, ctx.store.tables());
  fill_pending(dict, txn, ctx.store.tables(), me);
  return render_admin(ctx, "admin_board", dict, status);
}

std::string refusal_text(accounts::Refusal r) {
  using R = accounts::Refusal;
  switch (r) {
    case R::self: return "Thay đổi liên quan đến chính bạn do thành viên khác của Ban biên tập quyết định.";
    case R::reason_required: return "Vui lòng ghi lý do từ chối.";
    case R::exists: return "Tên đăng nhập này đã có tài khoản: hãy từ chối đề nghị.";
    case R::agency_required: return "Vai trò này cần tài khoản thuộc một cơ quan.";
    case R::not_found: throw HttpError(404, "Không có đề nghị nào đang chờ cho tài khoản này.");
    default: break;
  }
  return "Thao tác không hợp lệ.";
}

}  // namespace

Response page(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  std::string_view flash;
  if (req.query_value("da-duyet")) flash = "Đã duyệt thay đổi thành viên Ban biên tập.";
  if (req.query_value("da-tu-choi")) flash = "Đã từ chối đề nghị.";
  return render(ctx, req, me, "", flash, 200);
}

Response decide(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  const std::string& name = req.params.at("name");
  const std::string what = f.get("what");
  if (what != "approve" && what != "reject") throw HttpError(400, "Thao tác không hợp lệ.");
  const std::string reason = model::to_nfc(model::trim(f.get("reason"))).value_or("");
  accounts::Result r;
  {
    store::WriteTxn txn = ctx.store.write();
    const auto& t = ctx.store.tables();
    r = what == "approve" ? accounts::approve_board_change(txn, t, name, actor_of(me, req), model::now())
                          : accounts::reject_board_change(txn, t, name, reason, actor_of(me, req), model::now());
    if (r) txn.commit();
  }
  if (!r) return render(ctx, req, me, refusal_text(r.refusal), "", 422);
  return Response::redirect(std::string(kPage) + (what == "approve" ? "?da-duyet=1" : "?da-tu-choi=1"));
}

}  // namespace board_pages
}  // namespace portald::web::admin
