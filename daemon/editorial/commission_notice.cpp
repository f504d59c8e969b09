#include "daemon/editorial/commission_notice.hpp"

#include "daemon/editorial/commission_service.hpp"
#include "daemon/editorial/editorial.hpp"
#include "daemon/model/site_settings.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::editorial {
namespace {

using model::Commission;

bool reachable(const model::User& u) { return !u.email.empty() && !u.suspended; }

// Who hears of `event`: the assignee (the account, or the agency's staff) for a new or cancelled
// commission, whoever created it for a delivery; never the actor.
std::vector<model::User> recipients(const store::Txn& txn, const store::Tables& t, const Commission& c,
                                    CommissionEvent event, const model::Actor& actor) {
  std::vector<model::User> out;
  const auto add = [&](model::User u) {
    if (reachable(u) && u.username != actor.username) out.push_back(std::move(u));
  };
  if (event == CommissionEvent::delivered) {
    if (auto u = store::get_user(txn, t, c.created_by)) add(std::move(*u));
  } else if (!c.assignee_user.empty()) {
    if (auto u = store::get_user(txn, t, c.assignee_user)) add(std::move(*u));
  } else {
    for (auto& u : store::list_users(txn, t))
      if (model::needs_agency(u.role) && u.agency_id == c.agency_id) add(std::move(u));
  }
  return out;
}

std::string person(const store::Txn& txn, const store::Tables& t, const std::string& username) {
  const auto u = store::get_user(txn, t, username);
  if (!u || u->display_name.empty() || u->display_name == username) return username;
  return u->display_name + " (" + username + ")";
}

std::string subject_of(const Commission& c, CommissionEvent event) {
  switch (event) {
    case CommissionEvent::created:
      return (c.kind == model::CommissionKind::event ? "Ban biên tập cử đưa tin: " : "Ban biên tập đặt tin, bài: ") +
             c.title;
    case CommissionEvent::delivered: return "Đã giao nộp việc được giao: " + c.title;
    case CommissionEvent::cancelled: return "Ban biên tập hủy việc đã giao: " + c.title;
  }
  return c.title;
}

// The lines between the greeting and the link: what happened and its particulars.
std::string what_happened(const store::Txn& txn, const store::Tables& t, const Commission& c, CommissionEvent event,
                          const model::Actor& actor, model::UnixTime now) {
  const std::string assignee = assignee_label(txn, t, c);
  std::string s;
  switch (event) {
    case CommissionEvent::created:
      s = "Ban biên tập giao cho " + assignee + " việc \"" + c.title + "\" (Quy chế, Điều 6 khoản 1 điểm " +
          (c.kind == model::CommissionKind::event ? "d" : "c") + ").\n\n";
      s += "Loại việc: " + std::string(model::commission_kind_label(c.kind)) + "\n";
      s += "Hạn hoàn thành: " + model::format_due_day(c.due_day) + "\n";
      s += "Người giao: " + person(txn, t, actor.username) + "\n";
      if (!c.brief.empty()) s += "\nNội dung yêu cầu:\n" + c.brief + "\n";
      s += "\nKhi hoàn thành, hãy giao nộp bằng cách ghi số bài viết trên trang của việc này:\n";
      return s;
    case CommissionEvent::delivered:
      s = "Việc \"" + c.title + "\" giao cho " + assignee + " đã được giao nộp.\n\n";
      s += "Người giao nộp: " + person(txn, t, actor.username) + "\n";
      s += "Thời gian: " + model::format_datetime_vn(now) + "\n";
      if (const auto item = load_item(txn, t, c.article_id))
        s += "Bài viết: \"" + item->work.title + "\" (số " + std::to_string(c.article_id) + ")\n";
      s += "\nXem việc được giao và bài viết trong trang quản trị:\n";
      return s;
    case CommissionEvent::cancelled:
      s = "Việc \"" + c.title + "\" giao cho " + assignee + " đã được Ban biên tập hủy.\n\n";
      s += "Người hủy: " + person(txn, t, actor.username) + "\n";
      s += "Thời gian: " + model::format_datetime_vn(now) + "\n";
      s += "Lý do: " + c.reason + "\n";
      s += "\nXem trong trang quản trị:\n";
      return s;
  }
  return s;
}

}  // namespace

std::vector<mail::Message> commission_notices(const store::Txn& txn, const store::Tables& t, const Commission& c,
                                              CommissionEvent event, const model::Actor& actor, model::UnixTime now) {
  std::vector<mail::Message> out;
  const auto people = recipients(txn, t, c, event, actor);
  if (people.empty()) return out;
  const auto site = store::get_site_settings(txn, t);
  const std::string middle = what_happened(txn, t, c, event, actor, now);
  const std::string link = model::base_url(site) + "/quan-tri/dat-hang/" + std::to_string(c.id);
  for (const auto& u : people) {
    std::string body = "Kính gửi " + (u.display_name.empty() ? u.username : u.display_name) + ",\n\n";
    body += middle + link + "\n\n";
    body += "-- \n" + site.portal_name + "\nThư này được gửi tự động, vui lòng không trả lời.\n";
    out.push_back({.to = u.email, .to_name = u.display_name, .subject = subject_of(c, event), .body = std::move(body)});
  }
  return out;
}

void queue_commission_notices(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox,
                              const Commission& c, CommissionEvent event, const model::Actor& actor,
                              model::UnixTime now) {
  if (!outbox.enabled()) return;
  for (const auto& m : commission_notices(txn, t, c, event, actor, now)) outbox.queue(txn, t, m, now);
}

}  // namespace portald::editorial
