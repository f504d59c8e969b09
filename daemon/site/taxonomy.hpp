#pragma once
// Categories, agencies and topics (chuyên đề) as people manage them: each write checks the rule
// (manage-taxonomy; a name of 1..200 characters after NFC) and appends its audit entry "taxonomy.<kind>"
// in one write transaction; the tables add the change-log entry. Nothing is written when refused.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/time.hpp"
#include "daemon/site/refusal.hpp"
#include "daemon/store/store.hpp"

namespace portald::site {

struct TaxonomyResult {
  Refusal refusal = Refusal::none;
  std::uint64_t id = 0;
};

// Names are given trimmed by the caller. The category (agency) with this name, compared folded, is
// created when absent; either way the request is audited and its id returned.
TaxonomyResult add_category(const store::Store& store, std::string_view name, const model::Actor& actor,
                            model::UnixTime now);
TaxonomyResult add_agency(const store::Store& store, std::string_view name, const model::Actor& actor,
                          model::UnixTime now);
// Renames a category and moves it in the menu (std::nullopt keeps its position); its slug, its URL,
// stays. Refusal::not_found for an unknown id, Refusal::taken when another category has the name.
TaxonomyResult update_category(const store::Store& store, std::uint64_t id, std::string_view name,
                               std::optional<std::uint32_t> position, const model::Actor& actor, model::UnixTime now);
// Renames an agency (slug kept); Refusal::not_found or Refusal::taken as above.
TaxonomyResult rename_agency(const store::Store& store, std::uint64_t id, std::string_view name,
                             const model::Actor& actor, model::UnixTime now);

// Limits the agency's contributors to these categories (issue 16; empty = every category), audited as
// "taxonomy.agency-categories". Refusal::not_allowed without manage-taxonomy, Refusal::not_found for an
// unknown agency, Refusal::invalid for an unknown category; nothing is written then.
TaxonomyResult set_agency_categories(const store::Store& store, std::uint64_t id,
                                     const std::vector<std::uint64_t>& category_ids, const model::Actor& actor,
                                     model::UnixTime now);

struct TopicChange {
  std::string slug{};         // as typed; "" = made from the name
  std::string name{};         // trimmed
  std::string description{};  // trimmed; at most 2000 bytes after NFC
  bool featured = false;
};
// Creates the topic, or updates the one with the same slug (its articles and position are kept).
// Refusal::invalid for a bad name or description, or a slug that comes out empty.
TaxonomyResult save_topic(const store::Store& store, const TopicChange& change, const model::Actor& actor,
                          model::UnixTime now);

}  // namespace portald::site
