#pragma once
// Citizens' questions (issue 12): table "questions" and its indexes (tracking code, agency queue,
// published list), plus the question settings (settings table, key "questions"). The personal data in
// a record is sealed by the caller (questions/question_service.hpp) before it gets here.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/question.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::Question> get_question(const Txn& txn, const Tables& t, std::uint64_t id);
// Writes the record and keeps the indexes in step with `previous` (the stored record, std::nullopt for a
// new one). Appends a change-log entry when the public side changes (published, or no longer).
void put_question(WriteTxn& txn, const Tables& t, const model::Question& q,
                  const std::optional<model::Question>& previous);
// The id behind a tracking code (in its stored spelling), std::nullopt when none.
std::optional<std::uint64_t> find_question_by_code(const Txn& txn, const Tables& t, std::string_view code);
// Every question, newest first (the data centre's and the board's queues), at most `limit`.
std::vector<model::Question> list_questions(const Txn& txn, const Tables& t, std::size_t limit);
// The questions assigned to `agency` (0 = none), newest first: an agency answerer's queue comes only from
// here, so another agency's items are never read.
std::vector<model::Question> list_agency_questions(const Txn& txn, const Tables& t, std::uint64_t agency,
                                                   std::size_t limit);
// Published questions, newest published first.
std::vector<model::Question> list_published_questions(const Txn& txn, const Tables& t);

model::QuestionSettings get_question_settings(const Txn& txn, const Tables& t);
void put_question_settings(WriteTxn& txn, const Tables& t, const model::QuestionSettings& s);

}  // namespace portald::store
