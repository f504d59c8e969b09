#include <algorithm>

#include "daemon/model/time.hpp"
#include "daemon/model/visit.hpp"

#include "daemon/store/article_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "daemon/store/visit_table.hpp"
#include "web/handlers/public/article_media.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kNewest = 10;
constexpr std::size_t kSectionBlocks = 8;
constexpr std::size_t kPerSection = 4;
constexpr std::size_t kFeatured = 3;
// How far back the home page looks for editors' picks; older picks have had their day.
constexpr std::size_t kFeaturedWindow = 200;
constexpr std::size_t kMostRead = 5;
constexpr std::int32_t kMostReadDays = 7;

// "Đọc nhiều nhất": the most viewed articles still published over the last 7 Vietnam days. The home
// page is rebuilt at every content change (the page cache), so the list is as fresh as the last
// publication, several times a working day.
void fill_most_read(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t) {
  const std::int32_t today = model::vietnam_day(model::now());
  // Ask for more than shown: some of the most viewed may have been withdrawn since.
  const auto ranked =
      store::most_visited(txn, t, model::VisitKind::article, today - kMostReadDays + 1, today, kMostRead * 4);
  ctemplate::TemplateDictionary* block = nullptr;
  std::size_t shown = 0;
  for (const auto& [id, views] : ranked) {
    const auto a = store::get_article(txn, t, id);
    if (!a || a->status != model::ArticleStatus::published) continue;
    if (!block) block = dict.AddSectionDictionary("MOST_READ");
    fill_article_summary(*block->AddSectionDictionary("ITEM"), *a);
    if (++shown == kMostRead) break;
  }
}

// The editors' picks among the newest items; with none picked, the newest item leads, so the home
// page always opens with a lead story.
std::vector<model::Article> featured_articles(const store::Txn& txn, const store::Tables& t) {
  std::vector<model::Article> picks;
  for (auto& a : store::newest_articles(txn, t, {.offset = 0, .limit = kFeaturedWindow})) {
    if (!a.featured) continue;
    picks.push_back(std::move(a));
    if (picks.size() == kFeatured) break;
  }
  if (picks.empty()) picks = store::newest_articles(txn, t, {.offset = 0, .limit = 1});
  return picks;
}

}  // namespace

Response home_page(const Context& ctx, Request&) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("home");
  auto* head = fill_layout(dict, ctx, txn, "Trang chủ");
  head->AddSectionDictionary("DESCRIPTION")
      ->SetValue("TEXT", "Tin tức, văn bản, thông tin chỉ đạo điều hành, thủ tục hành chính và dịch vụ công.");
  const auto featured = featured_articles(txn, t);
  for (const auto& a : featured) {
    auto* item = dict.AddSectionDictionary("FEATURED");
    fill_article_summary(*item, a);
    fill_lead_image(*item, txn, t, a, "list-image");
  }
  // "Tin mới nhất" never repeats a "Tiêu điểm" item (issue 15).
  auto articles = store::newest_articles(txn, t, {.offset = 0, .limit = kNewest + featured.size()});
  std::erase_if(articles, [&](const model::Article& a) {
    return std::any_of(featured.begin(), featured.end(), [&](const model::Article& f) { return f.id == a.id; });
  });
  if (articles.size() > kNewest) articles.resize(kNewest);
  if (articles.empty() && featured.empty()) dict.ShowSection("NO_ARTICLES");
  for (const auto& a : articles) {
    auto* item = dict.AddSectionDictionary("ARTICLE");
    fill_article_summary(*item, a);
    fill_lead_image(*item, txn, t, a, "list-image");
    if (const auto c = store::get_category(txn, t, a.category_id)) {
      auto* cat = item->AddSectionDictionary("CATEGORY");
      cat->SetValue("SLUG", c->slug);
      cat->SetValue("NAME", c->name);
    }
  }
  // The newest items per section (chuyên mục), in menu order.
  std::size_t blocks = 0;
  for (const auto& c : store::list_categories(txn, t)) {
    if (blocks == kSectionBlocks) break;
    const auto newest = store::newest_articles(txn, t, {.offset = 0, .limit = kPerSection}, c.id);
    if (newest.empty()) continue;
    ++blocks;
    auto* section = dict.AddSectionDictionary("SECTION");
    section->SetValue("SLUG", c.slug);
    section->SetValue("NAME", c.name);
    for (const auto& a : newest) fill_article_summary(*section->AddSectionDictionary("ITEM"), a);
  }
  // Every mandatory section within one click of the home page.
  for (const auto& l : section_links(txn, t, "vi")) {
    auto* link = dict.AddSectionDictionary("INFO_PAGE");
    link->SetValue("URL", l.url);
    link->SetValue("TITLE", l.title);
    if (l.pending) link->ShowSection("PENDING");
  }
  const auto settings = store::get_site_settings(txn, t);
  fill_service_links(dict, settings);
  if (settings.show_most_read == "1") fill_most_read(dict, txn, t);
  // Topic banners: the featured topics, each a link with its description.
  for (const auto& tp : store::list_topics(txn, t)) {
    if (!tp.featured) continue;
    auto* banner = dict.AddSectionDictionary("TOPIC_BANNER");
    banner->SetValue("SLUG", tp.slug);
    banner->SetValue("NAME", tp.name);
    banner->SetValue("DESCRIPTION", tp.description);
  }
  return render_page(ctx, "home", dict);
}

}  // namespace portald::web
