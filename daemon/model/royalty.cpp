#include "daemon/model/royalty.hpp"

#include <algorithm>
#include <array>

#include "daemon/model/text.hpp"

namespace portald::model {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void civil_from_days(std::int64_t z, int& y, int& m) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

constexpr const char* kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

// One group of three digits; `inner`: a group after the first, read in full ("không trăm linh năm").
std::string group_words(int n, bool inner) {
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  std::string out;
  const auto add = [&](const std::string& w) { out += (out.empty() ? "" : " ") + w; };
  const bool hundreds = h > 0 || inner;
  if (hundreds) add(std::string(kDigits[h]) + " trăm");
  if (t == 0) {
    if (u > 0) add(hundreds ? std::string("linh ") + kDigits[u] : kDigits[u]);
  } else if (t == 1) {
    add(u == 5 ? "mười lăm" : u > 0 ? std::string("mười ") + kDigits[u] : "mười");
  } else {
    add(std::string(kDigits[t]) + " mươi");
    if (u == 1)
      add("mốt");
    else if (u == 4)
      add("tư");
    else if (u == 5)
      add("lăm");
    else if (u > 0)
      add(kDigits[u]);
  }
  return out;
}

bool key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

std::vector<RoyaltyWorkType> default_work_types() {
  return {{"tin", "Tin", 1, 10},
          {"bai", "Bài", 5, 30},
          {"anh", "Ảnh", 1, 10},
          {"video", "Video", 5, 40},
          {"bai-dich", "Bài dịch", 3, 20}};
}

const RoyaltyWorkType* find_work_type(const RoyaltySettings& s, std::string_view key) {
  const auto it = std::find_if(s.work_types.begin(), s.work_types.end(), [&](const auto& w) { return w.key == key; });
  return it == s.work_types.end() ? nullptr : &*it;
}

std::vector<std::string> grade_problems(const RoyaltyGrade& g, const RoyaltySettings& s) {
  std::vector<std::string> out;
  const RoyaltyWorkType* type = find_work_type(s, g.work_type);
  if (!type) {
    out.push_back("Hãy chọn thể loại trong danh sách.");
  } else if (g.points < type->min_points || g.points > type->max_points) {
    out.push_back("Điểm của thể loại " + type->name + " phải từ " + std::to_string(type->min_points) + " đến " +
                  std::to_string(type->max_points) + ".");
  }
  if (g.authors.empty()) out.push_back("Hãy ghi ít nhất một tác giả.");
  int shares = 0;
  for (const auto& a : g.authors) {
    if (a.name.empty()) out.push_back("Mỗi tác giả phải có họ tên.");
    if (a.share <= 0 || a.share > 100) out.push_back("Tỷ lệ hưởng của mỗi tác giả phải từ 1 đến 100 (%).");
    if (a.external && a.agency.empty()) out.push_back("Tác giả ngoài cơ quan phải ghi cơ quan, đơn vị của mình.");
    shares += a.share;
  }
  if (!g.authors.empty() && shares != 100) out.push_back("Tổng tỷ lệ hưởng của các tác giả phải bằng 100%.");
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

RoyaltyMonth royalty_month_of(UnixTime t) {
  const std::int64_t local = t + kVietnamOffsetSeconds;
  const std::int64_t day = local >= 0 ? local / kDaySeconds : -((-local + kDaySeconds - 1) / kDaySeconds);
  int y = 0, m = 0;
  civil_from_days(day, y, m);
  return y * 100 + m;
}

std::optional<RoyaltyMonth> parse_royalty_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int y = std::stoi(std::string(text.substr(0, 4)));
  const int m = std::stoi(std::string(text.substr(5, 2)));
  if (y < 2000 || y > 2099 || m < 1 || m > 12) return std::nullopt;
  return y * 100 + m;
}

std::string royalty_month_key(RoyaltyMonth m) {
  std::string mm = std::to_string(m % 100);
  return std::to_string(m / 100) + "-" + (mm.size() == 1 ? "0" : "") + mm;
}

std::string royalty_month_label(RoyaltyMonth m) {
  std::string mm = std::to_string(m % 100);
  return "tháng " + std::string(mm.size() == 1 ? "0" : "") + mm + "/" + std::to_string(m / 100);
}

RoyaltyMonth next_royalty_month(RoyaltyMonth m) { return m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1; }

std::string_view to_string(RoyaltySheetState s) {
  switch (s) {
    case RoyaltySheetState::draft: return "draft";
    case RoyaltySheetState::approved: return "approved";
    case RoyaltySheetState::locked: return "locked";
  }
  return "draft";
}

std::optional<RoyaltySheetState> parse_royalty_sheet_state(std::string_view s) {
  for (auto v : {RoyaltySheetState::draft, RoyaltySheetState::approved, RoyaltySheetState::locked})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string_view royalty_sheet_state_label(RoyaltySheetState s) {
  switch (s) {
    case RoyaltySheetState::draft: return "Dự thảo";
    case RoyaltySheetState::approved: return "Đã duyệt";
    case RoyaltySheetState::locked: return "Đã khóa";
  }
  return "";
}

std::string format_vnd(std::int64_t amount) {
  const bool negative = amount < 0;
  std::string digits = std::to_string(negative ? -amount : amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::vector<std::string> royalty_settings_problems(const RoyaltySettings& s) {
  std::vector<std::string> out;
  if (s.point_value < 1 || s.point_value > 100'000'000)
    out.push_back("Giá trị một điểm phải là số đồng từ 1 đến 100.000.000.");
  if (s.work_types.empty()) out.push_back("Hãy khai báo ít nhất một thể loại.");
  for (std::size_t i = 0; i < s.work_types.size(); ++i) {
    const auto& w = s.work_types[i];
    const std::string which = "Thể loại thứ " + std::to_string(i + 1);
    if (!valid_work_type_key(w.key))
      out.push_back(which + ": mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.");
    if (w.name.empty()) out.push_back(which + ": hãy ghi tên thể loại.");
    if (w.min_points < 0 || w.max_points < w.min_points || w.max_points > 1000)
      out.push_back(which + ": điểm tối thiểu và tối đa phải thỏa 0 ≤ tối thiểu ≤ tối đa ≤ 1000.");
    for (std::size_t j = 0; j < i; ++j)
      if (s.work_types[j].key == w.key) out.push_back(which + ": mã \"" + w.key + "\" bị trùng.");
  }
  return out;
}

std::vector<RoyaltyWorkType> parse_work_type_lines(std::string_view text, std::vector<int>& bad_lines) {
  std::vector<RoyaltyWorkType> out;
  int number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    std::vector<std::string> parts;
    std::string_view rest = line;
    for (;;) {
      const auto bar = rest.find('|');
      parts.emplace_back(trim(rest.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      rest = rest.substr(bar + 1);
    }
    if (parts.size() == 1 && parts[0].empty()) continue;
    const auto number_of = [](const std::string& p) -> std::optional<int> {
      if (p.empty() || p.size() > 4 || p.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
      return std::stoi(p);
    };
    const auto lo = parts.size() == 4 ? number_of(parts[2]) : std::nullopt;
    const auto hi = parts.size() == 4 ? number_of(parts[3]) : std::nullopt;
    if (!lo || !hi) {
      bad_lines.push_back(number);
      continue;
    }
    out.push_back({parts[0], parts[1], *lo, *hi});
  }
  return out;
}

std::string work_type_lines(const std::vector<RoyaltyWorkType>& types) {
  std::string out;
  for (const auto& w : types)
    out += w.key + " | " + w.name + " | " + std::to_string(w.min_points) + " | " + std::to_string(w.max_points) + "\n";
  return out;
}

std::string vnd_in_words(std::int64_t amount) {
  static constexpr const char* kScales[] = {"", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"};
  const bool negative = amount < 0;
  std::uint64_t rest = negative ? std::uint64_t(0) - std::uint64_t(amount) : std::uint64_t(amount);
  std::vector<int> groups;  // least significant first
  while (rest > 0) {
    groups.push_back(int(rest % 1000));
    rest /= 1000;
  }
  std::string words;
  for (std::size_t i = groups.size(); i-- > 0;) {
    if (groups[i] == 0) continue;
    words += (words.empty() ? "" : " ") + group_words(groups[i], i + 1 != groups.size());
    if (*kScales[i]) words += std::string(" ") + kScales[i];
  }
  if (words.empty()) words = "không";
  if (negative) return "Âm " + words + " đồng";
  words[0] = char(words[0] - 'a' + 'A');  // every digit's word starts with an ASCII letter
  return words + " đồng";
}

bool valid_work_type_key(std::string_view key) {
  return !key.empty() && key.size() <= 32 && std::all_of(key.begin(), key.end(), key_char);
}

}  // namespace portald::model
