// Form bodies: urlencoded (with '+', escapes, repeats, broken escapes) and multipart (uploads with
// binary bytes, quoted boundary, "filename=" not mistaken for "name=").
#include <boost/test/unit_test.hpp>

#include "daemon/model/url_encoding.hpp"
#include "web/form.hpp"

using namespace portald::web;

BOOST_AUTO_TEST_SUITE(form_parsing)

BOOST_AUTO_TEST_CASE(urlencoded_fields) {
  const Form f = parse_form("application/x-www-form-urlencoded; charset=UTF-8",
                            "title=Ti%C3%AAu+%C4%91%E1%BB%81&topic=a&topic=b&empty=&flag&bad=%zz%4");
  BOOST_TEST(f.get("title") == "Tiêu đề");
  BOOST_TEST(f.fields.count("topic") == 2u);
  BOOST_TEST(f.has("empty"));
  BOOST_TEST(f.get("empty").empty());
  BOOST_TEST(f.has("flag"));
  BOOST_TEST(f.get("bad") == "%zz%4");
  BOOST_TEST(f.get("missing").empty());
  BOOST_TEST(url_decode(portald::model::url_encode_component("a b&c=đ/?")) == "a b&c=đ/?");
}

BOOST_AUTO_TEST_CASE(multipart_with_a_binary_file) {
  const std::string png("\x89PNG\r\n\x1a\n\0\r\n--x", 14);
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ảnh.png\"\r\n"
      "Content-Type: image/png\r\n\r\n" +
      png + "\r\n--XyZ--\r\n";
  const Form f = parse_form("multipart/form-data; boundary=\"XyZ\"", body);
  BOOST_TEST(f.get("csrf") == "abc");
  BOOST_TEST_REQUIRE(f.files.size() == 1u);
  BOOST_TEST(f.files[0].field == "file");
  BOOST_TEST(f.files[0].file_name == "ảnh.png");
  BOOST_TEST(f.files[0].content_type == "image/png");
  BOOST_TEST(f.files[0].bytes == png);
}

BOOST_AUTO_TEST_CASE(garbage_gives_an_empty_form) {
  BOOST_TEST(parse_form("text/plain", "a=b").fields.empty());
  BOOST_TEST(parse_form("multipart/form-data", "--x\r\n").fields.empty());
  BOOST_TEST(parse_form("multipart/form-data; boundary=x", "--x\r\nno headers end").fields.empty());
  const Form f = parse_form("multipart/form-data; boundary=x",
                            "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated");
  BOOST_TEST(f.fields.empty());
}

BOOST_AUTO_TEST_SUITE_END()
