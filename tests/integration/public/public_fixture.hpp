#pragma once
// A demo portal for the public-site tests: `init --demo` (section pages, English section, demo
// documents), two articles in two categories and two legal documents imported with their files
// through the real import path.
#include <boost/test/unit_test.hpp>

#include <string>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

namespace portald::test {

inline const std::string kPublicArticles =
    R"({"id": "a1", "title": "Khai mạc hội chợ nông sản", "summary": "Hội chợ mở cửa đến cuối tuần", "body_html": "<p>Nội dung <a href=\"https://example.org/x\">liên kết</a></p>", "category": "Kinh tế", "agency": "Sở Công Thương", "author": "Lê Văn E", "published_at": "2024-03-02T08:00:00+07:00"})"
    "\n"
    R"({"id": "a2", "title": "Tiêm chủng mở rộng <đợt 2>", "summary": "Lịch tiêm & địa điểm", "body_html": "<p>Y tế</p>", "category": "Y tế", "published_at": "2024-04-02T08:00:00+07:00"})"
    "\n";

inline const std::string kPublicDocuments =
    R"({"id": "d1", "number": "15/2024/QĐ-UBND", "type": "Quyết định", "issuer": "UBND tỉnh", "signer": "Phạm Văn F", "issued_on": "2024-06-01", "effective_on": "2024-06-15", "field": "Đất đai", "abstract": "Quy định bảng giá đất giai đoạn mới", "files": ["bang gia đất.pdf"], "national_db_url": "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=1"})"
    "\n"
    R"({"id": "d2", "number": "07/CT-UBND", "type": "Chỉ thị", "issuer": "UBND tỉnh", "signer": "Hoàng Thị G", "issued_on": "2020-02-01", "expires_on": "2021-02-01", "field": "Y tế", "abstract": "Phòng chống dịch bệnh mùa xuân", "files": ["chi-thi.docx"]})"
    "\n";

inline const std::string kPdfBytes = "%PDF-1.4\n% test attachment\n%%EOF\n";

struct PublicSite {
  TempDir dir;
  std::filesystem::path data = dir.path / "data";
  PublicSite() {
    const auto init = portaldctl(data, {"init", "--demo"});
    BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    const auto a = write_file(dir.path, "a.jsonl", kPublicArticles);
    const auto ra = portaldctl(data, {"import", "articles", a.string()});
    BOOST_REQUIRE_MESSAGE(ra.exit_code == 0, ra.err);
    write_file(dir.path, "bang gia đất.pdf", kPdfBytes);
    write_file(dir.path, "chi-thi.docx", std::string("PK\x03\x04 docx test", 14));
    const auto d = write_file(dir.path, "d.jsonl", kPublicDocuments);
    const auto rd = portaldctl(data, {"import", "documents", d.string()});
    BOOST_REQUIRE_MESSAGE(rd.exit_code == 0, rd.err);
  }
};

// The value of the first href="PREFIX..." in html, "" when absent.
inline std::string first_link(const std::string& html, const std::string& prefix) {
  const auto p = html.find("href=\"" + prefix);
  if (p == std::string::npos) return {};
  const auto start = p + 6;
  return html.substr(start, html.find('"', start) - start);
}

// GET with a chosen Host header (http_request always sends its own).
inline HttpResponse get_with_host(std::uint16_t port, const std::string& target, const std::string& host) {
  RawConnection c("127.0.0.1", port);
  c.send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  auto r = c.read_response(std::chrono::milliseconds(5000));
  BOOST_REQUIRE(r);
  return *r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace portald::test
