// The backup target: missing, not a directory, full, read-only, locked by another run, on the same
// device as the data dir, or holding a crashed run's leftovers. Each fails (or warns) with one clear
// message and leaves the live store and older snapshots as they were.
#include <boost/test/unit_test.hpp>

#include <set>

#include "backup/catalog.hpp"
#include "backup/files.hpp"
#include "backup/restore.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

struct Live {
  Keys keys;
  test::TempDir dir;
  fs::path data = dir.path / "data";
  store::Store store{data, {.map_size = std::size_t(256) << 20, .create = true}};
  Live() { fill_store(store, 5, 1, 16 * 1024); }
  std::string error_for(const fs::path& target) {
    try {
      bk::create_snapshot(store, options(target, data, keys));
    } catch (const bk::BackupError& e) {
      return e.what();
    }
    return "(no error)";
  }
};

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_target)

BOOST_AUTO_TEST_CASE(a_missing_target_is_not_created) {
  Live live;
  const auto target = live.dir.path / "usb-disk-not-mounted";
  const auto e = live.error_for(target);
  BOOST_TEST(contains(e, "backup target " + target.string() + " does not exist (is the external disk mounted?"), e);
  BOOST_TEST(!fs::exists(target));
  const auto file = test::write_file(live.dir.path, "a-file", "x");
  BOOST_TEST(contains(live.error_for(file), "is not a directory"));
}

BOOST_AUTO_TEST_CASE(a_full_target_fails_cleanly_and_keeps_older_snapshots) {
  Live live;
  const auto mountpoint = live.dir.path / "small-disk";
  std::string why;
  auto mount = TmpfsMount::make(mountpoint, "size=2m,mode=0700", &why);
  if (!mount) {
    BOOST_TEST_MESSAGE("skipped: " << why << "; the full-target case needs a small file system");
    return;
  }
  const auto first = bk::create_snapshot(live.store, options(mountpoint, live.data, live.keys));
  BOOST_TEST(!first.same_device);             // a tmpfs is another device
  fill_store(live.store, 0, 3, 1024 * 1024);  // now the store no longer fits in 2 MiB
  const Dump live_before = dump_env(live.store.env().get());
  const auto names_before = names_in(mountpoint);
  const auto e = live.error_for(mountpoint);
  BOOST_TEST(contains(e, "backup target " + mountpoint.string() + " is full (No space left on device)"), e);
  BOOST_TEST(contains(e, "nothing was kept, older snapshots and the live store are untouched"), e);
  BOOST_TEST((names_in(mountpoint) == names_before));  // no .tmp- directory, no partial snapshot
  const auto v = bk::verify_snapshot(first.dir, {live.keys.public_key(), nullptr}, live.dir.path);
  BOOST_TEST(v.ok, v.error);
  BOOST_TEST((dump_env(live.store.env().get()) == live_before));
  // The encrypted path fails the same way.
  BOOST_TEST(contains(
      [&] {
        try {
          bk::create_snapshot(live.store, options(mountpoint, live.data, live.keys, true));
        } catch (const bk::BackupError& err) {
          return std::string(err.what());
        }
        return std::string();
      }(),
      "is full"));
  BOOST_TEST((names_in(mountpoint) == names_before));
}

BOOST_AUTO_TEST_CASE(a_read_only_target_is_named) {
  Live live;
  const auto mountpoint = live.dir.path / "locked-disk";
  std::string why;
  auto mount = TmpfsMount::make(mountpoint, "size=1m", &why);
  if (!mount) {
    BOOST_TEST_MESSAGE("skipped: " << why);
    return;
  }
  mount->remount_read_only();
  const auto e = live.error_for(mountpoint);
  BOOST_TEST(contains(e, "backup target " + mountpoint.string() + " is read-only"), e);
}

BOOST_AUTO_TEST_CASE(a_snapshot_on_read_only_media_verifies_lists_and_restores) {
  Live live;
  const auto mountpoint = live.dir.path / "write-once";
  std::string why;
  auto mount = TmpfsMount::make(mountpoint, "size=4m", &why);
  if (!mount) {
    BOOST_TEST_MESSAGE("skipped: " << why);
    return;
  }
  const auto snap = bk::create_snapshot(live.store, options(mountpoint, live.data, live.keys));
  mount->remount_read_only();
  const auto v = bk::verify_snapshot(snap.dir, {live.keys.public_key(), nullptr}, live.dir.path);
  BOOST_TEST(v.ok, v.error);  // no lock file is created beside a snapshot being checked
  BOOST_TEST(bk::list_snapshots(mountpoint, live.keys.public_key()).size() == 1u);
  const auto r = bk::restore_snapshot(snap.dir, live.dir.path / "elsewhere", {live.keys.public_key(), nullptr});
  BOOST_TEST(r.manifest.snapshot == snap.manifest.snapshot);
}

BOOST_AUTO_TEST_CASE(a_second_run_is_refused_while_one_holds_the_lock) {
  Live live;
  const auto target = live.dir.path / "target";
  fs::create_directories(target);
  std::string holder;
  const auto lock = bk::DirLock::try_acquire(target / bk::kLockFile, bk::DirLock::Mode::exclusive, &holder);
  BOOST_REQUIRE(lock);
  const auto e = live.error_for(target);
  BOOST_TEST(contains(e, "another backup, drill or clean-up is running on " + target.string()), e);
  BOOST_TEST(contains(e, "pid "), e);
  for (const auto& name : names_in(target)) BOOST_TEST(!name.starts_with("portald-"), name);
}

BOOST_AUTO_TEST_CASE(same_device_is_reported) {
  Live live;
  const auto target = live.dir.path / "target";
  fs::create_directories(target);
  BOOST_TEST(bk::create_snapshot(live.store, options(target, live.data, live.keys)).same_device);
}

BOOST_AUTO_TEST_CASE(a_crashed_runs_leftovers_are_ignored_then_removed) {
  Live live;
  const auto target = live.dir.path / "target";
  fs::create_directories(target / ".tmp-portald-20240101-000000Z");
  test::write_file(target / ".tmp-portald-20240101-000000Z", "data.mdb", "half a copy");
  BOOST_TEST(bk::list_snapshots(target, live.keys.public_key()).empty());
  const auto snap = bk::create_snapshot(live.store, options(target, live.data, live.keys));
  BOOST_TEST((names_in(target) == std::set<std::string>{std::string(bk::kLockFile), snap.manifest.snapshot}));
}

BOOST_AUTO_TEST_CASE(retention_removes_only_verified_snapshots_beyond_the_policy) {
  Live live;
  const auto target = live.dir.path / "target";
  fs::create_directories(target);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i)
    ids.push_back(bk::create_snapshot(live.store, options(target, live.data, live.keys)).manifest.snapshot);
  fs::create_directories(target / "portald-20200101-000000Z");  // not a verifiable snapshot: left alone
  const auto r = bk::apply_retention(target, live.keys.public_key(), {.weekly = 1, .monthly = 0});
  BOOST_TEST((r.kept == std::vector<std::string>{ids.back()}));
  BOOST_TEST(r.removed.size() == 2u);
  BOOST_TEST((r.left_alone == std::vector<std::string>{"portald-20200101-000000Z"}));
  BOOST_TEST(
      (names_in(target) == std::set<std::string>{std::string(bk::kLockFile), ids.back(), "portald-20200101-000000Z"}));
}

BOOST_AUTO_TEST_SUITE_END()
