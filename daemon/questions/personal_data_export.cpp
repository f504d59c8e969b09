#include "daemon/questions/personal_data_export.hpp"

#include <sodium.h>

#include "daemon/model/question_text.hpp"
#include "daemon/model/text.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/question_table.hpp"

namespace portald::questions {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(model::trim(s));
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The digits of a phone number, a leading +84 (Viet Nam) read as the 0 of a domestic number.
std::string phone_digits(std::string_view s) {
  std::string d;
  for (const char c : s)
    if (c >= '0' && c <= '9') d += c;
  if (model::trim(s).starts_with("+84")) d = "0" + d.substr(2);
  return d;
}

bool same(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool contact_matches(const model::QuestionPrivate& p, std::string_view typed) {
  if (model::trim(typed).empty()) return false;
  if (typed.find('@') != std::string_view::npos) return same(lower_ascii(p.email), lower_ascii(typed));
  const std::string digits = phone_digits(typed);
  return digits.size() >= 9 && same(phone_digits(p.phone), digits);
}

PersonalDataExport export_personal_data(const store::Store& store, const secrets::PersonalDataKey& key,
                                        std::string_view typed_code, std::string_view contact, std::string_view address,
                                        model::UnixTime now) {
  PersonalDataExport out;
  const auto code = model::normalise_tracking_code(typed_code);
  if (!code) return out;
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto id = store::find_question_by_code(txn, t, *code);
  const auto q = id ? store::get_question(txn, t, *id) : std::nullopt;
  if (!q) return out;
  if (q->erased_at != 0 || q->sealed_private.empty()) {
    out.kind = PersonalDataExport::Kind::erased;
  } else {
    auto p = open_private(key, *q);
    if (!p || !contact_matches(*p, contact)) return out;
    out.kind = PersonalDataExport::Kind::found;
    out.personal = std::move(p);
    out.file_names = file_names(txn, t, key, *q);
  }
  out.question = *q;
  store::append_audit(txn, t, model::AuditAction::question_export,
                      {.seq = 0,
                       .at = now,
                       .actor = "",
                       .action = {},
                       .object = "question/" + std::to_string(q->id),
                       .from = "",
                       .to = out.kind == PersonalDataExport::Kind::found ? "found" : "erased",
                       .reason = "",
                       .address = std::string(address)});
  txn.commit();
  return out;
}

}  // namespace portald::questions
