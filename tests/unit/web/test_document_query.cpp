// The legal-documents search: argument parsing, filters on every field, validity on a date, sorting.
#include <boost/test/unit_test.hpp>

#include "daemon/model/time.hpp"
#include "daemon/model/url_encoding.hpp"
#include "web/form.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/server/http_error.hpp"

using namespace portald;
using web::DocumentQuery;

namespace {

std::int32_t day(const char* iso) { return *model::parse_iso_date(iso); }

model::LegalDocument doc(std::uint64_t id, const char* number, const char* type, const char* issued,
                         const char* effective = "", const char* expires = "") {
  model::LegalDocument d;
  d.id = id;
  d.number = number;
  d.type = type;
  d.issuer = "Ủy ban nhân dân tỉnh";
  d.signer = "Nguyễn Văn A";
  d.field = id % 2 ? "Đất đai" : "Y tế";
  d.abstract_text = std::string("Trích yếu văn bản ") + number;
  d.issued_on = day(issued);
  d.effective_on = *effective ? day(effective) : 0;
  d.expires_on = *expires ? day(expires) : 0;
  return d;
}

std::vector<model::LegalDocument> sample() {  // newest issue date first, like the store returns them
  return {doc(3, "30/2024/QĐ-UBND", "Quyết định", "2024-09-01", "2025-09-01"),
          doc(2, "20/NQ-HĐND", "Nghị quyết", "2023-05-01", "2023-05-15"),
          doc(1, "10/CT-UBND", "Chỉ thị", "2020-01-01", "", "2021-01-01")};
}

web::Request request(std::vector<std::pair<std::string, std::string>> query) {
  web::Request r;
  r.method = "GET";
  r.path = "/van-ban";
  r.query = std::move(query);
  return r;
}

std::vector<std::uint64_t> ids(const std::vector<model::LegalDocument>& docs) {
  std::vector<std::uint64_t> out;
  for (const auto& d : docs) out.push_back(d.id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document_query)

BOOST_AUTO_TEST_CASE(validity_depends_on_the_day) {
  const auto d = doc(1, "1", "x", "2024-01-01", "2024-02-01", "2025-01-01");
  BOOST_TEST(static_cast<int>(web::validity_on(d, day("2024-01-15"))) == static_cast<int>(web::Validity::not_yet));
  BOOST_TEST(static_cast<int>(web::validity_on(d, day("2024-02-01"))) == static_cast<int>(web::Validity::in_force));
  BOOST_TEST(static_cast<int>(web::validity_on(d, day("2025-01-01"))) == static_cast<int>(web::Validity::expired));
  BOOST_TEST(web::validity_label(web::Validity::expired) == "Hết hiệu lực");
}

BOOST_AUTO_TEST_CASE(filters_match_folded_text_and_dates) {
  const auto today = day("2025-01-01");
  const auto run = [&](std::vector<std::pair<std::string, std::string>> q) {
    return ids(web::filter_documents(sample(),
                                     web::parse_document_query(request(std::move(q)), web::kHtmlDocumentQuery), today));
  };
  BOOST_TEST(run({}) == (std::vector<std::uint64_t>{3, 2, 1}), boost::test_tools::per_element());
  BOOST_TEST(run({{"loai", "nghi quyet"}}) == std::vector<std::uint64_t>{2}, boost::test_tools::per_element());
  BOOST_TEST(run({{"tu-khoa", "TRICH YEU 30/2024"}}) == std::vector<std::uint64_t>{3},
             boost::test_tools::per_element());
  BOOST_TEST(run({{"so-ky-hieu", "ct-ubnd"}}) == std::vector<std::uint64_t>{1}, boost::test_tools::per_element());
  BOOST_TEST(run({{"linh-vuc", "Đất đai"}}) == (std::vector<std::uint64_t>{3, 1}), boost::test_tools::per_element());
  BOOST_TEST(run({{"tu-ngay", "2021-01-01"}, {"den-ngay", "2023-12-31"}}) == std::vector<std::uint64_t>{2},
             boost::test_tools::per_element());
  BOOST_TEST(run({{"hieu-luc", "chua"}}) == std::vector<std::uint64_t>{3}, boost::test_tools::per_element());
  BOOST_TEST(run({{"hieu-luc", "het"}}) == std::vector<std::uint64_t>{1}, boost::test_tools::per_element());
  BOOST_TEST(run({{"co-quan", "Sở khác"}}).empty());
}

BOOST_AUTO_TEST_CASE(sort_orders) {
  const auto run = [&](const char* sort) {
    return ids(web::filter_documents(
        sample(), web::parse_document_query(request({{"sap-xep", sort}}), web::kHtmlDocumentQuery), day("2025-01-01")));
  };
  BOOST_TEST(run("cu-nhat") == (std::vector<std::uint64_t>{1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(run("so-ky-hieu") == (std::vector<std::uint64_t>{1, 2, 3}), boost::test_tools::per_element());
  BOOST_TEST(run("hieu-luc") == (std::vector<std::uint64_t>{3, 2, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_arguments_are_400s) {
  for (const auto& q : std::vector<std::pair<std::string, std::string>>{{"trang", "0"},
                                                                        {"trang", "x"},
                                                                        {"tu-ngay", "2024-13-01"},
                                                                        {"hieu-luc", "maybe"},
                                                                        {"sap-xep", "random"},
                                                                        {"tu-khoa", std::string(301, 'a')},
                                                                        {"tu-khoa", "\xff"}}) {
    try {
      web::parse_document_query(request({q}), web::kHtmlDocumentQuery);
      BOOST_ERROR("accepted " << q.first << "=" << q.second);
    } catch (const web::HttpError& e) {
      BOOST_TEST(e.status() == 400);
    }
  }
  BOOST_CHECK_THROW(web::parse_document_query(request({{"per_page", "101"}}), web::kApiDocumentQuery), web::HttpError);
}

BOOST_AUTO_TEST_CASE(query_string_keeps_filters_for_the_pager) {
  const auto q = web::parse_document_query(
      request({{"loai", "Quyết định"}, {"hieu-luc", "con"}, {"sap-xep", "cu-nhat"}, {"trang", "2"}}),
      web::kHtmlDocumentQuery);
  BOOST_TEST(web::document_query_string(q, web::kHtmlDocumentQuery) ==
             "loai=Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh&hieu-luc=con&sap-xep=cu-nhat");
  const auto api =
      web::parse_document_query(request({{"status", "expired"}, {"sort", "number"}}), web::kApiDocumentQuery);
  BOOST_TEST(web::document_query_string(api, web::kApiDocumentQuery) == "status=expired&sort=number");
  BOOST_TEST(model::url_encode_component("a b/ç~") == "a%20b%2F%C3%A7~");
}

BOOST_AUTO_TEST_SUITE_END()
