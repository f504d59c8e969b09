#include "daemon/site/imports.hpp"

#include "daemon/model/audit_action.hpp"
#include "daemon/site/pages.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/topic_table.hpp"

namespace portald::site {

Refusal import_pages(store::WriteTxn& txn, const store::Tables& t, std::vector<model::SitePage> pages,
                     const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_settings)) return Refusal::not_allowed;
  for (auto& page : pages) {
    const std::string object = "page/" + page.lang + "/" + page.slug, title = page.title;
    if (!page.updated_at) page.updated_at = now;
    const std::uint64_t id = store::put_site_page(txn, t, std::move(page));
    // Kept as an approved revision too, so the history the admin shows (/quan-tri/trang) is whole.
    record_public_revision(txn, t, *store::get_site_page(txn, t, id), actor, now, "Nhập từ tệp");
    store::append_audit(txn, t, model::AuditAction::page_import,
                        {.at = now, .actor = actor.username, .object = object, .to = title, .address = actor.address});
  }
  return Refusal::none;
}

Refusal import_topics(store::WriteTxn& txn, const store::Tables& t, std::vector<model::Topic> topics,
                      const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_taxonomy)) return Refusal::not_allowed;
  for (auto& topic : topics) {
    const std::string name = topic.name;
    if (!topic.updated_at) topic.updated_at = now;
    const std::uint64_t id = store::put_topic(txn, t, std::move(topic));
    store::append_audit(txn, t, model::AuditAction::taxonomy_topic,
                        {.at = now,
                         .actor = actor.username,
                         .object = "topic/" + std::to_string(id),
                         .to = name,
                         .address = actor.address});
  }
  return Refusal::none;
}

}  // namespace portald::site
