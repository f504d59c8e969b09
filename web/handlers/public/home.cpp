#include "daemon/store/article_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"

namespace portald::web {

Response home_page(const Context& ctx, Request&) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("home");
  fill_layout(dict, ctx, txn, "Trang chủ");
  const auto articles = store::newest_articles(txn, t, {.offset = 0, .limit = 20});
  if (articles.empty()) dict.ShowSection("NO_ARTICLES");
  for (const auto& a : articles) {
    auto* item = dict.AddSectionDictionary("ARTICLE");
    fill_article_summary(*item, a);
    if (const auto c = store::get_category(txn, t, a.category_id)) {
      auto* cat = item->AddSectionDictionary("CATEGORY");
      cat->SetValue("SLUG", c->slug);
      cat->SetValue("NAME", c->name);
    }
  }
  return render_page(ctx, "home", dict);
}

}  // namespace portald::web
