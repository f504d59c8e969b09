#include "daemon/questions/question_notices.hpp"

#include "daemon/log/log.hpp"
#include "daemon/model/time.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::questions {
namespace {

std::string signature(const model::SiteSettings& site) {
  std::string s = "\n-- \n" + site.portal_name + "\n";
  if (!site.phone.empty()) s += "Điện thoại: " + site.phone + "\n";
  if (!site.email.empty()) s += "Thư điện tử: " + site.email + "\n";
  return s + "Thư này được gửi tự động, vui lòng không trả lời.\n";
}

void send(store::WriteTxn& txn, const store::Tables& t, const Notices& n, mail::Message m, std::uint64_t id,
          model::UnixTime now) {
  const auto r = n.outbox.queue(txn, t, m, now);
  if (r.result == mail::QueueResult::invalid)
    log::notice("questions.notice_refused", {{"question", static_cast<long long>(id)}, {"reason", r.error}});
}

std::string greeting(const std::string& name) { return "Kính gửi " + (name.empty() ? "ông/bà" : name) + ",\n\n"; }

std::string due_text(std::int32_t day) { return model::format_date_vn(model::UnixTime(day) * 86400); }

// Staff with a work e-mail who should hear of `q`: the agency's answerers, or the data centre.
std::vector<model::User> recipients(const store::Txn& txn, const store::Tables& t, const model::Question& q,
                                    model::QuestionParty party) {
  std::vector<model::User> out;
  for (auto& u : store::list_users(txn, t)) {
    if (u.email.empty() || u.suspended || model::question_party(u.role) != party) continue;
    if (party == model::QuestionParty::agency && u.agency_id != q.agency_id) continue;
    out.push_back(std::move(u));
  }
  return out;
}

std::string display(const model::User& u) { return u.display_name.empty() ? u.username : u.display_name; }

std::string admin_link(const model::SiteSettings& site, const model::Question& q) {
  return model::base_url(site) + "/quan-tri/hoi-dap/" + std::to_string(q.id) + "\n";
}

}  // namespace

void queue_receipt(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                   const std::string& email, const std::string& name, model::UnixTime now) {
  if (email.empty() || !n.outbox.enabled()) return;
  const auto site = store::get_site_settings(txn, t);
  std::string body = greeting(name);
  body += site.portal_name + " đã nhận câu hỏi của ông/bà:\n\"" + q.title + "\"\n\n";
  body += "Mã tra cứu: " + q.code + "\n";
  body += "Ngày tiếp nhận: " + model::format_datetime_vn(q.received_at) + "\n";
  if (q.due_day != 0)
    body += "Hạn trả lời dự kiến: " + model::format_date_vn(model::UnixTime(q.due_day) * 86400) + "\n";
  body += "\nTheo dõi tình trạng xử lý:\n" + model::base_url(site) + "/hoi-dap/tra-cuu?ma=" + q.code + "\n";
  body += signature(site);
  send(txn, t, n,
       {.to = email, .to_name = name, .subject = "Đã nhận câu hỏi của ông/bà (mã " + q.code + ")", .body = body}, q.id,
       now);
}

void queue_step_notices(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                        model::QuestionStep step, model::UnixTime now) {
  if (!n.outbox.enabled()) return;
  const auto site = store::get_site_settings(txn, t);
  if (step == model::QuestionStep::assign) {
    const auto agency = store::get_agency(txn, t, q.agency_id);
    for (const auto& u : recipients(txn, t, q, model::QuestionParty::agency)) {
      std::string body = greeting(display(u));
      body += "Một câu hỏi của người dân đã được giao cho " + (agency ? agency->name : std::string("cơ quan")) +
              " trả lời:\n\"" + q.title + "\"\n\n";
      body += "Lĩnh vực: " + q.field + "\n";
      if (q.due_day != 0) body += "Hạn trả lời: " + due_text(q.due_day) + "\n";
      body += "\nXem và trả lời trong trang quản trị:\n" + admin_link(site, q);
      body += signature(site);
      send(txn, t, n,
           {.to = u.email, .to_name = u.display_name, .subject = "Câu hỏi mới được giao: " + q.title, .body = body},
           q.id, now);
    }
    return;
  }
  if (step != model::QuestionStep::request_info && step != model::QuestionStep::approve) return;
  if (!n.key) return;
  const auto who = open_private(*n.key, q);
  if (!who || who->email.empty()) return;
  std::string body = greeting(who->name);
  if (step == model::QuestionStep::request_info) {
    body += "Để trả lời câu hỏi \"" + q.title + "\" (mã " + q.code + "), cơ quan xử lý đề nghị ông/bà bổ sung:\n\n";
    body += q.reason + "\n\n";
    body += "Vui lòng liên hệ " + site.portal_name + (site.phone.empty() ? std::string() : " qua số " + site.phone) +
            (site.email.empty() ? std::string() : " hoặc thư điện tử " + site.email) + ", kèm mã tra cứu.\n";
    send(txn, t, n,
         {.to = who->email,
          .to_name = who->name,
          .subject = "Đề nghị bổ sung thông tin (mã " + q.code + ")",
          .body = body + signature(site)},
         q.id, now);
    return;
  }
  body += "Câu hỏi \"" + q.title + "\" (mã " + q.code + ") đã có trả lời:\n\n";
  body += q.answer + "\n\n";
  if (const auto agency = store::get_agency(txn, t, q.agency_id)) body += "Cơ quan trả lời: " + agency->name + "\n";
  body += "Xem tại:\n" + model::base_url(site) + "/hoi-dap/tra-cuu?ma=" + q.code + "\n";
  send(txn, t, n,
       {.to = who->email,
        .to_name = who->name,
        .subject = "Trả lời câu hỏi của ông/bà (mã " + q.code + ")",
        .body = body + signature(site)},
       q.id, now);
}

int queue_due_soon(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                   model::UnixTime now) {
  if (!n.outbox.enabled()) return 0;
  const auto site = store::get_site_settings(txn, t);
  int queued = 0;
  for (const auto& u : recipients(txn, t, q, model::QuestionParty::agency)) {
    std::string body = greeting(display(u));
    body += "Câu hỏi sau sắp đến hạn trả lời (hạn " + due_text(q.due_day) + "):\n\"" + q.title + "\"\n\n";
    body += "Mã: " + q.code + ". Lĩnh vực: " + q.field + "\n";
    body += "\nXem và trả lời trong trang quản trị:\n" + admin_link(site, q);
    send(txn, t, n,
         {.to = u.email,
          .to_name = u.display_name,
          .subject = "Sắp đến hạn trả lời: " + q.title,
          .body = body + signature(site)},
         q.id, now);
    ++queued;
  }
  return queued;
}

int queue_overdue(store::WriteTxn& txn, const store::Tables& t, const Notices& n, const model::Question& q,
                  model::UnixTime now) {
  if (!n.outbox.enabled()) return 0;
  const auto site = store::get_site_settings(txn, t);
  const auto agency = store::get_agency(txn, t, q.agency_id);
  int queued = 0;
  for (const auto& u : recipients(txn, t, q, model::QuestionParty::data_centre)) {
    std::string body = greeting(display(u));
    body += "Câu hỏi sau đã quá hạn trả lời (hạn " + due_text(q.due_day) + ") mà chưa có câu trả lời:\n\"" + q.title +
            "\"\n\n";
    body += "Mã: " + q.code + ". Trạng thái: " + std::string(model::state_label(q.state)) + ".\n";
    body += "Cơ quan đang xử lý: " + (agency ? agency->name : std::string("chưa giao")) + "\n";
    body += "\nXem trong trang quản trị:\n" + admin_link(site, q);
    send(txn, t, n,
         {.to = u.email,
          .to_name = u.display_name,
          .subject = "Quá hạn trả lời: " + q.title,
          .body = body + signature(site)},
         q.id, now);
    ++queued;
  }
  return queued;
}

}  // namespace portald::questions
