#pragma once
// Editable pages of the portal's mandatory sections (introduction, organisation, contact officials,
// the disclosure catalogue, public-service and related-portal links, the English section ...): a
// sanitised HTML body plus, by kind, a table of structured entries that the API exposes as records.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::model {

enum class PageKind { text, contacts, disclosure, links };

struct PageColumn {
  std::string_view key;  // API field name
  std::string_view label_vi;
  std::string_view label_en;
};

struct SitePage {
  std::uint64_t id = 0;
  std::string lang = "vi";  // "vi" or "en"
  std::string slug;         // unique per language
  std::string title;
  std::string summary;    // plain text
  std::string body_html;  // sanitised on the way in
  PageKind kind = PageKind::text;
  std::vector<std::vector<std::string>> entries;  // one row per entry, cells in columns(kind) order
  std::uint32_t position = 0;                     // order in menus and the site map
  UnixTime updated_at = 0;                        // shown as "last updated"
};

inline constexpr std::pair<PageKind, std::string_view> kPageKinds[] = {{PageKind::text, "text"},
                                                                       {PageKind::contacts, "contacts"},
                                                                       {PageKind::disclosure, "disclosure"},
                                                                       {PageKind::links, "links"}};

inline std::string_view to_string(PageKind kind) {
  for (const auto& [k, name] : kPageKinds)
    if (k == kind) return name;
  return "text";
}

inline std::optional<PageKind> parse_page_kind(std::string_view s) {
  for (const auto& [k, name] : kPageKinds)
    if (name == s) return k;
  return std::nullopt;
}

// The structured columns of a kind (empty for text pages). NĐ 42 Điều 4 k.1 e names the contact
// officials' fields; Luật TCTT Điều 19 k.1 g the disclosure catalogue's (address, form, time, duration).
inline const std::vector<PageColumn>& page_columns(PageKind kind) {
  static const std::vector<PageColumn> none;
  static const std::vector<PageColumn> contacts{{"name", "Họ và tên", "Full name"},
                                                {"position", "Chức vụ", "Position"},
                                                {"unit", "Đơn vị", "Unit"},
                                                {"phone", "Điện thoại", "Phone"},
                                                {"email", "Thư điện tử", "E-mail"}};
  static const std::vector<PageColumn> disclosure{{"title", "Thông tin", "Information"},
                                                  {"url", "Địa chỉ công khai", "Address"},
                                                  {"form", "Hình thức", "Form"},
                                                  {"time", "Thời điểm", "Time"},
                                                  {"duration", "Thời hạn", "Duration"}};
  static const std::vector<PageColumn> links{
      {"name", "Tên", "Name"}, {"url", "Địa chỉ", "Address"}, {"description", "Ghi chú", "Note"}};
  switch (kind) {
    case PageKind::contacts: return contacts;
    case PageKind::disclosure: return disclosure;
    case PageKind::links: return links;
    default: return none;
  }
}

// A section the portal must have (NĐ 42/2022 Điều 4 k.1, Điều 7 k.2; Luật Tiếp cận thông tin Điều 19)
// and the English section's index: its address, its title before the board writes one, and its kind.
// Until a page with this language and slug is published, the portal shows it as "Đang cập nhật" with the
// responsible contact from the settings, never as a broken link.
struct SectionSpec {
  std::string_view lang;
  std::string_view slug;
  std::string_view title;
  PageKind kind;
};

inline const std::vector<SectionSpec>& mandatory_sections() {
  static const std::vector<SectionSpec> sections{
      {"vi", "gioi-thieu", "Giới thiệu chung", PageKind::text},
      {"vi", "co-cau-to-chuc", "Chức năng, nhiệm vụ và cơ cấu tổ chức", PageKind::text},
      {"vi", "dau-moi-lien-he", "Cán bộ đầu mối liên hệ", PageKind::contacts},
      {"vi", "chi-dao-dieu-hanh", "Chỉ đạo, điều hành", PageKind::text},
      {"vi", "chien-luoc-quy-hoach", "Chiến lược, quy hoạch, kế hoạch", PageKind::text},
      {"vi", "dau-tu-mua-sam-cong", "Đầu tư công, mua sắm công", PageKind::text},
      {"vi", "thong-ke-tai-chinh", "Thống kê và báo cáo tài chính", PageKind::text},
      {"vi", "dieu-uoc-quoc-te", "Điều ước, thỏa thuận quốc tế", PageKind::text},
      {"vi", "pho-bien-phap-luat", "Phổ biến, hướng dẫn pháp luật", PageKind::text},
      {"vi", "danh-muc-cong-khai", "Danh mục thông tin phải công khai", PageKind::disclosure},
      {"vi", "thu-tuc-hanh-chinh", "Thủ tục hành chính, dịch vụ công trực tuyến", PageKind::links},
      {"vi", "lien-ket", "Liên kết cổng thông tin", PageKind::links},
      {"vi", "lien-he", "Liên hệ", PageKind::contacts},
      // Nghị định 13/2023: the notice a citizen agrees to before the questions form takes their contacts.
      {"vi", "bao-ve-du-lieu-ca-nhan", "Chính sách bảo vệ dữ liệu cá nhân", PageKind::text},
      {"en", "about", "About", PageKind::text},
      {"en", "contacts", "Contacts", PageKind::contacts},
  };
  return sections;
}

// The mandatory section with this language and slug, nullptr when there is none.
inline const SectionSpec* find_mandatory_section(std::string_view lang, std::string_view slug) {
  for (const auto& s : mandatory_sections())
    if (s.lang == lang && s.slug == slug) return &s;
  return nullptr;
}

}  // namespace portald::model
