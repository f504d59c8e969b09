#include "daemon/store/taxonomy_table.hpp"

#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

using model::Agency;
using model::Category;
constexpr std::tuple kCategoryFields{
    codec::required("id", &Category::id),
    codec::required("name", &Category::name),
    codec::required("slug", &Category::slug),
    codec::optional("position", &Category::position),
};
constexpr auto kCategoryRecord = codec::record<Category>("category", 1, kCategoryFields);
constexpr std::tuple kAgencyFields{
    codec::required("id", &Agency::id), codec::required("name", &Agency::name), codec::required("slug", &Agency::slug),
    codec::optional("categories", &Agency::category_ids),  // issue 16; absent in older records = all
};
constexpr auto kAgencyRecord = codec::record<Agency>("agency", 1, kAgencyFields);

// Categories and agencies share one shape; this describes where each lives.
template <class Codec>
struct Kind {
  using Record = typename Codec::value_type;
  MDB_dbi Tables::*records;
  MDB_dbi Tables::*names;
  const char* counter;  // the kind's name: a slug of last resort, error messages
  IdCounter ids;        // where its ids come from
  ChangeKind change;
  const Codec* codec;
};
constexpr Kind<decltype(kCategoryRecord)> kCategory{.records = &Tables::categories,
                                                    .names = &Tables::category_names,
                                                    .counter = "category",
                                                    .ids = IdCounter::category,
                                                    .change = ChangeKind::category,
                                                    .codec = &kCategoryRecord};
constexpr Kind<decltype(kAgencyRecord)> kAgency{.records = &Tables::agencies,
                                                .names = &Tables::agency_names,
                                                .counter = "agency",
                                                .ids = IdCounter::agency,
                                                .change = ChangeKind::agency,
                                                .codec = &kAgencyRecord};

template <class K>
std::optional<typename K::Record> get(const Txn& txn, const Tables& t, const K& kind, std::uint64_t id) {
  const auto v = txn.get(t.*kind.records, be64(id));
  return v ? std::optional(kind.codec->decode(*v)) : std::nullopt;
}

template <class K>
std::vector<typename K::Record> list(const Txn& txn, const Tables& t, const K& kind) {
  std::vector<typename K::Record> out;
  Cursor c(txn, t.*kind.records);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kind.codec->decode(c.value()));
  return out;
}

// A slug unique within the kind: "kinh-te", then "kinh-te-2", ...
template <class K>
std::string unique_slug(const Txn& txn, const Tables& t, const K& kind, std::string_view name) {
  std::string base = model::slugify(name);
  if (base.empty()) base = kind.counter;
  std::vector<std::string> taken;
  for (auto& r : list(txn, t, kind)) taken.push_back(std::move(r.slug));
  std::string slug = base;
  for (int n = 2; std::find(taken.begin(), taken.end(), slug) != taken.end(); ++n)
    slug = base + "-" + std::to_string(n);
  return slug;
}

template <class K>
std::uint64_t ensure(WriteTxn& txn, const Tables& t, const K& kind, std::string_view name) {
  const std::string key = model::fold(name);
  if (const auto found = lookup_id(txn, t.*kind.names, key)) return *found;
  const std::uint64_t id = next_id(txn, t, kind.ids);
  typename K::Record r{.id = id, .name = std::string(name), .slug = unique_slug(txn, t, kind, name)};
  // A new category goes last in the menu.
  if constexpr (requires(typename K::Record x) { x.position; }) r.position = static_cast<std::uint32_t>(id);
  txn.put(t.*kind.records, be64(id), kind.codec->encode(r));
  txn.put(t.*kind.names, key, be64(id));
  append_change(txn, t, kind.change, id, ChangeOp::put);
  return id;
}

// Renames record `id` to `name`, moving its folded-name index entry, and stores it after `change`
// (which may alter more); false when the id is unknown or another record has that name.
template <class K, class Change>
bool rename(WriteTxn& txn, const Tables& t, const K& kind, std::uint64_t id, std::string_view name, Change change) {
  auto r = get(txn, t, kind, id);
  if (!r) return false;
  const std::string key = model::fold(name);
  if (const auto other = lookup_id(txn, t.*kind.names, key); other && *other != id) return false;
  txn.del(t.*kind.names, model::fold(r->name));
  txn.put(t.*kind.names, key, be64(id));
  r->name = std::string(name);
  change(*r);
  txn.put(t.*kind.records, be64(id), kind.codec->encode(*r));
  append_change(txn, t, kind.change, id, ChangeOp::put);
  return true;
}

}  // namespace

bool update_category(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name, std::uint32_t position) {
  return rename(txn, t, kCategory, id, name, [&](Category& c) { c.position = position; });
}

bool rename_agency(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name) {
  return rename(txn, t, kAgency, id, name, [](Agency&) {});
}

bool set_agency_categories(WriteTxn& txn, const Tables& t, std::uint64_t id, std::vector<std::uint64_t> category_ids) {
  auto r = get(txn, t, kAgency, id);
  if (!r) return false;
  std::sort(category_ids.begin(), category_ids.end());
  category_ids.erase(std::unique(category_ids.begin(), category_ids.end()), category_ids.end());
  r->category_ids = std::move(category_ids);
  txn.put(t.agencies, be64(id), kAgencyRecord.encode(*r));
  append_change(txn, t, ChangeKind::agency, id, ChangeOp::put);
  return true;
}

std::optional<model::Category> get_category(const Txn& txn, const Tables& t, std::uint64_t id) {
  return get(txn, t, kCategory, id);
}

std::optional<model::Category> find_category_by_slug(const Txn& txn, const Tables& t, std::string_view slug) {
  for (auto& c : list_categories(txn, t))
    if (c.slug == slug) return c;
  return std::nullopt;
}

std::vector<model::Category> list_categories(const Txn& txn, const Tables& t) {
  auto out = list(txn, t, kCategory);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
  return out;
}

std::uint64_t ensure_category(WriteTxn& txn, const Tables& t, std::string_view name) {
  return ensure(txn, t, kCategory, name);
}

std::optional<model::Agency> get_agency(const Txn& txn, const Tables& t, std::uint64_t id) {
  return get(txn, t, kAgency, id);
}

std::vector<model::Agency> list_agencies(const Txn& txn, const Tables& t) {
  auto out = list(txn, t, kAgency);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return model::fold(a.name) < model::fold(b.name); });
  return out;
}

std::uint64_t ensure_agency(WriteTxn& txn, const Tables& t, std::string_view name) {
  return ensure(txn, t, kAgency, name);
}

}  // namespace portald::store
