#include "daemon/royalty/royalty_service.hpp"

#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/royalty_table.hpp"

namespace portald::royalty {
namespace {

using model::AuditAction;
using model::RoyaltySheetState;

constexpr std::size_t kMaxText = 500;

// `s` in NFC, or false when it is not UTF-8 or too long.
bool normalise(std::string& s) {
  auto v = model::to_nfc(model::trim(s));
  if (!v || v->size() > kMaxText) return false;
  s = std::move(*v);
  return true;
}

std::string grade_text(const model::RoyaltyGrade& g) {
  std::string authors;
  for (const auto& a : g.authors)
    authors += (authors.empty() ? "" : ", ") + a.name + " " + std::to_string(a.share) + "%";
  return g.work_type + ", " + std::to_string(g.points) + " điểm; " + authors;
}

void audit(store::WriteTxn& txn, const store::Tables& t, AuditAction action, const model::Actor& actor,
           model::UnixTime now, std::string object, std::string from, std::string to) {
  store::append_audit(txn, t, action,
                      {.at = now,
                       .actor = actor.username,
                       .object = std::move(object),
                       .from = std::move(from),
                       .to = std::move(to),
                       .address = actor.address});
}

std::string sheet_object(model::RoyaltyMonth m) { return "royalty-sheet/" + model::royalty_month_key(m); }

std::vector<model::RoyaltySheet> locked_sheets(const store::Txn& txn, const store::Tables& t) {
  auto all = store::list_royalty_sheets(txn, t);
  std::erase_if(all, [](const auto& s) { return s.state != RoyaltySheetState::locked; });
  return all;
}

// True when the sheet's correction lines are still what the grades and the locked sheets call for.
bool corrections_current(const store::Txn& txn, const store::Tables& t, const model::RoyaltySheet& sheet) {
  std::vector<model::RoyaltyLine> stored;
  for (const auto& l : sheet.lines)
    if (l.for_month != 0) stored.push_back(l);
  const auto now = model::royalty_corrections(sheet.month, graded_items(txn, t), locked_sheets(txn, t),
                                              store::get_royalty_settings(txn, t));
  if (now.size() != stored.size()) return false;
  for (std::size_t i = 0; i < now.size(); ++i)
    if (now[i].article_id != stored[i].article_id || now[i].author != stored[i].author ||
        now[i].amount != stored[i].amount)
      return false;
  return true;
}

// Moves the stored sheet of `month` from `from` to `to`, stamping who and when, with its audit entry.
Result step(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor, model::UnixTime now,
            RoyaltySheetState from, RoyaltySheetState to, AuditAction action) {
  if (!model::may(actor, model::Action::approve_royalty)) return {Refusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  auto sheet = store::get_royalty_sheet(txn, t, month);
  if (!sheet) return {Refusal::not_found};
  if (sheet->state == RoyaltySheetState::locked) return {Refusal::locked};
  if (sheet->state != from) return {Refusal::wrong_state};
  if (to != RoyaltySheetState::draft && !corrections_current(txn, t, *sheet)) return {Refusal::stale};
  sheet->state = to;
  if (to == RoyaltySheetState::approved) {
    sheet->approved_by = actor.username;
    sheet->approved_at = now;
  } else if (to == RoyaltySheetState::locked) {
    sheet->locked_by = actor.username;
    sheet->locked_at = now;
  } else {
    sheet->approved_by.clear();
    sheet->approved_at = 0;
  }
  if (!store::put_royalty_sheet(txn, t, *sheet)) return {Refusal::locked};
  audit(txn, t, action, actor, now, sheet_object(month), std::string(model::to_string(from)),
        std::string(model::to_string(to)));
  txn.commit();
  return {};
}

}  // namespace

Result grade_article(const store::Store& store, model::RoyaltyGrade grade, const model::Actor& actor,
                     model::UnixTime now) {
  if (!model::may(actor, model::Action::grade_royalty)) return {Refusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto article = store::get_article(txn, t, grade.article_id);
  if (!article) return {Refusal::not_found};
  if (article->published_at == 0) return {Refusal::not_published};
  bool readable = normalise(grade.note);
  for (auto& a : grade.authors) readable = normalise(a.name) && normalise(a.agency) && readable;
  auto errors = model::grade_problems(grade, store::get_royalty_settings(txn, t));
  if (!readable) errors.insert(errors.begin(), "Họ tên, cơ quan và ghi chú phải là văn bản, tối đa 500 byte.");
  if (!errors.empty()) return {Refusal::invalid, std::move(errors)};
  const auto before = store::get_royalty_grade(txn, t, grade.article_id);
  grade.graded_by = actor.username;
  grade.graded_at = now;
  store::put_royalty_grade(txn, t, grade);
  audit(txn, t, AuditAction::royalty_grade, actor, now, "article/" + std::to_string(grade.article_id),
        before ? grade_text(*before) : "", grade_text(grade));
  txn.commit();
  return {};
}

Result change_royalty_settings(const store::Store& store, model::RoyaltySettings settings, const model::Actor& actor,
                               model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_royalty_settings)) return {Refusal::not_allowed};
  bool readable = normalise(settings.decision);
  for (auto& w : settings.work_types) readable = normalise(w.name) && readable;
  auto errors = model::royalty_settings_problems(settings);
  if (!readable) errors.insert(errors.begin(), "Tên thể loại và số quyết định phải là văn bản, tối đa 500 byte.");
  if (!errors.empty()) return {Refusal::invalid, std::move(errors)};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto before = store::get_royalty_settings(txn, t);
  store::put_royalty_settings(txn, t, settings);
  const auto text = [](const model::RoyaltySettings& s) {
    return model::format_vnd(s.point_value) + " đồng/điểm; " + s.decision + "; " + model::work_type_lines(s.work_types);
  };
  audit(txn, t, AuditAction::royalty_settings, actor, now, "settings/royalty", text(before), text(settings));
  txn.commit();
  return {};
}

std::vector<model::GradedItem> graded_items(const store::Txn& txn, const store::Tables& t) {
  std::vector<model::GradedItem> out;
  for (auto& g : store::list_royalty_grades(txn, t)) {
    const auto a = store::get_article(txn, t, g.article_id);
    if (!a || a->published_at == 0) continue;
    out.push_back({std::move(g), a->title, a->published_at});
  }
  return out;
}

model::RoyaltySheet preview_sheet(const store::Txn& txn, const store::Tables& t, model::RoyaltyMonth month) {
  return model::compute_royalty_sheet(month, graded_items(txn, t), locked_sheets(txn, t),
                                      store::get_royalty_settings(txn, t));
}

Result make_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                  model::UnixTime now) {
  if (!model::may(actor, model::Action::grade_royalty)) return {Refusal::not_allowed};
  store::WriteTxn txn = store.write();
  const auto& t = store.tables();
  const auto stored = store::get_royalty_sheet(txn, t, month);
  if (stored && stored->state == RoyaltySheetState::locked) return {Refusal::locked};
  if (stored && stored->state != RoyaltySheetState::draft) return {Refusal::wrong_state};
  auto sheet = preview_sheet(txn, t, month);
  sheet.made_by = actor.username;
  sheet.made_at = now;
  if (!store::put_royalty_sheet(txn, t, sheet)) return {Refusal::locked};
  audit(txn, t, AuditAction::royalty_sheet_make, actor, now, sheet_object(month),
        stored ? model::format_vnd(model::sheet_total(*stored)) + " đồng" : "",
        model::format_vnd(model::sheet_total(sheet)) + " đồng");
  txn.commit();
  return {};
}

Result approve_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                     model::UnixTime now) {
  return step(store, month, actor, now, RoyaltySheetState::draft, RoyaltySheetState::approved,
              AuditAction::royalty_sheet_approve);
}

Result reopen_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                    model::UnixTime now) {
  return step(store, month, actor, now, RoyaltySheetState::approved, RoyaltySheetState::draft,
              AuditAction::royalty_sheet_reopen);
}

Result lock_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                  model::UnixTime now) {
  return step(store, month, actor, now, RoyaltySheetState::approved, RoyaltySheetState::locked,
              AuditAction::royalty_sheet_lock);
}

}  // namespace portald::royalty
