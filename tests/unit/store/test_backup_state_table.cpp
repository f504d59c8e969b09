// The backup state record in the store's meta table: round trip, bounded verification list, an
// unreadable record, and the key earlier versions wrote it under (so no migration is needed).
#include <boost/test/unit_test.hpp>

#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using model::BackupState;
using Outcome = model::BackupOutcome;

namespace {

BackupState healthy() {
  BackupState s;
  s.last_snapshot = Outcome{"portald-20270115-080000Z", 1'800'000'000, true, ""};
  s.last_attempt = s.last_snapshot;
  s.last_drill = Outcome{"portald-20270115-080000Z", 1'800'003'600, true, "records compared"};
  s.verified[s.last_snapshot->snapshot] = *s.last_drill;
  return s;
}

void put_raw(test::TempStore& s, std::string_view key, std::string_view value) {
  auto txn = s.store.write();
  txn.put(s.store.tables().meta, key, value);
  txn.commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_state_table)

BOOST_AUTO_TEST_CASE(state_round_trips_through_the_store) {
  test::TempStore s;
  {
    const auto txn = s.store.read();
    BOOST_TEST((store::get_backup_state(txn, s.store.tables()) == BackupState{}));
  }
  const BackupState want = healthy();
  store::update_backup_state(s.store, [&](BackupState& st) { st = want; });
  {
    const auto txn = s.store.read();
    BOOST_TEST((store::get_backup_state(txn, s.store.tables()) == want));
  }
  // The verified list stays bounded.
  store::update_backup_state(s.store, [](BackupState& st) {
    for (int i = 0; i < 100; ++i) st.verified["portald-2027" + std::to_string(1000 + i)] = Outcome{};
  });
  const auto txn = s.store.read();
  BOOST_TEST(store::get_backup_state(txn, s.store.tables()).verified.size() == 64u);
}

BOOST_AUTO_TEST_CASE(an_unreadable_record_reads_as_nothing) {
  test::TempStore s;
  put_raw(s, store::meta_key::backup_state, "{not json");
  const auto txn = s.store.read();
  BOOST_TEST((store::get_backup_state(txn, s.store.tables()) == BackupState{}));
}

BOOST_AUTO_TEST_CASE(a_record_written_by_earlier_versions_still_reads) {
  // Stores and snapshots in the field hold the state under meta "backup_state", format 1.
  test::TempStore s;
  put_raw(s, "backup_state",
          R"({"last_snapshot":{"at":1800000000,"message":"","ok":true,"snapshot":"portald-20270115-080000Z"},)"
          R"("verified":{"portald-20270115-080000Z":{"at":1800003600,"message":"","ok":true,)"
          R"("snapshot":"portald-20270115-080000Z"}},"v":1})");
  const auto txn = s.store.read();
  const BackupState got = store::get_backup_state(txn, s.store.tables());
  BOOST_REQUIRE(got.last_snapshot);
  BOOST_TEST(got.last_snapshot->snapshot == "portald-20270115-080000Z");
  BOOST_TEST(got.last_snapshot->at == 1'800'000'000);
  BOOST_TEST(!got.last_attempt);
  BOOST_TEST(got.verified.at("portald-20270115-080000Z").ok);
}

BOOST_AUTO_TEST_SUITE_END()
