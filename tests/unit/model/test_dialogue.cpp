// Online dialogues (issue 12, Điều 5.5): the event's states and steps, the moderation rules of its
// questions, the fields' checks, and the live stream allowed only from the operator's allow-list.
#include <boost/test/unit_test.hpp>

#include <set>

#include "daemon/model/dialogue.hpp"
#include "daemon/model/text.hpp"

using namespace portald::model;

namespace {

using S = DialogueState;
using St = DialogueStep;
using E = DialogueEntryState;
using M = DialogueModeration;

Dialogue good() {
  Dialogue d;
  d.title = "Đối thoại về thủ tục đất đai";
  d.agency_id = 3;
  d.officials = {"Ông Nguyễn Văn A, Giám đốc Sở Tài nguyên và Môi trường"};
  d.starts_at = 1'740'000'000;
  d.ends_at = d.starts_at + 7200;
  d.description = "Giải đáp thắc mắc.";
  return d;
}

const EmbedPolicy kAllowed{{"https://www.youtube-nocookie.com", "https://video.tinh.gov.vn:8443"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(dialogue)

BOOST_AUTO_TEST_CASE(steps_go_planned_live_ended_and_cancel_only_before_it_starts) {
  BOOST_TEST((next_state(S::planned, St::start) == S::live));
  BOOST_TEST((next_state(S::live, St::end) == S::ended));
  BOOST_TEST((next_state(S::planned, St::cancel) == S::cancelled));
  // Every other (state, step) is refused.
  int allowed = 0;
  for (const S s : {S::planned, S::live, S::ended, S::cancelled})
    for (const St st : {St::start, St::end, St::cancel}) allowed += next_state(s, st) ? 1 : 0;
  BOOST_TEST(allowed == 3);
  BOOST_TEST(!next_state(S::ended, St::start));
  BOOST_TEST(!next_state(S::live, St::cancel));
  BOOST_TEST((available_steps(S::planned) == std::vector<St>{St::start, St::cancel}));
  BOOST_TEST(available_steps(S::ended).empty());
  BOOST_TEST(accepts_questions(S::planned));
  BOOST_TEST(accepts_questions(S::live));
  BOOST_TEST(!accepts_questions(S::ended));
  BOOST_TEST(!accepts_questions(S::cancelled));
  BOOST_TEST(editable(S::ended));  // the record may be corrected
  BOOST_TEST(!editable(S::cancelled));
}

BOOST_AUTO_TEST_CASE(keys_round_trip_and_labels_are_vietnamese_nfc) {
  std::set<std::string_view> labels;
  for (const S s : {S::planned, S::live, S::ended, S::cancelled}) {
    BOOST_TEST((parse_dialogue_state(to_string(s)) == s));
    BOOST_TEST(to_nfc(state_label(s)).value_or("") == std::string(state_label(s)));
    BOOST_TEST(labels.insert(state_label(s)).second);
  }
  for (const St st : {St::start, St::end, St::cancel}) {
    BOOST_TEST((parse_dialogue_step(to_string(st)) == st));
    BOOST_TEST(to_string(audit_action(st)) == "dialogue." + std::string(to_string(st)));
  }
  for (const E e : {E::pending, E::accepted, E::rejected}) BOOST_TEST((parse_dialogue_entry_state(to_string(e)) == e));
  BOOST_TEST(!parse_dialogue_state("published"));
  BOOST_TEST(state_label(S::live) == "Đang diễn ra");
}

BOOST_AUTO_TEST_CASE(moderation_accepts_and_rejects_before_the_end_and_answers_only_accepted_ones_live) {
  BOOST_TEST(moderation_refusal(S::planned, E::pending, M::accept).empty());
  BOOST_TEST(moderation_refusal(S::live, E::pending, M::reject).empty());
  BOOST_TEST(moderation_refusal(S::live, E::accepted, M::reject).empty());  // taken off the page
  BOOST_TEST(!moderation_refusal(S::live, E::accepted, M::accept).empty());
  BOOST_TEST(!moderation_refusal(S::live, E::rejected, M::reject).empty());
  BOOST_TEST(!moderation_refusal(S::ended, E::pending, M::accept).empty());
  BOOST_TEST(!moderation_refusal(S::cancelled, E::pending, M::reject).empty());
  BOOST_TEST(moderation_refusal(S::live, E::accepted, M::answer).empty());
  BOOST_TEST(moderation_refusal(S::ended, E::accepted, M::answer).empty());  // a correction of the record
  BOOST_TEST(!moderation_refusal(S::planned, E::accepted, M::answer).empty());
  BOOST_TEST(!moderation_refusal(S::live, E::pending, M::answer).empty());
  BOOST_TEST(!moderation_refusal(S::live, E::rejected, M::answer).empty());
  DialogueEntry e;
  BOOST_TEST(!is_public(e));
  e.state = E::accepted;
  BOOST_TEST(is_public(e));
  e.state = E::rejected;
  BOOST_TEST(!is_public(e));
}

BOOST_AUTO_TEST_CASE(a_good_dialogue_passes_and_each_bad_field_is_named) {
  BOOST_TEST(check_dialogue(good(), {}).empty());
  auto d = good();
  d.title = "Đối";
  BOOST_TEST(check_dialogue(d, {}).size() == 1u);
  d = good();
  d.agency_id = 0;
  d.officials.clear();
  BOOST_TEST(check_dialogue(d, {}).size() == 2u);
  d = good();
  d.ends_at = d.starts_at;
  BOOST_TEST(check_dialogue(d, {}).front() == "Thời gian kết thúc phải sau thời gian bắt đầu.");
  d.ends_at = d.starts_at + 25 * 3600;
  BOOST_TEST(check_dialogue(d, {}).size() == 1u);
  d = good();
  d.starts_at = 0;
  BOOST_TEST(!check_dialogue(d, {}).empty());
  d = good();
  d.officials.assign(kDialogueOfficialsMax + 1, "Bà Trần Thị B");
  BOOST_TEST(check_dialogue(d, {}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_stream_must_come_from_an_allow_listed_origin) {
  auto d = good();
  d.stream_url = "https://www.youtube-nocookie.com/embed/abc123";
  BOOST_TEST(check_dialogue(d, kAllowed).empty());
  d.stream_url = "https://VIDEO.tinh.gov.vn:8443/live/1";
  BOOST_TEST(check_dialogue(d, kAllowed).empty());
  // Not on the list: another host, plain http, another port, a look-alike, user info, a script.
  for (const char* url : {"https://www.youtube.com/embed/abc123", "http://www.youtube-nocookie.com/embed/abc",
                          "https://video.tinh.gov.vn/live/1", "https://www.youtube-nocookie.com.evil.vn/embed/x",
                          "https://www.youtube-nocookie.com@evil.vn/x", "javascript:alert(1)"}) {
    d.stream_url = url;
    const auto errors = check_dialogue(d, kAllowed);
    BOOST_TEST_REQUIRE(errors.size() == 1u, url);
    BOOST_TEST(
        errors.front().find("https://www.youtube-nocookie.com, https://video.tinh.gov.vn:8443") != std::string::npos,
        url);
  }
  // With an empty allow-list every stream is refused, and the message says why.
  d.stream_url = "https://www.youtube-nocookie.com/embed/abc123";
  const auto errors = check_dialogue(d, {});
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors.front().find("embed_origins") != std::string::npos);
  BOOST_TEST(to_nfc(errors.front()).value_or("") == errors.front());
}

BOOST_AUTO_TEST_SUITE_END()
