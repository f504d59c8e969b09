#pragma once
// The site settings people change (admin page, portaldctl settings set): one table of fields, one rule,
// one audit entry per changed field, all in one write transaction.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/actor.hpp"
#include "daemon/model/site_settings.hpp"
#include "daemon/model/time.hpp"
#include "daemon/site/refusal.hpp"
#include "daemon/store/store.hpp"

namespace portald::site {

struct SettingField {
  std::string_view key;    // "portal_name": the form field, the portaldctl key, "settings/<key>" in the audit log
  std::string_view label;  // Vietnamese, for the admin form and its messages
  std::string model::SiteSettings::*member;
  bool url;           // an http(s):// address or a path starting with /
  bool flag = false;  // on ("1") or off (""): a checkbox in the form
};

// Every setting people may change, in the admin form's order.
std::span<const SettingField> setting_fields();
// The field with this key; nullptr when there is none.
const SettingField* find_setting(std::string_view key);

enum class SettingProblem {
  not_utf8,              // the value is kept as it was
  too_long,              // over 2000 bytes; the value is kept as it was
  not_a_url,             // a url field that is neither http(s):// nor a path
  not_a_script_url,      // emc_script_url that model::script_origin refuses
  empty_required,        // the portal must have a name, and the locality (labels are built from it)
  not_an_origin,         // embed_origins with an entry that is not "https://host[:port]" (SettingError::value)
  not_a_flag,            // a flag given other than "1" (on) or "" / "0" (off)
  not_a_person_name,     // responsible_person that is not a name (digits, punctuation, one word, a sentence)
  not_a_licence_number,  // licence that is not one token with a digit ("12/GP-TTĐT")
  not_a_past_date,       // licence_date that is not a date (YYYY-MM-DD or dd/mm/yyyy) up to today
};
struct SettingError {
  const SettingField* field;
  SettingProblem problem;
  std::string value{};  // not_an_origin: the first entry refused
};

struct SettingsResult {
  Refusal refusal = Refusal::none;
  std::vector<SettingError> errors{};  // Refusal::invalid: in the order the values were given
  model::SiteSettings settings{};      // as saved; when invalid, as proposed (for the form to show again)
};

// Sets each (key, value) over the stored settings; values are NFC-normalised, not trimmed. Throws
// std::invalid_argument for an unknown key (callers look keys up with find_setting first).
SettingsResult change_settings(const store::Store& store,
                               const std::vector<std::pair<std::string, std::string>>& values,
                               const model::Actor& actor, model::UnixTime now);

}  // namespace portald::site
