#pragma once
// Record bytes as they lie in LMDB, for the codec tests: write a record by hand in the stored format (as an
// older portald would have), or read back exactly what a table wrote.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <type_traits>

#include "daemon/store/store.hpp"
#include "tests/support/fixtures.hpp"

namespace portald::test {

using Table = MDB_dbi store::Tables::*;

// Stores `bytes` under `key` as they are, bypassing the table's encoder.
inline void put_raw(TempStore& s, Table table, std::string_view key, std::string_view bytes) {
  auto txn = s.store.write();
  txn.put(s.store.tables().*table, key, bytes);
  txn.commit();
}

// The bytes stored under `key`; "" when there are none.
inline std::string get_raw(TempStore& s, Table table, std::string_view key) {
  const auto txn = s.store.read();
  return std::string(txn.get(s.store.tables().*table, key).value_or(""));
}

// Runs `f(txn, tables)` in a write transaction and commits; returns what f returns.
template <class F>
auto write(TempStore& s, F f) {
  auto txn = s.store.write();
  if constexpr (std::is_void_v<decltype(f(txn, s.store.tables()))>) {
    f(txn, s.store.tables());
    txn.commit();
  } else {
    auto r = f(txn, s.store.tables());
    txn.commit();
    return r;
  }
}

// Runs `f(txn, tables)` in a read transaction; returns what f returns.
template <class F>
auto read(TempStore& s, F f) {
  const auto txn = s.store.read();
  return f(txn, s.store.tables());
}

// A round trip: the bytes under `key` are `expected` (the stored format, keys sorted); storing the record
// read back with `get` writes the same bytes again, so every field survived.
template <class Get, class Put>
void check_round_trip(TempStore& s, Table table, std::string_view key, std::string_view expected, Get get, Put put) {
  BOOST_TEST(get_raw(s, table, key) == expected);
  const auto back = read(s, get);
  write(s, [&](store::WriteTxn& txn, const store::Tables& t) { put(txn, t, back); });
  BOOST_TEST(get_raw(s, table, key) == expected);
}

}  // namespace portald::test
