#pragma once
// Rights per unit (issue 16, Quy chế Điều 8.1): a contributor provides news for its own agency only and,
// where the board set a limit on the agency, only in the agency's categories. The board, the
// secretariat and reporters are not bound: they attribute an item to any agency.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/editorial/editorial.hpp"

namespace portald::editorial {

// True when the actor writes for its own agency only (a role that belongs to an agency).
bool bound_to_agency(const Actor& actor);
// The categories the actor may file in; std::nullopt = every category (not bound, or no limit set).
std::optional<std::vector<std::uint64_t>> allowed_categories(const store::Txn& txn, const store::Tables& t,
                                                             const Actor& actor);
// What stops the actor from saving `content` under the unit rules (Vietnamese, one per problem): another
// agency than its own, a category outside its agency's limit. Empty when the content may be saved.
std::vector<std::string> unit_rights_errors(const store::Txn& txn, const store::Tables& t, const Content& content,
                                            const Actor& actor);
// A bound actor's content that names no agency is attributed to the actor's own (the form shows it
// fixed; a client that leaves it out means the same). Anything else is left for unit_rights_errors.
void attribute_to_own_agency(Content& content, const Actor& actor);
// True when the item is attributed to the actor's agency (the work version or the live record): what a
// bound actor may read of other people's items.
bool of_actors_agency(const Item& item, const Actor& actor);

}  // namespace portald::editorial
