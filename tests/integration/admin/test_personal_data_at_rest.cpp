// TOTP secrets at rest (issue 16): sealed under the personal-data key outside the data dir, so the raw
// data.mdb never holds one in clear; a restart opens them again; a store from before the key has its
// clear secrets sealed at start; without the key file the second factor says so instead of failing.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "daemon/accounts/sessions.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::AdminClient;
using test::has;

namespace {

std::string raw_store(const std::filesystem::path& data) {
  std::ifstream in(store::DataDir(data).store_dir() / "data.mdb", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(personal_data_at_rest)

BOOST_AUTO_TEST_CASE(an_enrolled_totp_secret_is_never_in_clear_in_the_store_and_opens_after_a_restart) {
  test::AdminSite site;
  AdminClient op;
  {
    test::RunningDaemon daemon(site.data);
    op.port = daemon.port();
    op.login("quantri", test::kPassword);  // enrols
    BOOST_REQUIRE(!op.totp_secret.empty());
  }
  const std::string raw = raw_store(site.data);
  BOOST_REQUIRE(raw.size() > 4096);
  BOOST_TEST(!has(raw, op.totp_secret));
  BOOST_TEST(has(raw, "pd1."));
  // Same key file after a restart: the code step passes.
  test::RunningDaemon daemon(site.data);
  AdminClient again{daemon.port()};
  again.totp_secret = op.totp_secret;
  again.last_step = op.last_step;
  again.login("quantri", test::kPassword);
  BOOST_TEST(again.get("/quan-tri/nguoi-dung").status == 200);
}

BOOST_AUTO_TEST_CASE(a_secret_stored_in_clear_before_the_key_is_sealed_when_the_daemon_starts) {
  test::AdminSite site;
  const std::string clear = "JBSWY3DPEHPK3PXP";
  {
    store::Store s(site.data, {});
    store::WriteTxn txn = s.write();
    auto u = *store::get_user(txn, s.tables(), "truongban");
    u.totp_secret = clear;
    store::put_user(txn, s.tables(), u);
    txn.commit();
  }
  {
    test::RunningDaemon daemon(site.data);
    BOOST_TEST(has(daemon.log(), "totp_secrets_sealed_now=1"));
    AdminClient chief{daemon.port()};
    chief.totp_secret = clear;
    chief.login("truongban", test::kPassword);  // the code step opens the sealed secret
    BOOST_TEST(chief.get("/quan-tri").status == 200);
  }
  const auto key = secrets::PersonalDataKey::load(site.dir.path / "personal-data.key");
  store::Store s(site.data, {});
  const store::ReadTxn txn = s.read();
  const auto stored = store::get_user(txn, s.tables(), "truongban")->totp_secret;
  BOOST_TEST(secrets::is_sealed(stored));
  BOOST_TEST((key.open(stored, accounts::totp_purpose("truongban")) == clear));
}

BOOST_AUTO_TEST_CASE(without_the_key_file_the_second_factor_says_so_and_other_accounts_work) {
  test::AdminSite site;
  test::RunningDaemon daemon(site.data, {"--personal-data-key", (site.dir.path / "absent.key").string()});
  BOOST_TEST(has(daemon.log(), "personal_data_key.missing"));
  AdminClient op{daemon.port()};
  const auto r = op.try_login("quantri", test::kPassword);
  BOOST_REQUIRE(r.status == 303);
  op.session = test::set_cookie_value(r, "portald_session");
  const auto enrol = op.get("/quan-tri/xac-thuc/dang-ky");
  BOOST_TEST(enrol.status == 503);
  BOOST_TEST(has(enrol.body, "khóa mã hóa dữ liệu cá nhân"));
  AdminClient reporter{daemon.port()};
  reporter.login("phongvien", test::kPassword);  // no second factor for this role
  BOOST_TEST(reporter.get("/quan-tri").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
