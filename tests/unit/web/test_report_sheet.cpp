// A report's table as CSV (issue 13): text cells quoted and defused, integers plain, decimals with a
// Vietnamese comma, empty cells empty; and the XLSX of the same table is a zip (read back in the
// integration tests with Python's zipfile).
#include <boost/test/unit_test.hpp>

#include "web/report_sheet.hpp"
#include "web/xlsx.hpp"

using namespace portald::web;

namespace {

Sheet sample() {
  return {"Theo cơ quan",
          {{"co_quan", "Cơ quan", CellKind::text, 30},
           {"so_bai", "Số bài", CellKind::integer, 10},
           {"gio", "Giờ", CellKind::decimal, 10}},
          {{std::string("Sở \"Y tế\", tỉnh"), 12.0, 2.25},
           {std::string("=HYPERLINK(\"x\")"), 0.0, SheetCell()},
           {std::string("-1+2"), 1500.0, 10.0}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_sheet)

BOOST_AUTO_TEST_CASE(csv_quotes_defuses_and_writes_vietnamese_decimals) {
  const std::string csv = sheet_csv(sample());
  BOOST_TEST(csv ==
             "co_quan,so_bai,gio\r\n"
             "\"Sở \"\"Y tế\"\", tỉnh\",12,\"2,2\"\r\n"
             "\"'=HYPERLINK(\"\"x\"\")\",0,\r\n"
             "\"'-1+2\",1500,\"10,0\"\r\n");
}

BOOST_AUTO_TEST_CASE(xlsx_is_a_zip_with_a_content_types_part) {
  const std::string bytes = xlsx_workbook({sample()}, "Báo cáo thử");
  BOOST_REQUIRE_GT(bytes.size(), 1000u);
  BOOST_TEST(bytes.substr(0, 4) == std::string("PK\x03\x04"));
  BOOST_TEST(bytes.find("[Content_Types].xml") != std::string::npos);
  BOOST_TEST(bytes.find("xl/worksheets/sheet1.xml") != std::string::npos);
  const auto r = xlsx_download(bytes, "bao-cao.xlsx");
  BOOST_TEST(r.content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

BOOST_AUTO_TEST_CASE(a_bad_sheet_name_is_an_error_not_a_broken_file) {
  Sheet bad = sample();
  bad.name = "Tên [không] hợp lệ";
  BOOST_CHECK_THROW(xlsx_workbook({bad}, "x"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
