#include "daemon/store/page_table.hpp"

#include <algorithm>
#include <tuple>

#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::store {
namespace {

std::string slug_key(std::string_view lang, std::string_view slug) {
  return std::string(lang) + "/" + std::string(slug);
}

using model::SitePage;
// An unknown kind reads as a plain text page: its body still shows, only the entries table is lost.
constexpr codec::EnumKey<model::PageKind> kKind{&model::to_string, &model::parse_page_kind, model::PageKind::text};
constexpr std::tuple kSitePageFields{
    codec::required("id", &SitePage::id),
    codec::optional("lang", &SitePage::lang),
    codec::required("slug", &SitePage::slug),
    codec::optional("title", &SitePage::title),
    codec::optional("summary", &SitePage::summary),
    codec::optional("body_html", &SitePage::body_html),
    codec::optional("kind", &SitePage::kind, kKind),
    codec::optional("entries", &SitePage::entries),
    codec::optional("position", &SitePage::position),
    codec::optional("updated_at", &SitePage::updated_at),
};
constexpr auto kRecord = codec::record<SitePage>("page", 1, kSitePageFields);

}  // namespace

std::optional<model::SitePage> get_site_page(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.pages, be64(id));
  return v ? std::optional(kRecord.decode(*v)) : std::nullopt;
}

std::optional<model::SitePage> find_site_page(const Txn& txn, const Tables& t, std::string_view lang,
                                              std::string_view slug) {
  const auto id = lookup_id(txn, t.page_slugs, slug_key(lang, slug));
  return id ? get_site_page(txn, t, *id) : std::nullopt;
}

std::vector<model::SitePage> list_site_pages(const Txn& txn, const Tables& t) {
  std::vector<model::SitePage> out;
  Cursor c(txn, t.pages);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kRecord.decode(c.value()));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.lang, a.position, a.title) < std::tie(b.lang, b.position, b.title);
  });
  return out;
}

std::uint64_t put_site_page(WriteTxn& txn, const Tables& t, model::SitePage page) {
  if (page.lang != "vi" && page.lang != "en") throw std::invalid_argument("page language must be vi or en");
  if (page.slug.empty() || page.slug != model::slugify(page.slug))
    throw std::invalid_argument("page slug must be a lower-case ASCII slug");
  const std::size_t columns = model::page_columns(page.kind).size();
  for (auto& row : page.entries) row.resize(columns);
  page.body_html = model::sanitize_html(page.body_html, get_embed_policy(txn, t));
  if (!page.updated_at) page.updated_at = model::now();
  if (const auto id = lookup_id(txn, t.page_slugs, slug_key(page.lang, page.slug))) page.id = *id;
  if (!page.id) page.id = next_id(txn, t, IdCounter::page);
  const auto old = get_site_page(txn, t, page.id);
  txn.put(t.pages, be64(page.id), kRecord.encode(page));
  record_media_uses(txn, t, MediaUser::page, page.id, old ? site_page_media(*old) : std::vector<std::uint64_t>{},
                    site_page_media(page));
  txn.put(t.page_slugs, slug_key(page.lang, page.slug), be64(page.id));
  append_change(txn, t, ChangeKind::page, page.id, ChangeOp::put);
  return page.id;
}

}  // namespace portald::store
