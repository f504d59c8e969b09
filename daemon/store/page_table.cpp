#include "daemon/store/page_table.hpp"

#include <algorithm>
#include <tuple>

#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

std::string slug_key(std::string_view lang, std::string_view slug) {
  return std::string(lang) + "/" + std::string(slug);
}

std::string encode(const model::SitePage& p) {
  return encode_record({{"id", p.id},
                        {"lang", p.lang},
                        {"slug", p.slug},
                        {"title", p.title},
                        {"summary", p.summary},
                        {"body_html", p.body_html},
                        {"kind", model::to_string(p.kind)},
                        {"entries", p.entries},
                        {"position", p.position},
                        {"updated_at", p.updated_at}},
                       kFormat);
}

model::SitePage decode(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "page");
  model::SitePage p;
  p.id = j.at("id").get<std::uint64_t>();
  p.lang = j.value("lang", "vi");
  p.slug = j.at("slug").get<std::string>();
  p.title = j.value("title", "");
  p.summary = j.value("summary", "");
  p.body_html = j.value("body_html", "");
  p.kind = model::parse_page_kind(j.value("kind", "text")).value_or(model::PageKind::text);
  p.entries = j.value("entries", std::vector<std::vector<std::string>>{});
  p.position = j.value("position", 0u);
  p.updated_at = j.value("updated_at", model::UnixTime{0});
  return p;
}

}  // namespace

std::optional<model::SitePage> get_site_page(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.pages, be64(id));
  return v ? std::optional(decode(*v)) : std::nullopt;
}

std::optional<model::SitePage> find_site_page(const Txn& txn, const Tables& t, std::string_view lang,
                                              std::string_view slug) {
  const auto id = lookup_id(txn, t.page_slugs, slug_key(lang, slug));
  return id ? get_site_page(txn, t, *id) : std::nullopt;
}

std::vector<model::SitePage> list_site_pages(const Txn& txn, const Tables& t) {
  std::vector<model::SitePage> out;
  Cursor c(txn, t.pages);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode(c.value()));
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
  page.body_html = model::sanitize_html(page.body_html);
  if (!page.updated_at) page.updated_at = model::now();
  if (const auto id = lookup_id(txn, t.page_slugs, slug_key(page.lang, page.slug))) page.id = *id;
  if (!page.id) page.id = next_id(txn, t, IdCounter::page);
  txn.put(t.pages, be64(page.id), encode(page));
  txn.put(t.page_slugs, slug_key(page.lang, page.slug), be64(page.id));
  append_change(txn, t, ChangeKind::page, page.id, ChangeOp::put);
  return page.id;
}

}  // namespace portald::store
