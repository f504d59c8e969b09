// What readers see of a citizen's question (issue 12, Nghị định 13/2023): the masked name, contacts
// masked inside the text while the numbers a question is about (dates, document numbers, amounts) stay,
// and the tracking code as people type it.
#include <boost/test/unit_test.hpp>

#include <set>

#include "daemon/model/question_text.hpp"

using namespace portald::model;

namespace {

const std::string kEmail = "[email đã ẩn]";
const std::string kPhone = "[số điện thoại đã ẩn]";

}  // namespace

BOOST_AUTO_TEST_SUITE(question_text)

BOOST_AUTO_TEST_CASE(a_name_keeps_the_family_name_and_the_initials) {
  BOOST_TEST(mask_name("Nguyễn Văn An") == "Nguyễn V. A.");
  BOOST_TEST(mask_name("Trần Thị Minh Khai") == "Trần T. M. K.");
  BOOST_TEST(mask_name("  Nguyễn   Văn\tAn  ") == "Nguyễn V. A.");
  // Vietnamese initials are whole letters, not their first byte.
  BOOST_TEST(mask_name("Đặng Ánh") == "Đặng Á.");
  BOOST_TEST(mask_name("Lê Ỷ Lan") == "Lê Ỷ. L.");
  BOOST_TEST(mask_name("Phạm Ước Đức") == "Phạm Ư. Đ.");
  // One word: only its initial, so a single given name is not shown whole.
  BOOST_TEST(mask_name("Ánh") == "Á.");
  BOOST_TEST(mask_name("  An ") == "A.");
  BOOST_TEST(mask_name("").empty());
  BOOST_TEST(mask_name("   \t ").empty());
}

BOOST_AUTO_TEST_CASE(e_mail_addresses_are_masked) {
  BOOST_TEST(mask_contacts("Liên hệ an.nguyen@example.com.vn để trả lời.") == "Liên hệ " + kEmail + " để trả lời.");
  BOOST_TEST(mask_contacts("Email: Tran_Binh+hoi-dap@Gmail.COM") == "Email: " + kEmail);
  BOOST_TEST(mask_contacts("a@b.vn, c.d@e.gov.vn") == kEmail + ", " + kEmail);
  BOOST_TEST(mask_contacts("(an@x.vn)") == "(" + kEmail + ")");
  // Not an address: no dot in the domain, or nothing before the @.
  BOOST_TEST(mask_contacts("giờ @ trụ sở") == "giờ @ trụ sở");
  BOOST_TEST(mask_contacts("@ubnd.vn") == "@ubnd.vn");
}

BOOST_AUTO_TEST_CASE(phone_numbers_are_masked_however_they_are_grouped) {
  for (const std::string phone :
       {"0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678", "+84 912 345 678",
        "+84-912-345-678", "84 912 345 678", "028 3829 1234", "02838291234"}) {
    BOOST_TEST(mask_contacts("Gọi " + phone + " giờ hành chính") == "Gọi " + kPhone + " giờ hành chính", phone);
    BOOST_TEST(mask_contacts(phone) == kPhone, phone);
    BOOST_TEST(mask_contacts("SĐT:" + phone + ".") == "SĐT:" + kPhone + ".", phone);
  }
  BOOST_TEST(mask_contacts("0912345678, 0987654321") == kPhone + ", " + kPhone);
  // Both kinds in one text, and the words around them untouched.
  BOOST_TEST(mask_contacts("Tôi là An (an@example.vn, 0912 345 678), ở xã Tân Phú.") ==
             "Tôi là An (" + kEmail + ", " + kPhone + "), ở xã Tân Phú.");
}

BOOST_AUTO_TEST_CASE(numbers_a_question_is_about_stay) {
  for (const std::string text : {
           "ngày 15/03/2025",
           "ngày 15-03-2025",
           "ngày 15.03.2025",
           "từ 2025-01-25 đến 2025-02-02",
           "Nghị định số 123/2025/NĐ-CP",
           "Quyết định 1234/QĐ-UBND ngày 01/02/2024",
           "Thông tư 12/2024/TT-BTC",
           "số tiền 1.500.000 đồng",
           "bồi thường 1.500.000.000 đồng",
           "tổng 12.345.678.900 đồng",
           "dự toán 123.456.789.012.345 đồng",
           "mã hồ sơ 12345678",
           "thửa đất số 123, tờ bản đồ số 45",
           "diện tích 250,5 m2",
           "H12345678901",
           "mã 123456789012345",
       }) {
    BOOST_TEST(mask_contacts(text) == text, text);
  }
}

BOOST_AUTO_TEST_CASE(text_without_contacts_is_unchanged) {
  const std::string text = "Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu?\nCảm ơn.";
  BOOST_TEST(mask_contacts(text) == text);
  BOOST_TEST(mask_contacts("").empty());
}

BOOST_AUTO_TEST_CASE(tracking_codes_are_three_groups_of_four_without_look_alikes) {
  for (const char c : std::string_view("0O1IL")) BOOST_TEST(kTrackingAlphabet.find(c) == std::string_view::npos, c);
  BOOST_TEST(std::set<char>(kTrackingAlphabet.begin(), kTrackingAlphabet.end()).size() == kTrackingAlphabet.size());
  const unsigned digits[kTrackingLength]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30};
  const auto code = format_tracking_code(digits);
  BOOST_TEST(code == "ABCD-EFGH-JKM9");
  BOOST_TEST(code.size() == kTrackingLength + 2);
  BOOST_TEST(normalise_tracking_code(code).value_or("") == code);
}

BOOST_AUTO_TEST_CASE(a_typed_code_is_read_as_people_type_it) {
  const std::string code = "K7MQ-4TXA-9RPW";
  for (const std::string typed : {"K7MQ-4TXA-9RPW", "k7mq-4txa-9rpw", "k7mq 4txa 9rpw", "K7MQ4TXA9RPW",
                                  "  k7mq 4txa-9rpw  ", "k7m q4tx a9rpw", "K7MQ - 4TXA - 9RPW"}) {
    BOOST_TEST(normalise_tracking_code(typed).value_or("(none)") == code, typed);
  }
}

BOOST_AUTO_TEST_CASE(what_cannot_be_a_code_is_refused) {
  for (const std::string typed : {
           "",                     // nothing
           "   ",                  //
           "K7MQ-4TXA-9RP",        // 11 characters
           "K7MQ-4TXA-9RPWX",      // 13
           "K7MQ-4TXA-9RPW-K7MQ",  // twice as long
           "K7MO-4TXA-9RPW",       // O, a look-alike of 0
           "K7M0-4TXA-9RPW",       // 0
           "K7MI-4TXA-9RPW",       // I
           "K7M1-4TXA-9RPW",       // 1
           "K7ML-4TXA-9RPW",       // L
           "k7ml-4txa-9rpw",       // l
           "K7MQ_4TXA_9RPW",       // other separators
           "K7MQ.4TXA.9RPW",       //
           "ĐK7M-4TXA-9RPW",       // a Vietnamese letter
       }) {
    BOOST_TEST(!normalise_tracking_code(typed).has_value(), typed);
  }
}

BOOST_AUTO_TEST_SUITE_END()
