#include "daemon/editorial/sender_notice.hpp"

#include "daemon/editorial/intake_sender.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/intake_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::editorial {
namespace {

// The outcome `tr` tells the sender about ("published", "returned"); "" for the others.
std::string_view outcome_of(model::Transition tr) {
  switch (tr) {
    case model::Transition::approve:
    case model::Transition::publish_scheduled: return "published";
    case model::Transition::return_to_author: return "returned";
    default: return "";
  }
}

}  // namespace

std::optional<mail::Message> sender_notice(const store::Txn& txn, const store::Tables& t, const Item& item,
                                           model::Transition tr, const model::IntakeSource& source,
                                           const model::IntakeSender& sender, std::string_view reason,
                                           model::UnixTime now) {
  const std::string_view outcome = outcome_of(tr);
  if (outcome.empty() || outcome == source.notified || sender.email.empty()) return std::nullopt;
  const auto site = store::get_site_settings(txn, t);
  const bool published = outcome == "published";
  const std::string title = item.work.title.empty() ? item.article.title : item.work.title;
  std::string body = "Kính gửi " + sender.name + ",\n\n";
  body += "Tin bài \"" + title + "\" (mã tham chiếu " + source.reference + ") ông/bà gửi đến " + site.portal_name +
          " ngày " + model::format_date_vn(source.received_at) +
          (published ? " đã được Ban Biên tập duyệt và đăng tải.\n" : " chưa được Ban Biên tập duyệt đăng.\n");
  const std::string clean_reason(model::trim(reason));
  if (!published && !clean_reason.empty()) body += "\nÝ kiến của Ban Biên tập: " + clean_reason + "\n";
  body += "\nThời gian: " + model::format_datetime_vn(now) + "\n";
  if (const std::string base = model::base_url(site); published && !base.empty())
    body += "Cổng thông tin: " + base + "\n";
  if (!site.email.empty() || !site.phone.empty()) {
    body += "\nMọi trao đổi về tin bài, xin liên hệ Ban Biên tập";
    if (!site.email.empty()) body += " qua thư điện tử " + site.email;
    if (!site.phone.empty()) body += std::string(site.email.empty() ? " qua" : " hoặc") + " điện thoại " + site.phone;
    body += " và nêu mã tham chiếu.\n";
  }
  body += "\nTrân trọng cảm ơn ông/bà đã cung cấp thông tin.\n\n-- \n" + site.portal_name +
          "\nThư này được gửi tự động, vui lòng không trả lời.\n";
  return mail::Message{
      .to = sender.email,
      .to_name = sender.name,
      .subject = std::string(published ? "Tin bài đã được đăng: " : "Tin bài chưa được đăng: ") + source.reference,
      .body = std::move(body)};
}

void queue_sender_notice(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox, const Item& item,
                         model::Transition tr, std::string_view reason, model::UnixTime now) {
  if (!outbox.key() || outcome_of(tr).empty()) return;
  auto source = store::get_intake_source(txn, t, item.article.id);
  if (!source) return;
  const auto sender = open_sender(*outbox.key(), *source);
  if (!sender) return;
  const auto message = sender_notice(txn, t, item, tr, *source, *sender, reason, now);
  if (!message) return;
  if (outbox.queue(txn, t, *message, now).result != mail::QueueResult::queued) return;
  source->notified = std::string(outcome_of(tr));
  store::put_intake_source(txn, t, *source);
}

}  // namespace portald::editorial
