#include "daemon/store/article_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {

Response article_page(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const auto id = trailing_id(req.params.at("slug"));
  if (!id) throw HttpError(404, "Không tìm thấy bài viết.");
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_article(txn, t, *id);
  if (!a || a->status != model::ArticleStatus::published) throw HttpError(404, "Không tìm thấy bài viết.");
  // One canonical address per article: an outdated or mistyped slug redirects to it.
  const std::string canonical = article_url(*a);
  if (req.path != canonical) return Response::redirect(canonical, 301);

  ctemplate::TemplateDictionary dict("article");
  fill_layout(dict, ctx, txn, a->title, a->category_id);
  dict.SetValue("TITLE", a->title);
  dict.SetValue("DATE", model::format_date_vn(a->published_at));
  dict.SetValue("ISO_DATE", model::format_rfc3339(a->published_at));
  dict.SetValue("BODY_HTML", a->body_html);  // sanitised when it was stored
  if (!a->summary.empty()) dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", a->summary);
  if (!a->author.empty()) dict.AddSectionDictionary("AUTHOR")->SetValue("NAME", a->author);
  if (const auto agency = store::get_agency(txn, t, a->agency_id))
    dict.AddSectionDictionary("AGENCY")->SetValue("NAME", agency->name);
  if (const auto c = store::get_category(txn, t, a->category_id)) {
    auto* cat = dict.AddSectionDictionary("CATEGORY");
    cat->SetValue("SLUG", c->slug);
    cat->SetValue("NAME", c->name);
    auto* block = dict.AddSectionDictionary("RELATED_BLOCK");
    for (const auto& r : store::newest_articles(txn, t, {.offset = 0, .limit = 6}, c->id)) {
      if (r.id == a->id) continue;
      fill_article_summary(*block->AddSectionDictionary("RELATED"), r);
    }
  }
  auto* header = dict.AddSectionDictionary("DESCRIPTION");
  header->SetValue("TEXT", a->summary);
  return render_page(ctx, "article", dict);
}

}  // namespace portald::web
