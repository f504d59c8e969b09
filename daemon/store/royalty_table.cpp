#include "daemon/store/royalty_table.hpp"

#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::RoyaltyAuthor;
using model::RoyaltyGrade;
using model::RoyaltyLine;
using model::RoyaltySettings;
using model::RoyaltySheet;
using model::RoyaltyWorkType;

std::string month_key(model::RoyaltyMonth m) { return be64(std::uint64_t(m)).substr(4); }

constexpr std::tuple kAuthorFields{
    codec::required("name", &RoyaltyAuthor::name),
    codec::optional("agency", &RoyaltyAuthor::agency),
    codec::optional("external", &RoyaltyAuthor::external),
    codec::optional("share", &RoyaltyAuthor::share),
};
constexpr std::tuple kGradeFields{
    codec::required("article_id", &RoyaltyGrade::article_id),
    codec::optional("work_type", &RoyaltyGrade::work_type),
    codec::optional("points", &RoyaltyGrade::points),
    codec::optional("authors", &RoyaltyGrade::authors,
                    codec::ListOf{codec::fields<RoyaltyAuthor>("royalty author", kAuthorFields)}),
    codec::optional("note", &RoyaltyGrade::note),
    codec::optional("graded_by", &RoyaltyGrade::graded_by),
    codec::optional("graded_at", &RoyaltyGrade::graded_at),
};
constexpr auto kGrade = codec::record<RoyaltyGrade>("royalty grade", 1, kGradeFields);

constexpr std::tuple kWorkTypeFields{
    codec::required("key", &RoyaltyWorkType::key),
    codec::optional("name", &RoyaltyWorkType::name),
    codec::optional("min_points", &RoyaltyWorkType::min_points),
    codec::optional("max_points", &RoyaltyWorkType::max_points),
};
constexpr std::tuple kSettingsFields{
    codec::optional("point_value", &RoyaltySettings::point_value),
    codec::optional("decision", &RoyaltySettings::decision),
    codec::optional("work_types", &RoyaltySettings::work_types,
                    codec::ListOf{codec::fields<RoyaltyWorkType>("royalty work type", kWorkTypeFields)}),
};
constexpr auto kSettings = codec::record<RoyaltySettings>("royalty settings", 1, kSettingsFields);
constexpr std::string_view kSettingsKey = "royalty";

constexpr std::tuple kLineFields{
    codec::required("article_id", &RoyaltyLine::article_id),
    codec::optional("title", &RoyaltyLine::title),
    codec::optional("published_at", &RoyaltyLine::published_at),
    codec::optional("work_type", &RoyaltyLine::work_type),
    codec::optional("points", &RoyaltyLine::points),
    codec::optional("author", &RoyaltyLine::author),
    codec::optional("agency", &RoyaltyLine::agency),
    codec::optional("external", &RoyaltyLine::external),
    codec::optional("share", &RoyaltyLine::share),
    codec::optional("amount", &RoyaltyLine::amount),
    codec::optional("for_month", &RoyaltyLine::for_month),
    codec::optional("note", &RoyaltyLine::note),
};
// An unknown state is corruption: a sheet must never read as less final than it is.
constexpr codec::EnumKey<model::RoyaltySheetState> kSheetState{&model::to_string, &model::parse_royalty_sheet_state};
constexpr std::tuple kSheetFields{
    codec::required("month", &RoyaltySheet::month),
    codec::optional("state", &RoyaltySheet::state, kSheetState),
    codec::optional("point_value", &RoyaltySheet::point_value),
    codec::optional("decision", &RoyaltySheet::decision),
    codec::optional("lines", &RoyaltySheet::lines,
                    codec::ListOf{codec::fields<RoyaltyLine>("royalty line", kLineFields)}),
    codec::optional("made_by", &RoyaltySheet::made_by),
    codec::optional("made_at", &RoyaltySheet::made_at),
    codec::optional("approved_by", &RoyaltySheet::approved_by),
    codec::optional("approved_at", &RoyaltySheet::approved_at),
    codec::optional("locked_by", &RoyaltySheet::locked_by),
    codec::optional("locked_at", &RoyaltySheet::locked_at),
};
constexpr auto kSheet = codec::record<RoyaltySheet>("royalty sheet", 1, kSheetFields);

}  // namespace

std::optional<model::RoyaltyGrade> get_royalty_grade(const Txn& txn, const Tables& t, std::uint64_t article_id) {
  const auto v = txn.get(t.royalty_grades, be64(article_id));
  return v ? std::optional(kGrade.decode(*v)) : std::nullopt;
}

void put_royalty_grade(WriteTxn& txn, const Tables& t, const model::RoyaltyGrade& g) {
  txn.put(t.royalty_grades, be64(g.article_id), kGrade.encode(g));
}

std::vector<model::RoyaltyGrade> list_royalty_grades(const Txn& txn, const Tables& t) {
  std::vector<model::RoyaltyGrade> out;
  Cursor c(txn, t.royalty_grades);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kGrade.decode(c.value()));
  return out;
}

model::RoyaltySettings get_royalty_settings(const Txn& txn, const Tables& t) {
  const auto v = txn.get(t.settings, kSettingsKey);
  if (v) return kSettings.decode(*v);
  return model::RoyaltySettings{.work_types = model::default_work_types()};
}

void put_royalty_settings(WriteTxn& txn, const Tables& t, const model::RoyaltySettings& s) {
  txn.put(t.settings, kSettingsKey, kSettings.encode(s));
}

std::optional<model::RoyaltySheet> get_royalty_sheet(const Txn& txn, const Tables& t, model::RoyaltyMonth month) {
  const auto v = txn.get(t.royalty_sheets, month_key(month));
  return v ? std::optional(kSheet.decode(*v)) : std::nullopt;
}

bool put_royalty_sheet(WriteTxn& txn, const Tables& t, const model::RoyaltySheet& s) {
  if (const auto stored = get_royalty_sheet(txn, t, s.month);
      stored && stored->state == model::RoyaltySheetState::locked)
    return false;
  txn.put(t.royalty_sheets, month_key(s.month), kSheet.encode(s));
  return true;
}

std::vector<model::RoyaltySheet> list_royalty_sheets(const Txn& txn, const Tables& t) {
  std::vector<model::RoyaltySheet> out;
  Cursor c(txn, t.royalty_sheets);
  for (bool ok = c.first(); ok; ok = c.next()) out.push_back(kSheet.decode(c.value()));
  return out;
}

}  // namespace portald::store
