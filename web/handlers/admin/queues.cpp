// The dashboard and the queues of the regulation's roles: "chờ biên tập", "chờ duyệt", "bị trả lại", and
// "chờ làm rõ" (issue 16, Điều 8.2: the board's questions waiting for the provider's answer).
#include <algorithm>

#include "daemon/editorial/commission_service.hpp"
#include "daemon/editorial/unit_rights.hpp"
#include "daemon/intake/intake_service.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace queue_pages {

using model::ArticleStatus;

struct Queue {
  const char* slug;
  const char* title;
  std::vector<ArticleStatus> states;
  bool own_only_unless_editor;  // authors see their own items; editors see everyone's
};

const std::vector<Queue>& queues() {
  static const std::vector<Queue> q{
      {.slug = "cho-bien-tap",
       .title = "Chờ biên tập",
       .states = {ArticleStatus::submitted, ArticleStatus::editing},
       .own_only_unless_editor = false},
      {.slug = "cho-duyet",
       .title = "Chờ duyệt",
       .states = {ArticleStatus::awaiting_approval, ArticleStatus::scheduled},
       .own_only_unless_editor = false},
      {.slug = "bi-tra-lai",
       .title = "Bị trả lại",
       .states = {ArticleStatus::returned},
       .own_only_unless_editor = true},
      {.slug = "cho-lam-ro",
       .title = "Chờ làm rõ",
       .states = {ArticleStatus::awaiting_clarification},
       .own_only_unless_editor = true},
  };
  return q;
}

bool editor(const model::User& u) { return model::allowed(u.role, model::Action::view_queues); }

std::string agency_name(const Context& ctx, std::uint64_t id) {
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_agency(txn, ctx.store.tables(), id);
  return a ? a->name : "mã " + std::to_string(id);
}

// Whose items a list holds: everyone's, the user's own, or also those of the user's agency (issue 16).
enum class Scope { everyone, own, own_agency };

// Items in `states`, oldest first (what waited longest is handled first).
std::vector<editorial::Item> items_in(const Context& ctx, const model::User& user,
                                      const std::vector<ArticleStatus>& states, Scope scope) {
  std::vector<editorial::Item> out;
  const store::ReadTxn txn = ctx.store.read();
  const editorial::Actor agency_member{.username = user.username, .role = user.role, .agency_id = user.agency_id};
  for (const auto& e : store::list_editorial(txn, ctx.store.tables())) {
    if (std::find(states.begin(), states.end(), e.state) == states.end()) continue;
    const bool own = e.created_by == user.username;
    if (scope == Scope::own && !own) continue;
    auto item = editorial::load_item(txn, ctx.store.tables(), e.article_id);
    if (!item) continue;
    if (scope == Scope::own_agency && !own && !editorial::of_actors_agency(*item, agency_member)) continue;
    out.push_back(std::move(*item));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.state.since < b.state.since; });
  return out;
}

// Who the row names as the author: the account, or for an item sent through the public form (issue 16,
// Điều 8.1) the sender, opened only for a viewer who may view the item.
std::string author_of(const Context& ctx, const store::Txn& txn, const editorial::Item& it,
                      const editorial::Actor& viewer) {
  if (!it.state.created_by.empty()) return it.state.created_by;
  const auto source = intake::source_for(txn, ctx.store.tables(), ctx.personal_data_key, it, viewer);
  if (!source) return "";
  if (!source->sender) return "Gửi từ cổng";
  return "Gửi từ cổng · " + model::sender_line(*source->sender);
}

void fill_rows(ctemplate::TemplateDictionary& section, const Context& ctx, const editorial::Actor& viewer,
               const std::vector<editorial::Item>& items) {
  const auto now = model::now();
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& it : items) {
    auto* row = section.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(it.article.id));
    row->SetValue("TITLE", it.work.title);
    row->SetValue("STATE", std::string(model::status_label(it.state.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(it.state.state)));
    row->SetValue("AUTHOR", author_of(ctx, txn, it, viewer));
    row->SetValue("AGE", age_text(now - it.state.since));
    // A scheduled item's publication time, so the board sees what goes online when (issue 15).
    if (it.state.state == ArticleStatus::scheduled)
      row->AddSectionDictionary("SCHEDULED")->SetValue("AT", model::format_datetime_vn(it.state.scheduled_at));
    const bool asked = it.state.state == ArticleStatus::awaiting_clarification;
    if (!it.state.reason.empty() && (it.state.state == ArticleStatus::returned || asked)) {
      auto* reason = row->AddSectionDictionary("REASON");
      reason->SetValue("TEXT", it.state.reason);
      reason->SetValue("HEADING", asked ? "Cần làm rõ" : "Lý do trả lại");
    }
  }
  if (items.empty()) section.ShowSection("EMPTY");
}

// "Việc được giao" (issue 16, Điều 6.1c-d): the open commissions of the account and of its agency, earliest
// due first, late ones marked.
void fill_assigned(ctemplate::TemplateDictionary& dict, const Context& ctx, const model::User& user) {
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  std::vector<model::Commission> open;
  for (auto& c : store::list_open_commissions(txn, t))  // already by due date
    if (c.assignee_user == user.username || (user.agency_id != 0 && c.agency_id == user.agency_id))
      open.push_back(std::move(c));
  auto* section = dict.AddSectionDictionary("ASSIGNED");
  const auto now = model::now();
  for (const auto& c : open) {
    auto* row = section->AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(c.id));
    row->SetValue("TITLE", c.title);
    row->SetValue("KIND", std::string(model::commission_kind_label(c.kind)));
    row->SetValue("ASSIGNEE", editorial::assignee_label(txn, t, c));
    row->SetValue("DUE", model::format_due_day(c.due_day));
    if (model::is_overdue(c, now)) row->ShowSection("OVERDUE");
  }
  if (open.empty()) section->ShowSection("EMPTY");
}

Response queue_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto& slug = req.params.at("queue");
  const auto q = std::find_if(queues().begin(), queues().end(), [&](const Queue& x) { return slug == x.slug; });
  if (q == queues().end()) throw HttpError(404, "Không có hàng đợi này.");
  const bool own_only = !editor(user);
  if (own_only && !q->own_only_unless_editor) throw HttpError(403, "Vai trò của bạn không xem được hàng đợi này.");
  ctemplate::TemplateDictionary dict("admin_queue");
  fill_admin_layout(dict, ctx, &user, req.session_csrf, q->title);
  dict.SetValue("HEADING", q->title);
  fill_rows(dict, ctx, actor_of(user, req), items_in(ctx, user, q->states, own_only ? Scope::own : Scope::everyone));
  return render_admin(ctx, "admin_queue", dict);
}

Response dashboard(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_dashboard");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, "Bảng điều khiển");
  if (req.query_value("da-doi")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu.");
  dict.SetValue("NAME", user.display_name.empty() ? user.username : user.display_name);
  dict.SetValue("ROLE", std::string(model::role_label(user.role)));
  if (editor(user))
    for (const auto& q : queues()) {
      auto* c = dict.AddSectionDictionary("QUEUE");
      c->SetValue("SLUG", q.slug);
      c->SetValue("TITLE", q.title);
      c->SetValue("COUNT", std::to_string(items_in(ctx, user, q.states, Scope::everyone).size()));
    }
  // The board follows commissions on their own page; reporters and contributors see theirs here.
  if (model::allowed(user.role, model::Action::write_article) && !editor(user)) fill_assigned(dict, ctx, user);
  if (model::allowed(user.role, model::Action::write_article)) {
    auto* mine = dict.AddSectionDictionary("MINE");
    // A contributor follows every item of its agency, its colleagues' read-only (issue 16).
    const bool agency = model::needs_agency(user.role) && user.agency_id != 0;
    mine->SetValue("HEADING", agency ? "Bài của đơn vị: " + agency_name(ctx, user.agency_id) : "Bài của tôi");
    fill_rows(
        *mine, ctx, actor_of(user, req),
        items_in(ctx, user,
                 {ArticleStatus::draft, ArticleStatus::submitted, ArticleStatus::editing,
                  ArticleStatus::awaiting_approval, ArticleStatus::awaiting_clarification, ArticleStatus::returned,
                  ArticleStatus::scheduled, ArticleStatus::published, ArticleStatus::withdrawn},
                 agency ? Scope::own_agency : Scope::own));
  }
  return render_admin(ctx, "admin_dashboard", dict);
}

}  // namespace queue_pages

}  // namespace portald::web::admin
