// A snapshot round trip: create -> verify with portald and with the stock minisign binary -> restore
// -> identical content, media included; plain and encrypted; through the library and through portaldctl.
#include <boost/test/unit_test.hpp>

#include "backup/restore.hpp"
#include "daemon/store/backup_state_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

const char* kMinisign = "/usr/bin/minisign";

// The stock minisign check an operator runs anywhere, with the .pub that travels with the snapshot.
test::CommandResult minisign_verify(const fs::path& snapshot, const std::string& file) {
  return test::run_command(
      {kMinisign, "-Vm", (snapshot / file).string(), "-p", (snapshot / bk::kPublicKeyFile).string()});
}

struct Taken {
  test::TempDir dir;
  fs::path data = dir.path / "data", target = dir.path / "target";
  Dump before;
  bk::SnapshotResult result;
};

// A store with content and 3 documents of 200 KiB media, snapshotted once.
void take(Taken& t, const Keys& keys, bool encrypt) {
  fs::create_directories(t.target);
  store::Store s(t.data, {.map_size = std::size_t(256) << 20, .create = true});
  fill_store(s, 40, 3, 200 * 1024);
  t.before = dump_env(s.env().get());
  t.result = bk::create_snapshot(s, options(t.target, t.data, keys, encrypt));
}

void check_restores_identically(Taken& t, const Keys& keys, const bk::EncryptionKey* enc) {
  const auto restored_dir = t.dir.path / "restored";
  const auto r = bk::restore_snapshot(t.result.dir, restored_dir, {keys.public_key(), enc});
  BOOST_TEST(r.previous_store.empty());
  const Dump after = dump_data_dir(restored_dir);
  BOOST_TEST(after.size() == t.before.size());
  for (const auto& [table, records] : t.before) {
    BOOST_TEST_CONTEXT(table) {
      BOOST_REQUIRE(after.contains(table));
      BOOST_TEST(after.at(table).size() == records.size());
      BOOST_TEST((after.at(table) == records));
    }
  }
  BOOST_TEST(t.before.at("media").size() == 3u);
  BOOST_TEST(t.before.at("media").begin()->second.size() > 200u * 1024);  // header + the bytes
}

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_roundtrip)

BOOST_AUTO_TEST_CASE(plain_snapshot_verifies_with_portald_and_minisign_and_restores_identically) {
  Keys keys;
  Taken t;
  take(t, keys, false);
  const auto& m = t.result.manifest;
  BOOST_TEST(fs::exists(t.result.dir / "data.mdb"));
  BOOST_TEST(m.tables.at("articles") == 40u);
  BOOST_TEST(m.tables.at("media") == 3u);
  BOOST_TEST(m.change_seq > 0u);
  BOOST_TEST(((fs::status(t.result.dir / "data.mdb").permissions() & fs::perms::group_all) == fs::perms::none));
  for (const auto& entry : fs::directory_iterator(t.target))
    BOOST_TEST(!entry.path().filename().string().starts_with(".tmp-"));

  const auto v = bk::verify_snapshot(t.result.dir, {keys.public_key(), nullptr}, t.dir.path);
  BOOST_TEST(v.ok, v.error);
  BOOST_TEST(v.walk.records.at("articles") == 40u);
  for (const char* file : {"data.mdb", "manifest.json"}) {
    const auto r = minisign_verify(t.result.dir, file);
    BOOST_TEST(r.exit_code == 0, file << ": " << r.err);
    BOOST_TEST(contains(r.out, "Signature and comment signature verified"), r.out);
    BOOST_TEST(contains(r.out, "snapshot:" + m.snapshot), r.out);
  }
  check_restores_identically(t, keys, nullptr);
}

BOOST_AUTO_TEST_CASE(encrypted_snapshot_hides_the_data_and_still_verifies_and_restores) {
  Keys keys;
  Taken t;
  take(t, keys, true);
  const auto& m = t.result.manifest;
  BOOST_TEST(m.encrypted);
  BOOST_TEST(!fs::exists(t.result.dir / "data.mdb"));
  const std::string cipher = read_bytes(t.result.dir / "data.mdb.enc");
  BOOST_TEST(!contains(cipher, kMarker));  // the plaintext never reached the target
  BOOST_TEST(!contains(cipher, "application/pdf"));
  BOOST_TEST(cipher.size() == bk::encrypted_size(m.store_size));
  // Anyone with the public key checks integrity without being able to read it.
  BOOST_TEST(minisign_verify(t.result.dir, "data.mdb.enc").exit_code == 0);
  const auto enc = bk::load_encryption_key(keys.files.encryption_key);
  const auto v = bk::verify_snapshot(t.result.dir, {keys.public_key(), &enc}, t.dir.path);
  BOOST_TEST(v.ok, v.error);
  for (const auto& e : fs::directory_iterator(t.dir.path))  // the decrypted scratch copy is gone
    BOOST_TEST(!e.path().filename().string().starts_with("portald-verify-"));
  const auto without_key = bk::verify_snapshot(t.result.dir, {keys.public_key(), nullptr}, t.dir.path);
  BOOST_TEST(!without_key.ok);
  BOOST_TEST(contains(without_key.error, "encrypted"), without_key.error);
  check_restores_identically(t, keys, &enc);
}

BOOST_AUTO_TEST_CASE(portaldctl_backup_list_verify_drill_restore) {
  test::TempDir dir;
  const auto data = dir.path / "data", target = dir.path / "target", keydir = dir.path / "keys";
  fs::create_directories(target);
  const std::vector<std::string> opts{"--backup-dir",
                                      target.string(),
                                      "--backup-key",
                                      (keydir / "s.key").string(),
                                      "--backup-public-key",
                                      (keydir / "s.pub").string(),
                                      "--backup-encryption-key",
                                      (keydir / "e.key").string()};
  auto ctl = [&](const fs::path& d, std::vector<std::string> args) {
    args.insert(args.begin(), opts.begin(), opts.end());
    return test::portaldctl(d, args);
  };
  BOOST_REQUIRE_EQUAL(test::portaldctl(data, {"init"}).exit_code, 0);
  {
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = false});
    fill_store(s, 25, 2);
  }
  const auto b = ctl(data, {"backup"});
  BOOST_REQUIRE_MESSAGE(b.exit_code == 0, b.err);
  BOOST_TEST(contains(b.out, "created signing key"), b.out);  // first run makes the keys
  // The check it prints trusts the installed key, never the one that travels with the snapshot.
  BOOST_TEST(contains(b.out, "minisign -Vm "), b.out);
  BOOST_TEST(contains(b.out, " -p " + (keydir / "s.pub").string() + "\n"), b.out);
  BOOST_TEST(!contains(b.out, "-p " + target.string()), b.out);
  BOOST_TEST(contains(b.out, "whoever can change the snapshot can replace that key too"), b.out);
  BOOST_TEST(contains(b.err, "WARNING: the backup target"), b.err);  // same device as the data dir here
  BOOST_TEST((fs::status(keydir / "s.key").permissions() == (fs::perms::owner_read | fs::perms::owner_write)));

  const auto list = ctl(data, {"backup", "list"});
  BOOST_TEST(list.exit_code == 0, list.err);
  BOOST_TEST(contains(list.out, "1 snapshot(s)"), list.out);
  BOOST_TEST(contains(list.out, " ok "), list.out);
  const auto verify = ctl(data, {"backup", "verify", "latest"});
  BOOST_TEST(verify.exit_code == 0, verify.err);
  BOOST_TEST(contains(verify.out, "verified"), verify.out);
  const auto drill = ctl(data, {"backup", "drill", "--scratch", dir.path.string()});
  BOOST_TEST(drill.exit_code == 0, drill.out << drill.err);
  BOOST_TEST(contains(drill.out, "result:       PASSED"), drill.out);
  BOOST_TEST(fs::exists(target / "drill-reports"));
  BOOST_TEST(contains(ctl(data, {"backup", "list"}).out, "ok "), "verified state recorded");
  {
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = false});
    const auto state = store::get_backup_state(s.read(), s.tables());
    BOOST_TEST(state.last_snapshot.has_value());
    BOOST_TEST(state.last_drill.has_value());
    BOOST_TEST(state.last_drill->ok);
  }

  const auto restored = dir.path / "restored";
  const auto r = ctl(restored, {"restore", "latest"});
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(contains(r.out, "restored snapshot portald-"), r.out);
  Dump want = dump_data_dir(data), got = dump_data_dir(restored);
  want["meta"].erase(std::string(store::meta_key::backup_state));  // recorded after the snapshot was taken
  got["meta"].erase(std::string(store::meta_key::backup_state));
  BOOST_TEST((want == got));
  // The user in the restored store works with the normal commands.
  BOOST_TEST(contains(test::portaldctl(restored, {"user", "list"}).out, "quantri"));
}

BOOST_AUTO_TEST_CASE(help_lists_the_backup_commands) {
  const auto r = test::run_command({test::portaldctl_binary().string(), "--help"});
  for (const char* cmd : {"backup [--to DIR]", "backup list", "backup verify", "backup drill", "backup keygen",
                          "restore SNAPSHOT", "--backup-dir", "--backup-key"})
    BOOST_TEST(contains(r.out, cmd), cmd);
}

BOOST_AUTO_TEST_SUITE_END()
