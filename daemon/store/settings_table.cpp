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
  s.public_url = j.value("public_url", s.public_url);
  s.logo_url = j.value("logo_url", s.logo_url);
  s.english_name = j.value("english_name", s.english_name);
  s.national_service_url = j.value("national_service_url", s.national_service_url);
  s.provincial_service_url = j.value("provincial_service_url", s.provincial_service_url);
  s.national_legal_db_url = j.value("national_legal_db_url", s.national_legal_db_url);
  s.data_portal_url = j.value("data_portal_url", s.data_portal_url);
  s.emc_script_url = j.value("emc_script_url", s.emc_script_url);
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
                         {"source_notice", s.source_notice},
                         {"public_url", s.public_url},
                         {"logo_url", s.logo_url},
                         {"english_name", s.english_name},
                         {"national_service_url", s.national_service_url},
                         {"provincial_service_url", s.provincial_service_url},
                         {"national_legal_db_url", s.national_legal_db_url},
                         {"data_portal_url", s.data_portal_url},
                         {"emc_script_url", s.emc_script_url}},
                        kFormat));
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

model::Maintenance get_maintenance(const Txn& txn, const Tables& t) {
  model::Maintenance m;
  const auto v = txn.get(t.settings, "maintenance");
  if (!v) return m;
  const auto j = decode_record(*v, kFormat, "maintenance");
  m.on = j.value("on", false);
  m.message = j.value("message", m.message);
  m.retry_after_s = j.value("retry_after_s", m.retry_after_s);
  return m;
}

void put_maintenance(WriteTxn& txn, const Tables& t, const model::Maintenance& m) {
  txn.put(t.settings, "maintenance",
          encode_record({{"on", m.on}, {"message", m.message}, {"retry_after_s", m.retry_after_s}}, kFormat));
  // Cached public pages must not outlive the switch.
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

}  // namespace portald::store
