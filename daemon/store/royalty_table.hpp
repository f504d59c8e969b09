#pragma once
// Royalties (issue 13): the grade of each article (table "royalty_grades"), the monthly sheets (table
// "royalty_sheets") and the rates (the "royalty" record of the settings table).
#include <optional>
#include <vector>

#include "daemon/model/royalty.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

std::optional<model::RoyaltyGrade> get_royalty_grade(const Txn& txn, const Tables& t, std::uint64_t article_id);
void put_royalty_grade(WriteTxn& txn, const Tables& t, const model::RoyaltyGrade& g);
// Every grade, by article id.
std::vector<model::RoyaltyGrade> list_royalty_grades(const Txn& txn, const Tables& t);

// The rates; the defaults (model::default_work_types()) when none were saved yet.
model::RoyaltySettings get_royalty_settings(const Txn& txn, const Tables& t);
void put_royalty_settings(WriteTxn& txn, const Tables& t, const model::RoyaltySettings& s);

std::optional<model::RoyaltySheet> get_royalty_sheet(const Txn& txn, const Tables& t, model::RoyaltyMonth month);
// Writes the sheet; false (and nothing written) when the stored sheet of that month is locked: a locked
// sheet never changes, whoever asks.
bool put_royalty_sheet(WriteTxn& txn, const Tables& t, const model::RoyaltySheet& s);
// Every sheet, oldest month first.
std::vector<model::RoyaltySheet> list_royalty_sheets(const Txn& txn, const Tables& t);

}  // namespace portald::store
