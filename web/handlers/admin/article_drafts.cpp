// Autosave (issue 15, story 4): the editor page posts what is on the screen every few seconds of typing
// and pings once a minute; the server keeps the user's last copy as a private draft and answers with who
// else has the article open. "Bỏ qua" or "take theirs" drops the draft.
#include <nlohmann/json.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/model/text.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"

namespace portald::web::admin {
namespace article_draft_pages {
namespace {

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) article_not_found();
  return *id;
}

// The editor's fields from a form body, or from a JSON object with the same names ("topic" or "topics"
// as an array of slugs, "featured" as a boolean).
Form posted_fields(const Request& req) {
  if (!req.header("Content-Type").value_or("").starts_with("application/json")) return form_of(req);
  Form f;
  const auto j = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return f;
  for (const auto& [key, value] : j.items()) {
    if (value.is_string()) f.fields.emplace(key, value.get<std::string>());
    if (value.is_number_unsigned()) f.fields.emplace(key, std::to_string(value.get<std::uint64_t>()));
    if (value.is_boolean() && value.get<bool>()) f.fields.emplace(key, "1");
    if (value.is_array())
      for (const auto& v : value)
        if (v.is_string()) f.fields.emplace(key == "topics" ? "topic" : key, v.get<std::string>());
  }
  return f;
}

Response answer(const nlohmann::json& body, int status) {
  Response r = Response::json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

Response autosave(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const auto actor = actor_of(user, req);
  // The autosave script sends the text fields only; the pictures, expiry and corrections are choices
  // saved with "Lưu phiên bản", so the autosave carries those of the version under work.
  model::ArticleExtras work_extras;
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto item = editorial::load_item(txn, ctx.store.tables(), id);
    if (!item || !editorial::may_view(*item, actor)) article_not_found();
    work_extras = item->work.extras;
  }
  const model::UnixTime now = model::now();
  presence().seen(id, user.username, user.display_name, now);
  const Form f = posted_fields(req);
  nlohmann::json out{{"saved", false}};
  if (f.has("title")) {  // a ping without fields only says "still here"
    editorial::Content c;
    c.title = f.get("title");
    c.summary = f.get("summary");
    c.body_html = f.get("body");
    c.author = f.get("author");
    c.featured = f.get("featured") == "1";
    c.category_id = trailing_id(f.get("category")).value_or(0);
    c.agency_id = trailing_id(f.get("agency")).value_or(0);
    c.extras = work_extras;
    const auto base = trailing_id(f.get("base_revision")).value_or(0);
    const auto r = editorial::autosave_article(ctx.store, id, std::move(c), posted_topics(f),
                                               static_cast<std::uint32_t>(base), actor, now);
    if (r == editorial::DraftOutcome::not_found) article_not_found();
    if (r == editorial::DraftOutcome::not_allowed)
      return answer({{"saved", false}, {"error", "Bài viết đang ở trạng thái bạn không được sửa."}}, 403);
    out["saved"] = true;
    out["saved_at"] = now;
  }
  out["presence"] = presence_text(id, user, now);
  return answer(out, 200);
}

Response discard(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const auto actor = actor_of(user, req);
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto item = editorial::load_item(txn, ctx.store.tables(), id);
    if (!item || !editorial::may_view(*item, actor)) article_not_found();
  }
  editorial::discard_draft(ctx.store, id, actor);
  // bo-nhap=1 tells the page's script to drop this machine's copy too.
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(id) + "?bo-nhap=1");
}

}  // namespace article_draft_pages
}  // namespace portald::web::admin
