// Uploads through the media service: the bytes stored under a new id with their audit and change-log
// entries in one transaction; a refusal (role, empty, too large, unknown type) writes nothing.
#include <boost/test/unit_test.hpp>

#include "daemon/media/upload.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/store/document_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/images.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using media::Refusal;
using model::Role;

namespace {

const model::Actor kReporter{"pv", Role::reporter, "10.0.0.5"};
// A real PNG: images are decoded on upload to make their public copies (issue 14).
const std::string kPng = test::make_image(40, 30, ".png");

}  // namespace

BOOST_AUTO_TEST_SUITE(media_upload)

BOOST_AUTO_TEST_CASE(an_image_is_stored_audited_and_logged) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const auto r = media::upload(s.store, "C:\\Ảnh\\Ba\xcc\x89n đồ.png", kPng, kReporter, 500);
  BOOST_TEST_REQUIRE((r.refusal == Refusal::none));
  BOOST_TEST(r.file_name == "Bản đồ.png");  // NFC, without the folders old browsers send
  BOOST_TEST(r.content_type == "image/png");
  {
    const store::ReadTxn txn = s.store.read();
    const auto m = store::get_media(txn, s.store.tables(), r.id);
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST(m->bytes == kPng);
    BOOST_TEST(m->file_name == "Bản đồ.png");
  }
  BOOST_TEST(test::has_change(test::changes_after(s.store, mark), store::ChangeKind::media, r.id));
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "media.upload");
  BOOST_TEST(log[0].object == "media/" + std::to_string(r.id));
  BOOST_TEST(log[0].to == "Bản đồ.png (image/png)");
  BOOST_TEST(log[0].actor == "pv");
  BOOST_TEST(log[0].address == "10.0.0.5");
  BOOST_TEST(log[0].at == 500);
}

BOOST_AUTO_TEST_CASE(an_unusable_name_becomes_tep) {
  test::TempStore s;
  BOOST_TEST(media::upload(s.store, "", "%PDF-1.7", kReporter, 500).file_name == "tep");
  BOOST_TEST(media::upload(s.store, "a/", "%PDF-1.7", kReporter, 500).file_name == "tep");
  BOOST_TEST(media::upload(s.store, std::string(256, 'a'), "%PDF-1.7", kReporter, 500).file_name == "tep");
}

BOOST_AUTO_TEST_CASE(refusals_write_nothing) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const model::Actor operator_{"quantri", Role::operator_, "10.0.0.1"};
  BOOST_TEST((media::upload(s.store, "a.png", kPng, operator_, 500).refusal == Refusal::not_allowed));
  BOOST_TEST((media::upload(s.store, "a.png", "", kReporter, 500).refusal == Refusal::empty));
  BOOST_TEST((media::upload(s.store, "a.png", std::string(model::kMaxMediaBytes + 1, 'x'), kReporter, 500).refusal ==
              Refusal::too_large));
  BOOST_TEST(
      (media::upload(s.store, "a.svg", "<svg onload=alert(1)>", kReporter, 500).refusal == Refusal::unknown_type));
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
  const store::ReadTxn txn = s.store.read();
  BOOST_TEST(store::list_media(txn, s.store.tables(), 10).empty());
}

BOOST_AUTO_TEST_SUITE_END()
