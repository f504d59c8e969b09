// `portaldctl init --demo`: the mandatory section pages (NĐ 42/2022 Điều 4 k.1, Điều 7 k.2; Luật Tiếp
// cận thông tin Điều 19) and a few legal documents with a small PDF, so every public page type has
// something to show. Generic wording: a real province replaces these pages with its own.
#include "daemon/cli/demo_content.hpp"

#include "daemon/model/time.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/topic_table.hpp"

namespace portald::cli {
namespace {

using Rows = std::vector<std::vector<std::string>>;

model::SitePage page(std::string lang, std::string slug, std::string title, std::string summary, std::string body,
                     model::PageKind kind = model::PageKind::text, Rows entries = {}) {
  model::SitePage p;
  p.lang = std::move(lang);
  p.slug = std::move(slug);
  p.title = std::move(title);
  p.summary = std::move(summary);
  p.body_html = std::move(body);
  p.kind = kind;
  p.entries = std::move(entries);
  return p;
}

std::vector<model::SitePage> demo_pages() {
  const Rows officials{
      {"Nguyễn Văn A", "Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh", "0000 000 001", "vanphong@example.invalid"},
      {"Trần Thị B", "Phó Chánh Văn phòng, người phát ngôn", "Văn phòng Ủy ban nhân dân tỉnh", "0000 000 002",
       "phatngon@example.invalid"},
      {"Lê Văn C", "Giám đốc Trung tâm Công nghệ thông tin", "Sở Khoa học và Công nghệ", "0000 000 003",
       "cntt@example.invalid"}};
  std::vector<model::SitePage> pages{
      page("vi", "gioi-thieu", "Giới thiệu chung",
           "Điều kiện tự nhiên, lịch sử, văn hóa và bản đồ hành chính của tỉnh.",
           "<h2>Điều kiện tự nhiên</h2><p>Vị trí địa lý, diện tích, dân số và khí hậu của tỉnh.</p>"
           "<h2>Lịch sử, truyền thống văn hóa</h2><p>Quá trình hình thành, di tích và danh thắng.</p>"
           "<h2>Đơn vị hành chính</h2><p>Danh sách các đơn vị hành chính cấp huyện, cấp xã.</p>"),
      page("vi", "co-cau-to-chuc", "Chức năng, nhiệm vụ và cơ cấu tổ chức",
           "Chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức và sơ đồ tổ chức của Ủy ban nhân dân tỉnh.",
           "<h2>Chức năng</h2><p>Ủy ban nhân dân tỉnh là cơ quan chấp hành của Hội đồng nhân dân tỉnh, cơ quan hành "
           "chính nhà nước ở địa phương.</p><h2>Nhiệm vụ, quyền hạn</h2><ul><li>Tổ chức thi hành Hiến pháp và pháp "
           "luật tại địa phương.</li><li>Xây dựng, trình Hội đồng nhân dân tỉnh quyết định các nội dung thuộc thẩm "
           "quyền.</li></ul><h2>Sơ đồ tổ chức</h2><ul><li>Ủy ban nhân dân tỉnh<ul><li>Chủ tịch</li><li>Các Phó Chủ "
           "tịch</li><li>Các sở, ban, ngành<ul><li>Văn phòng Ủy ban nhân dân tỉnh</li><li>Sở Tài chính</li><li>Sở "
           "Khoa học và Công nghệ</li></ul></li><li>Ủy ban nhân dân cấp huyện</li></ul></li></ul>"
           "<h2>Lãnh đạo tỉnh</h2><p>Tiểu sử tóm tắt và nhiệm vụ đảm nhiệm của lãnh đạo.</p>"),
      page("vi", "dau-moi-lien-he", "Cán bộ đầu mối liên hệ",
           "Họ tên, chức vụ, đơn vị, điện thoại và thư điện tử công vụ của cán bộ làm đầu mối liên hệ.",
           "<p>Cán bộ, công chức làm đầu mối liên hệ theo Nghị định 42/2022/NĐ-CP.</p>", model::PageKind::contacts,
           officials),
      page("vi", "chi-dao-dieu-hanh", "Chỉ đạo, điều hành", "Thông tin chỉ đạo, điều hành của Ủy ban nhân dân tỉnh.",
           "<p>Ý kiến chỉ đạo, điều hành của lãnh đạo tỉnh; ý kiến xử lý, phản hồi đối với kiến nghị, yêu cầu của "
           "tổ chức, cá nhân. Văn bản chỉ đạo được đăng tại <a href=\"/van-ban\">cơ sở dữ liệu văn bản</a>.</p>"),
      page("vi", "chien-luoc-quy-hoach", "Chiến lược, quy hoạch, kế hoạch",
           "Chiến lược, chương trình, dự án, đề án, kế hoạch, quy hoạch phát triển kinh tế - xã hội.",
           "<p>Quy hoạch tỉnh, kế hoạch phát triển kinh tế - xã hội 5 năm và hằng năm, chương trình công tác năm "
           "và kết quả thực hiện.</p>"),
      page("vi", "dau-tu-mua-sam-cong", "Đầu tư công, mua sắm công",
           "Danh mục dự án, kết quả đầu tư công, mua sắm công, quản lý và sử dụng vốn đầu tư công.",
           "<p>Danh mục dự án, chương trình đầu tư công; kết quả lựa chọn nhà thầu; tình hình giải ngân vốn.</p>"),
      page("vi", "thong-ke-tai-chinh", "Thống kê và báo cáo tài chính",
           "Báo cáo tài chính năm và thông tin thống kê của tỉnh.",
           "<p>Báo cáo tài chính năm, công khai ngân sách và số liệu thống kê theo ngành, lĩnh vực.</p>"),
      page("vi", "dieu-uoc-quoc-te", "Điều ước, thỏa thuận quốc tế",
           "Điều ước quốc tế, thỏa thuận quốc tế liên quan đến tỉnh.",
           "<p>Danh sách điều ước quốc tế, thỏa thuận quốc tế mà tỉnh là một bên hoặc có liên quan.</p>"),
      page("vi", "pho-bien-phap-luat", "Phổ biến, hướng dẫn pháp luật",
           "Thông tin phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách.",
           "<p>Tài liệu phổ biến, giáo dục pháp luật và hướng dẫn thực hiện chính sách mới.</p>"),
      page("vi", "danh-muc-cong-khai", "Danh mục thông tin phải công khai",
           "Địa chỉ, hình thức, thời điểm và thời hạn công khai của từng loại thông tin.",
           "<p>Danh mục theo Điều 19 Luật Tiếp cận thông tin 2016.</p>", model::PageKind::disclosure,
           {{"Văn bản quy phạm pháp luật", "/van-ban", "Đăng trên cổng thông tin điện tử", "Ngay sau khi ban hành",
             "Thường xuyên"},
            {"Cơ cấu tổ chức, cán bộ đầu mối", "/trang/co-cau-to-chuc", "Đăng trên cổng thông tin điện tử",
             "Khi có thay đổi", "Thường xuyên"},
            {"Báo cáo tài chính năm", "/trang/thong-ke-tai-chinh", "Đăng trên cổng thông tin điện tử",
             "Chậm nhất 30 ngày sau khi phê duyệt", "Tối thiểu 5 năm"}}),
      page("vi", "thu-tuc-hanh-chinh", "Thủ tục hành chính, dịch vụ công trực tuyến",
           "Thủ tục hành chính và dịch vụ công trực tuyến được tích hợp từ Cổng Dịch vụ công quốc gia và của tỉnh.",
           "<p>Thủ tục hành chính, dịch vụ công trực tuyến và quy trình giải quyết công việc được cung cấp thống "
           "nhất trên Cổng Dịch vụ công; cổng thông tin chỉ liên kết đến, không sao chép.</p>",
           model::PageKind::links,
           {{"Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "Tra cứu và nộp hồ sơ trực tuyến"},
            {"Phản ánh, kiến nghị về quy định hành chính", "https://dichvucong.gov.vn",
             "Hệ thống tiếp nhận phản ánh, kiến nghị quốc gia"}}),
      page("vi", "lien-ket", "Liên kết cổng thông tin",
           "Danh bạ cổng, trang thông tin điện tử của các cơ quan liên quan.",
           "<p>Các cổng thông tin điện tử liên quan.</p>", model::PageKind::links,
           {{"Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn", ""},
            {"Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn", ""},
            {"Cổng dữ liệu quốc gia", "https://data.gov.vn", "Dữ liệu mở"}}),
      page("vi", "lien-he", "Liên hệ", "Địa chỉ, điện thoại, thư điện tử của cơ quan và cán bộ đầu mối.",
           "<p>Văn phòng Ủy ban nhân dân tỉnh, Trung tâm Hành chính tỉnh.</p><p>Điện thoại: 0000 000 000 · Thư điện "
           "tử: banbientap@example.invalid</p>",
           model::PageKind::contacts, officials),
      page("en", "about", "About the Provincial People's Committee",
           "Organisation, functions, duties and powers of the Provincial People's Committee.",
           "<h2>Functions</h2><p>The Provincial People's Committee is the executive body of the Provincial People's "
           "Council and the local state administrative agency.</p><h2>Organisation</h2><ul><li>Chairman</li><li>Vice "
           "Chairmen</li><li>Departments and agencies<ul><li>Office of the Provincial People's Committee</li><li>"
           "Department of Finance</li><li>Department of Science and Technology</li></ul></li></ul>"),
      page(
          "en", "contacts", "Contacts", "Contact information of competent officials.",
          "<p>Office of the Provincial People's Committee. Phone: 0000 000 000. E-mail: banbientap@example.invalid</p>",
          model::PageKind::contacts,
          {{"Nguyen Van A", "Chief of Office", "Office of the Provincial People's Committee", "0000 000 001",
            "vanphong@example.invalid"},
           {"Tran Thi B", "Deputy Chief of Office, spokesperson", "Office of the Provincial People's Committee",
            "0000 000 002", "phatngon@example.invalid"}}),
  };
  for (std::size_t i = 0; i < pages.size(); ++i) pages[i].position = static_cast<std::uint32_t>(i + 1);
  return pages;
}

// A minimal one-page PDF saying what it is; enough for the download path to serve a real PDF.
std::string demo_pdf(std::string_view title) {
  const std::string text = "BT /F1 14 Tf 50 780 Td (" + std::string(title) + ") Tj ET";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  for (std::size_t i = 0; i < std::size(objects); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto off : offsets) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

struct DemoDocument {
  const char* source_id;
  const char* number;
  const char* type;
  const char* signer;
  const char* issued;
  const char* effective;
  const char* expires;
  const char* field;
  const char* abstract_text;
};

constexpr DemoDocument kDocuments[] = {
    {.source_id = "demo-1",
     .number = "01/2025/QĐ-UBND",
     .type = "Quyết định",
     .signer = "Chủ tịch UBND tỉnh",
     .issued = "2025-01-15",
     .effective = "2025-02-01",
     .expires = "",
     .field = "Hành chính",
     .abstract_text = "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh"},
    {.source_id = "demo-2",
     .number = "12/2024/NQ-HĐND",
     .type = "Nghị quyết",
     .signer = "Chủ tịch HĐND tỉnh",
     .issued = "2024-12-10",
     .effective = "2025-01-01",
     .expires = "",
     .field = "Tài chính",
     .abstract_text = "Quy định mức chi hỗ trợ cho hoạt động chuyển đổi số trên địa bàn tỉnh"},
    {.source_id = "demo-3",
     .number = "05/CT-UBND",
     .type = "Chỉ thị",
     .signer = "Phó Chủ tịch UBND tỉnh",
     .issued = "2023-03-20",
     .effective = "2023-03-20",
     .expires = "2024-03-20",
     .field = "Giáo dục",
     .abstract_text = "Về tăng cường công tác bảo đảm an toàn thông tin trong cơ quan nhà nước"},
};

}  // namespace

void seed_demo_content(store::WriteTxn& txn, const store::Tables& t) {
  // init --demo is safe to repeat: pages and documents that exist already are left as they are.
  for (auto& p : demo_pages())
    if (!store::find_site_page(txn, t, p.lang, p.slug)) store::put_site_page(txn, t, std::move(p));
  if (!store::find_topic(txn, t, "chuyen-doi-so")) {
    model::Topic tp;
    tp.slug = "chuyen-doi-so";
    tp.name = "Chuyển đổi số";
    tp.description = "Tin bài về chính quyền số, kinh tế số và xã hội số của tỉnh.";
    tp.featured = true;
    store::put_topic(txn, t, tp);  // articles are added with `portaldctl topics import`
  }
  for (const auto& d : kDocuments) {
    if (store::find_document_by_source(txn, t, d.source_id)) continue;
    model::LegalDocument doc;
    doc.source_id = d.source_id;
    doc.number = d.number;
    doc.type = d.type;
    doc.issuer = "Ủy ban nhân dân tỉnh";
    doc.signer = d.signer;
    doc.issued_on = model::parse_iso_date(d.issued).value_or(0);
    doc.effective_on = *d.effective ? model::parse_iso_date(d.effective).value_or(0) : 0;
    doc.expires_on = *d.expires ? model::parse_iso_date(d.expires).value_or(0) : 0;
    doc.field = d.field;
    doc.abstract_text = d.abstract_text;
    doc.national_db_url = "https://vbpl.vn";
    doc.created_at = doc.updated_at = model::now();
    model::Media m{0, std::string("Văn bản ") + d.number + ".pdf", "application/pdf", demo_pdf(d.source_id)};
    for (char& c : m.file_name)
      if (c == '/') c = '-';
    const std::uint64_t size = m.bytes.size();
    doc.attachments.push_back({store::add_media(txn, t, m), m.file_name, m.content_type, size});
    store::put_document(txn, t, std::move(doc));
  }
}

}  // namespace portald::cli
