#include "daemon/editorial/commission_service.hpp"

#include "daemon/editorial/commission_notice.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/typed_text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::editorial {
namespace {

using model::Commission;
using model::CommissionState;

constexpr std::string_view kNotFound = "Không tìm thấy việc được giao này.";

CommissionResult fail(CommissionOutcome o, std::string message, std::uint64_t id = 0) {
  return {o, {std::move(message)}, id};
}

void record(store::WriteTxn& txn, const store::Tables& t, model::AuditAction action, const model::Actor& actor,
            std::uint64_t id, CommissionState from, CommissionState to, std::string reason, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = now,
                       .actor = actor.username,
                       .action = {},
                       .object = "commission/" + std::to_string(id),
                       .from = action == model::AuditAction::commission_create ? "" : std::string(to_string(from)),
                       .to = std::string(to_string(to)),
                       .reason = std::move(reason),
                       .address = actor.address});
}

// Why a commission that is no longer open cannot change.
std::string closed_text(const Commission& c) {
  return c.state == CommissionState::delivered ? "Việc này đã được giao nộp." : "Việc này đã bị hủy.";
}

// The assignee the form names, with what is wrong about it ("" when it may be assigned).
std::string assignee_problem(const store::Txn& txn, const store::Tables& t, const model::AssigneeRef& a) {
  if (a.agency_id) return store::get_agency(txn, t, a.agency_id) ? "" : "Cơ quan đã chọn không có trong danh sách.";
  const auto u = store::get_user(txn, t, a.username);
  if (!u || u->suspended || !model::allowed(u->role, model::Action::write_article))
    return "Tài khoản được giao không có, đã bị đình chỉ hoặc không viết bài được.";
  return "";
}

// Cleans a typed field into `out`; `missing` is the message for an empty required one ("" = optional).
void check_text(std::string_view raw, bool multi_line, std::size_t max, std::string_view label,
                std::string_view missing, std::string& out, std::vector<std::string>& errors) {
  const auto clean = model::clean_typed_text(raw, multi_line);
  if (!clean) {
    errors.push_back(std::string(label) + " có ký tự không hợp lệ.");
    return;
  }
  out = *clean;
  if (out.empty() && !missing.empty())
    errors.emplace_back(missing);
  else if (auto problem = model::length_problem(out, 0, max, label))
    errors.push_back(std::move(*problem));
}

}  // namespace

bool is_assignee(const Commission& c, const model::Actor& actor) {
  if (!c.assignee_user.empty() && !actor.username.empty() && c.assignee_user == actor.username) return true;
  return c.agency_id != 0 && actor.agency_id == c.agency_id;
}

bool may_see_commission(const Commission& c, const model::Actor& actor) {
  return model::may(actor, model::Action::commission) || model::may(actor, model::Action::view_queues) ||
         is_assignee(c, actor);
}

bool may_deliver_commission(const Commission& c, const model::Actor& actor) {
  return model::may(actor, model::Action::commission) || (actor.role && is_assignee(c, actor));
}

std::string assignee_label(const store::Txn& txn, const store::Tables& t, const Commission& c) {
  if (c.agency_id) {
    const auto a = store::get_agency(txn, t, c.agency_id);
    return a ? a->name : "Cơ quan số " + std::to_string(c.agency_id);
  }
  const auto u = store::get_user(txn, t, c.assignee_user);
  if (!u || u->display_name.empty() || u->display_name == u->username) return c.assignee_user;
  return u->display_name + " (" + u->username + ")";
}

CommissionResult create_commission(const store::Store& store, const CommissionFields& f, const model::Actor& actor,
                                   model::UnixTime now, const mail::Outbox& outbox) {
  if (!model::may(actor, model::Action::commission))
    return fail(CommissionOutcome::refused, "Chỉ Ban biên tập được đặt hàng, giao việc.");
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  Commission c;
  std::vector<std::string> errors;
  if (const auto kind = model::parse_commission_kind(f.kind))
    c.kind = *kind;
  else
    errors.push_back("Vui lòng chọn loại việc.");
  check_text(f.title, false, model::kMaxCommissionTitle, "Tiêu đề", "Vui lòng nhập tiêu đề.", c.title, errors);
  check_text(f.brief, true, model::kMaxCommissionBrief, "Nội dung yêu cầu", "", c.brief, errors);
  if (const auto a = model::parse_assignee(f.assignee)) {
    if (auto problem = assignee_problem(txn, t, *a); !problem.empty()) errors.push_back(std::move(problem));
    c.agency_id = a->agency_id;
    c.assignee_user = a->username;
  } else {
    errors.push_back("Vui lòng chọn cơ quan hoặc người được giao.");
  }
  if (const auto due = model::parse_iso_date(model::trim(f.due)); !due)
    errors.push_back("Vui lòng nhập hạn hoàn thành là một ngày hợp lệ.");
  else if (*due < model::commission_day(now))
    errors.push_back("Hạn hoàn thành không được trước hôm nay.");
  else
    c.due_day = *due;
  if (!errors.empty()) return {CommissionOutcome::invalid, std::move(errors), 0};
  c.created_by = actor.username;
  c.created_at = now;
  c.id = store::add_commission(txn, t, c);
  record(txn, t, model::AuditAction::commission_create, actor, c.id, CommissionState::open, CommissionState::open,
         c.title + " · Giao: " + assignee_label(txn, t, c) + " · Hạn: " + model::format_due_day(c.due_day), now);
  queue_commission_notices(txn, t, outbox, c, CommissionEvent::created, actor, now);
  txn.commit();
  return {CommissionOutcome::done, {}, c.id};
}

CommissionResult deliver_commission(const store::Store& store, std::uint64_t id, std::string_view article_ref,
                                    const model::Actor& actor, model::UnixTime now, const mail::Outbox& outbox) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  auto c = store::get_commission(txn, t, id);
  if (!c || !may_see_commission(*c, actor)) return fail(CommissionOutcome::not_found, std::string(kNotFound));
  if (!may_deliver_commission(*c, actor))
    return fail(CommissionOutcome::refused, "Chỉ người được giao hoặc Ban biên tập được giao nộp việc này.", id);
  if (c->state != CommissionState::open) return fail(CommissionOutcome::refused, closed_text(*c), id);
  const auto article = model::parse_article_ref(article_ref);
  if (!article)
    return fail(CommissionOutcome::invalid,
                "Vui lòng nhập số bài viết hoặc địa chỉ của bài trong trang quản trị (ví dụ /quan-tri/bai-viet/12).",
                id);
  const auto item = load_item(txn, t, *article);
  if (!item || !may_view(*item, actor))
    return fail(CommissionOutcome::invalid,
                "Không tìm thấy bài viết số " + std::to_string(*article) + ", hoặc bạn không được xem bài này.", id);
  c->state = CommissionState::delivered;
  c->article_id = *article;
  c->closed_by = actor.username;
  c->closed_at = now;
  store::put_commission(txn, t, *c);
  record(txn, t, model::AuditAction::commission_deliver, actor, id, CommissionState::open, c->state,
         "Bài viết số " + std::to_string(*article) + ": " + item->work.title, now);
  queue_commission_notices(txn, t, outbox, *c, CommissionEvent::delivered, actor, now);
  txn.commit();
  return {CommissionOutcome::done, {}, id};
}

CommissionResult cancel_commission(const store::Store& store, std::uint64_t id, std::string_view reason,
                                   const model::Actor& actor, model::UnixTime now, const mail::Outbox& outbox) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  auto c = store::get_commission(txn, t, id);
  if (!c || !may_see_commission(*c, actor)) return fail(CommissionOutcome::not_found, std::string(kNotFound));
  if (!model::may(actor, model::Action::commission))
    return fail(CommissionOutcome::refused, "Chỉ Ban biên tập được hủy việc đã giao.", id);
  if (c->state != CommissionState::open) return fail(CommissionOutcome::refused, closed_text(*c), id);
  std::vector<std::string> errors;
  std::string clean;
  check_text(reason, true, model::kMaxCommissionReason, "Lý do hủy", "Vui lòng ghi lý do hủy.", clean, errors);
  if (!errors.empty()) return {CommissionOutcome::invalid, std::move(errors), id};
  c->state = CommissionState::cancelled;
  c->reason = std::move(clean);
  c->closed_by = actor.username;
  c->closed_at = now;
  store::put_commission(txn, t, *c);
  record(txn, t, model::AuditAction::commission_cancel, actor, id, CommissionState::open, c->state, c->reason, now);
  queue_commission_notices(txn, t, outbox, *c, CommissionEvent::cancelled, actor, now);
  txn.commit();
  return {CommissionOutcome::done, {}, id};
}

}  // namespace portald::editorial
