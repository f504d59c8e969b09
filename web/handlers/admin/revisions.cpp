// Preview (the public article template, exactly as readers will see it), side-by-side comparison of
// two saved versions, and restoring an old version as a new draft.
#include "daemon/editorial/article_service.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/article_view.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace revision_pages {

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) article_not_found();
  return *id;
}

editorial::Item visible_item(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id) {
  const store::ReadTxn txn = ctx.store.read();
  auto item = editorial::load_item(txn, ctx.store.tables(), id);
  if (!item || !editorial::may_view(*item, actor_of(user, req))) article_not_found();
  return std::move(*item);
}

Response preview(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  auto item = visible_item(ctx, req, user, id_param(req));
  // The work version in the public template: what approval would put online.
  model::Article a = item.article;
  a.title = item.work.title;
  a.summary = item.work.summary;
  a.body_html = item.work.body_html;
  a.category_id = item.work.category_id;
  a.agency_id = item.work.agency_id;
  a.author = item.work.author;
  a.extras = item.work.extras;
  for (auto& c : a.extras.corrections)  // approval would date a pending correction today
    if (c.at == 0) c.at = model::now();
  a.slug = model::slugify(a.title);
  if (a.published_at == 0) a.published_at = model::now();
  const store::ReadTxn txn = ctx.store.read();
  return as_preview(render_article(ctx, txn, a), "/quan-tri/bai-viet/" + std::to_string(item.article.id));
}

void fill_side(ctemplate::TemplateDictionary& d, const model::Revision& r, const Context& ctx) {
  d.SetValue("N", std::to_string(r.number));
  d.SetValue("BY", r.saved_by);
  d.SetValue("AT", model::format_datetime_vn(r.saved_at));
  d.SetValue("TITLE", r.title);
  d.SetValue("SUMMARY", r.summary);
  d.SetValue("AUTHOR", r.author);
  d.SetValue("BODY_HTML", r.body_html);  // sanitised when saved
  const store::ReadTxn txn = ctx.store.read();
  if (const auto c = store::get_category(txn, ctx.store.tables(), r.category_id)) d.SetValue("CATEGORY", c->name);
}

Response compare(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  visible_item(ctx, req, user, id);
  const auto a = trailing_id(req.query_value("a").value_or(""));
  const auto b = trailing_id(req.query_value("b").value_or(""));
  std::optional<model::Revision> ra, rb;
  {
    const store::ReadTxn txn = ctx.store.read();
    if (a) ra = store::get_revision(txn, ctx.store.tables(), id, static_cast<std::uint32_t>(*a));
    if (b) rb = store::get_revision(txn, ctx.store.tables(), id, static_cast<std::uint32_t>(*b));
  }
  if (!ra || !rb) throw HttpError(404, "Không tìm thấy phiên bản cần so sánh.");
  ctemplate::TemplateDictionary dict("admin_compare");
  fill_admin_layout(dict, ctx, &user, req.session_csrf, "So sánh phiên bản");
  dict.SetValue("ID", std::to_string(id));
  fill_side(*dict.AddSectionDictionary("LEFT"), *ra, ctx);
  fill_side(*dict.AddSectionDictionary("RIGHT"), *rb, ctx);
  for (const auto& [name, left, right] :
       {std::tuple{"Tiêu đề", ra->title, rb->title}, std::tuple{"Sapo", ra->summary, rb->summary},
        std::tuple{"Nội dung", ra->body_html, rb->body_html}, std::tuple{"Tác giả", ra->author, rb->author}}) {
    auto* f = dict.AddSectionDictionary("FIELD");
    f->SetValue("NAME", name);
    f->SetValue("SAME", left == right ? "giống nhau" : "khác nhau");
  }
  // Word by word, the same diff the edit-conflict page shows.
  const auto content = [](const model::Revision& r) {
    return editorial::Content{r.title,     r.summary, r.body_html, r.category_id,
                              r.agency_id, r.author,  r.featured,  r.extras};
  };
  fill_content_diff(*dict.AddSectionDictionary("DIFF"), ctx, content(*ra), content(*rb));
  return render_admin(ctx, "admin_compare", dict);
}

Response restore(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto id = id_param(req);
  const auto n = trailing_id(req.params.at("n"));
  if (!n) throw HttpError(404, "Không tìm thấy phiên bản.");
  const auto made = editorial::restore_article_revision(ctx.store, id, static_cast<std::uint32_t>(*n),
                                                        actor_of(user, req), model::now());
  if (!made) throw HttpError(403, "Không khôi phục được phiên bản này (không tồn tại hoặc bạn không được sửa bài).");
  return Response::redirect("/quan-tri/bai-viet/" + std::to_string(id) + "?da-luu=1");
}

}  // namespace revision_pages

}  // namespace portald::web::admin
