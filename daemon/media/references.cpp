#include "daemon/media/references.hpp"

#include <nlohmann/json.hpp>

#include "daemon/model/media_link.hpp"
#include "daemon/store/lmdb.hpp"

namespace portald::media {
namespace {

// Every record of these tables is JSON (store/codec.hpp); walking the whole value, not named
// fields, means a field added later that holds a link is still seen.
void add_references(const nlohmann::json& j, std::set<std::uint64_t>& out) {
  if (j.is_string()) {
    for (const auto id : model::media_ids_in(j.get_ref<const std::string&>())) out.insert(id);
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      // "media_id" (a gallery picture), "lead_media_id" (an article's lead image), and the like.
      if ((key == "media_id" || key.ends_with("_media_id")) && value.is_number_unsigned() && value != 0)
        out.insert(value.get<std::uint64_t>());
      add_references(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) add_references(v, out);
  }
}

void add_table(const store::Txn& txn, MDB_dbi table, std::set<std::uint64_t>& out) {
  store::Cursor c(txn, table);
  for (bool ok = c.first(); ok; ok = c.next()) {
    const auto j = nlohmann::json::parse(c.value(), nullptr, /*allow_exceptions=*/false);
    // A record that is not JSON cannot be read for links: its table's own reader would fail on it too.
    if (j.is_discarded()) throw store::StoreError("unreadable record while listing media references", MDB_CORRUPTED);
    add_references(j, out);
  }
}

}  // namespace

std::set<std::uint64_t> referenced_media(const store::Txn& txn, const store::Tables& t) {
  std::set<std::uint64_t> out;
  for (const MDB_dbi table : {t.articles, t.revisions, t.drafts, t.pages, t.page_revisions, t.documents,
                              t.document_revisions, t.questions, t.topics, t.settings})
    add_table(txn, table, out);
  // What the tables of published things recorded (issue 16); normally a subset of the above.
  store::Cursor c(txn, t.media_uses);
  for (bool ok = c.first(); ok; ok = c.next()) out.insert(store::read_be64(c.key().substr(0, 8)));
  return out;
}

}  // namespace portald::media
