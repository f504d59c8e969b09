// The data dir's layout: these names are on disk in every installation (and in the docs and the
// unit file), so they are pinned here; search::index_dir is the same place.
#include <boost/test/unit_test.hpp>

#include "daemon/store/data_dir.hpp"
#include "search/schema.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(data_dir)

BOOST_AUTO_TEST_CASE(paths_under_the_data_dir_keep_their_names) {
  const store::DataDir d("/var/lib/portald");
  BOOST_TEST(d.root() == "/var/lib/portald");
  BOOST_TEST(d.store_dir() == "/var/lib/portald/store");
  BOOST_TEST(d.store_file() == "/var/lib/portald/store/data.mdb");
  BOOST_TEST(d.store_lock_file() == "/var/lib/portald/store/lock.mdb");
  BOOST_TEST(d.index_dir() == "/var/lib/portald/search");
  BOOST_TEST(search::index_dir("/var/lib/portald") == d.index_dir());
  BOOST_TEST(d.restore_staging_dir("portald-20270115-080000Z") == "/var/lib/portald/.restore-portald-20270115-080000Z");
  BOOST_TEST(d.previous_store_dir("20270115-080000Z") == "/var/lib/portald/store.before-restore-20270115-080000Z");
}

BOOST_AUTO_TEST_CASE(has_store_once_the_store_exists) {
  test::TempDir dir;
  BOOST_TEST(!store::DataDir(dir.path).has_store());
  BOOST_TEST(!store::DataDir(dir.path / "missing").has_store());
  const store::Store s(dir.path, {.map_size = std::size_t(64) << 20, .create = true});
  BOOST_TEST(store::DataDir(dir.path).has_store());
}

BOOST_AUTO_TEST_SUITE_END()
