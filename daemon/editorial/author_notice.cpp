#include "daemon/editorial/author_notice.hpp"

#include "daemon/model/text.hpp"
#include "daemon/store/article_note_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::editorial {
namespace {

// What happened, as the end of "Bài viết ... đã ..." and as the subject's opening words.
struct Wording {
  std::string_view happened;  // "bị trả lại để chỉnh sửa"
  std::string_view subject;   // "Bài viết bị trả lại"
};

std::optional<Wording> wording(model::Transition tr) {
  switch (tr) {
    case model::Transition::return_to_author: return Wording{"đã bị trả lại để chỉnh sửa", "Bài viết bị trả lại"};
    case model::Transition::approve: return Wording{"đã được duyệt và xuất bản", "Bài viết đã được duyệt"};
    case model::Transition::schedule:
      return Wording{"đã được duyệt và hẹn giờ xuất bản", "Bài viết đã được duyệt, hẹn giờ xuất bản"};
    case model::Transition::publish_scheduled:
      return Wording{"đã được xuất bản theo lịch hẹn", "Bài viết đã được xuất bản"};
    case model::Transition::withdraw: return Wording{"đã bị gỡ khỏi cổng thông tin", "Bài viết bị gỡ"};
    case model::Transition::ask_clarification:
      return Wording{"được Ban biên tập đề nghị làm rõ trước khi xử lý tiếp", "Đề nghị làm rõ bài viết"};
    case model::Transition::answer_clarification:
      return Wording{"đã được tác giả trả lời đề nghị làm rõ và gửi lại Ban biên tập",
                     "Tác giả đã trả lời đề nghị làm rõ"};
    default: return std::nullopt;
  }
}

// Who hears about `tr`: the author, except for an answer to the board, which goes to the board member who
// asked (the thread's last question).
std::string recipient(const store::Txn& txn, const store::Tables& t, const Item& item, model::Transition tr) {
  if (tr != model::Transition::answer_clarification) return item.state.created_by;
  const auto asked = store::last_article_note(txn, t, item.article.id, model::NoteKind::ask);
  return asked ? asked->author : "";
}

// How the reason is introduced in the body.
std::string_view reason_heading(model::Transition tr) {
  if (tr == model::Transition::ask_clarification) return "Nội dung đề nghị làm rõ";
  if (tr == model::Transition::answer_clarification) return "Trả lời của tác giả";
  return "Lý do";
}

// The first `max` characters of `text` (whole UTF-8 characters), with "…" when cut.
std::string shorten(std::string_view text, std::size_t max) {
  if (model::count_code_points(text) <= max) return std::string(text);
  std::size_t at = 0, n = 0;
  while (at < text.size() && n < max) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    ++n;
  }
  return std::string(text.substr(0, at)) + "…";
}

std::string who(const store::Txn& txn, const store::Tables& t, const Actor& actor) {
  if (!actor.role) return "Hệ thống (xuất bản theo lịch hẹn)";
  const auto user = store::get_user(txn, t, actor.username);
  if (!user || user->display_name.empty() || user->display_name == actor.username) return actor.username;
  return user->display_name + " (" + actor.username + ")";
}

std::string admin_link(const model::SiteSettings& site, std::uint64_t id) {
  std::string base = site.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/quan-tri/bai-viet/" + std::to_string(id);
}

}  // namespace

std::optional<mail::Message> author_notice(const store::Txn& txn, const store::Tables& t, const Item& item,
                                           model::Transition tr, const Actor& actor, std::string_view reason,
                                           model::UnixTime now) {
  const auto words = wording(tr);
  const std::string author_name = recipient(txn, t, item, tr);
  if (!words || author_name.empty() || author_name == actor.username) return std::nullopt;
  const auto author = store::get_user(txn, t, author_name);
  if (!author || author->email.empty()) return std::nullopt;
  const auto site = store::get_site_settings(txn, t);
  const std::string title = shorten(item.work.title.empty() ? item.article.title : item.work.title, 200);
  const std::string clean_reason(model::trim(reason));

  std::string body = "Kính gửi " + (author->display_name.empty() ? author->username : author->display_name) + ",\n\n";
  body += "Bài viết \"" + title + "\" " + std::string(words->happened) + ".\n\n";
  body += "Người thực hiện: " + who(txn, t, actor) + "\n";
  body += "Thời gian: " + model::format_datetime_vn(now) + "\n";
  if (!clean_reason.empty()) body += std::string(reason_heading(tr)) + ": " + clean_reason + "\n";
  if (tr == model::Transition::schedule && item.state.scheduled_at)
    body += "Thời điểm xuất bản: " + model::format_datetime_vn(item.state.scheduled_at) + "\n";
  body += "\nXem bài viết trong trang quản trị:\n" + admin_link(site, item.article.id) + "\n\n";
  body += "-- \n" + site.portal_name + "\nThư này được gửi tự động, vui lòng không trả lời.\n";
  return mail::Message{.to = author->email,
                       .to_name = author->display_name,
                       .subject = std::string(words->subject) + ": " + title,
                       .body = std::move(body)};
}

void queue_author_notice(store::WriteTxn& txn, const store::Tables& t, const mail::Outbox& outbox, const Item& item,
                         model::Transition tr, const Actor& actor, std::string_view reason, model::UnixTime now) {
  if (!outbox.enabled()) return;
  if (const auto message = author_notice(txn, t, item, tr, actor, reason, now)) outbox.queue(txn, t, *message, now);
}

}  // namespace portald::editorial
