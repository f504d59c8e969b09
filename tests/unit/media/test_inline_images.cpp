// Pasted data: images become media items on save (issue 14), in the caller's transaction; a refused one
// stores nothing and says which image and why.
#include <boost/test/unit_test.hpp>

#include "daemon/media/inline_images.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/img_tags.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/images.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;

namespace {

const model::Actor kReporter{"pv", model::Role::reporter, "10.0.0.5"};

media::InlineImagesResult store_in(const store::Store& s, const std::string& html) {
  store::WriteTxn txn = s.write();
  auto r = media::store_inline_images(txn, s.tables(), model::sanitize_html(html), kReporter, 700);
  txn.commit();
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inline_images)

BOOST_AUTO_TEST_CASE(a_pasted_image_becomes_a_media_item_with_copies) {
  test::TempStore s;
  const std::string png = test::make_image(600, 300, ".png");
  const auto r =
      store_in(s.store, "<p>Ảnh:</p><img alt=\"Biểu đồ\" src=\"data:image/png;base64," + test::base64(png) + "\">");
  BOOST_TEST_REQUIRE(r.errors.empty());
  BOOST_TEST(r.stored == 1u);
  BOOST_TEST(!media::has_inline_images(r.html));
  BOOST_TEST(r.html.find("data:") == std::string::npos);
  const auto ids = model::media_ids_in(r.html);
  BOOST_TEST_REQUIRE(ids.size() == 1u);
  const store::ReadTxn txn = s.store.read();
  const auto m = store::get_media(txn, s.store.tables(), ids[0]);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(m->bytes == png);
  BOOST_TEST(m->owner == "pv");
  BOOST_TEST(m->file_name == "anh-dan-1.png");
  BOOST_TEST(r.html ==
             "<p>Ảnh:</p><img src=\"" + model::media_path(m->id, m->token, m->file_name) + "\" alt=\"Biểu đồ\">");
  BOOST_TEST(store::list_media_variants(txn, s.store.tables(), m->id).size() == 2u);  // full size and 480
}

BOOST_AUTO_TEST_CASE(a_refused_image_stores_nothing_and_is_named) {
  test::TempStore s;
  const auto mark = test::change_mark(s.store);
  const std::string good = test::base64(test::make_image(100, 100, ".png"));
  const std::string bad = test::base64(std::string("\x89PNG\r\n\x1a\n", 8) + "hỏng");
  const auto r = store_in(s.store, "<img alt=\"a\" src=\"data:image/png;base64," + good +
                                       "\"><img alt=\"b\" src=\"data:image/png;base64," + bad + "\">");
  BOOST_TEST_REQUIRE(r.errors.size() == 1u);
  BOOST_TEST(r.errors[0].starts_with("Ảnh dán thứ 2 trong nội dung không được nhận"), r.errors[0]);
  BOOST_TEST(r.stored == 0u);
  BOOST_TEST(test::changes_after(s.store, mark).empty());
  BOOST_TEST(media::has_inline_images(r.html));
}

BOOST_AUTO_TEST_CASE(alt_text_and_the_decorative_mark) {
  const std::string html = model::sanitize_html("<img src=\"/tep/1-" + std::string(32, 'a') +
                                                "/co-alt.png\" alt=\"Có mô tả\">"
                                                "<img src=\"/tep/2-" +
                                                std::string(32, 'b') +
                                                "/trang-tri.png\" alt=\"\" role=\"presentation\">"
                                                "<img src=\"/tep/3-" +
                                                std::string(32, 'c') +
                                                "/thieu.png\">"
                                                "<img src=\"/tep/4-" +
                                                std::string(32, 'd') + "/rong.png\" alt=\"  \">");
  BOOST_TEST(html.find("role=\"presentation\"") != std::string::npos, html);  // the sanitiser keeps the mark
  BOOST_TEST(model::images_missing_alt(html) == (std::vector<std::string>{"thieu.png", "rong.png"}),
             boost::test_tools::per_element());
  // role is kept only as that mark, only on images.
  BOOST_TEST(model::sanitize_html("<p role=\"presentation\">x</p><img src=\"/a.png\" alt=\"\" role=\"button\">")
                 .find("role") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
