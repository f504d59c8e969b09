#pragma once
// Deadline e-mails for citizens' questions (issue 12, Điều 9): the agency hears the working day before an
// answer is due (and on the due day itself when that came sooner), the data centre hears once an item is
// overdue. Each e-mail goes once per deadline (Question::reminded_for_day, overdue_noticed_for_day); a new
// assignment with a new due day makes them due again. Run by the hourly upkeep (question_upkeep.hpp).
#include <cstddef>

#include "daemon/health/cadence.hpp"
#include "daemon/questions/question_notices.hpp"
#include "daemon/store/store.hpp"

namespace portald::questions {

struct DeadlineNotices {
  std::size_t due_soon = 0;  // items whose agency was reminded
  std::size_t overdue = 0;   // items the data centre was told about
};

// One write transaction over the open items; nothing is marked sent while mail is off, so switching mail
// on later still tells people about what is open.
DeadlineNotices send_deadline_notices(const store::Store& store, const Notices& n, const health::Calendar& calendar,
                                      model::UnixTime now);

}  // namespace portald::questions
