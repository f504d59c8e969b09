// Topics (chuyên đề): articles chosen across categories, /chuyen-de and /chuyen-de/<slug>.
#include "daemon/store/article_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kPerPage = 20;

}  // namespace

std::vector<model::Article> topic_articles(const store::Txn& txn, const store::Tables& t, const model::Topic& topic) {
  std::vector<model::Article> out;
  for (const auto id : topic.article_ids)
    if (auto a = store::get_article(txn, t, id); a && a->status == model::ArticleStatus::published)
      out.push_back(std::move(*a));
  return out;
}

Response topics_page(const Context& ctx, Request&) {
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("topics");
  fill_layout(dict, ctx, txn, "Chuyên đề");
  const auto topics = store::list_topics(txn, ctx.store.tables());
  if (topics.empty()) dict.ShowSection("NO_TOPICS");
  for (const auto& tp : topics) {
    auto* item = dict.AddSectionDictionary("TOPIC");
    item->SetValue("SLUG", tp.slug);
    item->SetValue("NAME", tp.name);
    item->SetValue("DESCRIPTION", tp.description);
  }
  return render_page(ctx, "topics", dict);
}

Response topic_page(const Context& ctx, Request& req) {
  const std::size_t page = number_arg(req, {.name = "trang", .empty_is_absent = false}, kInvalidPageNumber);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto tp = store::find_topic(txn, t, req.params.at("slug"));
  if (!tp) throw HttpError(404, "Không tìm thấy chuyên đề.");
  const auto articles = topic_articles(txn, t, *tp);
  const std::size_t pages = page_count(articles.size(), kPerPage);
  if (page > pages) throw HttpError(404, "Trang này không tồn tại.");
  ctemplate::TemplateDictionary dict("topic");
  auto* head = fill_layout(dict, ctx, txn, tp->name);
  if (!tp->description.empty()) head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", tp->description);
  dict.SetValue("NAME", tp->name);
  dict.SetValue("SLUG", tp->slug);
  auto* feed = head->AddSectionDictionary("FEED");  // issue 14: one feed per topic
  feed->SetValue("TITLE", "Chuyên đề " + tp->name + " - RSS");
  feed->SetValue("URL", "/rss/chu-de/" + tp->slug + ".xml");
  if (!tp->description.empty()) dict.AddSectionDictionary("INTRO")->SetValue("TEXT", tp->description);
  if (articles.empty()) dict.ShowSection("NO_ARTICLES");
  for (std::size_t i = (page - 1) * kPerPage; i < articles.size() && i < page * kPerPage; ++i)
    fill_article_summary(*dict.AddSectionDictionary("ARTICLE"), articles[i]);
  dict.SetIntValue("PAGE_NUMBER", static_cast<long>(page));
  dict.SetIntValue("PAGE_COUNT", static_cast<long>(pages));
  if (page > 1) dict.AddSectionDictionary("PREV")->SetIntValue("PAGE", static_cast<long>(page - 1));
  if (page < pages) dict.AddSectionDictionary("NEXT")->SetIntValue("PAGE", static_cast<long>(page + 1));
  return render_page(ctx, "topic", dict);
}

}  // namespace portald::web
