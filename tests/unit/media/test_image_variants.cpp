// Public copies of images made with the real libvips (issue 14): widths pages use, never wider than the
// original, and no EXIF (GPS location) in any copy; the original kept as uploaded; bad or huge images
// refused with nothing written.
#include <boost/test/unit_test.hpp>

#include "daemon/media/image_variants.hpp"
#include "daemon/media/upload.hpp"
#include "daemon/media/variant_backfill.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/images.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using media::Refusal;

namespace {

const model::Actor kReporter{"pv", model::Role::reporter, "10.0.0.5"};

std::vector<unsigned> keys_of(const std::vector<model::ImageVariant>& v) {
  std::vector<unsigned> keys;
  for (const auto& c : v) keys.push_back(c.key);
  return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(image_variants)

BOOST_AUTO_TEST_CASE(a_photo_with_gps_gets_stripped_copies_at_the_page_widths) {
  const std::string photo = test::with_gps_exif(test::make_image(2000, 1000, ".jpg"));
  BOOST_TEST_REQUIRE(test::has_gps_exif(photo));  // the fixture really carries a location
  const auto r = media::make_variants(photo, "image/jpeg");
  BOOST_TEST_REQUIRE((r.refusal == media::ImageRefusal::none));
  BOOST_TEST(keys_of(r.variants) == (std::vector<unsigned>{0, 480, 960, 1600}), boost::test_tools::per_element());
  for (const auto& v : r.variants) {
    const unsigned expected_width = v.key == model::kFullSizeVariant ? 2000 : v.key;
    BOOST_TEST(v.width == expected_width);
    BOOST_TEST(v.height == expected_width / 2);
    BOOST_TEST(test::image_size(v.bytes).first == expected_width);
    BOOST_TEST(v.content_type == "image/jpeg");
    BOOST_TEST(!test::has_gps_exif(v.bytes));
    BOOST_TEST(v.bytes.find(std::string("Exif\0\0", 6)) == std::string::npos);
    BOOST_TEST(v.bytes.find("PhoneX") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_small_png_gets_only_its_full_size_copy) {
  const auto r = media::make_variants(test::make_image(300, 200, ".png"), "image/png");
  BOOST_TEST_REQUIRE((r.refusal == media::ImageRefusal::none));
  BOOST_TEST(keys_of(r.variants) == (std::vector<unsigned>{0}), boost::test_tools::per_element());
  BOOST_TEST(r.variants[0].content_type == "image/png");
  BOOST_TEST(test::image_size(r.variants[0].bytes).second == 200u);
}

BOOST_AUTO_TEST_CASE(a_webp_keeps_its_type) {
  const auto r = media::make_variants(test::make_image(1000, 500, ".webp"), "image/webp");
  BOOST_TEST_REQUIRE((r.refusal == media::ImageRefusal::none));
  BOOST_TEST(keys_of(r.variants) == (std::vector<unsigned>{0, 480, 960}), boost::test_tools::per_element());
  BOOST_TEST(r.variants[1].content_type == "image/webp");
}

BOOST_AUTO_TEST_CASE(an_upload_stores_original_and_copies_in_one_write) {
  test::TempStore s;
  const std::string photo = test::with_gps_exif(test::make_image(1200, 900, ".jpg"));
  const auto r = media::upload(s.store, "Ảnh hiện trường.jpg", photo, kReporter, 500);
  BOOST_TEST_REQUIRE((r.refusal == Refusal::none));
  const store::ReadTxn txn = s.store.read();
  const auto& t = s.store.tables();
  BOOST_TEST(store::get_media(txn, t, r.id)->bytes == photo);  // the original is kept, metadata and all
  const auto copies = store::list_media_variants(txn, t, r.id);
  BOOST_TEST(keys_of(copies) == (std::vector<unsigned>{0, 480, 960}), boost::test_tools::per_element());
  const auto full = store::get_media_variant(txn, t, r.id, model::kFullSizeVariant);
  BOOST_TEST_REQUIRE(full.has_value());
  BOOST_TEST(full->width == 1200u);
  BOOST_TEST(full->height == 900u);
  BOOST_TEST(!test::has_gps_exif(full->bytes));
  BOOST_TEST(test::image_size(store::get_media_variant(txn, t, r.id, 480)->bytes).first == 480u);
}

BOOST_AUTO_TEST_CASE(an_undecodable_image_is_refused_and_nothing_is_written) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const std::string fake = std::string("\x89PNG\r\n\x1a\n", 8) + "not really an image";
  const auto r = media::upload(s.store, "a.png", fake, kReporter, 500);
  BOOST_TEST((r.refusal == Refusal::bad_image));
  BOOST_TEST(!media::refusal_message(r.refusal).empty());
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(test::audit_entries(s.store).empty());
  // A truncated JPEG is refused too (fail_on=error), not published half grey.
  const std::string jpeg = test::make_image(800, 600, ".jpg");
  BOOST_TEST(
      (media::upload(s.store, "b.jpg", jpeg.substr(0, jpeg.size() / 2), kReporter, 500).refusal == Refusal::bad_image));
}

BOOST_AUTO_TEST_CASE(a_huge_image_is_refused_from_its_header) {
  test::TempStore s;
  const auto r =
      media::upload(s.store, "dai.png", test::make_image(media::kMaxImageSide + 1, 4, ".png"), kReporter, 500);
  BOOST_TEST((r.refusal == Refusal::huge_image));
  BOOST_TEST(media::refusal_message(r.refusal).find("quá lớn") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(images_stored_before_copies_existed_get_them_at_start) {
  test::TempStore s;
  std::uint64_t id = 0;
  {
    store::WriteTxn txn = s.store.write();
    id = store::add_media(txn, s.store.tables(),
                          {.id = 0,
                           .file_name = "cu.jpg",
                           .content_type = "image/jpeg",
                           .bytes = test::with_gps_exif(test::make_image(700, 700, ".jpg")),
                           .token = {},
                           .owner = {},
                           .uploaded_at = 0});
    txn.commit();
  }
  const auto first = media::make_missing_variants(s.store);
  BOOST_TEST(first.made == 1u);
  BOOST_TEST(first.left == 0u);
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(keys_of(store::list_media_variants(txn, s.store.tables(), id)) == (std::vector<unsigned>{0, 480}),
               boost::test_tools::per_element());
  }
  BOOST_TEST(media::make_missing_variants(s.store).made == 0u);  // nothing twice
}

BOOST_AUTO_TEST_SUITE_END()
