// The legal-documents database pages (NĐ 42/2022 Điều 4 k.1): list filterable by every field,
// sortable, paginated; one document's page; attachments downloaded from the media table.
#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

BOOST_AUTO_TEST_SUITE(legal_documents)

BOOST_AUTO_TEST_CASE(the_list_shows_every_document_with_its_fields) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto r = daemon.get("/van-ban");
  BOOST_TEST(r.status == 200);
  for (const char* text : {"15/2024/QĐ-UBND", "07/CT-UBND", "Quy định bảng giá đất giai đoạn mới", "Quyết định",
                           "Chỉ thị", "01/06/2024", "Còn hiệu lực", "Hết hiệu lực", "Tìm thấy 5 văn bản"})
    BOOST_TEST(test::contains(r.body, text), text);
  // Every filter is a labelled control of the form.
  for (const char* name : {"tu-khoa", "so-ky-hieu", "loai", "co-quan", "nguoi-ky", "linh-vuc", "tu-ngay", "den-ngay",
                           "hieu-luc", "sap-xep"})
    BOOST_TEST(test::contains(r.body, std::string("name=\"") + name + "\""), name);
}

BOOST_AUTO_TEST_CASE(every_field_filters_the_list) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const std::pair<std::string, int> cases[] = {
      {"/van-ban?loai=Ch%E1%BB%89+th%E1%BB%8B", 2},            // type (one imported, one demo)
      {"/van-ban?co-quan=UBND+t%E1%BB%89nh", 2},               // issuer
      {"/van-ban?nguoi-ky=Ph%E1%BA%A1m+V%C4%83n+F", 1},        // signer
      {"/van-ban?linh-vuc=%C4%90%E1%BA%A5t+%C4%91ai", 1},      // field
      {"/van-ban?so-ky-hieu=15%2F2024", 1},                    // number
      {"/van-ban?tu-khoa=bang+gia+dat", 1},                    // keyword without diacritics
      {"/van-ban?tu-ngay=2024-01-01&den-ngay=2024-12-31", 2},  // issue date range
      {"/van-ban?hieu-luc=het", 2},                            // validity (demo has one expired too)
      {"/van-ban?tu-khoa=khong-co-gi-ca", 0},
  };
  for (const auto& [target, found] : cases) {
    const auto r = daemon.get(target);
    BOOST_TEST(r.status == 200, target);
    BOOST_TEST(test::contains(r.body, "Tìm thấy " + std::to_string(found) + " văn bản"), target);
  }
}

BOOST_AUTO_TEST_CASE(sorting_and_paging) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto oldest = daemon.get("/van-ban?sap-xep=cu-nhat").body;
  BOOST_TEST(oldest.find("07/CT-UBND") < oldest.find("15/2024/QĐ-UBND"));
  const auto newest = daemon.get("/van-ban").body;
  BOOST_TEST(newest.find("15/2024/QĐ-UBND") < newest.find("07/CT-UBND"));
  BOOST_TEST(daemon.get("/van-ban?trang=2").status == 404);
  BOOST_TEST(daemon.get("/van-ban?trang=0").status == 400);
  BOOST_TEST(daemon.get("/van-ban?sap-xep=bat-ky").status == 400);
  BOOST_TEST(daemon.get("/van-ban?tu-ngay=01-01-2024").status == 400);
  // The API pages the same list: 2 per page, a next link that keeps the filter.
  const auto api = daemon.get("/api/v1/documents?per_page=2&issuer=UBND%20t%E1%BB%89nh");
  BOOST_TEST(api.status == 200);
  BOOST_TEST(test::contains(api.body, "\"total\":2"), api.body);
  const auto page1 = daemon.get("/api/v1/documents?per_page=2");
  BOOST_TEST(test::contains(page1.body, "\"pages\":3"), page1.body);
  BOOST_TEST(test::contains(page1.body, "\"next\":\"/api/v1/documents?page=2&per_page=2\""), page1.body);
}

BOOST_AUTO_TEST_CASE(a_document_page_shows_every_field_and_links_out) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const std::string link = test::first_link(daemon.get("/van-ban?so-ky-hieu=15%2F2024").body, "/van-ban/15-2024");
  BOOST_REQUIRE(!link.empty());
  const auto r = daemon.get(link);
  BOOST_TEST(r.status == 200);
  for (const char* text :
       {"Quyết định số 15/2024/QĐ-UBND", "UBND tỉnh", "Phạm Văn F", "01/06/2024", "15/06/2024", "Đất đai",
        "Còn hiệu lực", "Tải về bang gia đất.pdf", "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1"})
    BOOST_TEST(test::contains(r.body, text), text);
  const std::string id = link.substr(link.rfind('-') + 1);
  const auto moved = daemon.get("/van-ban/ten-cu-" + id);
  BOOST_TEST(moved.status == 301);
  BOOST_TEST(*moved.header("Location") == link);
  BOOST_TEST(daemon.get("/van-ban/khong-co-999").status == 404);
}

BOOST_AUTO_TEST_CASE(attachments_download_with_type_and_file_name) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const std::string doc = test::first_link(daemon.get("/van-ban?so-ky-hieu=15%2F2024").body, "/van-ban/15-2024");
  const std::string file = test::first_link(daemon.get(doc).body, doc + "/tep/");
  BOOST_REQUIRE(!file.empty());
  const auto r = daemon.get(file);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == test::kPdfBytes);
  BOOST_TEST(*r.header("Content-Type") == "application/pdf");
  BOOST_TEST(*r.header("Content-Disposition") ==
             "attachment; filename=\"bang-gia-dat.pdf\"; filename*=UTF-8''bang%20gia%20%C4%91%E1%BA%A5t.pdf");
  BOOST_TEST(*r.header("X-Content-Type-Options") == "nosniff");

  const std::string other = test::first_link(daemon.get("/van-ban?so-ky-hieu=07%2FCT").body, "/van-ban/07-ct");
  const std::string docx = test::first_link(daemon.get(other).body, other + "/tep/");
  const auto w = daemon.get(docx);
  BOOST_TEST(std::string(*w.header("Content-Type")) ==
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  // A media id is only served through the document it belongs to.
  const std::string media = file.substr(file.rfind('/') + 1);
  BOOST_TEST(daemon.get(other + "/tep/" + media).status == 404);
  BOOST_TEST(daemon.get(doc + "/tep/999999").status == 404);
}

BOOST_AUTO_TEST_CASE(the_api_serves_documents_as_records) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  const auto list = daemon.get("/api/v1/documents?type=Ch%E1%BB%89%20th%E1%BB%8B&issuer=UBND%20t%E1%BB%89nh");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(std::string(*list.header("Content-Type")).find("application/json") == 0);
  BOOST_TEST(*list.header("Access-Control-Allow-Origin") == "*");
  for (const char* text : {"\"number\":\"07/CT-UBND\"", "\"status\":\"expired\"", "\"expires_on\":\"2021-02-01\"",
                           "\"signer\":\"Hoàng Thị G\"", "\"total\":1"})
    BOOST_TEST(test::contains(list.body, text), text);
  const auto bad = daemon.get("/api/v1/documents?status=maybe");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(test::contains(bad.body, "\"status\":400"), bad.body);
  BOOST_TEST(daemon.get("/api/v1/documents/999999").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
