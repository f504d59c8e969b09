// The article editor: create, save a new version, take a workflow transition (with the edits on the
// screen, issue 15), and show the editor again after a refused post without losing a word of it.
#include "daemon/editorial/article_service.hpp"
#include "daemon/editorial/unit_rights.hpp"
#include "daemon/model/permissions.hpp"
#include "daemon/model/text.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_extras_form.hpp"
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

// The posted content fields, trimmed as the form rule expects. `kept`: the corrections of the version
// the form was opened on (posted_extras).
editorial::Content content_of(const Form& f, const std::vector<model::Correction>& kept = {}) {
  editorial::Content c;
  c.title = std::string(model::trim(f.get("title")));
  c.summary = std::string(model::trim(f.get("summary")));
  c.body_html = f.get("body");
  c.author = std::string(model::trim(f.get("author")));
  c.featured = f.get("featured") == "1";
  c.category_id = trailing_id(f.get("category")).value_or(0);
  c.agency_id = trailing_id(f.get("agency")).value_or(0);
  c.extras = posted_extras(f, kept);
  return c;
}

// The posted fields, checked by the service's content rule and the actor's unit rights (issue 16) so the
// form shows every problem at once (the service checks both again when it saves).
Posted read_form(const Context& ctx, const Form& f, const editorial::Actor& actor,
                 const std::vector<model::Correction>& kept = {}) {
  Posted p{.content = content_of(f, kept), .errors = {}};
  editorial::attribute_to_own_agency(p.content, actor);
  const store::ReadTxn txn = ctx.store.read();
  p.errors = editorial::check_content(txn, ctx.store.tables(), p.content);
  for (auto& e : editorial::unit_rights_errors(txn, ctx.store.tables(), p.content, actor))
    p.errors.push_back(std::move(e));
  return p;
}

// The work revision the form was opened on (hidden field base_revision); std::nullopt when the post has
// none (a client without it is not checked for conflicts).
std::optional<std::uint32_t> base_of(const Form& f) {
  if (!f.has("base_revision")) return std::nullopt;
  const std::string v = f.get("base_revision");
  if (v == "0") return 0;
  const auto n = trailing_id(v);
  return n && *n <= UINT32_MAX ? std::optional(static_cast<std::uint32_t>(*n)) : std::nullopt;
}

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) article_not_found();
  return *id;
}

editorial::Item viewable_item(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id) {
  std::optional<editorial::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = editorial::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !editorial::may_view(*item, actor_of(user, req))) article_not_found();
  return std::move(*item);
}

std::string item_url(std::uint64_t id) { return "/quan-tri/bai-viet/" + std::to_string(id); }

Response new_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  editorial::Content empty;
  empty.author = user.display_name;
  return editor_page(ctx, req, user, std::nullopt, {.shown = empty});
}

Response create_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const Form form = form_of(req);
  auto posted = read_form(ctx, form, actor_of(user, req));
  const auto topics = posted_topics(form);
  const auto again = [&](std::vector<std::string> errors) {
    return editor_page(
        ctx, req, user, std::nullopt,
        {.shown = posted.content, .errors = std::move(errors), .status = 422, .topics = &topics, .unsaved = true});
  };
  if (!posted.errors.empty()) return again(posted.errors);
  const auto r = editorial::save_article(ctx.store, 0, posted.content, topics, actor_of(user, req), model::now());
  if (r.refusal == editorial::SaveRefusal::invalid) return again(r.errors);
  if (r.refusal != editorial::SaveRefusal::none) throw HttpError(403, "Bạn không được tạo bài viết.");
  return Response::redirect(item_url(r.id) + "?da-luu=1");
}

// The editor of article `id`; ?ban-nhap=1 fills the form with the user's autosave (unsaved).
Response edit_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  if (req.query_value("ban-nhap"))
    if (const auto d = editorial::draft_of(ctx.store, item.article.id, actor_of(user, req))) {
      const editorial::Content kept{d->title,     d->summary, d->body_html, d->category_id,
                                    d->agency_id, d->author,  d->featured,  d->extras};
      return editor_page(ctx, req, user, item,
                         {.shown = kept,
                          .topics = &d->topics,
                          .base_revision = d->base_revision,
                          .unsaved = true,
                          .notices = {"Đã nạp bản tự động lưu lúc " + clock_text(d->saved_at, model::now()) +
                                      ". Bản này chưa được lưu: bấm “Lưu phiên bản” để lưu."}});
    }
  return editor_page(ctx, req, user, item, {.shown = item.work});
}

// The answer to a save or transition the service refused: the editor again with what was posted, so
// nothing typed is lost; a conflict shows both versions (409).
Response refused_save(const Context& ctx, const Request& req, const model::User& user, const editorial::Item& item,
                      const Form& form, const editorial::Content& content, const editorial::SaveResult& r) {
  const auto topics = posted_topics(form);
  EditorView view{.shown = content,
                  .status = 422,
                  .topics = &topics,
                  .base_revision = base_of(form),
                  .unsaved = true,
                  .posted = &form};
  switch (r.refusal) {
    case editorial::SaveRefusal::invalid: view.errors = r.errors; break;
    case editorial::SaveRefusal::not_allowed:
      view.errors = {"Bài viết đang ở trạng thái bạn không được sửa (đã gửi duyệt hoặc đang hẹn giờ)."};
      view.status = 403;
      break;
    case editorial::SaveRefusal::conflict: {
      // The page shows the article as it is now: the newer version is "theirs".
      std::optional<editorial::Item> now_item;
      {
        const store::ReadTxn txn = ctx.store.read();
        now_item = editorial::load_item(txn, ctx.store.tables(), item.article.id);
      }
      if (!now_item) article_not_found();
      view.errors = {"Bản của bạn chưa được lưu: người khác đã lưu bài này sau khi bạn mở nó."};
      view.status = 409;
      view.conflict_base = base_of(form).value_or(0);
      return editor_page(ctx, req, user, now_item, view);
    }
    case editorial::SaveRefusal::not_found:
    case editorial::SaveRefusal::none: article_not_found();
  }
  return editor_page(ctx, req, user, item, view);
}

Response save_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = viewable_item(ctx, req, user, id_param(req));
  const Form form = form_of(req);
  auto posted = read_form(ctx, form, actor_of(user, req), item.work.extras.corrections);
  const auto topics = posted_topics(form);
  if (!posted.errors.empty())
    return refused_save(ctx, req, user, item, form, posted.content,
                        {.refusal = editorial::SaveRefusal::invalid, .errors = posted.errors});
  const auto r = editorial::save_article(ctx.store, item.article.id, posted.content, topics, actor_of(user, req),
                                         model::now(), base_of(form));
  if (r.refusal != editorial::SaveRefusal::none) return refused_save(ctx, req, user, item, form, posted.content, r);
  return Response::redirect(item_url(item.article.id) + "?da-luu=1");
}

// "2025-06-01T08:30" (or with ":SS") in Vietnam time, from <input type="datetime-local">.
std::optional<model::UnixTime> parse_local_time(std::string_view v) {
  if (v.size() == 16) return model::parse_rfc3339(std::string(v) + ":00+07:00");
  if (v.size() == 19) return model::parse_rfc3339(std::string(v) + "+07:00");
  return std::nullopt;
}

// A workflow button of the editor form: the edited fields come with it and are saved first, in the same
// transaction (editorial::save_and_transition). Refused either way, the editor shows what was posted.
Response save_and_transition_post(const Context& ctx, Request& req, const model::User& user, std::uint64_t id,
                                  const Form& form, model::Transition tr, const std::string& reason,
                                  model::UnixTime at) {
  const auto item = viewable_item(ctx, req, user, id);
  const auto content = content_of(form, item.work.extras.corrections);
  const auto topics = posted_topics(form);
  const auto r = editorial::save_and_transition(ctx.store, id, content, topics, base_of(form), tr, actor_of(user, req),
                                                reason, at, model::now(), ctx.outbox);
  if (r.save.refusal != editorial::SaveRefusal::none) return refused_save(ctx, req, user, item, form, content, r.save);
  if (r.transition.outcome != editorial::Outcome::done) {
    if (r.transition.outcome == editorial::Outcome::not_found) article_not_found();
    const bool invalid = r.transition.outcome == editorial::Outcome::invalid ||
                         r.transition.refusal == model::TransitionRefusal::reason_required;
    // Outcome::invalid carries its own message; a refusal is named by the workflow table.
    std::string message = r.transition.error;
    if (message.empty()) message = model::refusal_message(r.transition.refusal);
    return editor_page(ctx, req, user, item,
                       {.shown = content,
                        .errors = {std::move(message)},
                        .status = invalid ? 422 : 403,
                        .topics = &topics,
                        .base_revision = base_of(form),
                        .unsaved = true,
                        .posted = &form});
  }
  return Response::redirect(item_url(id) + (r.save.revision ? "?da-luu=1&" : "?") +
                            "da-chuyen=" + std::string(model::to_string(tr)));
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
  // The editor form names each reason after its button; a separate transition form has one "reason".
  const std::string key(model::to_string(*tr));
  const std::string raw_reason = form.has("reason-" + key) ? form.get("reason-" + key) : form.get("reason");
  const std::string reason = model::to_nfc(raw_reason).value_or("");
  if (form.has("title")) return save_and_transition_post(ctx, req, user, id, form, *tr, reason, at);
  const auto r =
      editorial::transition_article(ctx.store, id, *tr, actor_of(user, req), reason, at, model::now(), ctx.outbox);
  if (r.outcome == editorial::Outcome::invalid) return item_message(ctx, req, user, id, r.error, 422);
  if (r.outcome == editorial::Outcome::not_found) article_not_found();
  if (r.outcome == editorial::Outcome::refused)
    return item_message(ctx, req, user, id, std::string(model::refusal_message(r.refusal)),
                        r.refusal == model::TransitionRefusal::reason_required ? 422 : 403);
  return Response::redirect(item_url(id) + "?da-chuyen=" + key);
}

std::optional<Response> resume_form(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                                    const Form& posted, const std::string& notice) {
  const auto topics = posted_topics(posted);
  const auto actor = actor_of(user, req);
  if (id == 0) {
    const auto content = content_of(posted);
    if (!model::may(actor, model::Action::write_article)) return std::nullopt;
    return editor_page(ctx, req, user, std::nullopt,
                       {.shown = content, .topics = &topics, .unsaved = true, .notices = {notice}});
  }
  std::optional<editorial::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = editorial::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !editorial::may_view(*item, actor) || !editorial::may_edit(*item, actor)) return std::nullopt;
  const auto content = content_of(posted, item->work.extras.corrections);
  return editor_page(ctx, req, user, item,
                     {.shown = content,
                      .topics = &topics,
                      .base_revision = base_of(posted),
                      .unsaved = true,
                      .notices = {notice},
                      .posted = &posted});
}

}  // namespace article_pages

}  // namespace portald::web::admin
