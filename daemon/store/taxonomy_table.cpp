#include "daemon/store/taxonomy_table.hpp"

#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;

// Categories and agencies share one shape; this describes where each lives.
struct Kind {
  MDB_dbi Tables::*records;
  MDB_dbi Tables::*names;
  const char* counter;  // the kind's name: a slug of last resort, error messages
  IdCounter ids;
  ChangeKind change;
};
constexpr Kind kCategory{&Tables::categories, &Tables::category_names, "category", IdCounter::category, ChangeKind::category};
constexpr Kind kAgency{&Tables::agencies, &Tables::agency_names, "agency", IdCounter::agency, ChangeKind::agency};

model::Category decode_category(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "category");
  return {j.at("id").get<std::uint64_t>(), j.at("name").get<std::string>(), j.at("slug").get<std::string>(),
          j.value("position", 0u)};
}

model::Agency decode_agency(std::string_view bytes) {
  const auto j = decode_record(bytes, kFormat, "agency");
  return {j.at("id").get<std::uint64_t>(), j.at("name").get<std::string>(), j.at("slug").get<std::string>()};
}

// A slug unique within the kind: "kinh-te", then "kinh-te-2", ...
std::string unique_slug(const Txn& txn, const Tables& t, const Kind& kind, std::string_view name) {
  std::string base = model::slugify(name);
  if (base.empty()) base = kind.counter;
  std::vector<std::string> taken;
  Cursor c(txn, t.*kind.records);
  for (bool ok = c.first(); ok; ok = c.next())
    taken.push_back(decode_record(c.value(), kFormat, kind.counter).at("slug").get<std::string>());
  std::string slug = base;
  for (int n = 2; std::find(taken.begin(), taken.end(), slug) != taken.end(); ++n)
    slug = base + "-" + std::to_string(n);
  return slug;
}

std::uint64_t ensure(WriteTxn& txn, const Tables& t, const Kind& kind, std::string_view name) {
  const std::string key = model::fold(name);
  if (const auto found = lookup_id(txn, t.*kind.names, key)) return *found;
  const std::uint64_t id = next_id(txn, t, kind.ids);
  nlohmann::json j{{"id", id}, {"name", std::string(name)}, {"slug", unique_slug(txn, t, kind, name)}};
  if (&kind == &kCategory) j["position"] = id;
  txn.put(t.*kind.records, be64(id), encode_record(j, kFormat));
  txn.put(t.*kind.names, key, be64(id));
  append_change(txn, t, kind.change, id, ChangeOp::put);
  return id;
}

// Moves the folded-name index entry of record `id` from its old name to `name`; false on a clash.
bool rename(WriteTxn& txn, const Tables& t, const Kind& kind, std::uint64_t id, std::string_view name, nlohmann::json& j) {
  const std::string key = model::fold(name);
  if (const auto other = lookup_id(txn, t.*kind.names, key); other && *other != id) return false;
  txn.del(t.*kind.names, model::fold(j.at("name").get<std::string>()));
  txn.put(t.*kind.names, key, be64(id));
  j["name"] = std::string(name);
  return true;
}

}  // namespace

bool update_category(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name, std::uint32_t position) {
  const auto v = txn.get(t.categories, be64(id));
  if (!v) return false;
  auto j = decode_record(*v, kFormat, "category");
  if (!rename(txn, t, kCategory, id, name, j)) return false;
  j["position"] = position;
  txn.put(t.categories, be64(id), encode_record(j, kFormat));
  append_change(txn, t, ChangeKind::category, id, ChangeOp::put);
  return true;
}

bool rename_agency(WriteTxn& txn, const Tables& t, std::uint64_t id, std::string_view name) {
  const auto v = txn.get(t.agencies, be64(id));
  if (!v) return false;
  auto j = decode_record(*v, kFormat, "agency");
  if (!rename(txn, t, kAgency, id, name, j)) return false;
  txn.put(t.agencies, be64(id), encode_record(j, kFormat));
  append_change(txn, t, ChangeKind::agency, id, ChangeOp::put);
  return true;
}

std::optional<model::Category> get_category(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.categories, be64(id));
  return v ? std::optional(decode_category(*v)) : std::nullopt;
}

std::optional<model::Category> find_category_by_slug(const Txn& txn, const Tables& t, std::string_view slug) {
  for (auto& c : list_categories(txn, t))
    if (c.slug == slug) return c;
  return std::nullopt;
}

std::vector<model::Category> list_categories(const Txn& txn, const Tables& t) {
  std::vector<model::Category> out;
  Cursor c(txn, t.categories);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode_category(c.value()));
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
  return out;
}

std::uint64_t ensure_category(WriteTxn& txn, const Tables& t, std::string_view name) {
  return ensure(txn, t, kCategory, name);
}

std::optional<model::Agency> get_agency(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.agencies, be64(id));
  return v ? std::optional(decode_agency(*v)) : std::nullopt;
}

std::vector<model::Agency> list_agencies(const Txn& txn, const Tables& t) {
  std::vector<model::Agency> out;
  Cursor c(txn, t.agencies);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(decode_agency(c.value()));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return model::fold(a.name) < model::fold(b.name); });
  return out;
}

std::uint64_t ensure_agency(WriteTxn& txn, const Tables& t, std::string_view name) {
  return ensure(txn, t, kAgency, name);
}

}  // namespace portald::store
