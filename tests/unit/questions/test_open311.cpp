// The Open311 GeoReport v2 reading of questions (issue 12): stable service codes from the field names, the
// spec's two statuses, the status filter's words, a title derived from a description, the name's order.
#include <boost/test/unit_test.hpp>

#include "daemon/model/text.hpp"
#include "daemon/questions/open311.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/questions/submission_guard.hpp"

using namespace portald;
namespace o311 = questions::open311;
using model::QuestionState;

BOOST_AUTO_TEST_SUITE(open311)

BOOST_AUTO_TEST_CASE(a_service_code_is_the_slug_of_the_field_and_finds_it_back) {
  BOOST_TEST(o311::service_code("Y tế") == "y-te");
  BOOST_TEST(o311::service_code("Đất đai") == "dat-dai");
  const auto settings = model::default_question_settings();
  for (const auto& f : settings.fields) {
    const auto code = o311::service_code(f.name);
    BOOST_TEST(!code.empty());
    const auto back = o311::field_by_code(settings, code);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->name == f.name);
  }
  BOOST_TEST(!o311::field_by_code(settings, "khong-co").has_value());
  BOOST_TEST(!o311::field_by_code(settings, "").has_value());
}

BOOST_AUTO_TEST_CASE(open_while_an_answer_is_owed_closed_after) {
  for (const auto s :
       {QuestionState::received, QuestionState::assigned, QuestionState::needs_info, QuestionState::answered})
    BOOST_TEST(o311::status_of(s) == "open");
  for (const auto s : {QuestionState::approved, QuestionState::published, QuestionState::closed})
    BOOST_TEST(o311::status_of(s) == "closed");
}

BOOST_AUTO_TEST_CASE(the_status_filter_takes_open_closed_or_both_and_nothing_else) {
  const auto both = o311::parse_status_filter("");
  BOOST_TEST_REQUIRE(both.has_value());
  BOOST_TEST((both->open && both->closed));
  const auto open = o311::parse_status_filter("open");
  BOOST_TEST_REQUIRE(open.has_value());
  BOOST_TEST((open->open && !open->closed));
  const auto list = o311::parse_status_filter("closed, open");
  BOOST_TEST_REQUIRE(list.has_value());
  BOOST_TEST((list->open && list->closed));
  BOOST_TEST(!o311::parse_status_filter("pending").has_value());
  BOOST_TEST(!o311::parse_status_filter("open,,closed").has_value());
}

BOOST_AUTO_TEST_CASE(a_derived_title_is_the_first_sentence_or_a_cut_that_fits) {
  BOOST_TEST(o311::derived_title("Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ. Tôi muốn hỏi hồ sơ gồm gì?") ==
             "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ");
  BOOST_TEST(o311::derived_title("  Hỏi về lệ phí?\nDòng thứ hai") == "Hỏi về lệ phí?");
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "chữ ";
  const auto t = o311::derived_title(long_text);
  BOOST_TEST(model::count_code_points(t) <= 120u);
  BOOST_TEST(t.ends_with("…"));
  BOOST_TEST(!t.ends_with(" …"));
  BOOST_TEST(model::count_code_points(t) >= questions::kTitleMin);
}

BOOST_AUTO_TEST_CASE(the_full_name_puts_the_family_name_first) {
  BOOST_TEST(o311::full_name("Văn An", "Nguyễn") == "Nguyễn Văn An");
  BOOST_TEST(o311::full_name(" An ", "") == "An");
  BOOST_TEST(o311::full_name("", "Trần") == "Trần");
  BOOST_TEST(o311::full_name("", "").empty());
}

BOOST_AUTO_TEST_CASE(the_api_door_shares_the_forms_limits_per_address) {
  questions::SubmissionGuard guard({.min_fill_seconds = 0,
                                    .max_form_age_seconds = 86400,
                                    .per_address = 3,
                                    .address_window_seconds = 3600,
                                    .global_per_minute = 100,
                                    .lookups_per_address = 30,
                                    .addresses_tracked = 100});
  constexpr model::UnixTime now = 1'740'000'000;
  BOOST_TEST((guard.admit(guard.issue_token(now - 10), false, "198.51.100.7", now) == questions::Verdict::ok));
  BOOST_TEST((guard.admit_api("198.51.100.7", now) == questions::Verdict::ok));
  BOOST_TEST((guard.admit_api("198.51.100.7", now) == questions::Verdict::ok));
  BOOST_TEST((guard.admit_api("198.51.100.7", now) == questions::Verdict::address_limited));
  BOOST_TEST(
      (guard.admit(guard.issue_token(now - 10), false, "198.51.100.7", now) == questions::Verdict::address_limited));
  BOOST_TEST((guard.admit_api("198.51.100.8", now) == questions::Verdict::ok));
  BOOST_TEST((guard.admit_api("198.51.100.7", now + 3601) == questions::Verdict::ok));
}

BOOST_AUTO_TEST_SUITE_END()
