#include "daemon/site/taxonomy.hpp"

#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"

namespace portald::site {
namespace {

// A usable name: valid UTF-8 (NFC), 1..200 characters.
std::optional<std::string> clean_name(std::string_view name) {
  auto v = model::to_nfc(name);
  if (!v || v->empty() || model::count_code_points(*v) > 200) return std::nullopt;
  return v;
}

// What one write did: its refusal, the record's id, the old value for the audit entry.
struct Written {
  Refusal refusal = Refusal::none;
  std::uint64_t id = 0;
  std::string from{};
};

// Checks the rule, runs `write` with the clean name and appends the audit entry, in one transaction.
// `kind` names the audit action ("taxonomy.<kind>") and object ("<kind>/<id>"), as the admin always wrote them.
template <class Write>
TaxonomyResult write_named(const store::Store& store, std::string_view kind, std::string_view name,
                           const model::Actor& actor, model::UnixTime now, Write write) {
  if (!model::may(actor, model::Action::manage_taxonomy)) return {Refusal::not_allowed};
  const auto clean = clean_name(name);
  if (!clean) return {Refusal::invalid};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const Written w = write(txn, t, *clean);
  if (w.refusal != Refusal::none) return {w.refusal};
  store::append_audit(txn, t,
                      {.at = now,
                       .actor = actor.username,
                       .action = "taxonomy." + std::string(kind),
                       .object = std::string(kind) + "/" + std::to_string(w.id),
                       .from = w.from,
                       .to = *clean,
                       .address = actor.address});
  txn.commit();
  return {Refusal::none, w.id};
}

}  // namespace

TaxonomyResult add_category(const store::Store& store, std::string_view name, const model::Actor& actor,
                            model::UnixTime now) {
  return write_named(store, "category", name, actor, now,
                     [](store::WriteTxn& txn, const store::Tables& t, const std::string& n) {
                       return Written{Refusal::none, store::ensure_category(txn, t, n)};
                     });
}

TaxonomyResult add_agency(const store::Store& store, std::string_view name, const model::Actor& actor,
                          model::UnixTime now) {
  return write_named(store, "agency", name, actor, now,
                     [](store::WriteTxn& txn, const store::Tables& t, const std::string& n) {
                       return Written{Refusal::none, store::ensure_agency(txn, t, n)};
                     });
}

// The audit objects of the two edits below read "update-category/<id>" and "rename-agency/<id>": that is
// what the admin has always written, and audit searches by object rely on it.
TaxonomyResult update_category(const store::Store& store, std::uint64_t id, std::string_view name,
                               std::optional<std::uint32_t> position, const model::Actor& actor, model::UnixTime now) {
  return write_named(store, "update-category", name, actor, now,
                     [&](store::WriteTxn& txn, const store::Tables& t, const std::string& n) {
                       const auto old = store::get_category(txn, t, id);
                       if (!old) return Written{Refusal::not_found};
                       if (!store::update_category(txn, t, id, n, position.value_or(old->position)))
                         return Written{Refusal::taken};
                       return Written{Refusal::none, id, old->name + " (vị trí " + std::to_string(old->position) + ")"};
                     });
}

TaxonomyResult rename_agency(const store::Store& store, std::uint64_t id, std::string_view name,
                             const model::Actor& actor, model::UnixTime now) {
  return write_named(store, "rename-agency", name, actor, now,
                     [&](store::WriteTxn& txn, const store::Tables& t, const std::string& n) {
                       const auto old = store::get_agency(txn, t, id);
                       if (!old) return Written{Refusal::not_found};
                       if (!store::rename_agency(txn, t, id, n)) return Written{Refusal::taken};
                       return Written{Refusal::none, id, old->name};
                     });
}

namespace {

// The names of these categories, joined for the audit entry; "(mọi chuyên mục)" for none (= all).
std::string category_names(const store::Txn& txn, const store::Tables& t, const std::vector<std::uint64_t>& ids) {
  std::string out;
  for (const auto id : ids)
    if (const auto c = store::get_category(txn, t, id)) out += (out.empty() ? "" : ", ") + c->name;
  return out.empty() ? "(mọi chuyên mục)" : out;
}

}  // namespace

TaxonomyResult set_agency_categories(const store::Store& store, std::uint64_t id,
                                     const std::vector<std::uint64_t>& category_ids, const model::Actor& actor,
                                     model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_taxonomy)) return {Refusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto old = store::get_agency(txn, t, id);
  if (!old) return {Refusal::not_found};
  for (const auto c : category_ids)
    if (!store::get_category(txn, t, c)) return {Refusal::invalid};
  const std::string from = category_names(txn, t, old->category_ids);
  store::set_agency_categories(txn, t, id, category_ids);
  store::append_audit(txn, t,
                      {.at = now,
                       .actor = actor.username,
                       .action = std::string(model::to_string(model::AuditAction::taxonomy_agency_categories)),
                       .object = "agency/" + std::to_string(id),
                       .from = from,
                       .to = category_names(txn, t, store::get_agency(txn, t, id)->category_ids),
                       .address = actor.address});
  txn.commit();
  return {Refusal::none, id};
}

TaxonomyResult save_topic(const store::Store& store, const TopicChange& change, const model::Actor& actor,
                          model::UnixTime now) {
  return write_named(store, "topic", change.name, actor, now,
                     [&](store::WriteTxn& txn, const store::Tables& t, const std::string& n) {
                       const auto description = model::to_nfc(change.description);
                       if (!description || description->size() > 2000) return Written{Refusal::invalid};
                       const std::string slug = model::slugify(change.slug.empty() ? n : change.slug);
                       if (slug.empty()) return Written{Refusal::invalid};
                       model::Topic topic = store::find_topic(txn, t, slug).value_or(model::Topic{});
                       Written w{Refusal::none, 0, topic.name};
                       topic.slug = slug;
                       topic.name = n;
                       topic.description = *description;
                       topic.featured = change.featured;
                       topic.updated_at = now;
                       w.id = store::put_topic(txn, t, topic);
                       return w;
                     });
}

}  // namespace portald::site
