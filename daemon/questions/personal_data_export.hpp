#pragma once
// The citizen's right of access (Nghị định 13/2023, Điều 14; issue 12): what the portal holds about the
// person who asked, given the tracking code and the e-mail or phone they gave. A wrong pair reads exactly
// like an unknown code, so the form is no oracle for contacts; every answer given is in the audit log
// (never the contacts themselves).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/question.hpp"
#include "daemon/store/store.hpp"

namespace portald::secrets {
class PersonalDataKey;
}

namespace portald::questions {

struct PersonalDataExport {
  enum class Kind {
    not_found,  // no such code, or the contact does not match it: the same answer
    erased,     // the contacts were erased by retention: nothing personal is left to give
    found,
  };
  Kind kind = Kind::not_found;
  model::Question question{};                        // erased, found: the record (its clear part)
  std::optional<model::QuestionPrivate> personal{};  // found: the unsealed contacts and own words
  std::vector<std::string> file_names{};             // found: the attached files' names (question.attachments)
};

// Whether `typed` is the e-mail (letter case aside) or the phone (its digits, +84 read as 0) of `p`.
bool contact_matches(const model::QuestionPrivate& p, std::string_view typed);

// Looks the item up by `typed_code` and checks `contact`; an answer other than not_found is audited
// (question.export, the client address, "found" or "erased") in its own write transaction.
PersonalDataExport export_personal_data(const store::Store& store, const secrets::PersonalDataKey& key,
                                        std::string_view typed_code, std::string_view contact, std::string_view address,
                                        model::UnixTime now);

}  // namespace portald::questions
