#pragma once
// Deadlines counted in working days (issue 12: a question's answer is due N working days after it is
// assigned), over the same calendar as the cadence check: the working-days option and the holidays file.
#include <cstdint>
#include <filesystem>

#include "daemon/health/cadence.hpp"

namespace portald::health {

// The calendar of `working_days` (bit 0 = Monday) and the holidays file; a missing or unreadable file
// means no holidays (bad lines are skipped, as the cadence check does).
Calendar read_calendar(unsigned working_days, const std::filesystem::path& holidays_file);
// The day `n` working days after `from` (from itself does not count); `from` when n <= 0. A calendar
// with no working day at all counts every day, so the answer is always bounded.
std::int32_t add_working_days(const Calendar& c, std::int32_t from, int n);
// Working days in (from, to]: how many working days an answer took. 0 when to <= from.
int working_days_between(const Calendar& c, std::int32_t from, std::int32_t to);

}  // namespace portald::health
