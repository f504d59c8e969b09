// The meta table's accessors, and the keys and encodings existing stores hold (a change here would
// need a migration).
#include <boost/test/unit_test.hpp>

#include "daemon/store/meta_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(meta_table)

BOOST_AUTO_TEST_CASE(schema_version_is_be64_under_its_old_key) {
  test::TempStore s;
  const auto& t = s.store.tables();
  {
    const auto txn = s.store.read();
    BOOST_TEST(store::stored_schema_version(txn, t).value_or(0) == store::kSchemaVersion);
    BOOST_TEST(
        (txn.get(t.meta, "schema_version") == std::optional<std::string_view>(store::be64(store::kSchemaVersion))));
  }
  auto txn = s.store.write();
  txn.del(t.meta, "schema_version");
  BOOST_TEST(!store::stored_schema_version(txn, t));
  store::put_schema_version(txn, t, 7);
  BOOST_TEST(store::stored_schema_version(txn, t).value_or(0) == 7u);
  BOOST_TEST(store::decode_schema_version(*txn.get(t.meta, store::meta_key::schema_version)) == 7u);
  BOOST_TEST(store::decode_schema_version("short") == 0u);
}

BOOST_AUTO_TEST_CASE(id_counters_start_at_one_under_their_old_keys) {
  test::TempStore s;
  const auto& t = s.store.tables();
  auto txn = s.store.write();
  const std::pair<store::IdCounter, const char*> counters[] = {
      {store::IdCounter::article, "article"}, {store::IdCounter::document, "document"},
      {store::IdCounter::media, "media"},     {store::IdCounter::page, "page"},
      {store::IdCounter::topic, "topic"},     {store::IdCounter::category, "category"},
      {store::IdCounter::agency, "agency"},   {store::IdCounter::commission, "commission"}};
  for (const auto& [counter, name] : counters) {
    BOOST_TEST(store::next_id(txn, t, counter) == 1u);
    BOOST_TEST(store::next_id(txn, t, counter) == 2u);
    const auto raw = txn.get(t.meta, std::string("next_id/") + name);
    BOOST_TEST((raw && store::read_be64(*raw) == 3u), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()
