#include "daemon/store/settings_table.hpp"

#include "daemon/model/media_link.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"
#include "daemon/store/media_use_table.hpp"

namespace portald::store {
namespace {

using model::Maintenance;
using model::SiteSettings;
constexpr std::tuple kSiteSettingsFields{
    codec::optional("portal_name", &SiteSettings::portal_name),
    codec::optional("governing_agency", &SiteSettings::governing_agency),
    codec::optional("responsible_person", &SiteSettings::responsible_person),
    codec::optional("licence", &SiteSettings::licence),
    codec::optional("responsible_title", &SiteSettings::responsible_title),
    codec::optional("licence_issuer", &SiteSettings::licence_issuer),
    codec::optional("licence_date", &SiteSettings::licence_date),
    codec::optional("show_most_read", &SiteSettings::show_most_read),
    codec::optional("mail_agency_reports", &SiteSettings::mail_agency_reports),
    codec::optional("show_intake_form", &SiteSettings::show_intake_form),
    codec::optional("address", &SiteSettings::address),
    codec::optional("phone", &SiteSettings::phone),
    codec::optional("email", &SiteSettings::email),
    codec::optional("source_notice", &SiteSettings::source_notice),
    codec::optional("public_url", &SiteSettings::public_url),
    codec::optional("logo_url", &SiteSettings::logo_url),
    codec::optional("english_name", &SiteSettings::english_name),
    codec::optional("national_service_url", &SiteSettings::national_service_url),
    codec::optional("provincial_service_url", &SiteSettings::provincial_service_url),
    codec::optional("national_legal_db_url", &SiteSettings::national_legal_db_url),
    codec::optional("data_portal_url", &SiteSettings::data_portal_url),
    codec::optional("emc_script_url", &SiteSettings::emc_script_url),
    codec::optional("locality", &SiteSettings::locality),
    codec::optional("embed_origins", &SiteSettings::embed_origins),
    codec::optional("show_visit_counter", &SiteSettings::show_visit_counter),
};
constexpr auto kSite = codec::record<SiteSettings>("settings", 1, kSiteSettingsFields);
constexpr std::tuple kMaintenanceFields{
    codec::optional("on", &Maintenance::on),
    codec::optional("message", &Maintenance::message),
    codec::optional("retry_after_s", &Maintenance::retry_after_s),
};
constexpr auto kMaintenance = codec::record<Maintenance>("maintenance", 1, kMaintenanceFields);
constexpr std::string_view kSiteKey = "site";

}  // namespace

model::SiteSettings get_site_settings(const Txn& txn, const Tables& t) {
  const auto v = txn.get(t.settings, kSiteKey);
  return v ? kSite.decode(*v) : model::SiteSettings{};
}

void put_site_settings(WriteTxn& txn, const Tables& t, const model::SiteSettings& s) {
  // The logo may be a file of the media library: it is public while it is the logo.
  record_media_uses(txn, t, MediaUser::settings, 0, model::media_ids_in(get_site_settings(txn, t).logo_url),
                    model::media_ids_in(s.logo_url));
  txn.put(t.settings, kSiteKey, kSite.encode(s));
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

model::EmbedPolicy get_embed_policy(const Txn& txn, const Tables& t) {
  return model::embed_policy(get_site_settings(txn, t));
}

model::Maintenance get_maintenance(const Txn& txn, const Tables& t) {
  const auto v = txn.get(t.settings, "maintenance");
  return v ? kMaintenance.decode(*v) : model::Maintenance{};
}

void put_maintenance(WriteTxn& txn, const Tables& t, const model::Maintenance& m) {
  txn.put(t.settings, "maintenance", kMaintenance.encode(m));
  // Cached public pages must not outlive the switch.
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

}  // namespace portald::store
