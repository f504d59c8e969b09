// The statutory rules of a legal document's fields (issue 14): the Vietnamese number-and-symbol forms,
// the year in the number, the symbol against the type, the required fields and the order of the dates,
// each refused with its own Vietnamese message.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "daemon/model/document_rules.hpp"

using namespace portald::model;

namespace {

std::int32_t day(const char* iso) { return *parse_iso_date(iso); }

const std::int32_t kToday = day("2025-06-01");

DocumentContent valid() {
  return {.number = "1382/QĐ-UBND",
          .type = "Quyết định",
          .issuer = "UBND tỉnh",
          .signer = "Nguyễn Văn A",
          .issued_on = day("2024-06-01"),
          .effective_on = day("2024-06-15"),
          .expires_on = 0,
          .field = "Đất đai",
          .abstract_text = "Ban hành bảng giá đất",
          .national_db_url = "",
          .attachments = {}};
}

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.find(text) != std::string::npos; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_rules)

BOOST_AUTO_TEST_CASE(both_vietnamese_number_forms_are_accepted) {
  for (const char* n : {"1382/QĐ-UBND", "15/2023/NĐ-CP", "45/2019/QH14", "10/2024/QĐ-TTg", "07/CT-UBND", "123/UBND-VP",
                        "01/2020/TTLT-BTC-BNV", "5/KH-SYT", "12/2023/NQ-HĐND", "999999/TB-UBND", "24/QD-UBND"})
    BOOST_TEST(is_document_number(n), n);
}

BOOST_AUTO_TEST_CASE(malformed_numbers_are_refused) {
  for (const char* n : {"",
                        "1382",
                        "QĐ-UBND",
                        "/QĐ-UBND",
                        "1382/",
                        "0/QĐ-UBND",
                        "000/QĐ-UBND",
                        "1234567/QĐ-UBND",
                        "12a/QĐ-UBND",
                        "1382/qđ-ubnd",
                        "1382/QĐ--UBND",
                        "1382/QĐ-UBND-",
                        "1382/-QĐ",
                        "15/23/NĐ-CP",
                        "15/2023/",
                        "15/2023/NĐ CP",
                        "1382 /QĐ-UBND",
                        "15/2023/2024/NĐ-CP",
                        "1382/123",
                        "số 5/QĐ"})
    BOOST_TEST(!is_document_number(n), n);
}

BOOST_AUTO_TEST_CASE(the_year_is_read_from_the_three_part_form_only) {
  BOOST_TEST(document_number_year("15/2023/NĐ-CP").value_or(0) == 2023);
  BOOST_TEST(!document_number_year("1382/QĐ-UBND").has_value());
  BOOST_TEST(!document_number_year("nonsense").has_value());
}

BOOST_AUTO_TEST_CASE(a_valid_document_passes_and_its_text_is_trimmed_and_nfc) {
  auto c = valid();
  c.number = "  1382/QĐ-UBND ";
  c.signer = "Nguye\xCC\x82\xCC\x83n Văn A";  // decomposed "Nguyễn"
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front()));
  BOOST_TEST(c.number == "1382/QĐ-UBND");
  BOOST_TEST(c.signer == "Nguyễn Văn A");
}

BOOST_AUTO_TEST_CASE(each_required_field_has_its_own_message) {
  DocumentContent empty;
  const auto errors = check_document_content(empty, kToday);
  for (const char* text : {"Vui lòng nhập số ký hiệu", "Vui lòng nhập loại văn bản", "Vui lòng nhập cơ quan ban hành",
                           "Vui lòng nhập người ký", "Vui lòng nhập ngày ban hành", "Vui lòng nhập trích yếu"})
    BOOST_TEST(mentions(errors, text), text);
  BOOST_TEST(errors.size() == 6u);
}

BOOST_AUTO_TEST_CASE(a_malformed_number_names_both_forms) {
  auto c = valid();
  c.number = "QĐ 1382";
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front().find("“QĐ 1382” không đúng dạng") != std::string::npos);
  BOOST_TEST(errors.front().find("1382/QĐ-UBND") != std::string::npos);
  BOOST_TEST(errors.front().find("15/2023/NĐ-CP") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_year_in_the_number_is_the_year_of_issue) {
  auto c = valid();
  c.number = "15/2023/QĐ-UBND";
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front() == "Năm trong số ký hiệu (2023) khác năm ban hành (2024).");
  c.number = "15/2024/QĐ-UBND";
  BOOST_TEST(check_document_content(c, kToday).empty());
}

BOOST_AUTO_TEST_CASE(a_symbol_of_another_known_type_is_refused) {
  auto c = valid();
  c.type = "Chỉ thị";  // the number says QĐ: a Quyết định
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front().find("là của Quyết định, không khớp với loại văn bản “Chỉ thị”") != std::string::npos);
  // Types without an abbreviation, and symbols that name no type, are not compared.
  c.type = "Công văn";
  BOOST_TEST(check_document_content(c, kToday).empty());
  c.type = "Quyết định";
  c.number = "123/UBND-VP";
  BOOST_TEST(check_document_content(c, kToday).empty());
  // Without diacritics the symbol still matches its type.
  c.number = "24/QD-UBND";
  BOOST_TEST(check_document_content(c, kToday).empty());
}

BOOST_AUTO_TEST_CASE(dates_must_be_in_order_issued_effective_expiry) {
  auto c = valid();
  c.effective_on = day("2024-05-31");  // before issue
  auto errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front() == "Ngày có hiệu lực (31/05/2024) không được trước ngày ban hành (01/06/2024).");

  c = valid();
  c.expires_on = day("2024-06-10");  // after issue, before effect
  errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front() == "Ngày hết hiệu lực (10/06/2024) không được trước ngày có hiệu lực (15/06/2024).");

  c = valid();
  c.effective_on = 0;
  c.expires_on = day("2024-01-01");  // no effective date: compared with the issue date
  errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front() == "Ngày hết hiệu lực (01/01/2024) không được trước ngày ban hành (01/06/2024).");

  // Equal dates are in order.
  c = valid();
  c.effective_on = c.issued_on;
  c.expires_on = c.issued_on;
  BOOST_TEST(check_document_content(c, kToday).empty());
}

BOOST_AUTO_TEST_CASE(the_issue_date_is_not_in_the_future) {
  auto c = valid();
  c.number = "1/QĐ-UBND";
  c.issued_on = kToday + 1;
  c.effective_on = 0;
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front() == "Ngày ban hành (02/06/2025) không được sau ngày hôm nay.");
  c.issued_on = kToday;
  BOOST_TEST(check_document_content(c, kToday).empty());
}

BOOST_AUTO_TEST_CASE(links_lengths_lines_and_attachment_count) {
  auto c = valid();
  c.national_db_url = "ftp://vbpl.vn/x";
  c.signer = "Nguyễn\nVăn A";
  c.abstract_text = std::string(5001, 'x');
  c.attachments.resize(51);
  const auto errors = check_document_content(c, kToday);
  BOOST_TEST(mentions(errors, "phải bắt đầu bằng https:// hoặc http://"));
  BOOST_TEST(mentions(errors, "chỉ được viết trên một dòng"));
  BOOST_TEST(mentions(errors, "Trích yếu dài quá 5000 ký tự."));
  BOOST_TEST(mentions(errors, "nhiều nhất 50 tệp"));
  BOOST_TEST(errors.size() == 4u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused) {
  auto c = valid();
  c.issuer = "UBND \xFF";
  BOOST_TEST(mentions(check_document_content(c, kToday), "không phải UTF-8"));
}

BOOST_AUTO_TEST_CASE(dates_are_read_in_iso_and_vietnamese_forms) {
  BOOST_TEST(parse_document_date("2024-06-15").value_or(0) == day("2024-06-15"));
  BOOST_TEST(parse_document_date("15/06/2024").value_or(0) == day("2024-06-15"));
  BOOST_TEST(parse_document_date(" 5/6/2024 ").value_or(0) == day("2024-06-05"));
  for (const char* bad : {"", "31/02/2024", "2024-13-01", "15/06/24", "15-06-2024", "hôm nay", "1/1/2024/1"})
    BOOST_TEST(!parse_document_date(bad).has_value(), bad);
  BOOST_TEST(document_date_text(day("2024-06-05")) == "05/06/2024");
  BOOST_TEST(document_date_text(0) == "");
}

BOOST_AUTO_TEST_CASE(the_day_in_vietnam_turns_at_midnight_local_time) {
  // 2025-06-01T16:59:59Z is 23:59:59 in Vietnam; a second later it is 2 June there.
  const UnixTime before = *parse_rfc3339("2025-06-01T16:59:59Z");
  BOOST_TEST(vietnam_day(before) == day("2025-06-01"));
  BOOST_TEST(vietnam_day(before + 1) == day("2025-06-02"));
}

BOOST_AUTO_TEST_CASE(every_known_type_has_a_unique_name) {
  std::vector<std::string_view> names;
  for (const auto& t : document_types()) names.push_back(t.name);
  std::sort(names.begin(), names.end());
  BOOST_TEST((std::adjacent_find(names.begin(), names.end()) == names.end()));
  BOOST_TEST(names.size() >= 20u);
}

BOOST_AUTO_TEST_SUITE_END()
