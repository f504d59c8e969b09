#include "daemon/questions/deadline_notices.hpp"

#include <vector>

#include "daemon/health/working_days.hpp"
#include "daemon/store/question_table.hpp"

namespace portald::questions {
namespace {

// Every item is read once an hour; open ones are a small part of them.
constexpr std::size_t kScanLimit = 1'000'000;

// Due by the end of the next working day (or today): time to remind the agency.
bool due_soon(const model::Question& q, const health::Calendar& c, std::int32_t today) {
  return q.state == model::QuestionState::assigned && q.due_day != 0 && today <= q.due_day &&
         health::working_days_between(c, today, q.due_day) <= 1;
}

bool reminder_owed(const model::Question& q, const health::Calendar& c, std::int32_t today) {
  return model::answer_pending(q.state) && q.due_day != 0 && due_soon(q, c, today) && q.reminded_for_day != q.due_day;
}

bool overdue_notice_owed(const model::Question& q, std::int32_t today) {
  return model::answer_pending(q.state) && q.due_day != 0 && model::is_overdue(q, today) &&
         q.overdue_noticed_for_day != q.due_day;
}

}  // namespace

DeadlineNotices send_deadline_notices(const store::Store& store, const Notices& n, const health::Calendar& calendar,
                                      model::UnixTime now) {
  DeadlineNotices sent;
  if (!n.outbox.enabled()) return sent;
  const std::int32_t today = health::local_day(now);
  const auto& t = store.tables();
  // Found under a read transaction, so the hourly scan never holds the writer.
  std::vector<std::uint64_t> owed;
  {
    const store::ReadTxn read = store.read();
    for (const auto& q : store::list_questions(read, t, kScanLimit))
      if (reminder_owed(q, calendar, today) || overdue_notice_owed(q, today)) owed.push_back(q.id);
  }
  if (owed.empty()) return sent;
  store::WriteTxn txn = store.write();
  for (const std::uint64_t id : owed) {
    const auto before = store::get_question(txn, t, id);  // as it is now: a step may have come in between
    if (!before) continue;
    model::Question q = *before;
    if (reminder_owed(q, calendar, today)) {
      q.reminded_for_day = q.due_day;
      if (queue_due_soon(txn, t, n, q, now) > 0) ++sent.due_soon;
    }
    if (overdue_notice_owed(q, today)) {
      q.overdue_noticed_for_day = q.due_day;
      if (queue_overdue(txn, t, n, q, now) > 0) ++sent.overdue;
    }
    store::put_question(txn, t, q, before);
  }
  txn.commit();
  return sent;
}

}  // namespace portald::questions
