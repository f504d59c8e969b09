// srcset at render time (issue 14): an <img> pointing at a stored image gets its copies, sizes,
// dimensions, lazy loading and async decoding; anything else is left exactly as stored.
#include <boost/test/unit_test.hpp>

#include "daemon/media/responsive_images.hpp"
#include "daemon/media/upload.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/store/document_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/images.hpp"

using namespace portald;

namespace {

const model::Actor kReporter{"pv", model::Role::reporter, "10.0.0.5"};

struct Uploaded {
  std::uint64_t id;
  std::string path;
};

Uploaded upload(const store::Store& store, unsigned width, unsigned height, const std::string& name) {
  const auto r = media::upload(store, name, test::make_image(width, height, ".jpg"), kReporter, 500);
  BOOST_TEST_REQUIRE((r.refusal == media::Refusal::none));
  const store::ReadTxn txn = store.read();
  const auto info = store::get_media_info(txn, store.tables(), r.id);
  return {r.id, model::media_path(r.id, info->token, info->file_name)};
}

std::string render(const store::Store& store, const std::string& html) {
  const store::ReadTxn txn = store.read();
  return media::add_responsive_images(html, media::store_image_lookup(txn, store.tables()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(responsive_images)

BOOST_AUTO_TEST_CASE(a_media_image_gets_srcset_sizes_dimensions_and_lazy_loading) {
  test::TempStore s;
  const auto img = upload(s.store, 2000, 1000, "Hội nghị.jpg");
  const std::string body =
      model::sanitize_html("<p>Trước</p><img src=\"" + img.path + "\" alt=\"Hội nghị\"><p>Sau</p>");
  const std::string out = render(s.store, body);
  const auto base = img.path.substr(0, img.path.rfind('/'));
  const std::string srcset = img.path + " 2000w, " + base + "/480w/hoi-nghi.jpg 480w, " + base +
                             "/960w/hoi-nghi.jpg 960w, " + base + "/1600w/hoi-nghi.jpg 1600w";
  BOOST_TEST(out.find("srcset=\"" + srcset + "\"") != std::string::npos, out);
  BOOST_TEST(out.find("sizes=\"(max-width: 72rem) 100vw, 72rem\"") != std::string::npos);
  BOOST_TEST(out.find("width=\"2000\" height=\"1000\"") != std::string::npos);
  BOOST_TEST(out.find("loading=\"lazy\" decoding=\"async\"") != std::string::npos);
  BOOST_TEST(out.find("alt=\"Hội nghị\"") != std::string::npos);
  BOOST_TEST(out.starts_with("<p>Trước</p><img src=\"" + img.path + "\""));
  BOOST_TEST(out.ends_with("><p>Sau</p>"));
}

BOOST_AUTO_TEST_CASE(the_editors_width_is_kept_and_the_height_follows) {
  test::TempStore s;
  const auto img = upload(s.store, 1000, 500, "a.jpg");
  const std::string out =
      render(s.store, model::sanitize_html("<img src=\"" + img.path + "\" alt=\"x\" width=\"300\">"));
  BOOST_TEST(out.find("width=\"300\"") != std::string::npos, out);
  BOOST_TEST(out.find("height=\"150\"") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(other_images_are_left_as_stored) {
  test::TempStore s;
  const std::string body =
      model::sanitize_html("<p><img src=\"https://example.org/a.png\" alt=\"ngoài\"> <img src=\"/tep/99-" +
                           std::string(32, 'a') + "/khong-co.png\" alt=\"không có\"> &amp; <b>x</b></p>");
  BOOST_TEST(render(s.store, body) == body);
}

BOOST_AUTO_TEST_SUITE_END()
