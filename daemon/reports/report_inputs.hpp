#pragma once
// What the reports read from the store, all in the caller's one read transaction, so a report's figures
// come from one consistent state; the computing (agency_report, cadence_report, operations_report) stays
// pure.
#include <vector>

#include "daemon/model/audit_entry.hpp"
#include "daemon/model/time.hpp"
#include "daemon/reports/agency_report.hpp"
#include "daemon/reports/report_range.hpp"
#include "daemon/store/store.hpp"

namespace portald::reports {

// Every article with a workflow step ("article.<transition>" in the audit log) before `until`, with its
// steps, its current agency, category and title. Articles never taken through the workflow (imported
// ones) are not in it.
std::vector<ArticleHistory> read_article_histories(const store::Txn& txn, const store::Tables& t,
                                                   model::UnixTime until);
// The agency report over `range` from the store as it is now: the articles' workflow histories and the
// citizen questions of the same days (`today` bounds the running period). The page and the monthly
// e-mail (agency_report_mail.hpp) both read it here, so they always agree.
AgencyReport read_agency_report(const store::Txn& txn, const store::Tables& t, const ReportRange& range,
                                const health::Calendar& calendar, std::int32_t today);
// Publication times of the published articles with from <= published_at < to, oldest first: what the
// cadence check counts (health::count_publications).
std::vector<model::UnixTime> read_publication_times(const store::Txn& txn, const store::Tables& t, model::UnixTime from,
                                                    model::UnixTime to);
// Audit entries about logins and maintenance mode with from <= at < to (operations_report's input).
std::vector<model::AuditEntry> read_operations_audit(const store::Txn& txn, const store::Tables& t,
                                                     model::UnixTime from, model::UnixTime to);

// How many of `sorted` times fall in [from, to): the cadence report's publication count.
std::size_t count_between(const std::vector<model::UnixTime>& sorted, model::UnixTime from, model::UnixTime to);

}  // namespace portald::reports
