#include "daemon/model/document_rules.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

constexpr char32_t kCapitalD = 0x0110;  // Đ
constexpr char32_t kSmallD = 0x0111;    // đ

// The next code point of valid UTF-8 at `i` (advanced past it); U+FFFD for anything malformed.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) > s.size()) return 0xFFFD;
  char32_t cp = b & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_capital(char32_t c) { return (c >= 'A' && c <= 'Z') || c == kCapitalD; }
bool is_letter(char32_t c) { return is_capital(c) || (c >= 'a' && c <= 'z') || c == kSmallD; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "QĐ-UBND", "NĐ-CP", "QH14", "QĐ-TTg": groups joined by '-', each starting with a capital or a digit.
bool is_symbol(std::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  bool group_start = true, any_letter = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c == '-') {
      if (group_start) return false;  // "--", or '-' first
      group_start = true;
      continue;
    }
    if (group_start ? !(is_capital(c) || is_digit(c)) : !(is_letter(c) || is_digit(c))) return false;
    any_letter = any_letter || is_letter(c);
    group_start = false;
  }
  return !group_start && any_letter;
}

struct Parts {
  std::string_view number, year, symbol;  // year empty in the "số/ký hiệu" form
};

std::optional<Parts> split_number(std::string_view s) {
  const auto first = s.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  Parts p{.number = s.substr(0, first), .year = {}, .symbol = s.substr(first + 1)};
  if (const auto second = p.symbol.find('/'); second != std::string_view::npos) {
    p.year = p.symbol.substr(0, second);
    p.symbol = p.symbol.substr(second + 1);
    if (p.year.size() != 4 || !all_digits(p.year)) return std::nullopt;
  }
  if (p.number.size() > 6 || !all_digits(p.number) || p.number.find_first_not_of('0') == std::string_view::npos)
    return std::nullopt;
  if (!is_symbol(p.symbol)) return std::nullopt;
  return p;
}

// The type name whose abbreviation is the symbol's first group, when the symbol names a known type and
// `type` is a known type with an abbreviation that the symbol does not match; "" otherwise.
std::string_view mismatched_type(std::string_view number, std::string_view type) {
  const auto parts = split_number(number);
  if (!parts) return {};
  const std::string group = fold(parts->symbol.substr(0, parts->symbol.find('-')));
  const std::string folded_type = fold(type);
  const DocumentType* given = nullptr;
  const DocumentType* named = nullptr;
  for (const auto& t : document_types()) {
    if (fold(t.name) == folded_type) given = &t;
    if (!t.abbreviation.empty() && fold(t.abbreviation) == group) {
      if (fold(t.name) == folded_type) return {};  // ĐA/DA, HĐ/HD fold alike: any match will do
      named = &t;
    }
  }
  if (!given || given->abbreviation.empty() || !named) return {};
  return named->name;
}

bool single_line(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string in_quotes(std::string_view s) { return "“" + std::string(s) + "”"; }

int year_of(std::int32_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return static_cast<int>(ymd.year());
}

}  // namespace

bool is_document_number(std::string_view number) { return split_number(number).has_value(); }

std::optional<int> document_number_year(std::string_view number) {
  const auto p = split_number(number);
  if (!p || p->year.empty()) return std::nullopt;
  int year = 0;
  std::from_chars(p->year.data(), p->year.data() + p->year.size(), year);
  return year;
}

const std::vector<DocumentType>& document_types() {
  // Luật Ban hành VBQPPL 2015 Điều 4 and Nghị định 30/2020/NĐ-CP Phụ lục III (the administrative types).
  static const std::vector<DocumentType> types{
      {"Quyết định", "QĐ"},
      {"Nghị quyết", "NQ"},
      {"Chỉ thị", "CT"},
      {"Nghị định", "NĐ"},
      {"Thông tư", "TT"},
      {"Thông tư liên tịch", "TTLT"},
      {"Luật", ""},
      {"Pháp lệnh", ""},
      {"Lệnh", ""},
      {"Công văn", ""},
      {"Quy chế", "QC"},
      {"Quy định", "QyĐ"},
      {"Thông cáo", "TC"},
      {"Thông báo", "TB"},
      {"Hướng dẫn", "HD"},
      {"Chương trình", "CTr"},
      {"Kế hoạch", "KH"},
      {"Phương án", "PA"},
      {"Đề án", "ĐA"},
      {"Dự án", "DA"},
      {"Báo cáo", "BC"},
      {"Biên bản", "BB"},
      {"Tờ trình", "TTr"},
      {"Hợp đồng", "HĐ"},
      {"Công điện", "CĐ"},
      {"Bản ghi nhớ", "BGN"},
      {"Bản thỏa thuận", "BTT"},
      {"Giấy mời", "GM"},
  };
  return types;
}

std::optional<std::int32_t> parse_document_date(std::string_view text) {
  text = trim(text);
  if (const auto iso = parse_iso_date(text)) return iso;
  // d/m/yyyy or dd/mm/yyyy, the way Vietnamese dates are written.
  const auto a = text.find('/');
  const auto b = a == std::string_view::npos ? a : text.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const std::string_view d = text.substr(0, a), m = text.substr(a + 1, b - a - 1), y = text.substr(b + 1);
  if (d.empty() || d.size() > 2 || m.empty() || m.size() > 2 || y.size() != 4) return std::nullopt;
  if (!all_digits(d) || !all_digits(m) || !all_digits(y)) return std::nullopt;
  const auto pad = [](std::string_view v) { return v.size() == 1 ? "0" + std::string(v) : std::string(v); };
  return parse_iso_date(std::string(y) + "-" + pad(m) + "-" + pad(d));
}

std::string document_date_text(std::int32_t days) {
  return days ? format_date_vn(static_cast<UnixTime>(days) * 86400, 0) : std::string();
}

std::int32_t vietnam_day(UnixTime t) {
  const UnixTime local = t + kVietnamOffsetSeconds;
  return static_cast<std::int32_t>((local >= 0 ? local : local - 86399) / 86400);
}

std::vector<std::string> check_document_content(DocumentContent& c, std::int32_t today) {
  std::vector<std::string> errors;
  bool valid_text = true;
  for (auto* s : {&c.number, &c.type, &c.issuer, &c.signer, &c.field, &c.abstract_text, &c.national_db_url}) {
    if (const auto nfc = to_nfc(*s))
      *s = std::string(trim(*nfc));
    else
      valid_text = false;
  }
  if (!valid_text) errors.push_back("Nội dung có ký tự không hợp lệ (không phải UTF-8).");
  const std::string* one_line_fields[] = {&c.number, &c.type, &c.issuer, &c.signer, &c.field};
  if (!std::all_of(std::begin(one_line_fields), std::end(one_line_fields),
                   [](const std::string* s) { return single_line(*s); }))
    errors.push_back("Số ký hiệu, loại văn bản, cơ quan ban hành, người ký và lĩnh vực chỉ được viết trên một dòng.");

  if (c.number.empty()) {
    errors.push_back("Vui lòng nhập số ký hiệu của văn bản (ví dụ 1382/QĐ-UBND).");
  } else if (count_code_points(c.number) > 100) {
    errors.push_back("Số ký hiệu dài quá 100 ký tự.");
  } else if (!is_document_number(c.number)) {
    errors.push_back("Số ký hiệu " + in_quotes(c.number) +
                     " không đúng dạng: cần “số/ký hiệu” như 1382/QĐ-UBND hoặc “số/năm/ký hiệu” như 15/2023/NĐ-CP "
                     "(số bằng chữ số, ký hiệu viết hoa, các phần nối bằng dấu gạch ngang).");
  }
  if (c.type.empty())
    errors.push_back("Vui lòng nhập loại văn bản (Quyết định, Nghị quyết, Chỉ thị…).");
  else if (count_code_points(c.type) > 100)
    errors.push_back("Loại văn bản dài quá 100 ký tự.");
  else if (const auto other = mismatched_type(c.number, c.type); !other.empty())
    errors.push_back("Ký hiệu trong số " + in_quotes(c.number) + " là của " + std::string(other) +
                     ", không khớp với loại văn bản " + in_quotes(c.type) + ".");
  if (c.issuer.empty()) errors.push_back("Vui lòng nhập cơ quan ban hành.");
  if (count_code_points(c.issuer) > 300) errors.push_back("Tên cơ quan ban hành dài quá 300 ký tự.");
  if (c.signer.empty()) errors.push_back("Vui lòng nhập người ký văn bản.");
  if (count_code_points(c.signer) > 200) errors.push_back("Tên người ký dài quá 200 ký tự.");
  if (count_code_points(c.field) > 200) errors.push_back("Lĩnh vực dài quá 200 ký tự.");
  if (c.abstract_text.empty()) errors.push_back("Vui lòng nhập trích yếu nội dung văn bản.");
  if (count_code_points(c.abstract_text) > 5000) errors.push_back("Trích yếu dài quá 5000 ký tự.");

  if (c.issued_on == 0) {
    errors.push_back("Vui lòng nhập ngày ban hành.");
  } else {
    if (c.issued_on > today)
      errors.push_back("Ngày ban hành (" + document_date_text(c.issued_on) + ") không được sau ngày hôm nay.");
    const auto year = document_number_year(c.number);
    const int issued_year = year_of(c.issued_on);
    if (year && *year != issued_year)
      errors.push_back("Năm trong số ký hiệu (" + std::to_string(*year) + ") khác năm ban hành (" +
                       std::to_string(issued_year) + ").");
    if (c.effective_on && c.effective_on < c.issued_on)
      errors.push_back("Ngày có hiệu lực (" + document_date_text(c.effective_on) +
                       ") không được trước ngày ban hành (" + document_date_text(c.issued_on) + ").");
  }
  if (c.expires_on) {
    if (c.effective_on && c.expires_on < c.effective_on)
      errors.push_back("Ngày hết hiệu lực (" + document_date_text(c.expires_on) +
                       ") không được trước ngày có hiệu lực (" + document_date_text(c.effective_on) + ").");
    else if (c.issued_on && c.expires_on < c.issued_on)
      errors.push_back("Ngày hết hiệu lực (" + document_date_text(c.expires_on) + ") không được trước ngày ban hành (" +
                       document_date_text(c.issued_on) + ").");
  }

  if (count_code_points(c.national_db_url) > 2000)
    errors.push_back("Liên kết Cơ sở dữ liệu quốc gia dài quá 2000 ký tự.");
  if (!c.national_db_url.empty() && !c.national_db_url.starts_with("https://") &&
      !c.national_db_url.starts_with("http://"))
    errors.push_back("Liên kết Cơ sở dữ liệu quốc gia phải bắt đầu bằng https:// hoặc http://.");
  if (c.attachments.size() > 50) errors.push_back("Một văn bản có nhiều nhất 50 tệp đính kèm.");
  return errors;
}

}  // namespace portald::model
