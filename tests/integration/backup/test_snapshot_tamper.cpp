// Damaged or foreign snapshots are refused with a message that says what is wrong: one flipped byte,
// a truncated file, the wrong key, a manifest from another snapshot, a missing signature. A refused
// restore leaves the data dir exactly as it was.
#include <boost/test/unit_test.hpp>

#include <set>

#include "backup/restore.hpp"
#include "tests/integration/backup/backup_fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
using namespace portald::test::backup_fixtures;

namespace {

// Two snapshots (A then B, different content) of one store, taken once for the whole suite's cases.
struct TwoSnapshots {
  Keys keys;
  test::TempDir dir;
  fs::path data = dir.path / "data", target = dir.path / "target", work = dir.path / "work";
  fs::path a, b;
  fs::path a_enc;
  std::optional<bk::EncryptionKey> enc;
  TwoSnapshots() {
    fs::create_directories(target);
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = true});
    fill_store(s, 10, 1);
    a = bk::create_snapshot(s, options(target, data, keys)).dir;
    fill_store(s, 5, 1);
    b = bk::create_snapshot(s, options(target, data, keys)).dir;
    a_enc = bk::create_snapshot(s, options(target, data, keys, true)).dir;
    enc.emplace(bk::load_encryption_key(keys.files.encryption_key));
  }
  bk::TrustedKeys trusted() const { return {keys.public_key(), &*enc}; }
  std::string verify_error(const fs::path& snapshot) const {
    const auto r = bk::verify_snapshot(snapshot, trusted(), dir.path);
    return r.ok ? std::string("(verified)") : r.error;
  }
  fs::path copy(const fs::path& snapshot, const std::string& name) const {
    return copy_snapshot(snapshot, work / name);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_tamper)

BOOST_AUTO_TEST_CASE(one_flipped_byte_is_refused_by_portald_and_by_minisign) {
  TwoSnapshots s;
  BOOST_TEST(s.verify_error(s.b) == "(verified)");
  const auto bad = s.copy(s.b, "flipped");
  flip_byte(bad / "data.mdb", fs::file_size(bad / "data.mdb") / 2);
  const auto e = s.verify_error(bad);
  BOOST_TEST(contains(e, "data.mdb: signature verification failed: the file was modified or is damaged"), e);
  const auto r = test::run_command(
      {"/usr/bin/minisign", "-Vm", (bad / "data.mdb").string(), "-p", (bad / bk::kPublicKeyFile).string()});
  BOOST_TEST(r.exit_code != 0);
  // A flipped byte in the manifest: its own signature fails first.
  const auto bad_manifest = s.copy(s.b, "flipped-manifest");
  flip_byte(bad_manifest / "manifest.json", 40);
  BOOST_TEST(contains(s.verify_error(bad_manifest), "manifest.json: signature verification failed"));
}

BOOST_AUTO_TEST_CASE(a_truncated_file_is_refused) {
  TwoSnapshots s;
  const auto bad = s.copy(s.b, "truncated");
  fs::resize_file(bad / "data.mdb", fs::file_size(bad / "data.mdb") - 4096);
  const auto e = s.verify_error(bad);
  BOOST_TEST((contains(e, "data.mdb has") && contains(e, "it is truncated")), e);
  const auto bad_enc = s.copy(s.a_enc, "truncated-enc");
  fs::resize_file(bad_enc / "data.mdb.enc", 1000);
  BOOST_TEST(contains(s.verify_error(bad_enc), "truncated"));
}

BOOST_AUTO_TEST_CASE(the_wrong_key_is_named) {
  TwoSnapshots s;
  Keys other;
  const auto r = bk::verify_snapshot(s.b, {other.public_key(), nullptr}, s.dir.path);
  BOOST_TEST(!r.ok);
  const auto want = "signed with key ID " + bk::minisign::key_id_text(s.keys.public_key().key_id) +
                    ", but the trusted public key has key ID " + bk::minisign::key_id_text(other.public_key().key_id);
  BOOST_TEST(contains(r.error, want), r.error);
  BOOST_TEST(contains(r.error, "another installation, or the keys were replaced"), r.error);
  // Someone replaced data, signatures and .pub with their own: still refused with the configured key.
  store::Store fake(s.dir.path / "fake", {.map_size = std::size_t(64) << 20, .create = true});
  fs::create_directories(s.work / "fake-target");
  const auto theirs = bk::create_snapshot(fake, options(s.work / "fake-target", s.dir.path / "fake", other)).dir;
  BOOST_TEST(!bk::verify_snapshot(theirs, s.trusted(), s.dir.path).ok);
  // The wrong encryption key is named too.
  const auto wrong_enc = bk::EncryptionKey::generate();
  const auto e = bk::verify_snapshot(s.a_enc, {s.keys.public_key(), &wrong_enc}, s.dir.path);
  BOOST_TEST(contains(e.error, "the configured encryption key has id " + wrong_enc.key_id()), e.error);
}

BOOST_AUTO_TEST_CASE(a_manifest_from_another_snapshot_is_refused) {
  TwoSnapshots s;
  // The manifest with its valid signature, taken from snapshot A, beside B's data.
  const auto mixed = s.copy(s.b, "mixed");
  fs::copy_file(s.a / "manifest.json", mixed / "manifest.json", fs::copy_options::overwrite_existing);
  fs::copy_file(s.a / "manifest.json.minisig", mixed / "manifest.json.minisig", fs::copy_options::overwrite_existing);
  const auto e = s.verify_error(mixed);
  BOOST_TEST(contains(e, "data.mdb.minisig belongs to snapshot " + s.b.filename().string() + ", but manifest.json is " +
                             s.a.filename().string()),
             e);
  BOOST_TEST(contains(e, "files of different snapshots were mixed"), e);
  // The manifest alone (its old signature left): the manifest signature fails.
  const auto half = s.copy(s.b, "half");
  fs::copy_file(s.a / "manifest.json", half / "manifest.json", fs::copy_options::overwrite_existing);
  BOOST_TEST(contains(s.verify_error(half), "manifest.json: signature verification failed"));
  // A's data with B's metadata.
  const auto swapped = s.copy(s.b, "swapped");
  fs::copy_file(s.a / "data.mdb", swapped / "data.mdb", fs::copy_options::overwrite_existing);
  BOOST_TEST(s.verify_error(swapped) != "(verified)");
}

BOOST_AUTO_TEST_CASE(a_missing_signature_is_refused) {
  TwoSnapshots s;
  const auto no_data_sig = s.copy(s.b, "no-data-sig");
  fs::remove(no_data_sig / "data.mdb.minisig");
  BOOST_TEST(contains(s.verify_error(no_data_sig), "data.mdb.minisig is missing: it is not signed"));
  const auto no_manifest_sig = s.copy(s.b, "no-manifest-sig");
  fs::remove(no_manifest_sig / "manifest.json.minisig");
  BOOST_TEST(contains(s.verify_error(no_manifest_sig), "manifest.json.minisig is missing"));
  const auto no_data = s.copy(s.b, "no-data");
  fs::remove(no_data / "data.mdb");
  BOOST_TEST(contains(s.verify_error(no_data), "data.mdb is missing"));
}

BOOST_AUTO_TEST_CASE(a_refused_restore_changes_nothing) {
  TwoSnapshots s;
  const auto bad = s.copy(s.b, "flipped");
  flip_byte(bad / "data.mdb", fs::file_size(bad / "data.mdb") - 100);
  const auto before = dump_data_dir(s.data);
  std::set<std::string> listing_before;
  for (const auto& e : fs::directory_iterator(s.data)) listing_before.insert(e.path().filename().string());
  BOOST_CHECK_EXCEPTION(bk::restore_snapshot(bad, s.data, s.trusted()), bk::BackupError,
                        [](const bk::BackupError& e) { return contains(e.what(), "signature verification failed"); });
  std::set<std::string> listing_after;
  for (const auto& e : fs::directory_iterator(s.data)) listing_after.insert(e.path().filename().string());
  BOOST_TEST((listing_before == listing_after));  // no staging directory left, no store moved
  BOOST_TEST((dump_data_dir(s.data) == before));
}

BOOST_AUTO_TEST_SUITE_END()
