// The change-log head and maintenance flag every public page reads, kept between commits
// (daemon/store/store_head.hpp): a commit is seen by the next call, and nothing else reads again.
#include "daemon/store/store_head.hpp"

#include <lmdb.h>
#include <boost/test/unit_test.hpp>

#include "daemon/store/change_log.hpp"
#include "daemon/store/settings_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

std::uint64_t last_txn_id(const store::Store& s) {
  MDB_envinfo info{};
  mdb_env_info(s.env().get(), &info);
  return info.me_last_txnid;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_head)

BOOST_AUTO_TEST_CASE(a_commit_is_seen_by_the_next_call) {
  test::TempStore s;
  const store::HeadCache head(s.store);
  const auto before = head.current();
  BOOST_TEST(before.txn_id == last_txn_id(s.store));
  BOOST_TEST(!before.maintenance);
  {
    auto txn = s.store.write();
    store::append_change(txn, s.store.tables(), store::ChangeKind::article, 7, store::ChangeOp::put);
    txn.commit();
  }
  const auto changed = head.current();
  BOOST_TEST(changed.latest_change > before.latest_change);
  BOOST_TEST(changed.txn_id == last_txn_id(s.store));
  {
    auto txn = s.store.write();
    model::Maintenance m;
    m.on = true;
    store::put_maintenance(txn, s.store.tables(), m);
    txn.commit();
  }
  BOOST_TEST(head.current().maintenance);
  BOOST_TEST(head.current().txn_id > changed.txn_id);
}

BOOST_AUTO_TEST_CASE(without_a_commit_the_values_are_kept) {
  test::TempStore s;
  const store::HeadCache head(s.store);
  const auto first = head.current();
  // A write transaction that is abandoned commits nothing: the id does not move.
  {
    auto txn = s.store.write();
    store::append_change(txn, s.store.tables(), store::ChangeKind::article, 8, store::ChangeOp::put);
  }
  const auto again = head.current();
  BOOST_TEST(again.txn_id == first.txn_id);
  BOOST_TEST(again.latest_change == first.latest_change);
}

BOOST_AUTO_TEST_SUITE_END()
