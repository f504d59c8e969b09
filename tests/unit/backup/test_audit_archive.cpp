// Audit retention (issue 16, Nghị định 53/2022): the oldest entries leave the store only into a signed
// archive that was read back and verified, in one transaction with the audit.archive entry.
#include "backup/audit_archive.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "backup/files.hpp"
#include "daemon/store/audit_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
namespace bk = portald::backup;

namespace {

constexpr model::UnixTime kNow = 1796349600;        // 2026-12-04 09:00 UTC+7
constexpr model::UnixTime kDec2025 = 1764522000;    // 2025-12-01 00:00 UTC+7
constexpr model::UnixTime kLastOfNov = 1764521940;  // 2025-11-30 23:59 UTC+7
constexpr model::UnixTime kJan2024 = 1704848400;    // 2024-01-10 08:00 UTC+7
constexpr model::UnixTime kJun2025 = 1748746800;    // 2025-06-01 10:00 UTC+7
constexpr model::UnixTime kMar2026 = 1772334000;    // 2026-03-01 10:00 UTC+7
constexpr model::UnixTime kDec2024 = 1732986000;    // 2024-12-01 00:00 UTC+7

// A store whose log holds five entries: three before December 2025, two after.
struct Logged {
  test::TempStore s;
  Logged() {
    store::WriteTxn txn = s.store.write();
    const model::UnixTime times[] = {kJan2024, kJun2025, kLastOfNov, kDec2025, kMar2026};
    for (const auto at : times)
      store::append_audit(txn, s.store.tables(),
                          {.seq = 0,
                           .at = at,
                           .actor = "lan",
                           .action = "login.ok",
                           .object = "user/lan",
                           .from = "",
                           .to = "",
                           .reason = "Lý do \"có\" dấu",
                           .address = "10.0.0.1"});
    txn.commit();
  }
  std::vector<model::AuditEntry> all() const {
    const store::ReadTxn txn = s.store.read();
    auto v = store::find_audit(txn, s.store.tables(), {}, 100);
    std::reverse(v.begin(), v.end());
    return v;
  }
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_archive)

BOOST_AUTO_TEST_CASE(the_cutoff_is_the_first_of_a_month_in_hanoi) {
  BOOST_TEST(bk::audit_cutoff(kNow, 12) == kDec2025);
  BOOST_TEST(bk::audit_cutoff(kNow, 24) == kDec2024);
  BOOST_TEST(bk::audit_cutoff(kDec2025, 0) == kDec2025);       // exactly midnight on the first: that month
  BOOST_TEST(bk::audit_cutoff(kLastOfNov, 12) == 1730394000);  // 2024-11-01 00:00 UTC+7
}

BOOST_AUTO_TEST_CASE(old_entries_move_to_a_signed_archive_and_leave_the_store_together) {
  Logged l;
  test::TempDir out;
  const auto key = bk::minisign::SecretKey::generate();
  const auto a = bk::archive_audit(l.s.store, key, out.path / "audit", kDec2025, kNow, "portaldctl");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(a->entries == 3u);
  BOOST_TEST(a->first_seq == 1u);
  BOOST_TEST(a->last_seq == 3u);
  BOOST_TEST(a->file == out.path / "audit" / "audit-1-3.jsonl");
  const auto text = slurp(a->file);
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 3);
  BOOST_TEST(
      text.starts_with("{\"action\":\"login.ok\",\"actor\":\"lan\",\"address\":\"10.0.0.1\",\"at\":1704848400,"));
  BOOST_TEST(text.find("\"reason\":\"Lý do \\\"có\\\" dấu\"") != std::string::npos);
  BOOST_TEST(std::filesystem::exists(a->file.string() + ".minisig"));
  // The store keeps the two newer entries and records the archive.
  const auto left = l.all();
  BOOST_TEST_REQUIRE(left.size() == 3u);
  BOOST_TEST(left[0].seq == 4u);
  BOOST_TEST(left[1].seq == 5u);
  BOOST_TEST(left[2].action == "audit.archive");
  BOOST_TEST(left[2].object == "audit/1-3");
  BOOST_TEST(left[2].actor == "portaldctl");
  BOOST_TEST(left[2].to == "audit-1-3.jsonl");
  // Nothing is that old any more.
  BOOST_TEST(!bk::archive_audit(l.s.store, key, out.path / "audit", kDec2025, kNow, "portaldctl").has_value());
  const auto check = bk::verify_audit_archive(a->file, key.public_key());
  BOOST_TEST(!check.problem.has_value());
  BOOST_TEST(check.entries == 3u);
  BOOST_TEST(check.last_seq == 3u);
}

BOOST_AUTO_TEST_CASE(batches_split_the_archive_by_seq) {
  Logged l;
  test::TempDir out;
  const auto key = bk::minisign::SecretKey::generate();
  const auto first = bk::archive_audit(l.s.store, key, out.path, kDec2025, kNow, "portaldctl", 2);
  const auto second = bk::archive_audit(l.s.store, key, out.path, kDec2025, kNow, "portaldctl", 2);
  BOOST_TEST_REQUIRE((first && second));
  BOOST_TEST(first->file.filename() == "audit-1-2.jsonl");
  BOOST_TEST(second->file.filename() == "audit-3-3.jsonl");
  BOOST_TEST(l.all().front().seq == 4u);
}

BOOST_AUTO_TEST_CASE(a_changed_byte_or_another_key_fails_verification) {
  Logged l;
  test::TempDir out;
  const auto key = bk::minisign::SecretKey::generate();
  const auto a = bk::archive_audit(l.s.store, key, out.path, kDec2025, kNow, "portaldctl");
  BOOST_TEST_REQUIRE(a.has_value());
  BOOST_TEST(bk::verify_audit_archive(a->file, bk::minisign::SecretKey::generate().public_key()).problem.has_value());
  auto text = slurp(a->file);
  text[text.find("lan")] = 'L';
  std::filesystem::permissions(a->file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  std::ofstream(a->file, std::ios::trunc) << text;
  BOOST_TEST(bk::verify_audit_archive(a->file, key.public_key()).problem.has_value());
  BOOST_TEST(bk::verify_audit_archive(out.path / "missing.jsonl", key.public_key()).problem.has_value());
}

BOOST_AUTO_TEST_CASE(a_failed_write_removes_nothing) {
  Logged l;
  test::TempDir out;
  const auto blocked = test::write_file(out.path, "not-a-dir", "x");
  const auto key = bk::minisign::SecretKey::generate();
  BOOST_CHECK_THROW(bk::archive_audit(l.s.store, key, blocked / "audit", kDec2025, kNow, "portaldctl"),
                    bk::BackupError);
  BOOST_TEST(l.all().size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
