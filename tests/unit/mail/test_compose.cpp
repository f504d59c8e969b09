// Composing e-mail (daemon/mail/compose.hpp, header_text.hpp, address.hpp): a Vietnamese subject and
// names travel as RFC 2047 encoded-words and a UTF-8 body as base64, and Python's own e-mail parser reads
// back exactly what was meant; nothing a caller passes (CR, LF, a second address) can add a header or a
// recipient.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "daemon/mail/address.hpp"
#include "daemon/mail/compose.hpp"
#include "daemon/mail/header_text.hpp"
#include "tests/support/process.hpp"

using namespace portald;

namespace {

const mail::Sender kFrom{.address = "no-reply@portal.example.vn", .name = "Cổng thông tin điện tử tỉnh"};
constexpr model::UnixTime kDate = 1'796'000'000;
const std::string kId = "<0123456789abcdef@portal.example.vn>";

mail::Message notice() {
  return {.to = "nguyen.van.a@sotttt.example.vn",
          .to_name = "Nguyễn Văn A",
          .subject = "Bài viết bị trả lại: Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2026 của tỉnh",
          .body = "Kính gửi Nguyễn Văn A,\n\nBài viết đã bị trả lại.\r\nLý do: thiếu ảnh.\n"};
}

// What Python's e-mail package (policy.default: decodes encoded-words, transfer encodings, charsets)
// makes of a composed message.
nlohmann::json parsed_by_python(const std::string& text) {
  const auto r =
      test::run_command({"/usr/bin/python3", "-c",
                         "import sys, json, email, email.policy\n"
                         "m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n"
                         "print(json.dumps({'from': str(m['From']), 'to': str(m['To']), 'subject': str(m['Subject']),\n"
                         "  'to_addr': m['To'].addresses[0].addr_spec, 'to_name': m['To'].addresses[0].display_name,\n"
                         "  'headers': len(m.keys()), 'defects': len(m.defects), 'body': m.get_content(),\n"
                         "  'type': m.get_content_type(), 'charset': m.get_content_charset()}))\n"},
                        text);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> header_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text.substr(0, text.find("\n\n")));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string error_of(const mail::Message& m, const mail::Sender& from = kFrom) {
  return mail::compose(m, from, kDate, kId).error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compose)

BOOST_AUTO_TEST_CASE(a_vietnamese_notice_reads_back_exactly_in_a_mail_parser) {
  const auto c = mail::compose(notice(), kFrom, kDate, kId);
  BOOST_REQUIRE_MESSAGE(bool(c), c.error);
  const auto j = parsed_by_python(c.text);
  BOOST_TEST(j["subject"].get<std::string>() == notice().subject);
  BOOST_TEST(j["to_addr"].get<std::string>() == "nguyen.van.a@sotttt.example.vn");
  BOOST_TEST(j["to_name"].get<std::string>() == "Nguyễn Văn A");
  BOOST_TEST(j["from"].get<std::string>() == "Cổng thông tin điện tử tỉnh <no-reply@portal.example.vn>");
  BOOST_TEST(j["type"].get<std::string>() == "text/plain");
  BOOST_TEST(j["charset"].get<std::string>() == "utf-8");
  BOOST_TEST(j["defects"].get<int>() == 0);
  // Line ends arrive as CR LF whatever the caller used (canonical text, RFC 2045).
  BOOST_TEST(j["body"].get<std::string>() ==
             "Kính gửi Nguyễn Văn A,\r\n\r\nBài viết đã bị trả lại.\r\nLý do: thiếu ảnh.\r\n");
}

BOOST_AUTO_TEST_CASE(headers_are_ascii_short_lines_and_complete) {
  const auto c = mail::compose(notice(), kFrom, kDate, kId);
  BOOST_REQUIRE(bool(c));
  for (const auto& line : header_lines(c.text)) {
    BOOST_TEST(line.size() <= 78u, line);
    for (const char ch : line) BOOST_TEST((ch >= 0x20 && ch < 0x7f), line);
  }
  BOOST_TEST(c.text.find("\nSubject: =?UTF-8?B?") != std::string::npos);
  BOOST_TEST(c.text.find("\nDate: Mon, 30 Nov 2026 07:53:20 +0700\n") != std::string::npos);
  BOOST_TEST(c.text.find("\nMessage-ID: " + kId + "\n") != std::string::npos);
  BOOST_TEST(c.text.find("\nMIME-Version: 1.0\n") != std::string::npos);
  BOOST_TEST(c.text.find("\nContent-Type: text/plain; charset=UTF-8\n") != std::string::npos);
  BOOST_TEST(c.text.find("\nContent-Transfer-Encoding: base64\n") != std::string::npos);
  BOOST_TEST(c.text.find("\nAuto-Submitted: auto-generated\n") != std::string::npos);
  // The body: base64 lines of at most 76 characters.
  std::istringstream body(c.text.substr(c.text.find("\n\n") + 2));
  for (std::string line; std::getline(body, line);) BOOST_TEST(line.size() <= 76u);
}

BOOST_AUTO_TEST_CASE(plain_ascii_stays_readable) {
  auto m = notice();
  m.subject = "Portal test";
  m.to_name = "Tran \"Binh\" B";
  const auto c = mail::compose(m, {.address = "a@b.example", .name = ""}, kDate, "<x@b.example>");
  BOOST_REQUIRE(bool(c));
  BOOST_TEST(c.text.find("\nSubject: Portal test\n") != std::string::npos);
  BOOST_TEST(c.text.starts_with("From: a@b.example\n"));
  BOOST_TEST(c.text.find("\nTo: \"Tran \\\"Binh\\\" B\" <nguyen.van.a@sotttt.example.vn>\n") != std::string::npos);
  BOOST_TEST(parsed_by_python(c.text)["to_name"].get<std::string>() == "Tran \"Binh\" B");
  // An ASCII subject that looks like an encoded-word is encoded, so it reads back as typed.
  m.subject = "=?UTF-8?B?SGk=?=";
  const auto tricky = mail::compose(m, kFrom, kDate, kId);
  BOOST_TEST(parsed_by_python(tricky.text)["subject"].get<std::string>() == "=?UTF-8?B?SGk=?=");
}

BOOST_AUTO_TEST_CASE(header_injection_is_refused) {
  auto m = notice();
  m.subject = "Xin chào\r\nBcc: victim@example.org";
  BOOST_TEST(error_of(m) == "subject: not one line of text up to 300 characters");
  m.subject = "Xin chào\nBcc: victim@example.org";
  BOOST_TEST(!error_of(m).empty());
  m = notice();
  m.to = "a@example.org\nBcc: victim@example.org";
  BOOST_TEST(error_of(m) == "to: not a valid e-mail address");
  m.to = "a@example.org, victim@example.org";
  BOOST_TEST(error_of(m) == "to: not a valid e-mail address");
  m.to = "Victim <victim@example.org>";
  BOOST_TEST(error_of(m) == "to: not a valid e-mail address");
  m = notice();
  m.to_name = "A\r\nBcc: victim@example.org";
  BOOST_TEST(error_of(m) == "to name: not one line of text up to 200 characters");
  m = notice();
  BOOST_TEST(error_of(m, {.address = "x@y.example\nBcc: v@e.org", .name = ""}) ==
             "mail-from: not a valid e-mail address");
  BOOST_TEST(error_of(m, {.address = "x@y.example", .name = "Cổng\nBcc: v@e.org"}) ==
             "sender name: not one line of text up to 200 characters");
  BOOST_TEST(!mail::compose(m, kFrom, kDate, "<x@y>\nBcc: v@e.org").error.empty());
  BOOST_TEST(mail::compose(m, kFrom, kDate, "<x@y>\nBcc: v@e.org").text.empty());
}

BOOST_AUTO_TEST_CASE(bad_subjects_and_bodies_are_refused) {
  auto m = notice();
  m.subject = "  ";
  BOOST_TEST(error_of(m) == "subject: empty");
  m.subject = std::string(301, 'a');
  BOOST_TEST(!error_of(m).empty());
  m.subject = "\xC3\x28";
  BOOST_TEST(!error_of(m).empty());
  m = notice();
  m.body = std::string("a\0b", 3);
  BOOST_TEST(error_of(m) == "body: not UTF-8 text");
  m.body = "\xFF\xFE";
  BOOST_TEST(error_of(m) == "body: not UTF-8 text");
  m.body = std::string((1 << 20) + 1, 'a');
  BOOST_TEST(error_of(m) == "body: larger than 1 MiB");
  BOOST_TEST(mail::check_message(notice()).empty());
}

BOOST_AUTO_TEST_CASE(addresses) {
  for (const char* ok :
       {"a@b.vn", "nguyen.van.a@so-tttt.tinh.gov.vn", "x+tag@example.org", "o'brien@example.ie", "portald@localhost"})
    BOOST_TEST(mail::is_valid_address(ok), ok);
  for (const char* bad : {"", "a", "@b.vn", "a@", "a@@b.vn", ".a@b.vn", "a.@b.vn", "a..b@c.vn", "a@-b.vn", "a@b-.vn",
                          "a@b..vn", "a b@c.vn", "\"a\"@b.vn", "a@[127.0.0.1]", "nguyễn@b.vn", "a@b.vn\n",
                          "a@b.vn,c@d.vn", "<a@b.vn>", "a@b.vn (x)"})
    BOOST_TEST(!mail::is_valid_address(bad), bad);
  BOOST_TEST(!mail::is_valid_address(std::string(65, 'a') + "@b.vn"));
  BOOST_TEST(mail::address_domain("a@b.vn") == "b.vn");
}

BOOST_AUTO_TEST_CASE(encoded_words_split_between_characters) {
  const std::string text = "Thông báo về việc tổ chức hội nghị trực tuyến toàn tỉnh lần thứ nhất năm 2026";
  const std::string encoded = mail::encode_unstructured(text);
  BOOST_TEST(encoded.find('\n') != std::string::npos);  // more than one word, folded
  auto m = notice();
  m.subject = text;
  BOOST_TEST(parsed_by_python(mail::compose(m, kFrom, kDate, kId).text)["subject"].get<std::string>() == text);
  BOOST_TEST(mail::make_message_id("no-reply@portal.example.vn").size() == 2 + 32 + 1 + 17);
  BOOST_TEST(mail::make_message_id("a@b.vn") != mail::make_message_id("a@b.vn"));
}

BOOST_AUTO_TEST_SUITE_END()
