#pragma once
// Royalties (nhuận bút, Quy chế Điều 5.12, 6.2c; issue 13): who may grade, set the rates and move a
// monthly sheet through draft -> approved -> locked. Every write is one transaction with its audit entry.
#include <string>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/royalty.hpp"
#include "daemon/store/store.hpp"

namespace portald::royalty {

enum class Refusal {
  none,
  not_allowed,    // the actor's role may not take this step
  invalid,        // the values break a rule (errors says which, in Vietnamese)
  not_found,      // no such article or sheet
  not_published,  // only an article that was published is graded
  wrong_state,    // the step does not start from the sheet's state (approve a draft, lock an approved sheet)
  locked,         // the sheet is locked: it never changes; corrections go into a later month
  stale,          // a correction it carries was paid by another sheet locked since: make it again
};

struct Result {
  Refusal refusal = Refusal::none;
  std::vector<std::string> errors{};
};

// Grades a published article (grade_royalty: the editor-in-chief, a deputy). Names are NFC-normalised.
Result grade_article(const store::Store& store, model::RoyaltyGrade grade, const model::Actor& actor,
                     model::UnixTime now);
// Saves the rates (manage_royalty_settings). Sheets already made keep the rate they were made with.
Result change_royalty_settings(const store::Store& store, model::RoyaltySettings settings, const model::Actor& actor,
                               model::UnixTime now);

// The graded articles (published at least once), as the sheet computation reads them.
std::vector<model::GradedItem> graded_items(const store::Txn& txn, const store::Tables& t);
// The sheet `month` would be if it were made now (not stored): what the page shows before it is made.
model::RoyaltySheet preview_sheet(const store::Txn& txn, const store::Tables& t, model::RoyaltyMonth month);

// Makes (or makes again) the draft of `month` from the grades and rates of now (grade_royalty). Refused
// for an approved sheet (reopen it first) and a locked one.
Result make_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor, model::UnixTime now);
// Draft -> approved (approve_royalty: the editor-in-chief).
Result approve_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                     model::UnixTime now);
// Approved -> draft, to correct it before it is locked (approve_royalty).
Result reopen_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor,
                    model::UnixTime now);
// Approved -> locked, for good (approve_royalty).
Result lock_sheet(const store::Store& store, model::RoyaltyMonth month, const model::Actor& actor, model::UnixTime now);

}  // namespace portald::royalty
