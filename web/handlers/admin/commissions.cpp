// The editorial board's commissions (/quan-tri/dat-hang, issue 16, Quy chế Điều 6.1c, 6.1d): the board
// lists them (open ones first, earliest due, late ones marked "Quá hạn") and creates one for an agency or
// an account; a commission's page shows it, lets the assignee or the board deliver it with an article and
// the board cancel it with a reason. An assignee sees only its own (its account's or its agency's): any
// other answers 404. The writes are the commission service's; a refused form comes back as typed.
#include "daemon/editorial/commission_service.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin::commission_pages {
namespace {

using model::Commission;
using model::CommissionState;

constexpr std::string_view kList = "/quan-tri/dat-hang";
constexpr std::string_view kNotFound = "Không tìm thấy việc được giao này.";

std::string item_url(std::uint64_t id) { return std::string(kList) + "/" + std::to_string(id); }

std::uint64_t id_param(const Request& req) {
  const auto it = req.params.find("id");
  const auto id = it == req.params.end() ? std::nullopt : trailing_id(it->second);
  if (!id) throw HttpError(404, std::string(kNotFound));
  return *id;
}

bool board_reader(const model::Actor& a) {
  return model::may(a, model::Action::commission) || model::may(a, model::Action::view_queues);
}

int status_of(editorial::CommissionOutcome o) {
  using O = editorial::CommissionOutcome;
  return o == O::refused ? 403 : o == O::not_found ? 404 : 422;
}

// What the actor sees: everything for the board; the account's and its agency's otherwise.
std::vector<Commission> visible(const store::Txn& txn, const store::Tables& t, const model::Actor& actor) {
  if (board_reader(actor)) return store::list_commissions(txn, t);
  std::vector<Commission> out = store::list_user_commissions(txn, t, actor.username);
  for (auto& c : store::list_agency_commissions(txn, t, actor.agency_id))
    if (c.assignee_user != actor.username) out.push_back(std::move(c));
  return out;
}

// Open ones first, earliest due (then oldest); then the delivered and cancelled, newest first.
void order(std::vector<Commission>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Commission& a, const Commission& b) {
    const bool ao = a.state == CommissionState::open, bo = b.state == CommissionState::open;
    if (ao != bo) return ao;
    if (ao) return a.due_day != b.due_day ? a.due_day < b.due_day : a.id < b.id;
    return a.id > b.id;
  });
}

void fill_row(ctemplate::TemplateDictionary& row, const store::Txn& txn, const store::Tables& t, const Commission& c,
              model::UnixTime now) {
  row.SetValue("ID", std::to_string(c.id));
  row.SetValue("TITLE", c.title);
  row.SetValue("KIND", std::string(model::commission_kind_label(c.kind)));
  row.SetValue("KIND_KEY", std::string(model::to_string(c.kind)));
  row.SetValue("ASSIGNEE", editorial::assignee_label(txn, t, c));
  row.SetValue("DUE", model::format_due_day(c.due_day));
  row.SetValue("STATE", std::string(model::commission_state_label(c.state)));
  row.SetValue("STATE_KEY", std::string(model::to_string(c.state)));
  if (model::is_overdue(c, now)) row.ShowSection("OVERDUE");
}

// The create form, refilled with what was typed after a refusal.
void fill_create_form(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t,
                      const editorial::CommissionFields& f, model::UnixTime now) {
  auto* form = dict.AddSectionDictionary("CREATE");
  for (const auto kind : {model::CommissionKind::item, model::CommissionKind::event}) {
    auto* o = form->AddSectionDictionary("KIND");
    o->SetValue("VALUE", std::string(model::to_string(kind)));
    o->SetValue("LABEL", std::string(model::commission_kind_label(kind)));
    if (f.kind == model::to_string(kind) || (f.kind.empty() && kind == model::CommissionKind::item))
      o->ShowSection("CHECKED");
  }
  form->SetValue("TITLE", f.title);
  form->SetValue("BRIEF", escape_keeping_lines(f.brief));
  form->SetValue("DUE", f.due);
  form->SetValue("TODAY", model::format_iso_date(model::commission_day(now)));
  for (const auto& a : store::list_agencies(txn, t)) {
    auto* o = form->AddSectionDictionary("AGENCY");
    const std::string value = "agency:" + std::to_string(a.id);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", a.name);
    if (f.assignee == value) o->ShowSection("SELECTED");
  }
  for (const auto& u : store::list_users(txn, t)) {
    if (u.suspended || !model::allowed(u.role, model::Action::write_article)) continue;
    auto* o = form->AddSectionDictionary("PERSON");
    const std::string value = "user:" + u.username;
    o->SetValue("VALUE", value);
    const bool plain = u.display_name.empty() || u.display_name == u.username;
    const std::string name = plain ? u.username : u.display_name + " (" + u.username + ")";
    o->SetValue("LABEL", name + " · " + std::string(model::role_label(u.role)));
    if (f.assignee == value) o->ShowSection("SELECTED");
  }
}

struct View {
  std::vector<std::string> errors{};
  int status = 200;
  std::string flash{};
  const editorial::CommissionFields* typed = nullptr;  // the create form as posted
  std::string typed_article{};                         // the deliver form as posted
  std::string typed_reason{};                          // the cancel form as posted
};

void add_errors(ctemplate::TemplateDictionary& dict, const View& v) {
  if (v.errors.empty()) return;
  auto* box = dict.AddSectionDictionary("ERRORS");
  for (const auto& e : v.errors) box->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
}

Response render_list(const Context& ctx, const Request& req, const model::User& me, const View& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto actor = actor_of(me, req);
  const auto now = model::now();
  ctemplate::TemplateDictionary dict("admin_commissions");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Đặt hàng, giao việc");
  if (!v.flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", v.flash);
  add_errors(dict, v);
  auto list = visible(txn, t, actor);
  order(list);
  std::size_t open = 0, late = 0;
  for (const auto& c : list) {
    auto* row = dict.AddSectionDictionary(c.state == CommissionState::open ? "OPEN_ROW" : "CLOSED_ROW");
    fill_row(*row, txn, t, c, now);
    open += c.state == CommissionState::open ? 1 : 0;
    late += model::is_overdue(c, now) ? 1 : 0;
  }
  dict.SetIntValue("OPEN_COUNT", static_cast<long>(open));
  dict.SetIntValue("LATE_COUNT", static_cast<long>(late));
  if (open == 0) dict.ShowSection("NO_OPEN");
  if (list.empty()) dict.ShowSection("NO_ROWS");  // no header row over nothing
  if (model::may(actor, model::Action::commission))
    fill_create_form(dict, txn, t, v.typed ? *v.typed : editorial::CommissionFields{}, now);
  return render_admin(ctx, "admin_commissions", dict, v.status);
}

std::string article_title(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  const auto item = editorial::load_item(txn, t, id);
  return item ? item->work.title : "Bài viết số " + std::to_string(id);
}

Response render_item(const Context& ctx, const Request& req, const model::User& me, std::uint64_t id, const View& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto actor = actor_of(me, req);
  const auto c = store::get_commission(txn, t, id);
  if (!c || !editorial::may_see_commission(*c, actor)) throw HttpError(404, std::string(kNotFound));
  const auto now = model::now();
  ctemplate::TemplateDictionary dict("admin_commission");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, c->title);
  if (!v.flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", v.flash);
  add_errors(dict, v);
  fill_row(dict, txn, t, *c, now);
  dict.SetValue("BRIEF", escape_keeping_lines(c->brief));
  if (c->brief.empty()) dict.ShowSection("NO_BRIEF");
  dict.SetValue("CREATED_BY", person_name(ctx, c->created_by));
  dict.SetValue("CREATED_AT", model::format_datetime_vn(c->created_at));
  if (c->state == CommissionState::delivered) {
    auto* d = dict.AddSectionDictionary("DELIVERED");
    d->SetValue("ARTICLE_ID", std::to_string(c->article_id));
    d->SetValue("ARTICLE_TITLE", article_title(txn, t, c->article_id));
    d->SetValue("BY", person_name(ctx, c->closed_by));
    d->SetValue("AT", model::format_datetime_vn(c->closed_at));
  } else if (c->state == CommissionState::cancelled) {
    auto* d = dict.AddSectionDictionary("CANCELLED");
    d->SetValue("REASON", escape_keeping_lines(c->reason));
    d->SetValue("BY", person_name(ctx, c->closed_by));
    d->SetValue("AT", model::format_datetime_vn(c->closed_at));
  } else {
    if (editorial::may_deliver_commission(*c, actor))
      dict.AddSectionDictionary("DELIVER")->SetValue("ARTICLE", v.typed_article);
    if (model::may(actor, model::Action::commission))
      dict.AddSectionDictionary("CANCEL")->SetValue("REASON", escape_keeping_lines(v.typed_reason));
  }
  return render_admin(ctx, "admin_commission", dict, v.status);
}

}  // namespace

Response list(const Context& ctx, Request& req) {
  View v;
  if (req.query_value("da-tao")) v.flash = "Đã giao việc.";
  return render_list(ctx, req, current_user(ctx, req), v);
}

Response create_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form f = form_of(req);
  const editorial::CommissionFields fields{.kind = f.get("loai"),
                                           .title = f.get("tieu-de"),
                                           .brief = f.get("noi-dung"),
                                           .assignee = f.get("giao-cho"),
                                           .due = f.get("han")};
  const auto r = editorial::create_commission(ctx.store, fields, actor_of(me, req), model::now(), ctx.outbox);
  if (r.outcome != editorial::CommissionOutcome::done)
    return render_list(ctx, req, me, {.errors = r.errors, .status = status_of(r.outcome), .typed = &fields});
  return Response::redirect(item_url(r.id) + "?da-tao=1");
}

Response item(const Context& ctx, Request& req) {
  View v;
  if (req.query_value("da-tao")) v.flash = "Đã giao việc.";
  if (req.query_value("da-giao-nop")) v.flash = "Đã giao nộp.";
  if (req.query_value("da-huy")) v.flash = "Đã hủy việc được giao.";
  return render_item(ctx, req, current_user(ctx, req), id_param(req), v);
}

Response deliver_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const std::string article = form_of(req).get("bai-viet");
  const auto r = editorial::deliver_commission(ctx.store, id, article, actor_of(me, req), model::now(), ctx.outbox);
  if (r.outcome == editorial::CommissionOutcome::not_found) throw HttpError(404, std::string(kNotFound));
  if (r.outcome != editorial::CommissionOutcome::done)
    return render_item(ctx, req, me, id,
                       {.errors = r.errors, .status = status_of(r.outcome), .typed_article = article});
  return Response::redirect(item_url(id) + "?da-giao-nop=1");
}

Response cancel_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const std::string reason = form_of(req).get("ly-do");
  const auto r = editorial::cancel_commission(ctx.store, id, reason, actor_of(me, req), model::now(), ctx.outbox);
  if (r.outcome == editorial::CommissionOutcome::not_found) throw HttpError(404, std::string(kNotFound));
  if (r.outcome != editorial::CommissionOutcome::done)
    return render_item(ctx, req, me, id, {.errors = r.errors, .status = status_of(r.outcome), .typed_reason = reason});
  return Response::redirect(item_url(id) + "?da-huy=1");
}

}  // namespace portald::web::admin::commission_pages
