#include "daemon/store/article_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/article_media.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kPerPage = 20;

}  // namespace

Response category_page(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const std::size_t page = number_arg(req, {.name = "trang", .empty_is_absent = false}, kInvalidPageNumber);
  const store::ReadTxn txn = ctx.store.read();
  const auto cat = store::find_category_by_slug(txn, t, req.params.at("slug"));
  if (!cat) throw HttpError(404, "Không tìm thấy chuyên mục.");
  const std::size_t total = store::count_published(txn, t, cat->id);
  const std::size_t pages = page_count(total, kPerPage);
  if (page > pages) throw HttpError(404, "Trang này không tồn tại.");

  ctemplate::TemplateDictionary dict("category");
  auto* head = fill_layout(dict, ctx, txn, cat->name, cat->id);
  head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", "Tin tức chuyên mục " + cat->name + ".");
  dict.SetValue("CATEGORY_NAME", cat->name);
  dict.SetValue("CATEGORY_SLUG", cat->slug);
  const auto articles = store::newest_articles(txn, t, {.offset = (page - 1) * kPerPage, .limit = kPerPage}, cat->id);
  if (articles.empty()) dict.ShowSection("NO_ARTICLES");
  for (const auto& a : articles) {
    auto* item = dict.AddSectionDictionary("ARTICLE");
    fill_article_summary(*item, a);
    fill_lead_image(*item, txn, t, a, "list-image");
  }
  dict.SetIntValue("PAGE_NUMBER", static_cast<long>(page));
  dict.SetIntValue("PAGE_COUNT", static_cast<long>(pages));
  if (page > 1) dict.AddSectionDictionary("PREV")->SetIntValue("PAGE", static_cast<long>(page - 1));
  if (page < pages) dict.AddSectionDictionary("NEXT")->SetIntValue("PAGE", static_cast<long>(page + 1));
  return render_page(ctx, "category", dict);
}

}  // namespace portald::web
