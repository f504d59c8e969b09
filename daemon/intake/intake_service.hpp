#pragma once
// News sent by organisations and people without an account (issue 16, Quy chế Điều 8.1): the public form's
// rules and its one write. A submission becomes an article in state `submitted`, in the board's queue
// ("Chờ biên tập"), with no internal author; its source (who sent it, sealed with the personal-data key;
// when; the reference code given to the sender) is kept beside it (store/intake_table.hpp). The board then
// handles it like any other item (Điều 8.2-8.3).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/editorial/editorial.hpp"
#include "daemon/model/intake.hpp"
#include "daemon/store/store.hpp"

namespace portald::secrets {
class PersonalDataKey;
}

namespace portald::intake {

// Field limits (code points), also told to the form so a browser stops the person before the server does.
inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kOrganisationMax = 200;
inline constexpr std::size_t kEmailMax = 254;
inline constexpr std::size_t kPhoneMax = 20;
inline constexpr std::size_t kTitleMin = 10, kTitleMax = 300;
inline constexpr std::size_t kSummaryMin = 20, kSummaryMax = 1000;
inline constexpr std::size_t kBodyMin = 100, kBodyMax = 30000;

// What the public form posts.
struct Submission {
  std::string name{};
  std::string organisation{};  // optional
  std::string email{};         // at least one of email and phone
  std::string phone{};
  std::string title{};
  std::string summary{};
  std::string body{};  // plain text: blank lines between paragraphs
  std::uint64_t category_id = 0;
  bool consent = false;
};

// The form's parts a problem belongs to (contact: neither e-mail nor phone was given).
enum class Field { name, organisation, email, phone, contact, title, summary, body, category, consent };
struct FieldError {
  Field field;
  std::string message;  // Vietnamese
};

// Checks (and normalises to NFC, trimmed) every field; returns what to correct, one message per problem,
// in the form's order; empty when it may be stored.
std::vector<FieldError> check_submission(const store::Txn& txn, const store::Tables& t, Submission& s);

struct Submitted {
  std::vector<FieldError> errors{};  // not empty: nothing written
  std::uint64_t article_id = 0;
  std::string reference{};  // the code to give the sender
};
// In ONE write transaction: the article in state submitted (editorial::create_submitted, audit
// article.intake from `address`), its source with the sender sealed under "intake:ID", and the reference
// code. A refusal writes nothing.
Submitted submit(const store::Store& store, const secrets::PersonalDataKey& key, Submission s, std::string_view address,
                 model::UnixTime now);

// The sender of `source`; std::nullopt when the key does not open it (another key, altered).
std::optional<model::IntakeSender> open_sender(const secrets::PersonalDataKey& key, const model::IntakeSource& source);

// What the admin shows of an item's source: the record, and the sender when a key is there and opens it.
struct SourceView {
  model::IntakeSource source;
  std::optional<model::IntakeSender> sender{};
};
// The source of `item` for `actor`: std::nullopt when the item was not sent through the form or the actor
// may not view the item (editorial::may_view); the sender stays closed without a key.
std::optional<SourceView> source_for(const store::Txn& txn, const store::Tables& t, const secrets::PersonalDataKey* key,
                                     const editorial::Item& item, const model::Actor& actor);

// The reference code as stored when `typed` is one that was given out; std::nullopt otherwise.
std::optional<std::string> known_reference(const store::Txn& txn, const store::Tables& t, std::string_view typed);

}  // namespace portald::intake
