#pragma once
// Editable pages (tables "pages" and "page_slugs"): the mandatory sections and the English section.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/site_page.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::SitePage> get_site_page(const Txn& txn, const Tables& t, std::uint64_t id);
// The page with this language and slug, std::nullopt when absent.
std::optional<model::SitePage> find_site_page(const Txn& txn, const Tables& t, std::string_view lang,
                                              std::string_view slug);
// Every page, by language, then position, then title.
std::vector<model::SitePage> list_site_pages(const Txn& txn, const Tables& t);
// Inserts or replaces the page with the same language and slug (its id is kept); sanitises the body,
// sets updated_at when it is 0, appends to the change log. Returns the id.
std::uint64_t put_site_page(WriteTxn& txn, const Tables& t, model::SitePage page);

}  // namespace portald::store
