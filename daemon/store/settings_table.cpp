#include "daemon/store/settings_table.hpp"

#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

constexpr int kFormat = 1;
constexpr std::string_view kSiteKey = "site";

}  // namespace

model::SiteSettings get_site_settings(const Txn& txn, const Tables& t) {
  model::SiteSettings s;
  const auto v = txn.get(t.settings, kSiteKey);
  if (!v) return s;
  const auto j = decode_record(*v, kFormat, "settings");
  s.portal_name = j.value("portal_name", s.portal_name);
  s.governing_agency = j.value("governing_agency", "");
  s.responsible_person = j.value("responsible_person", "");
  s.licence = j.value("licence", "");
  s.address = j.value("address", "");
  s.phone = j.value("phone", "");
  s.email = j.value("email", "");
  s.source_notice = j.value("source_notice", s.source_notice);
  return s;
}

void put_site_settings(WriteTxn& txn, const Tables& t, const model::SiteSettings& s) {
  txn.put(t.settings, kSiteKey,
          encode_record({{"portal_name", s.portal_name},
                         {"governing_agency", s.governing_agency},
                         {"responsible_person", s.responsible_person},
                         {"licence", s.licence},
                         {"address", s.address},
                         {"phone", s.phone},
                         {"email", s.email},
                         {"source_notice", s.source_notice}},
                        kFormat));
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

}  // namespace portald::store
