#pragma once
// The sender of an item from the public intake form (issue 16, Điều 8.1), sealed with the personal-data
// key under purpose "intake:ID" as JSON (name, organisation, email, phone): one place that seals and opens
// it, for the intake service, the admin pages and the sender's notices.
#include <cstdint>
#include <optional>
#include <string>

#include "daemon/model/intake.hpp"

namespace portald::secrets {
class PersonalDataKey;
}

namespace portald::editorial {

// The sealed text to keep in IntakeSource::sealed_sender of article `article_id`.
std::string seal_sender(const secrets::PersonalDataKey& key, std::uint64_t article_id, const model::IntakeSender& s);
// The sender of `source`; std::nullopt when there is none or the key does not open it (another key, altered).
std::optional<model::IntakeSender> open_sender(const secrets::PersonalDataKey& key, const model::IntakeSource& source);

}  // namespace portald::editorial
