#include "daemon/questions/question_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "daemon/health/working_days.hpp"
#include "daemon/model/question_text.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/typed_text.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/question_file_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"

namespace portald::questions {
namespace {

using model::Question;
using model::QuestionState;
using model::QuestionStep;

std::string purpose(std::uint64_t id) { return "question:" + std::to_string(id); }
std::string object(std::uint64_t id) { return "question/" + std::to_string(id); }

std::string new_code(const store::Txn& txn, const store::Tables& t) {
  for (;;) {
    unsigned digits[model::kTrackingLength];
    for (auto& d : digits) d = randombytes_uniform(static_cast<std::uint32_t>(model::kTrackingAlphabet.size()));
    std::string code = model::format_tracking_code(digits);
    if (!store::find_question_by_code(txn, t, code)) return code;
  }
}

std::string seal_private(const secrets::PersonalDataKey& key, std::uint64_t id, const model::QuestionPrivate& p) {
  const nlohmann::json j{
      {"name", p.name}, {"email", p.email}, {"phone", p.phone}, {"title", p.title}, {"text", p.text}};
  return key.seal(j.dump(), purpose(id));
}

Result refused(std::string_view message) { return {Outcome::refused, std::string(message)}; }
Result invalid(std::string message) { return {Outcome::invalid, std::move(message)}; }

void record(store::WriteTxn& txn, const store::Tables& t, model::AuditAction action, const Handler& h,
            const Question& q, std::string from, std::string to, std::string reason, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = now,
                       .actor = h.actor.username,
                       .action = {},
                       .object = object(q.id),
                       .from = std::move(from),
                       .to = std::move(to),
                       .reason = std::move(reason),
                       .address = h.actor.address});
}

bool may_handle(const Handler& h) {
  return h.actor.role && model::question_party(*h.actor.role) != model::QuestionParty::none;
}

}  // namespace

std::vector<std::string> check_submission(const store::Txn& txn, const store::Tables& t, Submission& s) {
  std::vector<std::string> errors;
  model::check_typed_text(s.name, false, 1, kNameMax, "Họ và tên", errors);
  model::check_typed_text(s.email, false, 0, kEmailMax, "Địa chỉ thư điện tử", errors);
  model::check_typed_text(s.phone, false, 0, kPhoneMax, "Số điện thoại", errors);
  if (s.email.empty() && s.phone.empty())
    errors.push_back("Vui lòng cho biết địa chỉ thư điện tử hoặc số điện thoại để nhận trả lời.");
  if (!s.email.empty() && !model::valid_email(s.email))
    errors.push_back("Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@example.vn).");
  if (!s.phone.empty() && !model::valid_phone(s.phone))
    errors.push_back("Số điện thoại không đúng dạng (9 đến 12 chữ số).");
  const auto settings = store::get_question_settings(txn, t);
  if (std::none_of(settings.fields.begin(), settings.fields.end(), [&](const auto& f) { return f.name == s.field; }))
    errors.push_back("Vui lòng chọn lĩnh vực của câu hỏi.");
  if (s.agency_id != 0 && !store::get_agency(txn, t, s.agency_id))
    errors.push_back("Cơ quan đã chọn không có trong danh sách.");
  model::check_typed_text(s.title, false, kTitleMin, kTitleMax, "Tiêu đề", errors);
  model::check_typed_text(s.text, true, kTextMin, kTextMax, "Nội dung câu hỏi", errors);
  std::vector<model::QuestionAttachment> found;
  for (auto& e : check_files(s.files, settings, found)) errors.push_back(std::move(e));
  if (!s.consent)
    errors.push_back("Vui lòng đồng ý cho cổng thông tin xử lý dữ liệu cá nhân của bạn để trả lời câu hỏi.");
  if (s.dialogue_id != 0) {
    const auto d = store::get_dialogue(txn, t, s.dialogue_id);
    if (!d || !model::accepts_questions(d->state))
      errors.push_back("Buổi đối thoại trực tuyến này không còn nhận câu hỏi.");
  }
  return errors;
}

Submitted submit(const store::Store& store, const secrets::PersonalDataKey& key, Submission s,
                 const health::Calendar& calendar, std::string_view address, model::UnixTime now,
                 const Notices& notices) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  Submitted out;
  out.errors = check_submission(txn, t, s);
  if (!out.errors.empty()) return out;
  Question q;
  q.id = store::next_id(txn, t, store::IdCounter::question);
  q.code = new_code(txn, t);
  q.received_at = now;
  q.field = s.field;
  q.suggested_agency_id = s.agency_id;
  q.title = model::mask_contacts(s.title);
  q.text = model::mask_contacts(s.text);
  q.masked_name = model::mask_name(s.name);
  q.may_publish = s.may_publish;
  const auto settings = store::get_question_settings(txn, t);
  q.due_day = health::add_working_days(calendar, health::local_day(now), model::deadline_days(settings, s.field));
  q.sealed_private = seal_private(key, q.id, {s.name, s.email, s.phone, s.title, s.text});
  q.history.push_back({now, "", QuestionStep::assign, QuestionState::received, 0, ""});
  std::vector<model::QuestionAttachment> found;
  check_files(s.files, settings, found);
  put_files(txn, t, key, q, s.files, found);
  if (s.dialogue_id != 0) {  // moderated on the dialogue's page, answered there: no deadline
    q.dialogue_id = s.dialogue_id;
    q.due_day = 0;
  }
  store::put_question(txn, t, q, std::nullopt);
  if (q.dialogue_id != 0)
    store::put_dialogue_entry(txn, t, q.dialogue_id,
                              {.question_id = q.id, .state = model::DialogueEntryState::pending, .received_at = now},
                              std::nullopt);
  store::append_audit(txn, t, model::AuditAction::question_submit,
                      {.seq = 0,
                       .at = now,
                       .actor = "",
                       .action = {},
                       .object = object(q.id),
                       .from = "",
                       .to = std::string(model::to_string(QuestionState::received)),
                       .reason = "",
                       .address = std::string(address)});
  queue_receipt(txn, t, notices, q, s.email, s.name, now);
  txn.commit();
  out.id = q.id;
  out.code = q.code;
  out.due_day = q.due_day;
  return out;
}

std::optional<model::Question> load_for(const store::Txn& txn, const store::Tables& t, std::uint64_t id,
                                        const Handler& h) {
  if (!may_handle(h)) return std::nullopt;
  auto q = store::get_question(txn, t, id);
  if (!q || !model::may_see_question(*q, *h.actor.role, h.agency)) return std::nullopt;
  return q;
}

std::vector<model::Question> queue_for(const store::Txn& txn, const store::Tables& t, const Handler& h,
                                       std::size_t limit) {
  if (!may_handle(h)) return {};
  if (model::question_party(*h.actor.role) == model::QuestionParty::agency) {
    auto list = store::list_agency_questions(txn, t, h.agency, limit);
    std::erase_if(list, [&](const Question& q) { return !model::may_see_question(q, *h.actor.role, h.agency); });
    return list;
  }
  auto list = store::list_questions(txn, t, limit);
  std::erase_if(list, [](const Question& q) { return q.dialogue_id != 0; });  // moderated on the dialogue's page
  return list;
}

Result take_step(const store::Store& store, std::uint64_t id, QuestionStep step, std::string_view reason_raw,
                 std::uint64_t agency, const Handler& h, model::UnixTime now, const Notices& notices) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto previous = load_for(txn, t, id, h);
  if (!previous) return {Outcome::not_found, "Không tìm thấy câu hỏi."};
  const auto reason = model::clean_typed_text(reason_raw, true);
  if (!reason) return invalid("Lý do chứa ký tự không hợp lệ.");
  if (model::count_code_points(*reason) > kReasonMax)
    return invalid("Lý do quá dài (tối đa " + std::to_string(kReasonMax) + " ký tự).");
  const auto check = model::check_question_step(*previous, step, *h.actor.role, h.agency, *reason);
  if (!check) return refused(model::refusal_message(check.refusal));
  Question q = *previous;
  switch (step) {
    case QuestionStep::assign:
      if (agency == 0 || !store::get_agency(txn, t, agency))
        return invalid(std::string(model::refusal_message(model::QuestionRefusal::no_agency)));
      q.agency_id = agency;
      break;
    case QuestionStep::return_not_ours: q.agency_id = 0; break;
    case QuestionStep::escalate:
      q.agency_id = 0;
      ++q.escalation;
      break;
    case QuestionStep::answer:
      if (model::trim(q.answer).empty()) return invalid("Vui lòng soạn câu trả lời trước khi gửi duyệt.");
      q.answered_by = h.actor.username;
      q.answered_at = now;
      break;
    case QuestionStep::publish: q.published_at = now; break;
    case QuestionStep::close: q.closed_at = now; break;
    case QuestionStep::request_info:
    case QuestionStep::info_received:
    case QuestionStep::return_answer:
    case QuestionStep::approve: break;
  }
  q.state = check.to;
  q.reason = *reason;
  q.history.push_back({now, h.actor.username, step, q.state, q.agency_id, *reason});
  store::put_question(txn, t, q, previous);
  record(txn, t, model::audit_action(step), h, q, std::string(model::to_string(previous->state)),
         std::string(model::to_string(q.state)), *reason, now);
  queue_step_notices(txn, t, notices, q, step, now);
  txn.commit();
  return {};
}

Result save_answer(const store::Store& store, std::uint64_t id, std::string_view answer_raw, const Handler& h,
                   model::UnixTime now) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto previous = load_for(txn, t, id, h);
  if (!previous) return {Outcome::not_found, "Không tìm thấy câu hỏi."};
  if (model::question_party(*h.actor.role) != model::QuestionParty::agency ||
      previous->state != QuestionState::assigned)
    return refused("Chỉ cơ quan được giao mới soạn câu trả lời, khi câu hỏi đang ở cơ quan.");
  const auto answer = model::clean_typed_text(answer_raw, true);
  if (!answer) return invalid("Câu trả lời chứa ký tự không hợp lệ.");
  if (model::count_code_points(*answer) > kAnswerMax)
    return invalid("Câu trả lời quá dài (tối đa " + std::to_string(kAnswerMax) + " ký tự).");
  if (*answer == previous->answer) return {};
  Question q = *previous;
  q.answer = *answer;
  store::put_question(txn, t, q, previous);
  record(txn, t, model::AuditAction::question_answer_save, h, q, "", "", "", now);
  txn.commit();
  return {};
}

Result add_note(const store::Store& store, std::uint64_t id, std::string_view text_raw, const Handler& h,
                model::UnixTime now) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto previous = load_for(txn, t, id, h);
  if (!previous) return {Outcome::not_found, "Không tìm thấy câu hỏi."};
  const auto text = model::clean_typed_text(text_raw, true);
  if (!text || text->empty()) return invalid("Vui lòng nhập nội dung ghi chú.");
  if (model::count_code_points(*text) > kNoteMax)
    return invalid("Ghi chú quá dài (tối đa " + std::to_string(kNoteMax) + " ký tự).");
  if (previous->notes.size() >= kNotesMax) return refused("Câu hỏi đã có quá nhiều ghi chú.");
  Question q = *previous;
  q.notes.push_back({now, h.actor.username, *text});
  store::put_question(txn, t, q, previous);
  record(txn, t, model::AuditAction::question_note, h, q, "", "", "", now);
  txn.commit();
  return {};
}

std::optional<model::QuestionPrivate> open_private(const secrets::PersonalDataKey& key, const model::Question& q) {
  if (q.sealed_private.empty()) return std::nullopt;
  const auto plain = key.open(q.sealed_private, purpose(q.id));
  if (!plain) return std::nullopt;
  const auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return model::QuestionPrivate{j.value("name", ""), j.value("email", ""), j.value("phone", ""), j.value("title", ""),
                                j.value("text", "")};
}

std::optional<model::QuestionPrivate> reveal_private(const store::Store& store, const secrets::PersonalDataKey& key,
                                                     std::uint64_t id, const Handler& h, model::UnixTime now) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto q = load_for(txn, t, id, h);
  if (!q) return std::nullopt;
  auto p = open_private(key, *q);
  if (!p) return std::nullopt;
  record(txn, t, model::AuditAction::question_contact_view, h, *q, "", "", "", now);
  txn.commit();
  return p;
}

OpenCounts count_open(const store::Txn& txn, const store::Tables& t, std::int32_t today) {
  OpenCounts c;
  for (const auto& q : store::list_questions(txn, t, static_cast<std::size_t>(-1))) {
    if (!model::answer_pending(q.state) || q.dialogue_id != 0) continue;
    ++c.open;
    if (model::is_overdue(q, today)) ++c.overdue;
  }
  return c;
}

namespace {

// When an item was done (published or closed), 0 while it is still handled.
model::UnixTime done_at(const Question& q) {
  if (q.state == QuestionState::published) return q.published_at;
  if (q.state == QuestionState::closed) return q.closed_at;
  return 0;
}

bool erasable(const Question& q, model::UnixTime before) {
  const model::UnixTime done = done_at(q);
  return q.erased_at == 0 && !q.sealed_private.empty() && done != 0 && done < before;
}

}  // namespace

std::size_t erase_expired(const store::Store& store, model::UnixTime now) {
  const auto& t = store.tables();
  model::UnixTime before = 0;
  {  // Most passes find nothing: look first, so they take no write lock.
    const store::ReadTxn txn = store.read();
    before = now - model::UnixTime(store::get_question_settings(txn, t).retention_days) * 86400;
    const auto all = store::list_questions(txn, t, static_cast<std::size_t>(-1));
    if (std::none_of(all.begin(), all.end(), [&](const Question& q) { return erasable(q, before); })) return 0;
  }
  store::WriteTxn txn = store.write();
  std::size_t n = 0;
  for (const auto& previous : store::list_questions(txn, t, static_cast<std::size_t>(-1))) {
    if (!erasable(previous, before)) continue;
    Question q = previous;
    q.sealed_private.clear();
    q.attachments.clear();
    store::erase_question_files(txn, t, q.id);
    q.erased_at = now;
    store::put_question(txn, t, q, previous);
    record(txn, t, model::AuditAction::question_erase, Handler{{}, 0}, q, "", "", "", now);
    ++n;
  }
  txn.commit();
  return n;
}

Result save_settings(const store::Store& store, const model::QuestionSettings& s, const model::Actor& actor,
                     model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_question_settings))
    return refused("Bạn không được sửa cài đặt hỏi đáp.");
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  store::put_question_settings(txn, t, s);
  store::append_audit(txn, t, model::AuditAction::question_settings,
                      {.seq = 0,
                       .at = now,
                       .actor = actor.username,
                       .action = {},
                       .object = "settings/questions",
                       .from = "",
                       .to = std::to_string(s.fields.size()) + " lĩnh vực",
                       .reason = "",
                       .address = actor.address});
  txn.commit();
  return {};
}

std::optional<Status> status_by_code(const store::Txn& txn, const store::Tables& t, std::string_view typed_code,
                                     std::int32_t today) {
  const auto code = model::normalise_tracking_code(typed_code);
  if (!code) return std::nullopt;
  const auto id = store::find_question_by_code(txn, t, *code);
  if (!id) return std::nullopt;
  const auto q = store::get_question(txn, t, *id);
  if (!q) return std::nullopt;
  Status s;
  s.state = q->state;
  s.received_at = q->received_at;
  s.due_day = q->due_day;
  s.overdue = model::is_overdue(*q, today);
  if (q->agency_id != 0)
    if (const auto a = store::get_agency(txn, t, q->agency_id)) s.agency = a->name;
  const bool approved = q->state == QuestionState::approved || q->state == QuestionState::published ||
                        (q->state == QuestionState::closed && !q->answer.empty() && q->answered_at != 0 &&
                         std::any_of(q->history.begin(), q->history.end(),
                                     [](const auto& e) { return e.step == QuestionStep::approve; }));
  if (approved) {
    s.answer = q->answer;
    s.answered_at = q->answered_at;
  }
  if (q->state == QuestionState::published) s.published_id = q->id;
  s.dialogue_id = q->dialogue_id;
  return s;
}

}  // namespace portald::questions
