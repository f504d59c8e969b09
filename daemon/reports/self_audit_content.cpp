// The self-audit's content items: the mandatory sections, the English section, the legal documents'
// statutory fields and the footer facts.
#include <algorithm>
#include <cctype>
#include <limits>

#include "daemon/model/document_rules.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/reports/self_audit_items.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"

namespace portald::reports::audit_items {
namespace {

// True when the body shows something: text outside the tags, or an image, a video or an embed.
bool body_shows_something(std::string_view html) {
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') {
      in_tag = true;
      for (const std::string_view media : {"<img", "<video", "<iframe", "<audio", "<object"})
        if (html.substr(i, media.size()) == media) return true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag && !std::isspace(static_cast<unsigned char>(c))) {
      // A no-break space, written out or as the entity, alone is no content either.
      if (c == '&' && html.substr(i, 6) == "&nbsp;") {
        i += 5;
        continue;
      }
      if (html.substr(i, 2) == "\xC2\xA0") {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

bool page_has_content(const model::SitePage& p) { return !p.entries.empty() || body_shows_something(p.body_html); }

std::string new_page_href(const model::SectionSpec& s) {
  return "/quan-tri/trang/moi?ngon-ngu=" + std::string(s.lang) + "&dia-chi=" + std::string(s.slug) +
         "&loai=" + std::string(model::to_string(s.kind)) + "&tieu-de=" + model::url_encode_component(s.title);
}

// The mandatory sections of `lang`: each missing or empty one as a detail; returns how many there are.
struct SectionCheck {
  std::size_t required = 0, missing = 0, empty = 0;
  std::vector<AuditDetail> details;
};

SectionCheck check_sections(const store::Txn& txn, const store::Tables& t, std::string_view lang) {
  SectionCheck c;
  for (const auto& spec : model::mandatory_sections()) {
    if (spec.lang != lang) continue;
    ++c.required;
    const auto page = store::find_site_page(txn, t, spec.lang, spec.slug);
    if (!page) {
      ++c.missing;
      c.details.push_back({std::string(spec.title) + ": chưa có trang", new_page_href(spec)});
    } else if (!page_has_content(*page)) {
      ++c.empty;
      c.details.push_back({page->title + ": trang trống", "/quan-tri/trang/" + std::to_string(page->id)});
    }
  }
  return c;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// What a published document lacks of the statutory fields (Luật Ban hành VBQPPL Điều 8, Nghị định
// 30/2020/NĐ-CP): the names of the missing fields, a malformed number counted as one.
std::vector<std::string> missing_fields(const model::LegalDocument& d) {
  std::vector<std::string> out;
  if (d.number.empty())
    out.push_back("số ký hiệu");
  else if (!model::is_document_number(d.number))
    out.push_back("số ký hiệu đúng dạng");
  if (d.type.empty()) out.push_back("loại văn bản");
  if (d.issuer.empty()) out.push_back("cơ quan ban hành");
  if (d.signer.empty()) out.push_back("người ký");
  if (d.issued_on == 0) out.push_back("ngày ban hành");
  if (d.abstract_text.empty()) out.push_back("trích yếu");
  return out;
}

}  // namespace

std::string date_text(model::UnixTime t) { return model::format_date_vn(t); }

AuditItem mandatory_sections(const store::Txn& txn, const store::Tables& t) {
  AuditItem item{.key = "mandatory_sections",
                 .title = "Các chuyên mục bắt buộc có đủ và có nội dung",
                 .clause = "Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1; Luật Tiếp cận thông tin, Điều 19",
                 .fix_href = "/quan-tri/trang",
                 .fix_label = "Trang chuyên mục"};
  auto c = check_sections(txn, t, "vi");
  const std::size_t present = c.required - c.missing - c.empty;
  item.state = present == c.required ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(present) + "/" + std::to_string(c.required) +
                     " chuyên mục bắt buộc đã đăng và có nội dung; " + std::to_string(c.missing) + " chưa có trang, " +
                     std::to_string(c.empty) + " trang trống.";
  item.details = std::move(c.details);
  return item;
}

AuditItem english_section(const store::Txn& txn, const store::Tables& t) {
  AuditItem item{.key = "english_section",
                 .title = "Chuyên mục tiếng Anh",
                 .clause = "Nghị định 42/2022/NĐ-CP, Điều 7 khoản 2",
                 .fix_href = "/quan-tri/trang",
                 .fix_label = "Trang chuyên mục"};
  auto c = check_sections(txn, t, "en");
  item.details = std::move(c.details);
  model::UnixTime newest = 0;
  std::size_t pages = 0;
  for (const auto& p : store::list_site_pages(txn, t)) {
    if (p.lang != "en") continue;
    ++pages;
    newest = std::max(newest, p.updated_at);
    item.details.push_back({p.title + " (/en/" + p.slug + "): cập nhật lần cuối " + date_text(p.updated_at) +
                                (page_has_content(p) ? "" : ", trang trống"),
                            "/quan-tri/trang/" + std::to_string(p.id)});
  }
  const bool whole = c.missing == 0 && c.empty == 0;
  item.state = whole ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(pages) + " trang tiếng Anh đã đăng";
  item.explanation += newest ? ", cập nhật gần nhất " + date_text(newest) : "";
  item.explanation += "; " + std::to_string(c.required - c.missing - c.empty) + "/" + std::to_string(c.required) +
                      " trang bắt buộc (giới thiệu, liên hệ) có nội dung.";
  return item;
}

AuditItem legal_documents(const store::Txn& txn, const store::Tables& t) {
  AuditItem item{.key = "legal_documents",
                 .title = "Văn bản quy phạm pháp luật có đủ các trường bắt buộc",
                 .clause = "Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1; Nghị định 30/2020/NĐ-CP, Phụ lục I",
                 .fix_href = "/quan-tri/van-ban",
                 .fix_label = "Văn bản"};
  // newest_documents lists the published ones only (the index readers browse).
  const auto docs = store::newest_documents(txn, t, {.offset = 0, .limit = std::numeric_limits<std::size_t>::max()});
  std::size_t lacking = 0;
  for (const auto& d : docs) {
    const auto missing = missing_fields(d);
    if (missing.empty()) continue;
    ++lacking;
    if (item.details.size() < kListedAtMost)
      item.details.push_back(
          {(d.number.empty() ? "Văn bản số " + std::to_string(d.id) : d.number) + ": thiếu " + joined(missing),
           "/quan-tri/van-ban/" + std::to_string(d.id)});
  }
  item.state = lacking == 0 ? AuditState::passed : AuditState::failed;
  item.explanation = std::to_string(docs.size()) + " văn bản đã đăng; " + std::to_string(lacking) +
                     " văn bản thiếu trường bắt buộc (số ký hiệu, loại, cơ quan ban hành, người ký, ngày ban hành, "
                     "trích yếu).";
  if (lacking > item.details.size())
    item.explanation += " Dưới đây là " + std::to_string(item.details.size()) + " văn bản đầu tiên.";
  return item;
}

AuditItem footer_facts(const store::Txn& txn, const store::Tables& t) {
  AuditItem item{.key = "footer_facts",
                 .title = "Thông tin chân trang: cơ quan chủ quản, người chịu trách nhiệm, giấy phép, liên hệ",
                 .clause = "Nghị định 42/2022/NĐ-CP, Điều 4; Thông tư 22/2023/TT-BTTTT",
                 .fix_href = "/quan-tri/cai-dat",
                 .fix_label = "Cài đặt"};
  const auto s = store::get_site_settings(txn, t);
  const std::pair<const std::string*, const char*> facts[] = {
      {&s.governing_agency, "cơ quan chủ quản"},
      {&s.responsible_person, "người chịu trách nhiệm"},
      {&s.licence, "số giấy phép"},
      {&s.licence_date, "ngày cấp giấy phép"},
      {&s.address, "địa chỉ liên hệ"},
      {&s.phone, "điện thoại"},
      {&s.email, "thư điện tử"},
  };
  std::vector<std::string> missing;
  for (const auto& [value, name] : facts) {
    const bool blank =
        std::all_of(value->begin(), value->end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (blank) missing.push_back(name);
  }
  item.state = missing.empty() ? AuditState::passed : AuditState::failed;
  const std::string total = std::to_string(std::size(facts));
  item.explanation = missing.empty()
                         ? "Đủ " + total + "/" + total + " thông tin chân trang."
                         : "Còn thiếu " + std::to_string(missing.size()) + "/" + total + ": " + joined(missing) + ".";
  return item;
}

}  // namespace portald::reports::audit_items
