#include "daemon/intake/intake_service.hpp"

#include <sodium.h>

#include "daemon/editorial/intake_sender.hpp"
#include "daemon/model/question_text.hpp"
#include "daemon/model/typed_text.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/intake_table.hpp"
#include "daemon/store/taxonomy_table.hpp"

namespace portald::intake {
namespace {

// Cleans and measures one text field; its problems are filed under `field`.
void check_text(Field field, std::string& value, bool multi_line, std::size_t min, std::size_t max,
                std::string_view label, std::vector<FieldError>& errors) {
  std::vector<std::string> found;
  model::check_typed_text(value, multi_line, min, max, label, found);
  for (auto& m : found) errors.push_back({field, std::move(m)});
}

// A fresh code in the tracking codes' spelling (no look-alike characters), unique among references.
std::string new_reference(const store::Txn& txn, const store::Tables& t) {
  for (;;) {
    unsigned digits[model::kTrackingLength];
    for (auto& d : digits) d = randombytes_uniform(static_cast<std::uint32_t>(model::kTrackingAlphabet.size()));
    std::string code = model::format_tracking_code(digits);
    if (!store::find_intake_by_reference(txn, t, code)) return code;
  }
}

}  // namespace

std::vector<FieldError> check_submission(const store::Txn& txn, const store::Tables& t, Submission& s) {
  std::vector<FieldError> errors;
  check_text(Field::name, s.name, false, 1, kNameMax, "Họ và tên", errors);
  check_text(Field::organisation, s.organisation, false, 0, kOrganisationMax, "Tên cơ quan, tổ chức", errors);
  check_text(Field::email, s.email, false, 0, kEmailMax, "Địa chỉ thư điện tử", errors);
  check_text(Field::phone, s.phone, false, 0, kPhoneMax, "Số điện thoại", errors);
  if (!s.email.empty() && !model::valid_email(s.email))
    errors.push_back({Field::email, "Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@example.vn)."});
  if (!s.phone.empty() && !model::valid_phone(s.phone))
    errors.push_back({Field::phone, "Số điện thoại không đúng dạng (9 đến 12 chữ số)."});
  if (s.email.empty() && s.phone.empty())
    errors.push_back(
        {Field::contact, "Vui lòng cho biết địa chỉ thư điện tử hoặc số điện thoại để Ban Biên tập liên hệ khi cần."});
  check_text(Field::title, s.title, false, kTitleMin, kTitleMax, "Tiêu đề", errors);
  check_text(Field::summary, s.summary, false, kSummaryMin, kSummaryMax, "Tóm tắt", errors);
  check_text(Field::body, s.body, true, kBodyMin, kBodyMax, "Nội dung", errors);
  if (s.category_id == 0 || !store::get_category(txn, t, s.category_id))
    errors.push_back({Field::category, "Vui lòng chọn chuyên mục của tin bài."});
  if (!s.consent)
    errors.push_back(
        {Field::consent, "Vui lòng đồng ý cho cổng thông tin xử lý dữ liệu cá nhân của bạn để tiếp nhận tin bài."});
  return errors;
}

Submitted submit(const store::Store& store, const secrets::PersonalDataKey& key, Submission s, std::string_view address,
                 model::UnixTime now) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  Submitted out;
  out.errors = check_submission(txn, t, s);
  if (!out.errors.empty()) return out;
  const std::string reference = new_reference(txn, t);
  // No by-line: the sender's name is personal data, kept only sealed; the board writes the by-line.
  editorial::Content content{.title = s.title,
                             .summary = s.summary,
                             .body_html = model::paragraphs_html(s.body),
                             .category_id = s.category_id,
                             .agency_id = 0,
                             .author = "",
                             .featured = false,
                             .extras = {}};
  const std::uint64_t id =
      editorial::create_submitted(txn, t, std::move(content), address, "mã tham chiếu " + reference, now);
  store::put_intake_source(
      txn, t,
      {.article_id = id,
       .reference = reference,
       .received_at = now,
       .sealed_sender = editorial::seal_sender(key, id, {s.name, s.organisation, s.email, s.phone}),
       .notified = ""});
  txn.commit();
  out.article_id = id;
  out.reference = reference;
  return out;
}

std::optional<model::IntakeSender> open_sender(const secrets::PersonalDataKey& key, const model::IntakeSource& source) {
  return editorial::open_sender(key, source);
}

std::optional<SourceView> source_for(const store::Txn& txn, const store::Tables& t, const secrets::PersonalDataKey* key,
                                     const editorial::Item& item, const model::Actor& actor) {
  if (!editorial::may_view(item, actor)) return std::nullopt;
  auto source = store::get_intake_source(txn, t, item.article.id);
  if (!source) return std::nullopt;
  SourceView v{.source = std::move(*source), .sender = std::nullopt};
  if (key) v.sender = open_sender(*key, v.source);
  return v;
}

std::optional<std::string> known_reference(const store::Txn& txn, const store::Tables& t, std::string_view typed) {
  auto code = model::normalise_tracking_code(typed);
  if (!code || !store::find_intake_by_reference(txn, t, *code)) return std::nullopt;
  return code;
}

}  // namespace portald::intake
