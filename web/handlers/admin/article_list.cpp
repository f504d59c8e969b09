// Every article, newest first, with a title search: how editors find an imported or published
// article to correct it (the queues only show what is moving through the workflow).
#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/article_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/paging.hpp"

namespace portald::web::admin {
namespace article_list_pages {

constexpr std::size_t kPerPage = 50;
constexpr std::size_t kMaxPage = SIZE_MAX / kPerPage;  // (page - 1) * kPerPage must not wrap

Response article_list(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const std::string q(model::trim(req.query_value("q").value_or("")));
  const std::string folded = model::fold(q);
  // Lenient, as before: a bad ?trang= shows the first page (no one but an editor sees this list).
  const std::size_t page = parse_page_number(req.query_value("trang").value_or(""), kMaxPage).value_or(1);
  ctemplate::TemplateDictionary dict("admin_articles");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Tất cả bài viết");
  dict.SetValue("Q", q);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  std::size_t matched = 0, shown = 0;
  store::Cursor c(txn, t.articles);
  for (bool ok = c.last(); ok && shown < kPerPage; ok = c.prev()) {
    const auto item = editorial::load_item(txn, t, store::read_be64(c.key()));
    if (!item) continue;
    if (!folded.empty() && model::fold(item->work.title).find(folded) == std::string::npos) continue;
    if (matched++ < (page - 1) * kPerPage) continue;
    ++shown;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(item->article.id));
    row->SetValue("TITLE", item->work.title);
    row->SetValue("STATE", std::string(model::status_label(item->state.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(item->state.state)));
    row->SetValue("PUBLIC", item->article.status == model::ArticleStatus::published ? "Đang công khai" : "");
    row->SetValue("UPDATED", model::format_datetime_vn(std::max(item->article.updated_at, item->state.since)));
  }
  if (shown == 0) dict.ShowSection("EMPTY");
  const std::string list_url = "/quan-tri/bai-viet?q=" + model::url_encode_component(q) + "&trang=";
  if (page > 1) dict.AddSectionDictionary("PREV")->SetValue("URL", list_url + std::to_string(page - 1));
  if (shown == kPerPage) dict.AddSectionDictionary("NEXT")->SetValue("URL", list_url + std::to_string(page + 1));
  return render_admin(ctx, "admin_articles", dict);
}

}  // namespace article_list_pages

}  // namespace portald::web::admin
