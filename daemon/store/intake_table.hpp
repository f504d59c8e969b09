#pragma once
// News sent through the public intake form (issue 16, Điều 8.1): table "intake_sources" (be64(article id)
// -> IntakeSource) and its index "intake_references" (reference code -> be64(article id)). The sender is
// sealed by the caller (intake/intake_service.hpp) before it gets here.
#include <cstdint>
#include <optional>
#include <string_view>

#include "daemon/model/intake.hpp"
#include "daemon/store/store.hpp"

namespace portald::store {

// The source of article `id`, std::nullopt when it was not sent through the form.
std::optional<model::IntakeSource> get_intake_source(const Txn& txn, const Tables& t, std::uint64_t article_id);
// Writes the record and its reference code's index entry.
void put_intake_source(WriteTxn& txn, const Tables& t, const model::IntakeSource& s);
// The article behind a reference code (in its stored spelling), std::nullopt when none.
std::optional<std::uint64_t> find_intake_by_reference(const Txn& txn, const Tables& t, std::string_view code);

}  // namespace portald::store
