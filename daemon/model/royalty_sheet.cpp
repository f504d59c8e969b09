// The monthly royalty sheet (issue 13): its lines, its corrections of locked months, its totals.
#include <algorithm>
#include <map>
#include <tuple>

#include "daemon/model/royalty.hpp"

namespace portald::model {
namespace {

// What a set of lines pays per author (name + agency) for each article.
using Paid = std::map<std::pair<std::uint64_t, std::string>, std::int64_t>;
std::string author_key(const RoyaltyLine& l) { return l.author + '\n' + l.agency; }

const RoyaltySheet* sheet_of(const std::vector<RoyaltySheet>& sheets, RoyaltyMonth m) {
  for (const auto& s : sheets)
    if (s.month == m && s.state == RoyaltySheetState::locked) return &s;
  return nullptr;
}

}  // namespace

std::vector<RoyaltyLine> item_lines(const GradedItem& item, const RoyaltySettings& s, std::int64_t point_value) {
  std::vector<RoyaltyLine> out;
  const RoyaltyWorkType* type = find_work_type(s, item.grade.work_type);
  const std::int64_t total = std::int64_t(item.grade.points) * point_value;
  std::int64_t given = 0;
  for (const auto& a : item.grade.authors) {
    RoyaltyLine l{.article_id = item.grade.article_id,
                  .title = item.title,
                  .published_at = item.published_at,
                  .work_type = type ? type->name : item.grade.work_type,
                  .points = item.grade.points,
                  .author = a.name,
                  .agency = a.agency,
                  .external = a.external,
                  .share = a.share,
                  .amount = total * a.share / 100,
                  .for_month = 0,
                  .note = {}};
    given += l.amount;
    out.push_back(std::move(l));
  }
  // The integer division's remainder goes to the first author: the item's lines add up to its amount.
  if (!out.empty()) out.front().amount += total - given;
  return out;
}

std::vector<RoyaltyLine> royalty_corrections(RoyaltyMonth month, const std::vector<GradedItem>& items,
                                             const std::vector<RoyaltySheet>& locked, const RoyaltySettings& s) {
  Paid paid;
  for (const auto& sheet : locked)
    if (sheet.state == RoyaltySheetState::locked && sheet.month != month)
      for (const auto& l : sheet.lines) paid[{l.article_id, author_key(l)}] += l.amount;
  std::vector<RoyaltyLine> out;
  for (const auto& item : items) {
    const RoyaltyMonth own = royalty_month_of(item.published_at);
    const RoyaltySheet* closed = own < month ? sheet_of(locked, own) : nullptr;
    if (!closed) continue;  // its own month's sheet is still open (or not made): the item belongs there
    Paid due;
    std::map<std::pair<std::uint64_t, std::string>, RoyaltyLine> line_of;
    for (auto& l : item_lines(item, s, closed->point_value)) {
      due[{l.article_id, author_key(l)}] += l.amount;
      line_of.emplace(std::pair{l.article_id, author_key(l)}, l);
    }
    // Authors paid before but no longer on the grade are owed a negative correction.
    for (const auto& [key, amount] : paid)
      if (key.first == item.grade.article_id && !due.count(key)) due[key] = 0;
    for (const auto& [key, amount] : due) {
      const auto before = paid.count(key) ? paid.at(key) : 0;
      if (amount == before) continue;
      RoyaltyLine l;
      if (const auto it = line_of.find(key); it != line_of.end()) {
        l = it->second;
      } else {
        l.article_id = key.first;
        l.title = item.title;
        l.published_at = item.published_at;
        l.author = key.second.substr(0, key.second.find('\n'));
        l.agency = key.second.substr(key.second.find('\n') + 1);
        l.points = 0;
        l.share = 0;
      }
      l.amount = amount - before;
      l.for_month = own;
      l.note = "Điều chỉnh cho bảng " + royalty_month_label(own) + " đã khóa: đã trả " + format_vnd(before) +
               " đồng, nay tính " + format_vnd(amount) + " đồng (giá trị một điểm " + format_vnd(closed->point_value) +
               " đồng).";
      out.push_back(std::move(l));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.for_month, a.published_at, a.article_id) < std::tie(b.for_month, b.published_at, b.article_id);
  });
  return out;
}

RoyaltySheet compute_royalty_sheet(RoyaltyMonth month, const std::vector<GradedItem>& items,
                                   const std::vector<RoyaltySheet>& locked, const RoyaltySettings& s) {
  RoyaltySheet sheet{.month = month, .point_value = s.point_value, .decision = s.decision};
  std::vector<const GradedItem*> own;
  for (const auto& item : items)
    if (royalty_month_of(item.published_at) == month) own.push_back(&item);
  std::stable_sort(own.begin(), own.end(), [](const auto* a, const auto* b) {
    return std::pair(a->published_at, a->grade.article_id) < std::pair(b->published_at, b->grade.article_id);
  });
  for (const auto* item : own)
    for (auto& l : item_lines(*item, s, s.point_value)) sheet.lines.push_back(std::move(l));
  for (auto& l : royalty_corrections(month, items, locked, s)) sheet.lines.push_back(std::move(l));
  return sheet;
}

std::vector<RoyaltyTotal> totals_by_author(const RoyaltySheet& s) {
  std::vector<RoyaltyTotal> out;
  for (const auto& l : s.lines) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const auto& t) { return t.name == l.author && t.agency == l.agency; });
    if (it == out.end()) it = out.insert(out.end(), RoyaltyTotal{l.author, l.agency, 0, 0});
    it->lines += 1;
    it->amount += l.amount;
  }
  return out;
}

std::vector<RoyaltyTotal> totals_by_agency(const RoyaltySheet& s) {
  std::vector<RoyaltyTotal> out;
  for (const auto& l : s.lines) {
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& t) { return t.name == l.agency; });
    if (it == out.end()) it = out.insert(out.end(), RoyaltyTotal{l.agency, "", 0, 0});
    it->lines += 1;
    it->amount += l.amount;
  }
  return out;
}

std::int64_t sheet_total(const RoyaltySheet& s) {
  std::int64_t total = 0;
  for (const auto& l : s.lines) total += l.amount;
  return total;
}

}  // namespace portald::model
