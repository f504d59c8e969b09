// The article editor: create, save a new version, take a workflow transition.
#include "daemon/editorial/article_service.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace article_pages {

struct Posted {
  editorial::Content content;
  std::vector<std::string> errors;  // Vietnamese, one per problem
};

// The posted fields, checked by the service's content rule so the form shows every problem at once.
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
  const store::ReadTxn txn = ctx.store.read();
  p.errors = editorial::check_content(txn, ctx.store.tables(), c);
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
  const auto r = editorial::save_article(ctx.store, 0, posted.content, topics, actor_of(user, req), model::now());
  if (r.refusal == editorial::SaveRefusal::invalid)
    return editor_page(ctx, req, user, std::nullopt, posted.content, r.errors, 422, &topics);
  if (r.refusal != editorial::SaveRefusal::none) throw HttpError(403, "Bạn không được tạo bài viết.");
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
  const auto r = editorial::save_article(ctx.store, id, posted.content, topics, actor_of(user, req), model::now());
  if (r.refusal == editorial::SaveRefusal::invalid)
    return editor_page(ctx, req, user, item, posted.content, r.errors, 422, &topics);
  if (r.refusal == editorial::SaveRefusal::not_allowed)
    return editor_page(ctx, req, user, item, posted.content,
                       {"Bài viết đang ở trạng thái bạn không được sửa (đã gửi duyệt hoặc đang hẹn giờ)."}, 403,
                       &topics);
  if (r.refusal != editorial::SaveRefusal::none) article_not_found();
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
  // An unreadable time is no time at all: the service asks for one in the future.
  const model::UnixTime at =
      *tr == model::Transition::schedule ? parse_local_time(form.get("scheduled_at")).value_or(0) : 0;
  const std::string reason = model::to_nfc(form.get("reason")).value_or("");
  const auto r = editorial::transition_article(ctx.store, id, *tr, actor_of(user, req), reason, at, model::now());
  if (r.outcome == editorial::Outcome::invalid) return item_message(ctx, req, user, id, r.error, 422);
  if (r.outcome == editorial::Outcome::not_found) article_not_found();
  if (r.outcome == editorial::Outcome::refused)
    return item_message(ctx, req, user, id, std::string(model::refusal_message(r.refusal)),
                        r.refusal == model::TransitionRefusal::reason_required ? 422 : 403);
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(id) +
                            "?da-chuyen=" + std::string(model::to_string(*tr)));
}

}  // namespace article_pages

}  // namespace portald::web::admin
