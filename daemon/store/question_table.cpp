#include "daemon/store/question_table.hpp"

#include "daemon/store/change_log.hpp"
#include "daemon/store/codec.hpp"

namespace portald::store {
namespace {

using model::Question;
using model::QuestionEvent;
using model::QuestionField;
using model::QuestionNote;
using model::QuestionSettings;

constexpr codec::EnumKey<model::QuestionState> kState{&model::to_string, &model::parse_question_state};
constexpr codec::EnumKey<model::QuestionStep> kStep{&model::to_string, &model::parse_question_step};

constexpr std::tuple kNoteFields{
    codec::optional("at", &QuestionNote::at),
    codec::optional("author", &QuestionNote::author),
    codec::optional("text", &QuestionNote::text),
};
constexpr std::tuple kEventFields{
    codec::optional("at", &QuestionEvent::at),
    codec::optional("actor", &QuestionEvent::actor),
    codec::optional("step", &QuestionEvent::step, kStep),
    codec::optional("to", &QuestionEvent::to, kState),
    codec::optional("agency", &QuestionEvent::agency_id),
    codec::optional("reason", &QuestionEvent::reason),
};
constexpr std::tuple kAttachmentFields{
    codec::optional("type", &model::QuestionAttachment::type),
    codec::optional("size", &model::QuestionAttachment::size),
};
constexpr std::tuple kQuestionFields{
    codec::required("id", &Question::id),
    codec::required("code", &Question::code),
    codec::optional("received_at", &Question::received_at),
    codec::optional("state", &Question::state, kState),
    codec::optional("field", &Question::field),
    codec::optional("suggested_agency", &Question::suggested_agency_id),
    codec::optional("agency", &Question::agency_id),
    codec::optional("escalation", &Question::escalation),
    codec::optional("title", &Question::title),
    codec::optional("text", &Question::text),
    codec::optional("private", &Question::sealed_private),
    codec::optional("masked_name", &Question::masked_name),
    codec::optional("may_publish", &Question::may_publish),
    codec::optional("due_day", &Question::due_day),
    codec::optional("answer", &Question::answer),
    codec::optional("answered_by", &Question::answered_by),
    codec::optional("answered_at", &Question::answered_at),
    codec::optional("published_at", &Question::published_at),
    codec::optional("closed_at", &Question::closed_at),
    codec::optional("reason", &Question::reason),
    codec::optional("notes", &Question::notes,
                    codec::ListOf{codec::fields<QuestionNote>("question note", kNoteFields)}),
    codec::optional("history", &Question::history,
                    codec::ListOf{codec::fields<QuestionEvent>("question event", kEventFields)}),
    codec::optional("erased_at", &Question::erased_at),
    codec::optional("reminded_for_day", &Question::reminded_for_day),
    codec::optional("overdue_noticed_for_day", &Question::overdue_noticed_for_day),
    codec::optional("attachments", &Question::attachments,
                    codec::ListOf{codec::fields<model::QuestionAttachment>("question attachment", kAttachmentFields)}),
    codec::optional("dialogue", &Question::dialogue_id),
};
constexpr auto kQuestion = codec::record<Question>("question", 1, kQuestionFields);

constexpr std::tuple kFieldFields{
    codec::optional("name", &QuestionField::name),
    codec::optional("deadline_days", &QuestionField::deadline_days),
};
constexpr std::tuple kSettingsFields{
    codec::optional("fields", &QuestionSettings::fields,
                    codec::ListOf{codec::fields<QuestionField>("question field", kFieldFields)}),
    codec::optional("default_deadline_days", &QuestionSettings::default_deadline_days),
    codec::optional("retention_days", &QuestionSettings::retention_days),
    codec::optional("attachment_max_mb", &QuestionSettings::attachment_max_mb),
};
constexpr auto kSettings = codec::record<QuestionSettings>("question settings", 1, kSettingsFields);
constexpr std::string_view kSettingsKey = "questions";

std::string agency_key(std::uint64_t agency, std::uint64_t id) { return be64(agency) + be64(id); }
std::string published_key(const Question& q) { return be64(time_key(q.published_at)) + be64(q.id); }
bool is_public(const Question& q) { return q.state == model::QuestionState::published; }
// Whether two records of a published question show the same public page: everything but what only the
// handlers see (notes, history, the last reason, the sealed contacts and their erasure).
bool same_public_side(const Question& a, const Question& b) {
  const auto visible = [](Question q) {
    q.notes.clear();
    q.history.clear();
    q.reason.clear();
    q.sealed_private.clear();
    q.erased_at = 0;
    q.attachments.clear();
    return kQuestion.encode(q);
  };
  return visible(a) == visible(b);
}

// Ids of an index whose keys end in be64(id), newest (largest key) first.
std::vector<model::Question> newest_first(const Txn& txn, const Tables& t, MDB_dbi index, std::string_view prefix,
                                          std::size_t limit) {
  std::vector<model::Question> out;
  Cursor c(txn, index);
  std::string upper(prefix);
  bool ok;
  if (prefix.empty()) {
    ok = c.last();
  } else {
    upper += std::string(8, '\xff');
    ok = c.seek_last_below(upper + '\xff');
  }
  for (; ok && out.size() < limit && c.key().starts_with(prefix); ok = c.prev()) {
    const std::string_view key = c.key();
    if (auto q = get_question(txn, t, read_be64(key.substr(key.size() - 8)))) out.push_back(std::move(*q));
  }
  return out;
}

}  // namespace

std::optional<model::Question> get_question(const Txn& txn, const Tables& t, std::uint64_t id) {
  const auto v = txn.get(t.questions, be64(id));
  return v ? std::optional(kQuestion.decode(*v)) : std::nullopt;
}

void put_question(WriteTxn& txn, const Tables& t, const model::Question& q,
                  const std::optional<model::Question>& previous) {
  txn.put(t.questions, be64(q.id), kQuestion.encode(q));
  if (!previous) txn.put(t.question_codes, q.code, be64(q.id));
  if (previous && previous->agency_id != q.agency_id && previous->agency_id != 0)
    txn.del(t.questions_by_agency, agency_key(previous->agency_id, q.id));
  if (q.agency_id != 0) txn.put(t.questions_by_agency, agency_key(q.agency_id, q.id), "");
  const bool was_public = previous && is_public(*previous);
  if (was_public) txn.del(t.questions_published, published_key(*previous));
  if (is_public(q)) txn.put(t.questions_published, published_key(q), "");
  if (was_public != is_public(q) || (was_public && !same_public_side(*previous, q)))
    append_change(txn, t, ChangeKind::question, q.id, ChangeOp::put);
}

std::optional<std::uint64_t> find_question_by_code(const Txn& txn, const Tables& t, std::string_view code) {
  return lookup_id(txn, t.question_codes, code);
}

std::vector<model::Question> list_questions(const Txn& txn, const Tables& t, std::size_t limit) {
  return newest_first(txn, t, t.questions, "", limit);
}

std::vector<model::Question> list_agency_questions(const Txn& txn, const Tables& t, std::uint64_t agency,
                                                   std::size_t limit) {
  if (agency == 0) return {};
  std::vector<model::Question> out;
  for (auto& q : newest_first(txn, t, t.questions_by_agency, be64(agency), limit))
    if (q.agency_id == agency) out.push_back(std::move(q));  // the record agrees with its index entry
  return out;
}

std::vector<model::Question> list_published_questions(const Txn& txn, const Tables& t) {
  std::vector<model::Question> out;
  for (auto& q : newest_first(txn, t, t.questions_published, "", static_cast<std::size_t>(-1)))
    if (is_public(q)) out.push_back(std::move(q));
  return out;
}

model::QuestionSettings get_question_settings(const Txn& txn, const Tables& t) {
  const auto v = txn.get(t.settings, kSettingsKey);
  return v ? kSettings.decode(*v) : model::default_question_settings();
}

void put_question_settings(WriteTxn& txn, const Tables& t, const model::QuestionSettings& s) {
  txn.put(t.settings, kSettingsKey, kSettings.encode(s));
  append_change(txn, t, ChangeKind::settings, 0, ChangeOp::put);
}

}  // namespace portald::store
