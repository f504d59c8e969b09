#pragma once
// Bulk imports of section pages and topics (portaldctl pages|topics import FILE.jsonl): the rule, the
// records and one audit entry per record, in the caller's write transaction, so a file lands whole or
// not at all. The tables add the change-log entries. Nothing is written when refused.
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/topic.hpp"
#include "daemon/site/refusal.hpp"
#include "daemon/store/store.hpp"

namespace portald::site {

// Saves each page (same language and slug = replaced); needs manage-settings. Audited as "page.import".
Refusal import_pages(store::WriteTxn& txn, const store::Tables& t, std::vector<model::SitePage> pages,
                     const model::Actor& actor, model::UnixTime now);
// Saves each topic (same slug = replaced); needs manage-taxonomy. Audited as "taxonomy.topic", as the
// admin's topic form writes it.
Refusal import_topics(store::WriteTxn& txn, const store::Tables& t, std::vector<model::Topic> topics,
                      const model::Actor& actor, model::UnixTime now);

}  // namespace portald::site
