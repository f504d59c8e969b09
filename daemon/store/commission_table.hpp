#pragma once
// The editorial board's commissions (issue 16, Điều 6.1c, 6.1d): table "commissions", be64(id) ->
// Commission, with "commissions_open_by_due" (be32(due day + 2^31) + be64(id) -> "") holding the open
// ones so the board's list reads them by due date. The lists per agency and per account walk the whole
// table: a board commissions a few hundred items a year, far below what an index would pay for.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/model/commission.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The commission, std::nullopt when there is none.
std::optional<model::Commission> get_commission(const Txn& txn, const Tables& t, std::uint64_t id);
// Stores a new commission under the next id of IdCounter::commission (c.id is ignored); returns the id.
std::uint64_t add_commission(WriteTxn& txn, const Tables& t, model::Commission c);
// Replaces the stored record of c.id and keeps the open index in step; false when there is none.
bool put_commission(WriteTxn& txn, const Tables& t, const model::Commission& c);
// The open commissions, earliest due first (then by id).
std::vector<model::Commission> list_open_commissions(const Txn& txn, const Tables& t);
// Every commission, newest first.
std::vector<model::Commission> list_commissions(const Txn& txn, const Tables& t);
// The commissions assigned to the agency / to the account, newest first.
std::vector<model::Commission> list_agency_commissions(const Txn& txn, const Tables& t, std::uint64_t agency_id);
std::vector<model::Commission> list_user_commissions(const Txn& txn, const Tables& t, std::string_view username);

}  // namespace portald::store
