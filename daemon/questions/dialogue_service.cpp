#include "daemon/questions/dialogue_service.hpp"

#include <algorithm>

#include "daemon/model/question.hpp"
#include "daemon/model/site_settings.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/typed_text.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"

namespace portald::questions {
namespace {

using model::Dialogue;
using model::DialogueEntryState;
using model::DialogueModeration;
using model::DialogueState;

constexpr std::string_view kNotAllowed = "Bạn không được quản lý buổi đối thoại trực tuyến.";

DialogueResult fail(DialogueOutcome o, std::string message) { return {o, {std::move(message)}, 0}; }

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const auto line = model::trim(text.substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

void record(store::WriteTxn& txn, const store::Tables& t, model::AuditAction action, const model::Actor& actor,
            std::string object, std::string from, std::string to, std::string reason, model::UnixTime now) {
  store::append_audit(txn, t, action,
                      {.seq = 0,
                       .at = now,
                       .actor = actor.username,
                       .action = {},
                       .object = std::move(object),
                       .from = std::move(from),
                       .to = std::move(to),
                       .reason = std::move(reason),
                       .address = actor.address});
}

std::string dialogue_object(std::uint64_t id) { return "dialogue/" + std::to_string(id); }
std::string question_object(std::uint64_t id) { return "question/" + std::to_string(id); }

// Closes a dialogue's question that is still open in the ordinary state machine, so retention can erase
// its contacts; the same transaction as the step that ends its part in the dialogue.
void close_question(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, const model::Actor& actor,
                    std::string_view reason, model::UnixTime now) {
  const auto previous = store::get_question(txn, t, id);
  if (!previous || previous->state == model::QuestionState::closed) return;
  model::Question q = *previous;
  q.state = model::QuestionState::closed;
  q.closed_at = now;
  q.reason = std::string(reason);
  q.history.push_back({now, actor.username, model::QuestionStep::close, q.state, q.agency_id, q.reason});
  store::put_question(txn, t, q, previous);
}

}  // namespace

DialogueResult save_dialogue(const store::Store& store, std::uint64_t id, const DialogueFields& f,
                             const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_dialogues))
    return fail(DialogueOutcome::refused, std::string(kNotAllowed));
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  std::optional<Dialogue> previous;
  if (id != 0) {
    previous = store::get_dialogue(txn, t, id);
    if (!previous) return fail(DialogueOutcome::not_found, "Không tìm thấy buổi đối thoại.");
    if (!model::editable(previous->state))
      return fail(DialogueOutcome::refused, "Buổi đối thoại đã hủy: không sửa được nữa.");
  }
  Dialogue d = previous.value_or(Dialogue{});
  std::vector<std::string> errors;
  const auto title = model::clean_typed_text(f.title, false);
  const auto officials = model::clean_typed_text(f.officials, true);
  const auto description = model::clean_typed_text(f.description, true);
  const auto url = model::clean_typed_text(f.stream_url, false);
  if (!title || !officials || !description || !url) errors.push_back("Nội dung chứa ký tự không hợp lệ.");
  d.title = title.value_or("");
  d.officials = lines_of(officials.value_or(""));
  d.description = description.value_or("");
  d.stream_url = url.value_or("");
  d.agency_id = f.agency_id;
  d.starts_at = f.starts_at;
  d.ends_at = f.ends_at;
  const auto policy = model::embed_policy(store::get_site_settings(txn, t));
  for (auto& e : model::check_dialogue(d, policy)) errors.push_back(std::move(e));
  if (d.agency_id != 0 && !store::get_agency(txn, t, d.agency_id))
    errors.push_back("Cơ quan đã chọn không có trong danh sách.");
  if (!errors.empty()) return {DialogueOutcome::invalid, std::move(errors), id};
  if (!previous) {
    d.id = store::next_id(txn, t, store::IdCounter::dialogue);
    d.created_by = actor.username;
    d.created_at = now;
  }
  d.updated_at = now;
  store::put_dialogue(txn, t, d);
  record(txn, t, previous ? model::AuditAction::dialogue_edit : model::AuditAction::dialogue_create, actor,
         dialogue_object(d.id), "", std::string(model::to_string(d.state)), d.title, now);
  txn.commit();
  return {DialogueOutcome::done, {}, d.id};
}

DialogueResult dialogue_step(const store::Store& store, std::uint64_t id, model::DialogueStep step,
                             const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_dialogues))
    return fail(DialogueOutcome::refused, std::string(kNotAllowed));
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto previous = store::get_dialogue(txn, t, id);
  if (!previous) return fail(DialogueOutcome::not_found, "Không tìm thấy buổi đối thoại.");
  const auto to = model::next_state(previous->state, step);
  if (!to) return fail(DialogueOutcome::refused, "Buổi đối thoại không ở trạng thái cho phép thao tác này.");
  Dialogue d = *previous;
  d.state = *to;
  d.updated_at = now;
  if (step == model::DialogueStep::start) d.started_at = now;
  if (step != model::DialogueStep::start) {
    d.ended_at = now;
    const std::string reason = step == model::DialogueStep::end ? "Buổi đối thoại trực tuyến đã kết thúc."
                                                                : "Buổi đối thoại trực tuyến đã bị hủy.";
    for (const auto& e : store::list_dialogue_entries(txn, t, id))
      close_question(txn, t, e.question_id, actor, reason, now);
  }
  store::put_dialogue(txn, t, d);
  record(txn, t, model::audit_action(step), actor, dialogue_object(id), std::string(model::to_string(previous->state)),
         std::string(model::to_string(d.state)), "", now);
  txn.commit();
  return {DialogueOutcome::done, {}, id};
}

DialogueResult moderate(const store::Store& store, std::uint64_t dialogue, std::uint64_t question,
                        model::DialogueModeration m, std::string_view official_raw, std::string_view answer_raw,
                        const model::Actor& actor, model::UnixTime now) {
  if (!model::may(actor, model::Action::manage_dialogues))
    return fail(DialogueOutcome::refused, std::string(kNotAllowed));
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto d = store::get_dialogue(txn, t, dialogue);
  const auto previous = d ? store::get_dialogue_entry(txn, t, dialogue, question) : std::nullopt;
  if (!previous) return fail(DialogueOutcome::not_found, "Không tìm thấy câu hỏi của buổi đối thoại.");
  if (const auto why = model::moderation_refusal(d->state, previous->state, m); !why.empty())
    return fail(DialogueOutcome::refused, std::string(why));
  model::DialogueEntry e = *previous;
  model::AuditAction action = model::AuditAction::dialogue_accept;
  switch (m) {
    case DialogueModeration::accept:
      e.state = DialogueEntryState::accepted;
      e.moderated_by = actor.username;
      e.moderated_at = now;
      break;
    case DialogueModeration::reject:
      e.state = DialogueEntryState::rejected;
      e.moderated_by = actor.username;
      e.moderated_at = now;
      action = model::AuditAction::dialogue_reject;
      close_question(txn, t, question, actor, "Không đưa lên buổi đối thoại trực tuyến.", now);
      break;
    case DialogueModeration::answer: {
      const auto answer = model::clean_typed_text(answer_raw, true);
      const auto official = model::clean_typed_text(official_raw, false);
      if (!answer || !official) return fail(DialogueOutcome::invalid, "Câu trả lời chứa ký tự không hợp lệ.");
      if (model::count_code_points(*answer) > model::kDialogueAnswerMax)
        return fail(DialogueOutcome::invalid,
                    "Câu trả lời quá dài (tối đa " + std::to_string(model::kDialogueAnswerMax) + " ký tự).");
      if (!answer->empty() && std::find(d->officials.begin(), d->officials.end(), *official) == d->officials.end())
        return fail(DialogueOutcome::invalid, "Vui lòng chọn người trả lời trong danh sách của buổi đối thoại.");
      e.answer = *answer;
      e.official = answer->empty() ? std::string() : *official;
      e.answered_by = actor.username;
      e.answered_at = answer->empty() ? 0 : (previous->answered_at ? previous->answered_at : now);
      action = model::AuditAction::dialogue_answer;
      break;
    }
  }
  store::put_dialogue_entry(txn, t, dialogue, e, previous);
  record(txn, t, action, actor, question_object(question), std::string(model::to_string(previous->state)),
         std::string(model::to_string(e.state)), dialogue_object(dialogue), now);
  txn.commit();
  return {DialogueOutcome::done, {}, dialogue};
}

}  // namespace portald::questions
