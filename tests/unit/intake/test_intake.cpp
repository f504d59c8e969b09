// The news intake form's write (issue 16, Quy chế Điều 8.1), on a real LMDB store: a good submission is
// one article in state submitted with no account behind it, its source with the sender sealed (the raw
// store file holds neither the name nor the contacts), a reference code and an audit entry article.intake;
// a refused one writes nothing and says what to correct, field by field.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "daemon/editorial/editorial.hpp"
#include "daemon/intake/intake_service.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/model/question_text.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/intake_table.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using model::ArticleStatus;
using portald::intake::Field;

namespace portald::model {
inline std::ostream& operator<<(std::ostream& out, ArticleStatus s) { return out << to_string(s); }
}  // namespace portald::model
namespace portald::intake {
// For Boost.Test's messages.
inline std::ostream& operator<<(std::ostream& out, Field f) { return out << static_cast<int>(f); }
}  // namespace portald::intake

namespace {

constexpr model::UnixTime kNow = 1'740'000'000;
const std::string kName = "Trần Thị Bích Ngọc";
const std::string kOrganisation = "Hội Nông dân xã Tân Phú";
const std::string kEmail = "bichngoc.tran@example.vn";
const std::string kPhone = "0987 654 321";
const std::string kBody =
    "Sáng ngày 12/3, xã Tân Phú tổ chức lớp tập huấn kỹ thuật trồng lúa cho 120 hội viên.\n\n"
    "Lớp học kéo dài hai ngày & có phần thực hành <ngoài đồng>.\nCán bộ khuyến nông trực tiếp hướng dẫn.";

struct Portal {
  test::TempStore s;
  secrets::PersonalDataKey key = secrets::PersonalDataKey::generate();
  std::uint64_t category = 0;

  Portal() {
    store::WriteTxn txn = s.store.write();
    category = store::ensure_category(txn, s.store.tables(), "Tin địa phương");
    txn.commit();
  }
  portald::intake::Submission good() const {
    return {.name = "  " + kName + " ",
            .organisation = kOrganisation,
            .email = kEmail,
            .phone = kPhone,
            .title = "Tập huấn kỹ thuật trồng lúa cho nông dân xã Tân Phú",
            .summary = "Hơn một trăm hội viên nông dân được tập huấn kỹ thuật canh tác lúa.",
            .body = kBody,
            .category_id = category,
            .consent = true};
  }
  portald::intake::Submitted submit(portald::intake::Submission sub) const {
    return portald::intake::submit(s.store, key, std::move(sub), "203.0.113.7", kNow);
  }
  std::size_t articles() const {
    const store::ReadTxn txn = s.store.read();
    return store::list_editorial(txn, s.store.tables()).size();
  }
};

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has_field(const std::vector<portald::intake::FieldError>& errors, Field f) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == f; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake)

BOOST_AUTO_TEST_CASE(a_good_submission_is_one_submitted_article_with_its_source_and_audit_entry) {
  Portal p;
  const auto r = p.submit(p.good());
  BOOST_TEST_REQUIRE(r.errors.empty());
  BOOST_TEST(r.article_id == 1u);
  BOOST_TEST(model::normalise_tracking_code(r.reference).value_or("") == r.reference);  // the tracking codes' spelling
  BOOST_TEST(r.reference.size() == 14u);                                                // 12 characters and two dashes
  const store::ReadTxn txn = p.s.store.read();
  const auto& t = p.s.store.tables();
  const auto item = editorial::load_item(txn, t, r.article_id);
  BOOST_TEST_REQUIRE(item.has_value());
  BOOST_TEST(item->article.status == ArticleStatus::submitted);
  BOOST_TEST(item->state.state == ArticleStatus::submitted);
  BOOST_TEST(item->state.created_by.empty());  // no internal author
  BOOST_TEST(item->article.author.empty());    // no by-line: the board writes it
  BOOST_TEST(item->article.title == "Tập huấn kỹ thuật trồng lúa cho nông dân xã Tân Phú");
  BOOST_TEST(item->article.category_id == p.category);
  // The plain text as paragraphs, escaped.
  BOOST_TEST(item->article.body_html ==
             "<p>Sáng ngày 12/3, xã Tân Phú tổ chức lớp tập huấn kỹ thuật trồng lúa cho 120 hội viên."
             "</p><p>Lớp học kéo dài hai ngày &amp; có phần thực hành &lt;ngoài đồng&gt;.<br>Cán bộ khuyến nông trực "
             "tiếp hướng dẫn.</p>");
  // The source: its reference, when, and the sender sealed under this article's purpose.
  const auto source = store::get_intake_source(txn, t, r.article_id);
  BOOST_TEST_REQUIRE(source.has_value());
  BOOST_TEST(source->reference == r.reference);
  BOOST_TEST(source->received_at == kNow);
  BOOST_TEST(secrets::is_sealed(source->sealed_sender));
  BOOST_TEST(store::find_intake_by_reference(txn, t, r.reference).value_or(0) == r.article_id);
  const auto sender = portald::intake::open_sender(p.key, *source);
  BOOST_TEST_REQUIRE(sender.has_value());
  BOOST_TEST(sender->name == kName);  // trimmed
  BOOST_TEST(sender->organisation == kOrganisation);
  BOOST_TEST(sender->email == kEmail);
  BOOST_TEST(sender->phone == kPhone);
  BOOST_TEST(model::sender_line(*sender) == "Người gửi: Trần Thị Bích Ngọc (Hội Nông dân xã Tân Phú)");
  // Another key does not open it.
  BOOST_TEST(!portald::intake::open_sender(secrets::PersonalDataKey::generate(), *source).has_value());
  // One audit entry, by nobody, from the sender's address, naming the reference and not the person.
  const auto audit = test::audit_entries(p.s.store, {.action_prefix = "article.intake"});
  BOOST_TEST_REQUIRE(audit.size() == 1u);
  BOOST_TEST(audit[0].object == "article/1");
  BOOST_TEST(audit[0].actor.empty());
  BOOST_TEST(audit[0].to == "submitted");
  BOOST_TEST(audit[0].address == "203.0.113.7");
  BOOST_TEST(audit[0].reason == "mã tham chiếu " + r.reference);
}

BOOST_AUTO_TEST_CASE(the_store_file_holds_no_sender_data_in_clear) {
  Portal p;
  BOOST_TEST_REQUIRE(p.submit(p.good()).errors.empty());
  const std::string raw = file_bytes(store::DataDir(p.s.dir.path).store_file());
  BOOST_TEST_REQUIRE(raw.find("Tập huấn kỹ thuật trồng lúa") != std::string::npos);  // the file is the right one
  BOOST_TEST(raw.find(kEmail) == std::string::npos);
  BOOST_TEST(raw.find("bichngoc") == std::string::npos);
  BOOST_TEST(raw.find(kPhone) == std::string::npos);
  BOOST_TEST(raw.find("654 321") == std::string::npos);
  BOOST_TEST(raw.find(kName) == std::string::npos);
  BOOST_TEST(raw.find("Bích Ngọc") == std::string::npos);
  BOOST_TEST(raw.find(kOrganisation) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(refusals_write_nothing_and_name_each_field) {
  Portal p;
  const auto mark = test::change_mark(p.s.store);
  auto bad = p.good();
  bad.name = "";
  bad.email = "khong-phai-thu";
  bad.phone = "12ab";
  bad.title = "Ngắn";
  bad.summary = "";
  bad.body = "Quá ngắn.";
  bad.category_id = 999;
  bad.consent = false;
  bad.organisation = std::string(201, 'x');
  const auto r = p.submit(bad);
  BOOST_TEST(r.article_id == 0u);
  BOOST_TEST(r.reference.empty());
  for (const Field f : {Field::name, Field::organisation, Field::email, Field::phone, Field::title, Field::summary,
                        Field::body, Field::category, Field::consent})
    BOOST_TEST(has_field(r.errors, f), "no message for field " << static_cast<int>(f));
  BOOST_TEST(!has_field(r.errors, Field::contact));  // contacts were given, only wrongly
  const auto title =
      std::find_if(r.errors.begin(), r.errors.end(), [](const auto& e) { return e.field == Field::title; });
  BOOST_TEST(title->message == "Tiêu đề quá ngắn (ít nhất 10 ký tự).");
  // Neither e-mail nor phone: one message about the contact.
  auto none = p.good();
  none.email = "";
  none.phone = "  ";
  const auto r2 = p.submit(none);
  BOOST_TEST_REQUIRE(r2.errors.size() == 1u);
  BOOST_TEST(r2.errors[0].field == Field::contact);
  // A phone alone is enough; bytes that are not text are refused.
  auto phone_only = p.good();
  phone_only.email = "";
  phone_only.title = std::string("Tiêu đề \xff\xfe hỏng");
  const auto r3 = p.submit(phone_only);
  BOOST_TEST_REQUIRE(r3.errors.size() == 1u);
  BOOST_TEST(r3.errors[0].message == "Tiêu đề chứa ký tự không hợp lệ.");
  // Nothing was written: no article, no source, no audit entry, no change.
  BOOST_TEST(p.articles() == 0u);
  BOOST_TEST(test::audit_entries(p.s.store, {.action_prefix = "article."}).empty());
  BOOST_TEST(test::changes_after(p.s.store, mark).empty());
  const store::ReadTxn txn = p.s.store.read();
  BOOST_TEST(!store::get_intake_source(txn, p.s.store.tables(), 1).has_value());
}

BOOST_AUTO_TEST_CASE(the_board_sees_the_source_and_others_do_not) {
  Portal p;
  const auto r = p.submit(p.good());
  BOOST_TEST_REQUIRE(r.errors.empty());
  const store::ReadTxn txn = p.s.store.read();
  const auto& t = p.s.store.tables();
  const auto item = editorial::load_item(txn, t, r.article_id);
  BOOST_TEST_REQUIRE(item.has_value());
  const model::Actor secretary{
      .username = "thuky", .role = model::Role::secretariat, .address = "", .console = false, .agency_id = 0};
  const model::Actor reporter{
      .username = "phongvien", .role = model::Role::reporter, .address = "", .console = false, .agency_id = 0};
  const auto seen = portald::intake::source_for(txn, t, &p.key, *item, secretary);
  BOOST_TEST_REQUIRE(seen.has_value());
  BOOST_TEST_REQUIRE(seen->sender.has_value());
  BOOST_TEST(seen->sender->email == kEmail);
  const auto without_key = portald::intake::source_for(txn, t, nullptr, *item, secretary);
  BOOST_TEST_REQUIRE(without_key.has_value());
  BOOST_TEST(!without_key->sender.has_value());  // the record, still closed
  BOOST_TEST(!portald::intake::source_for(txn, t, &p.key, *item, reporter).has_value());
  // The thank-you page's look-up: the code as typed, in any case, with spaces; unknown codes are not found.
  std::string typed = r.reference;
  std::transform(typed.begin(), typed.end(), typed.begin(),
                 [](char c) { return c == '-' ? ' ' : char(std::tolower(c)); });
  BOOST_TEST(portald::intake::known_reference(txn, t, typed).value_or("") == r.reference);
  BOOST_TEST(!portald::intake::known_reference(txn, t, "AAAA-AAAA-AAAA").has_value());
  BOOST_TEST(!portald::intake::known_reference(txn, t, "").has_value());
}

BOOST_AUTO_TEST_CASE(two_submissions_get_two_articles_and_two_codes) {
  Portal p;
  const auto a = p.submit(p.good());
  const auto b = p.submit(p.good());
  BOOST_TEST_REQUIRE((a.errors.empty() && b.errors.empty()));
  BOOST_TEST(a.article_id != b.article_id);
  BOOST_TEST(a.reference != b.reference);
  BOOST_TEST(p.articles() == 2u);
}

BOOST_AUTO_TEST_CASE(the_shared_guard_speaks_of_news_on_the_news_form) {
  using questions::Verdict;
  BOOST_TEST(questions::verdict_message(Verdict::too_fast, questions::kNewsWords) ==
             "Tin bài được gửi quá nhanh sau khi mở trang. Vui lòng đọc lại nội dung rồi bấm Gửi tin bài lần nữa.");
  BOOST_TEST(questions::verdict_message(Verdict::address_limited, questions::kNewsWords) ==
             "Bạn đã gửi nhiều tin bài trong thời gian ngắn. Vui lòng thử lại sau một giờ; nội dung bạn nhập vẫn được "
             "giữ nguyên.");
  // The questions' form keeps its words.
  BOOST_TEST(questions::verdict_message(Verdict::honeypot) ==
             "Không gửi được câu hỏi. Vui lòng kiểm tra lại nội dung rồi bấm Gửi câu hỏi.");
  BOOST_TEST(questions::verdict_message(Verdict::ok, questions::kNewsWords).empty());
}

namespace {

const model::Actor kSecretary{
    .username = "thuky", .role = model::Role::secretariat, .address = "10.0.0.7", .console = false, .agency_id = 0};
const model::Actor kChief{.username = "truongban",
                          .role = model::Role::editor_in_chief,
                          .address = "10.0.0.8",
                          .console = false,
                          .agency_id = 0};

void step(const Portal& p, std::uint64_t id, model::Transition tr, const model::Actor& a, const mail::Outbox& outbox,
          const std::string& reason = "") {
  store::WriteTxn txn = p.s.store.write();
  const auto r = editorial::take_transition(txn, p.s.store.tables(), id, tr, a, reason, 0, kNow + 3600, outbox);
  BOOST_REQUIRE_MESSAGE((r.outcome == editorial::Outcome::done), model::to_string(tr));
  txn.commit();
}

std::vector<mail::Message> queued(const Portal& p) {
  const store::ReadTxn txn = p.s.store.read();
  std::vector<mail::Message> out;
  for (const auto& e : store::list_outbox(txn, p.s.store.tables()))
    out.push_back(mail::unseal(p.key, e.id, e.sealed).value().message);
  return out;
}

std::string notified(const Portal& p, std::uint64_t id) {
  const store::ReadTxn txn = p.s.store.read();
  return store::get_intake_source(txn, p.s.store.tables(), id).value().notified;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_sender_hears_once_when_the_item_is_published_or_returned) {
  Portal p;
  {
    store::WriteTxn txn = p.s.store.write();
    auto site = store::get_site_settings(txn, p.s.store.tables());
    site.portal_name = "Cổng thông tin điện tử tỉnh Thử Nghiệm";
    site.email = "bbt@example.vn";
    store::put_site_settings(txn, p.s.store.tables(), site);
    txn.commit();
  }
  const mail::Outbox outbox{&p.key};
  using T = model::Transition;
  const auto a = p.submit(p.good());
  BOOST_TEST_REQUIRE(a.errors.empty());
  step(p, a.article_id, T::take_for_editing, kSecretary, outbox);
  step(p, a.article_id, T::send_for_approval, kSecretary, outbox);
  BOOST_TEST(queued(p).empty());  // the steps between are the board's own
  step(p, a.article_id, T::approve, kChief, outbox);
  auto mails = queued(p);
  BOOST_TEST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].to == kEmail);
  BOOST_TEST(mails[0].to_name == kName);
  BOOST_TEST(mails[0].subject == "Tin bài đã được đăng: " + a.reference);
  BOOST_TEST(has(mails[0].body, "Kính gửi " + kName + ","));
  BOOST_TEST(has(mails[0].body, "Tin bài \"Tập huấn kỹ thuật trồng lúa cho nông dân xã Tân Phú\" (mã tham chiếu " +
                                    a.reference + ") ông/bà gửi đến Cổng thông tin điện tử tỉnh Thử Nghiệm"));
  BOOST_TEST(has(mails[0].body, "đã được Ban Biên tập duyệt và đăng tải."));
  BOOST_TEST(has(mails[0].body, "qua thư điện tử bbt@example.vn"));
  BOOST_TEST(notified(p, a.article_id) == "published");

  // Returned: the board's reason goes with it.
  const auto b = p.submit(p.good());
  BOOST_TEST_REQUIRE(b.errors.empty());
  step(p, b.article_id, T::return_to_author, kSecretary, outbox, "Thông tin chưa được xác minh");
  mails = queued(p);
  BOOST_TEST_REQUIRE(mails.size() == 2u);
  BOOST_TEST(mails[1].subject == "Tin bài chưa được đăng: " + b.reference);
  BOOST_TEST(has(mails[1].body, "chưa được Ban Biên tập duyệt đăng."));
  BOOST_TEST(has(mails[1].body, "Ý kiến của Ban Biên tập: Thông tin chưa được xác minh"));
  BOOST_TEST(notified(p, b.article_id) == "returned");

  // A sender who gave only a phone hears nothing by mail; mail off sends nothing and records nothing.
  auto phone_only = p.good();
  phone_only.email = "";
  const auto c = p.submit(phone_only);
  BOOST_TEST_REQUIRE(c.errors.empty());
  step(p, c.article_id, T::return_to_author, kSecretary, outbox, "Trùng tin đã đăng");
  const auto d = p.submit(p.good());
  BOOST_TEST_REQUIRE(d.errors.empty());
  step(p, d.article_id, T::return_to_author, kSecretary, mail::Outbox{}, "Trùng tin đã đăng");
  BOOST_TEST(queued(p).size() == 2u);
  BOOST_TEST(notified(p, c.article_id).empty());
  BOOST_TEST(notified(p, d.article_id).empty());
}

BOOST_AUTO_TEST_SUITE_END()
