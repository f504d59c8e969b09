#include "daemon/reports/agency_report_mail.hpp"

#include <algorithm>
#include <map>

#include "daemon/log/log.hpp"
#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/reports/report_inputs.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::reports {
namespace {

constexpr model::UnixTime kSendFrom = 7 * 3600;  // local time of day the month's e-mails may go

// The audit object that records a month as sent: "report/co-quan/2026-11".
std::string sent_object(const ReportRange& month) { return "report/co-quan/" + month.slug; }

const Figures* agency_figures(const AgencyReport& r, std::uint64_t agency_id) {
  const auto it = std::ranges::find(r.agencies, agency_id, &AgencyFigures::agency_id);
  return it != r.agencies.end() ? &it->figures : nullptr;
}

const questions::AgencyMonth* question_figures_of(const AgencyReport& r, std::uint64_t agency_id) {
  const auto& rows = r.questions.rows;
  const auto it = std::ranges::find(rows, agency_id, &questions::AgencyMonth::agency_id);
  return it != rows.end() ? &*it : nullptr;
}

std::string figures_line(const Figures& f) {
  return "gửi duyệt " + std::to_string(f.submitted) + ", xuất bản " + std::to_string(f.published) + ", trả lại " +
         std::to_string(f.returned) + ", gỡ " + std::to_string(f.withdrawn);
}

std::string hours(model::UnixTime seconds) { return model::decimal_text(double(seconds) / 3600) + " giờ"; }

// Staff of `agency_id` who may hear of its report: contributors and answerers with a work e-mail.
std::vector<model::User> recipients(const store::Txn& txn, const store::Tables& t, std::uint64_t agency_id) {
  std::vector<model::User> out;
  for (auto& u : store::list_users(txn, t)) {
    const bool agency_staff = u.role == model::Role::contributor || u.role == model::Role::agency_answerer;
    if (agency_staff && u.agency_id == agency_id && !u.email.empty() && !u.suspended) out.push_back(std::move(u));
  }
  return out;
}

}  // namespace

std::optional<ReportRange> month_due(model::UnixTime now) {
  const std::int32_t today = health::local_day(now);
  const model::UnixTime since_midnight = now + model::kVietnamOffsetSeconds - model::UnixTime(today) * 86400;
  const auto month = questions::month_of(today);
  if (today == month.first_day && since_midnight < kSendFrom) return std::nullopt;
  const auto before = questions::month_of(month.first_day - 1);
  return month_range(before.year, before.month);
}

std::string agency_mail_body(const AgencyReport& report, std::uint64_t agency_id, const ReportRange& range,
                             const AgencyMailNames& names, const std::string& link) {
  std::string body = "Kính gửi " + names.agency + ",\n\n";
  body += names.portal + " gửi báo cáo " + range.label + " về thông tin " + names.agency +
          " cung cấp cho cổng (Quy chế, Điều 6 khoản 1 điểm đ).\n\n";

  const Figures* f = agency_figures(report, agency_id);
  if (!f) {
    body += "Tin bài: trong " + range.label + " cơ quan không gửi, không có tin bài được xuất bản, trả lại hay gỡ.\n";
  } else {
    body += "Tin bài gửi duyệt: " + std::to_string(f->submitted) + "\n";
    body += "Đã xuất bản: " + std::to_string(f->published) + "\n";
    body += "Bị trả lại: " + std::to_string(f->returned) + "\n";
    body += "Bị gỡ: " + std::to_string(f->withdrawn) + "\n";
    if (f->timed)
      body += "Thời gian từ gửi duyệt đến xuất bản: trung bình " + hours(model::UnixTime(f->average_seconds)) +
              ", 90% trong vòng " + hours(f->p90_seconds) + "\n";
    const auto a = std::ranges::find(report.agencies, agency_id, &AgencyFigures::agency_id);
    if (!a->categories.empty()) {
      body += "\nTheo chuyên mục:\n";
      for (const auto& c : a->categories)
        body += "- " + names.category(c.category_id) + ": " + figures_line(c.figures) + "\n";
    }
  }

  bool returns_heading = false;
  for (const auto& r : report.returns) {
    if (r.agency_id != agency_id) continue;
    if (!returns_heading) body += "\nTin bài bị trả lại và lý do:\n";
    returns_heading = true;
    body += "- " + model::format_date_vn(r.at) + " \"" + r.title +
            "\": " + (r.reason.empty() ? "(không ghi lý do)" : r.reason) + "\n";
  }

  if (const auto* q = question_figures_of(report, agency_id)) {
    body += "\nCâu hỏi của người dân:\n";
    body += "Tiếp nhận: " + std::to_string(q->received) + "\n";
    body += "Đã trả lời: " + std::to_string(q->answered) + " (đúng hạn " + std::to_string(q->on_time) + ", trễ hạn " +
            std::to_string(q->late) + ")\n";
    body += "Quá hạn chưa trả lời cuối kỳ: " + std::to_string(q->overdue) + "\n";
  }

  body += "\nXem báo cáo đầy đủ (cần đăng nhập):\n" + link + "\n";
  body += "\n-- \n" + names.portal + "\nThư này được gửi tự động, vui lòng không trả lời.\n";
  return body;
}

AgencyMailPass mail_agency_reports(const store::Store& store, const mail::Outbox& outbox,
                                   const health::Calendar& calendar, model::UnixTime now) {
  AgencyMailPass pass;
  const auto month = month_due(now);
  if (!month || !outbox.enabled()) return pass;
  const auto& t = store.tables();
  {
    const store::ReadTxn txn = store.read();
    if (store::get_site_settings(txn, t).mail_agency_reports != "1") return pass;
    const store::AuditFilter sent{
        .action_prefix = std::string(model::to_string(model::AuditAction::report_agency_mail)),
        .object = sent_object(*month),
        .since = month->to()};
    if (!store::find_audit(txn, t, sent, 1).empty()) return pass;
  }

  store::WriteTxn txn = store.write();
  const auto site = store::get_site_settings(txn, t);
  const AgencyReport report = read_agency_report(txn, t, *month, calendar, health::local_day(now));
  std::map<std::uint64_t, std::string> categories;
  for (const auto& c : store::list_categories(txn, t)) categories[c.id] = c.name;
  const AgencyMailNames base{.portal = site.portal_name, .agency = {}, .category = [&categories](std::uint64_t id) {
                               const auto it = categories.find(id);
                               return it != categories.end() ? it->second : "Chuyên mục #" + std::to_string(id);
                             }};
  const std::string link = model::base_url(site) + "/quan-tri/bao-cao/co-quan?" + month->query;
  for (const auto& agency : store::list_agencies(txn, t)) {
    const auto people = recipients(txn, t, agency.id);
    if (people.empty()) continue;
    AgencyMailNames names = base;
    names.agency = agency.name;
    const std::string body = agency_mail_body(report, agency.id, *month, names, link);
    for (const auto& u : people) {
      const auto q = outbox.queue(txn, t,
                                  {.to = u.email,
                                   .to_name = u.display_name,
                                   .subject = "Báo cáo cung cấp thông tin " + month->label + " — " + agency.name,
                                   .body = body},
                                  now);
      if (q.result == mail::QueueResult::queued)
        ++pass.messages;
      else if (q.result == mail::QueueResult::invalid)
        log::notice("reports.agency_mail_refused", {{"user", u.username}, {"reason", q.error}});
      else
        return pass;  // no key: nothing is recorded, the next pass tries again
    }
    ++pass.agencies;
  }
  store::append_audit(txn, t, model::AuditAction::report_agency_mail,
                      {.at = now,
                       .object = sent_object(*month),
                       .to = std::to_string(pass.messages) + " thư cho " + std::to_string(pass.agencies) + " cơ quan"});
  txn.commit();
  pass.sent = true;
  log::info("reports.agency_mail", {{"month", month->slug}, {"agencies", pass.agencies}, {"messages", pass.messages}});
  return pass;
}

}  // namespace portald::reports
