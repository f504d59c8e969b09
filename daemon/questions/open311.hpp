#pragma once
// Open311 GeoReport v2 (issue 12): how the portal's questions read in the spec's terms. A question field
// (lĩnh vực) is a service, its code the field's slug; a published question is a request whose public id is
// its page's id (the tracking code stays the citizen's secret). Pure functions, no I/O.
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/question.hpp"

namespace portald::questions::open311 {

// The service definition's attributes (services/{code}.json) and how a POST names them: attribute[consent].
inline constexpr std::string_view kConsentAttribute = "consent";  // required, "yes" = explicit consent
inline constexpr std::string_view kTitleAttribute = "title";      // optional, else derived_title()
inline constexpr std::string_view kPublishAttribute = "publish";  // optional, "yes" = the answer may be public
inline constexpr std::string_view kYes = "yes";

// The stable code of a field: its slug ("Y tế" -> "y-te"); renaming the field changes it.
std::string service_code(std::string_view field);
// The field (from the question settings) whose code is `code`; std::nullopt when none.
std::optional<model::QuestionField> field_by_code(const model::QuestionSettings& s, std::string_view code);
// The spec's two statuses: "open" while the portal still owes an answer, "closed" once it answered or
// closed the item.
std::string_view status_of(model::QuestionState s);

// Which statuses a status=open,closed filter keeps; std::nullopt for an unknown word. Empty = both.
struct StatusFilter {
  bool open = true;
  bool closed = true;
};
std::optional<StatusFilter> parse_status_filter(std::string_view text);

// A title for a request posted without one: the description's first line, cut at its first sentence end
// when that leaves at least a few words, then at a word boundary to fit the title limit ("…" added).
std::string derived_title(std::string_view description);
// The name as the portal keeps it, in Vietnamese order: family name (last_name) first.
std::string full_name(std::string_view first_name, std::string_view last_name);

}  // namespace portald::questions::open311
