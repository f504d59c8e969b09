#pragma once
// The monthly report e-mailed to each agency (issue 13, Điều 6.1đ: the board follows every month how
// each department and district supplies information). On the first day of a month, from 07:00 local
// time, every agency's staff who have a work e-mail (contributors and question answerers, not
// suspended) get that agency's figures of the month just ended: the same computation as the page
// /quan-tri/bao-cao/co-quan (report_inputs.hpp read_agency_report), as plain text with a link to the page.
//
// Sent once per month: the month is recorded in the same write transaction as the queued e-mails and
// an audit entry. Only when the site setting mail_agency_reports is "1" and mail is on (sendmail set);
// while either is off nothing is recorded, and a month is never sent late except on its own first days
// (a daemon down on the 1st sends on its first pass after, within the same month).
#include <cstdint>
#include <optional>
#include <string>

#include "daemon/health/cadence.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/reports/agency_report.hpp"
#include "daemon/reports/report_range.hpp"
#include "daemon/store/store.hpp"

namespace portald::reports {

// The month whose report is due at `now`: the month before now's local month once it is 07:00 on a day
// of the new month; std::nullopt before 07:00 on the first.
std::optional<ReportRange> month_due(model::UnixTime now);

// The e-mail body for one agency (pure, for tests): its figures, by category, its returns with reasons,
// its citizen-question figures, and `link` to the full report.
struct AgencyMailNames {
  std::string portal;
  std::string agency;
  std::function<std::string(std::uint64_t)> category;  // name of a category id
};
std::string agency_mail_body(const AgencyReport& report, std::uint64_t agency_id, const ReportRange& range,
                             const AgencyMailNames& names, const std::string& link);

struct AgencyMailPass {
  bool sent = false;  // the month was recorded as sent by this pass
  int agencies = 0;   // agencies that had at least one recipient
  int messages = 0;   // e-mails queued
};

// One pass (the slow-check thread runs it hourly): sends the due month's reports unless that month was
// already recorded, all in one write transaction.
AgencyMailPass mail_agency_reports(const store::Store& store, const mail::Outbox& outbox,
                                   const health::Calendar& calendar, model::UnixTime now);

}  // namespace portald::reports
