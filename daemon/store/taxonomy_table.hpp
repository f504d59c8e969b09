#pragma once
// Categories and agencies: named, slugged, looked up by folded name, created on demand by imports.
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/taxonomy.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Category> get_category(const Txn& txn, const Tables& t, std::uint64_t id);
std::optional<model::Category> find_category_by_slug(const Txn& txn, const Tables& t, std::string_view slug);
std::vector<model::Category> list_categories(const Txn& txn, const Tables& t);  // by position, then name
// Id of the category with this name (compared folded: "Văn hoá" == "Văn hóa"), creating it if absent.
std::uint64_t ensure_category(WriteTxn& txn, const Tables& t, std::string_view name);

// Renames and/or moves a category in the menu; its slug (its URL) stays. Returns false when the id is
// unknown or another category already has that name (compared folded).
bool update_category(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name, std::uint32_t position);

std::optional<model::Agency> get_agency(const Txn& txn, const Tables& t, std::uint64_t id);
std::vector<model::Agency> list_agencies(const Txn& txn, const Tables& t);  // by name
std::uint64_t ensure_agency(WriteTxn& txn, const Tables& t, std::string_view name);
// Renames an agency (slug kept); false when the id is unknown or the name is taken.
bool rename_agency(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name);
// Sets the categories the agency's contributors may write in (sorted, without repeats; empty = all);
// false when the id is unknown. The caller checks that the categories exist.
bool set_agency_categories(WriteTxn& txn, const Tables& t, std::uint64_t id, std::vector<std::uint64_t> category_ids);

}  // namespace portald::store
