// Site settings through the site service: one rule for the admin form and portaldctl, an audit entry
// per changed field, the change-log entry, and nothing written when a value is refused.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <stdexcept>

#include "daemon/model/footer_facts.hpp"
#include "daemon/site/settings.hpp"
#include "daemon/store/settings_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::Role;
using site::Refusal;
using site::SettingProblem;

BOOST_TEST_DONT_PRINT_LOG_VALUE(portald::site::SettingProblem)

namespace {

const model::Actor kOperator{"quantri", Role::operator_, "10.0.0.1"};

model::SiteSettings stored(const store::Store& s) {
  const store::ReadTxn txn = s.read();
  return store::get_site_settings(txn, s.tables());
}

std::vector<SettingProblem> problems(const site::SettingsResult& r) {
  std::vector<SettingProblem> out;
  for (const auto& e : r.errors) out.push_back(e.problem);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_service)

BOOST_AUTO_TEST_CASE(the_field_table_has_each_key_once_with_its_member) {
  BOOST_TEST(site::setting_fields().size() == 25u);
  for (const auto& f : site::setting_fields()) {
    BOOST_TEST(site::find_setting(f.key) == &f);
    BOOST_TEST(f.url == f.key.ends_with("_url"));
    BOOST_TEST(f.flag == (f.key.starts_with("show_") || f.key.starts_with("mail_")));  // the checkboxes
  }
  BOOST_TEST(site::find_setting("no_such_key") == nullptr);
  model::SiteSettings s;
  s.*site::find_setting("licence")->member = "GP 1";
  BOOST_TEST(s.licence == "GP 1");
}

BOOST_AUTO_TEST_CASE(changed_fields_are_saved_audited_one_by_one_and_logged) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto r = site::change_settings(s.store,
                                       {{"portal_name", "Cổng TTĐT tỉnh"},
                                        {"licence", "99/GP-TTĐT"},
                                        {"phone", ""},  // unchanged: no audit entry
                                        {"emc_script_url", "https://emc.gov.vn/s.js?id=7"}},
                                       kOperator, 300);
  BOOST_TEST_REQUIRE((r.refusal == Refusal::none));
  BOOST_TEST(stored(s.store).licence == "99/GP-TTĐT");
  BOOST_TEST(stored(s.store).emc_script_url == "https://emc.gov.vn/s.js?id=7");
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), store::ChangeKind::settings, 0));
  const auto log = test::audit_entries(s.store, {.action_prefix = "settings.site"});
  BOOST_TEST_REQUIRE(log.size() == 3u);  // in the form's order
  BOOST_TEST(log[0].object == "settings/portal_name");
  BOOST_TEST(log[0].from == model::SiteSettings{}.portal_name);
  BOOST_TEST(log[0].to == "Cổng TTĐT tỉnh");
  BOOST_TEST(log[1].object == "settings/licence");
  BOOST_TEST(log[2].object == "settings/emc_script_url");
  BOOST_TEST(log[2].actor == "quantri");
  BOOST_TEST(log[2].address == "10.0.0.1");
  BOOST_TEST(log[2].at == 300);
}

BOOST_AUTO_TEST_CASE(values_are_normalised_to_nfc) {
  test::TempStore s;
  BOOST_TEST_REQUIRE(
      (site::change_settings(s.store, {{"address", "Thanh Ho\xcc\x81\x61"}}, kOperator, 300).refusal == Refusal::none));
  BOOST_TEST(stored(s.store).address == "Thanh H\xc3\xb3\x61");
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_and_nothing_is_written) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto r = site::change_settings(s.store,
                                       {{"portal_name", ""},
                                        {"locality", ""},
                                        {"licence", "\xff"},
                                        {"address", std::string(2001, 'a')},
                                        {"logo_url", "javascript:alert(1)"},
                                        {"emc_script_url", "ftp://emc.gov.vn/s.js"}},
                                       kOperator, 300);
  BOOST_TEST((r.refusal == Refusal::invalid));
  const std::vector<SettingProblem> expected{SettingProblem::not_utf8,         SettingProblem::too_long,
                                             SettingProblem::not_a_url,        SettingProblem::not_a_url,
                                             SettingProblem::not_a_script_url, SettingProblem::empty_required,
                                             SettingProblem::empty_required};
  BOOST_TEST(problems(r) == expected, boost::test_tools::per_element());
  BOOST_TEST(r.errors[0].field->key == "licence");
  BOOST_TEST(r.errors[4].field->key == "emc_script_url");
  BOOST_TEST(r.settings.logo_url == "javascript:alert(1)");  // shown again in the form
  BOOST_TEST(r.settings.licence.empty());                    // an unreadable value is not taken
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
  BOOST_TEST(stored(s.store).logo_url == model::SiteSettings{}.logo_url);
}

BOOST_AUTO_TEST_CASE(footer_facts_hold_the_kind_of_text_their_line_says) {
  test::TempStore s;
  const auto refused = [&](const char* key, const char* value) {
    const auto r = site::change_settings(s.store, {{key, value}}, kOperator, 300);
    return r.refusal == Refusal::invalid && r.errors.size() == 1u ? std::optional(r.errors[0].problem) : std::nullopt;
  };
  // A position, a sentence or digits where a person's name belongs.
  for (const char* bad : {"Chánh Văn phòng Ủy ban nhân dân tỉnh", "An", "Nguyễn Văn 1", "Nguyễn Văn An, Chánh VP"})
    BOOST_TEST((refused("responsible_person", bad) == SettingProblem::not_a_person_name), bad);
  // A sentence where a licence number belongs.
  for (const char* bad : {"Giấy phép số 12/GP-TTĐT", "GP-TTĐT", "số 12"})
    BOOST_TEST((refused("licence", bad) == SettingProblem::not_a_licence_number), bad);
  for (const char* bad : {"31/02/2024", "2024-13-01", "hôm qua", "01/01/2999"})
    BOOST_TEST((refused("licence_date", bad) == SettingProblem::not_a_past_date), bad);
  BOOST_TEST(stored(s.store).responsible_person.empty());
  BOOST_TEST(test::audit_entries(s.store).empty());

  const auto r = site::change_settings(s.store,
                                       {{"responsible_person", "Nguyễn Thị Ánh"},
                                        {"responsible_title", "Chánh Văn phòng UBND tỉnh"},
                                        {"licence", "12/GP-TTĐT"},
                                        {"licence_issuer", "Sở Thông tin và Truyền thông"},
                                        {"licence_date", "5/3/2024"}},
                                       kOperator, 1'800'000'000);
  BOOST_TEST_REQUIRE((r.refusal == Refusal::none));
  const auto saved = stored(s.store);
  BOOST_TEST(saved.licence_date == "2024-03-05");  // kept as a date, shown as dd/mm/yyyy
  BOOST_TEST(model::responsible_line(saved) == "Nguyễn Thị Ánh, Chánh Văn phòng UBND tỉnh");
  BOOST_TEST(model::iso_date_to_vn(saved.licence_date) == "05/03/2024");
}

BOOST_AUTO_TEST_CASE(emc_script_urls_must_be_safe_for_the_csp) {
  test::TempStore s;
  for (const char* bad :
       {"http://emc.gov.vn/s.js", "https://emc.gov.vn/s.js'; script-src *", "https://user@emc.gov.vn/"})
    BOOST_TEST((site::change_settings(s.store, {{"emc_script_url", bad}}, kOperator, 300).refusal == Refusal::invalid));
  BOOST_TEST((site::change_settings(s.store, {{"emc_script_url", ""}}, kOperator, 300).refusal == Refusal::none));
}

BOOST_AUTO_TEST_CASE(only_operators_change_settings) {
  test::TempStore s;
  const model::Actor chief{"truongban", Role::editor_in_chief, "10.0.0.8"};
  BOOST_TEST((site::change_settings(s.store, {{"licence", "GP"}}, chief, 300).refusal == Refusal::not_allowed));
  BOOST_TEST(
      (site::change_settings(s.store, {{"licence", "GP"}}, model::Actor{}, 300).refusal == Refusal::not_allowed));
  BOOST_TEST(stored(s.store).licence.empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_a_programming_error) {
  test::TempStore s;
  BOOST_CHECK_THROW(site::change_settings(s.store, {{"no_such_key", "x"}}, kOperator, 300), std::invalid_argument);
}

// Issue 14: the embed allow-list is stored normalised, and a list with one bad entry changes nothing.
BOOST_AUTO_TEST_CASE(embed_origins_are_stored_normalised_and_a_bad_entry_refuses_the_list) {
  test::TempStore s;
  const auto ok = site::change_settings(
      s.store, {{"embed_origins", "https://Video.example.vn,https://live.example.vn:443\nhttps://video.example.vn"}},
      kOperator, 300);
  BOOST_TEST_REQUIRE((ok.refusal == Refusal::none));
  BOOST_TEST(stored(s.store).embed_origins == "https://video.example.vn https://live.example.vn");
  const auto bad = site::change_settings(s.store, {{"embed_origins", "https://a.example.vn https://*.example.vn/x"}},
                                         kOperator, 400);
  BOOST_TEST((bad.refusal == Refusal::invalid));
  BOOST_TEST_REQUIRE(bad.errors.size() == 1u);
  BOOST_TEST((bad.errors[0].problem == SettingProblem::not_an_origin));
  BOOST_TEST(bad.errors[0].value == "https://*.example.vn/x");
  BOOST_TEST(bad.settings.embed_origins == "https://a.example.vn https://*.example.vn/x");  // shown as typed
  BOOST_TEST(stored(s.store).embed_origins == "https://video.example.vn https://live.example.vn");
}

// Issue 13: the footer's visit counter is a flag: "1" on, "" or "0" off, anything else refused.
BOOST_AUTO_TEST_CASE(show_visit_counter_is_on_or_off) {
  test::TempStore s;
  BOOST_TEST(stored(s.store).show_visit_counter.empty());
  BOOST_TEST_REQUIRE(
      (site::change_settings(s.store, {{"show_visit_counter", "1"}}, kOperator, 300).refusal == Refusal::none));
  BOOST_TEST(stored(s.store).show_visit_counter == "1");
  const auto bad = site::change_settings(s.store, {{"show_visit_counter", "có"}}, kOperator, 400);
  BOOST_TEST((bad.refusal == Refusal::invalid));
  BOOST_TEST_REQUIRE(bad.errors.size() == 1u);
  BOOST_TEST((bad.errors[0].problem == SettingProblem::not_a_flag));
  BOOST_TEST(stored(s.store).show_visit_counter == "1");
  BOOST_TEST_REQUIRE(
      (site::change_settings(s.store, {{"show_visit_counter", "0"}}, kOperator, 500).refusal == Refusal::none));
  BOOST_TEST(stored(s.store).show_visit_counter.empty());
  const auto audit = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(audit.size() == 2u);
  for (const auto& e : audit) BOOST_TEST(e.object == "settings/show_visit_counter");
}

BOOST_AUTO_TEST_SUITE_END()
