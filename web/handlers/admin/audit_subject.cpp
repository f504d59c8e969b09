#include "web/handlers/admin/audit_subject.hpp"

#include <charconv>
#include <optional>

#include "daemon/model/article.hpp"
#include "daemon/model/commission.hpp"
#include "daemon/model/question.hpp"
#include "daemon/model/user.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/commission_table.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "daemon/store/user_table.hpp"

namespace portald::web::admin {
namespace {

std::optional<std::uint64_t> id_of(std::string_view s) {
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc{} || end != s.data() + s.size() || id == 0) return std::nullopt;
  return id;
}

}  // namespace

AuditSubject audit_subject(const store::Txn& txn, const store::Tables& t, std::string_view object) {
  const auto slash = object.find('/');
  if (slash == std::string_view::npos) return {std::string(object), ""};
  const std::string_view kind = object.substr(0, slash), rest = object.substr(slash + 1);
  const auto id = id_of(rest);
  if (kind == "article" && id) {
    if (const auto a = store::get_article(txn, t, *id))
      return {"Bài viết: " + a->title, "/quan-tri/bai-viet/" + std::to_string(*id)};
  } else if (kind == "document" && id) {
    if (const auto d = store::get_document(txn, t, *id))
      return {"Văn bản: " + d->type + " số " + d->number, "/quan-tri/van-ban/" + std::to_string(*id)};
  } else if (kind == "question" && id) {
    if (const auto q = store::get_question(txn, t, *id))
      return {"Câu hỏi " + q->code + ": " + q->title, "/quan-tri/hoi-dap/" + std::to_string(*id)};
  } else if (kind == "dialogue" && id) {
    if (const auto d = store::get_dialogue(txn, t, *id))
      return {"Đối thoại trực tuyến: " + d->title, "/quan-tri/doi-thoai/" + std::to_string(*id)};
  } else if (kind == "commission" && id) {
    if (const auto c = store::get_commission(txn, t, *id))
      return {"Đặt hàng, giao việc: " + c->title, "/quan-tri/dat-hang/" + std::to_string(*id)};
  } else if (kind == "topic" && id) {
    if (const auto tp = store::get_topic(txn, t, *id)) return {"Chuyên đề: " + tp->name, "/quan-tri/chuyen-de"};
  } else if (kind == "media" && id) {
    return {"Tệp số " + std::to_string(*id), "/quan-tri/thu-vien"};
  } else if (kind == "page") {
    const auto lang_end = rest.find('/');
    if (lang_end != std::string_view::npos)
      if (const auto p = store::find_site_page(txn, t, rest.substr(0, lang_end), rest.substr(lang_end + 1)))
        return {"Trang: " + p->title, "/quan-tri/trang/" + std::to_string(p->id)};
  } else if (kind == "user") {
    if (const auto u = store::get_user(txn, t, rest))
      return {"Tài khoản: " + (u->display_name.empty() ? u->username : u->display_name + " (" + u->username + ")"),
              "/quan-tri/nguoi-dung"};
  } else if (kind == "settings" && rest == "royalty") {
    return {"Cài đặt nhuận bút", "/quan-tri/nhuan-but/cai-dat"};
  } else if (kind == "settings") {
    return {"Cài đặt: " + std::string(rest), "/quan-tri/cai-dat"};
  } else if (kind == "royalty-sheet") {
    return {"Bảng nhuận bút " + std::string(rest), "/quan-tri/nhuan-but/bang/" + std::string(rest)};
  }
  return {std::string(object), ""};
}

std::string audit_state_label(std::string_view value) {
  if (const auto s = model::parse_article_status(value)) return std::string(model::status_label(*s));
  if (const auto q = model::parse_question_state(value)) return std::string(model::state_label(*q));
  if (const auto d = model::parse_dialogue_state(value)) return std::string(model::state_label(*d));
  if (const auto e = model::parse_dialogue_entry_state(value)) return std::string(model::entry_state_label(*e));
  if (const auto r = model::parse_role(value)) return std::string(model::role_label(*r));
  if (const auto c = model::parse_commission_state(value)) return std::string(model::commission_state_label(*c));
  return std::string(value);
}

}  // namespace portald::web::admin
