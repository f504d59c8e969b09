// The article editor: create, save a new version, take a workflow transition.
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace {

struct Posted {
  editorial::Content content;
  std::vector<std::string> errors;  // Vietnamese, one per problem
};

Posted read_form(const Context& ctx, const Form& f) {
  Posted p;
  auto& c = p.content;
  c.title = std::string(model::trim(f.get("title")));
  c.summary = std::string(model::trim(f.get("summary")));
  c.body_html = f.get("body");
  c.author = std::string(model::trim(f.get("author")));
  c.featured = f.get("featured") == "1";
  c.category_id = trailing_id(f.get("category")).value_or(0);
  c.agency_id = trailing_id(f.get("agency")).value_or(0);
  for (auto* s : {&c.title, &c.summary, &c.author, &c.body_html})
    if (const auto nfc = model::to_nfc(*s)) *s = *nfc;
    else p.errors.push_back("Nội dung có ký tự không hợp lệ (không phải UTF-8).");
  if (c.title.empty()) p.errors.push_back("Vui lòng nhập tiêu đề.");
  if (model::count_code_points(c.title) > 300) p.errors.push_back("Tiêu đề dài quá 300 ký tự.");
  if (model::count_code_points(c.summary) > 1000) p.errors.push_back("Sapo dài quá 1000 ký tự.");
  if (model::count_code_points(c.author) > 200) p.errors.push_back("Tên tác giả dài quá 200 ký tự.");
  if (model::trim(c.body_html).empty()) p.errors.push_back("Vui lòng nhập nội dung bài viết.");
  const store::ReadTxn txn = ctx.store.read();
  if (!store::get_category(txn, ctx.store.tables(), c.category_id)) p.errors.push_back("Vui lòng chọn chuyên mục.");
  if (c.agency_id && !store::get_agency(txn, ctx.store.tables(), c.agency_id))
    p.errors.push_back("Cơ quan đã chọn không tồn tại.");
  return p;
}

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) article_not_found();
  return *id;
}

Response new_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  editorial::Content empty;
  empty.author = user.display_name;
  return editor_page(ctx, req, user, std::nullopt, empty, {}, 200);
}

Response create_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const Form form = form_of(req);
  auto posted = read_form(ctx, form);
  const auto topics = posted_topics(form);
  if (!posted.errors.empty())
    return editor_page(ctx, req, user, std::nullopt, posted.content, posted.errors, 422, &topics);
  store::WriteTxn txn = ctx.store.write();
  const auto r = editorial::save_content(txn, ctx.store.tables(), 0, posted.content, actor_of(user, req), model::now());
  if (r.refusal != editorial::SaveRefusal::none) throw HttpError(403, "Bạn không được tạo bài viết.");
  sync_article_topics(txn, ctx.store.tables(), r.id, topics);
  txn.commit();
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(r.id) + "?da-luu=1");
}

Response edit_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  std::optional<editorial::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = editorial::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !editorial::may_view(*item, actor_of(user, req))) article_not_found();
  return editor_page(ctx, req, user, item, item->work, {}, 200);
}

Response save_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  auto posted = read_form(ctx, form);
  const auto topics = posted_topics(form);
  std::optional<editorial::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = editorial::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !editorial::may_view(*item, actor_of(user, req))) article_not_found();
  if (!posted.errors.empty()) return editor_page(ctx, req, user, item, posted.content, posted.errors, 422, &topics);
  store::WriteTxn txn = ctx.store.write();
  const auto r = editorial::save_content(txn, ctx.store.tables(), id, posted.content, actor_of(user, req), model::now());
  if (r.refusal == editorial::SaveRefusal::not_allowed)
    return editor_page(ctx, req, user, item, posted.content,
                       {"Bài viết đang ở trạng thái bạn không được sửa (đã gửi duyệt hoặc đang hẹn giờ)."}, 403, &topics);
  if (r.refusal != editorial::SaveRefusal::none) article_not_found();
  sync_article_topics(txn, ctx.store.tables(), id, topics);
  txn.commit();
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(id) + "?da-luu=1");
}

// "2025-06-01T08:30" (or with ":SS") in Vietnam time, from <input type="datetime-local">.
std::optional<model::UnixTime> parse_local_time(std::string_view v) {
  if (v.size() == 16) return model::parse_rfc3339(std::string(v) + ":00+07:00");
  if (v.size() == 19) return model::parse_rfc3339(std::string(v) + "+07:00");
  return std::nullopt;
}

Response transition_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const auto tr = model::parse_transition(form.get("transition"));
  if (!tr) throw HttpError(400, "Thao tác không hợp lệ.");
  const auto now = model::now();
  model::UnixTime at = 0;
  if (*tr == model::Transition::schedule) {
    const auto parsed = parse_local_time(form.get("scheduled_at"));
    if (!parsed || *parsed <= now) return item_message(ctx, req, user, id, "Vui lòng chọn thời điểm xuất bản trong tương lai.", 422);
    at = *parsed;
  }
  const std::string reason = model::to_nfc(form.get("reason")).value_or("");
  if (model::count_code_points(reason) > 2000) return item_message(ctx, req, user, id, "Lý do dài quá 2000 ký tự.", 422);
  store::WriteTxn txn = ctx.store.write();
  const auto r = editorial::take_transition(txn, ctx.store.tables(), id, *tr, actor_of(user, req), reason, at, now);
  if (r.outcome == editorial::Outcome::not_found) article_not_found();
  if (r.outcome == editorial::Outcome::refused) {
    txn.commit();  // nothing was written; ends the transaction before rendering
    return item_message(ctx, req, user, id, std::string(model::refusal_message(r.refusal)),
                        r.refusal == model::TransitionRefusal::reason_required ? 422 : 403);
  }
  txn.commit();
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(id) + "?da-chuyen=" +
                            std::string(model::to_string(*tr)));
}

}  // namespace

std::vector<Route> article_routes(const Context& ctx) {
  const Context* c = &ctx;
  using A = model::Action;
  std::vector<Route> r{
      {"GET", "/quan-tri/bai-viet/moi", [c](Request& q) { return new_page(*c, q); }, A::write_article},
      {"POST", "/quan-tri/bai-viet/moi", [c](Request& q) { return create_post(*c, q); }, A::write_article},
      {"GET", "/quan-tri/bai-viet/{id}", [c](Request& q) { return edit_page(*c, q); }, A::use_admin},
      {"POST", "/quan-tri/bai-viet/{id}", [c](Request& q) { return save_post(*c, q); }, A::write_article},
      {"POST", "/quan-tri/bai-viet/{id}/chuyen", [c](Request& q) { return transition_post(*c, q); }, A::write_article},
  };
  for (auto& x : queue_routes(ctx)) r.push_back(std::move(x));
  for (auto& x : revision_routes(ctx)) r.push_back(std::move(x));
  return r;
}

}  // namespace portald::web::admin
