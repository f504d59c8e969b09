// Citizens' questions (issue 12, Quy chế Điều 9): every (state, step, role) triple is checked against a
// table written out here by hand from the regulation, not read from question_rules(), so a rule added,
// dropped or widened in the code shows up as a failure. Then the special cases: another agency's item,
// reasons, publishing without the citizen's consent, the escalation cap, and the labels.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "daemon/model/permissions.hpp"
#include "daemon/model/question.hpp"
#include "daemon/model/text.hpp"

using namespace portald::model;

namespace portald::model {
// For Boost.Test's messages.
inline std::ostream& operator<<(std::ostream& out, QuestionState s) { return out << to_string(s); }
std::ostream& operator<<(std::ostream& out, QuestionStep s) { return out << to_string(s); }
std::ostream& operator<<(std::ostream& out, QuestionRefusal r) { return out << static_cast<int>(r); }
}  // namespace portald::model

namespace {

using S = QuestionState;
using St = QuestionStep;
using R = Role;

constexpr std::uint64_t kAgencyA = 7;
constexpr std::uint64_t kAgencyB = 9;

const std::vector<S> kStates{S::received, S::assigned,  S::needs_info, S::answered,
                             S::approved, S::published, S::closed};
const std::vector<St> kSteps{St::assign, St::return_not_ours, St::escalate, St::request_info, St::info_received,
                             St::answer, St::return_answer,   St::approve,  St::publish,      St::close};
const std::vector<R> kRoles{R::operator_, R::editor_in_chief, R::deputy,      R::secretariat,
                            R::member,    R::reporter,        R::contributor, R::agency_answerer};

const std::vector<R> kDataCentre{R::operator_, R::secretariat};
const std::vector<R> kBoard{R::editor_in_chief, R::deputy};

// The regulation written out: (from, step, role) that must be allowed, and where it leads. The agency
// answerer is of the item's own agency (kAgencyA) here.
std::map<std::tuple<S, St, R>, S> expected_allowed() {
  std::map<std::tuple<S, St, R>, S> m;
  std::vector<R> centre_and_board = kDataCentre;
  centre_and_board.insert(centre_and_board.end(), kBoard.begin(), kBoard.end());
  for (R r : centre_and_board) {
    m[{S::received, St::assign, r}] = S::assigned;
    m[{S::received, St::request_info, r}] = S::needs_info;
    m[{S::assigned, St::request_info, r}] = S::needs_info;
    m[{S::needs_info, St::info_received, r}] = S::assigned;  // the item keeps its agency
    m[{S::received, St::close, r}] = S::closed;
    m[{S::assigned, St::close, r}] = S::closed;
    m[{S::needs_info, St::close, r}] = S::closed;
    m[{S::approved, St::close, r}] = S::closed;
  }
  m[{S::assigned, St::return_not_ours, R::agency_answerer}] = S::received;
  m[{S::assigned, St::escalate, R::agency_answerer}] = S::received;
  m[{S::assigned, St::request_info, R::agency_answerer}] = S::needs_info;
  m[{S::assigned, St::answer, R::agency_answerer}] = S::answered;
  for (R r : kBoard) {
    m[{S::answered, St::return_answer, r}] = S::assigned;
    m[{S::answered, St::approve, r}] = S::approved;
    m[{S::approved, St::publish, r}] = S::published;
  }
  return m;
}

// Steps that need a reason (from these states); everything else allowed goes without one.
bool expected_needs_reason(S from, St step) {
  switch (step) {
    case St::return_not_ours:
    case St::escalate:
    case St::request_info:
    case St::return_answer: return true;
    case St::close: return from != S::approved;  // an approved answer closes as "answered privately"
    default: return false;
  }
}

// A question in `state` as the service would hold it: an agency once it left the data centre.
Question question_in(S state) {
  Question q;
  q.id = 1;
  q.state = state;
  q.agency_id = state == S::received ? 0 : kAgencyA;
  q.may_publish = true;
  return q;
}

std::uint64_t agency_of(R role) { return role == R::agency_answerer ? kAgencyA : 0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(question)

BOOST_AUTO_TEST_CASE(every_state_step_and_role_matches_the_regulation) {
  const auto allowed = expected_allowed();
  std::set<std::pair<S, St>> possible;  // (state, step) pairs some party may take at all
  for (const auto& [k, to] : allowed) possible.insert({std::get<0>(k), std::get<1>(k)});
  std::size_t checked = 0, ok = 0;
  for (S s : kStates)
    for (St step : kSteps)
      for (R r : kRoles) {
        const Question q = question_in(s);
        const auto check = check_question_step(q, step, r, agency_of(r), "Lý do cụ thể");
        std::ostringstream what;
        what << s << " " << step << " " << to_string(r);
        ++checked;
        if (const auto it = allowed.find({s, step, r}); it != allowed.end()) {
          ++ok;
          BOOST_TEST(static_cast<bool>(check), what.str() << " must be allowed, refusal " << check.refusal);
          BOOST_TEST((check.to == it->second), what.str() << " leads to " << check.to);
        } else {
          BOOST_TEST(!check, what.str() << " must be refused");
          const auto want =
              possible.count({s, step}) ? QuestionRefusal::not_allowed : QuestionRefusal::not_from_this_state;
          BOOST_TEST((check.refusal == want), what.str() << " refused with " << check.refusal);
          BOOST_TEST((check.to == s), what.str() << ": a refusal stays where it is");
        }
      }
  BOOST_TEST(checked == kStates.size() * kSteps.size() * kRoles.size());
  BOOST_TEST(ok == allowed.size());
  BOOST_TEST(allowed.size() == 42u);  // the table above, counted once by hand
}

BOOST_AUTO_TEST_CASE(the_parties_are_the_data_centre_the_board_and_the_agency) {
  BOOST_TEST((question_party(R::operator_) == QuestionParty::data_centre));
  BOOST_TEST((question_party(R::secretariat) == QuestionParty::data_centre));
  BOOST_TEST((question_party(R::editor_in_chief) == QuestionParty::board));
  BOOST_TEST((question_party(R::deputy) == QuestionParty::board));
  BOOST_TEST((question_party(R::agency_answerer) == QuestionParty::agency));
  BOOST_TEST((question_party(R::reporter) == QuestionParty::none));
  BOOST_TEST((question_party(R::contributor) == QuestionParty::none));
  BOOST_TEST((question_party(R::member) == QuestionParty::none));  // a board member has no question step
  BOOST_TEST(all_roles().size() == kRoles.size());                 // a new role must be placed here too
}

BOOST_AUTO_TEST_CASE(an_answerer_of_another_agency_may_take_no_step) {
  for (S s : kStates)
    for (St step : kSteps) {
      const Question q = question_in(s);
      for (std::uint64_t other : {kAgencyB, std::uint64_t(0)}) {
        const auto check = check_question_step(q, step, R::agency_answerer, other, "Lý do");
        BOOST_TEST(!check, to_string(s) << " " << to_string(step) << " by agency " << other);
      }
      BOOST_TEST(available_steps(q, R::agency_answerer, kAgencyB).empty());
    }
  // Its own agency's answerer may, on the very same item.
  BOOST_TEST(
      static_cast<bool>(check_question_step(question_in(S::assigned), St::answer, R::agency_answerer, kAgencyA, "")));
  BOOST_TEST((check_question_step(question_in(S::assigned), St::answer, R::agency_answerer, kAgencyB, "").refusal ==
              QuestionRefusal::not_allowed));
}

BOOST_AUTO_TEST_CASE(reasons_are_required_where_the_rules_say) {
  const auto allowed = expected_allowed();
  std::size_t with_reason = 0;
  for (const auto& [k, to] : allowed) {
    const auto [s, step, r] = k;
    const Question q = question_in(s);
    for (std::string_view blank : {"", "   ", "\n\t "}) {
      const auto check = check_question_step(q, step, r, agency_of(r), blank);
      if (expected_needs_reason(s, step)) {
        BOOST_TEST((check.refusal == QuestionRefusal::reason_required), to_string(s) << " " << to_string(step));
        BOOST_TEST((check.to == s));
      } else {
        BOOST_TEST(static_cast<bool>(check), to_string(s) << " " << to_string(step) << " needs no reason");
      }
    }
    with_reason += expected_needs_reason(s, step);
  }
  BOOST_TEST(with_reason > 0u);
}

BOOST_AUTO_TEST_CASE(publish_needs_the_citizens_consent_and_close_remains) {
  Question q = question_in(S::approved);
  q.may_publish = false;
  for (R r : kBoard) {
    BOOST_TEST((check_question_step(q, St::publish, r, 0, "").refusal == QuestionRefusal::not_publishable));
    BOOST_TEST((available_steps(q, r, 0) == std::vector<St>{St::close}));
    BOOST_TEST((check_question_step(q, St::close, r, 0, "").to == S::closed));
  }
  BOOST_TEST(!refusal_message(QuestionRefusal::not_publishable).empty());
  q.may_publish = true;
  BOOST_TEST((check_question_step(q, St::publish, R::deputy, 0, "").to == S::published));
}

BOOST_AUTO_TEST_CASE(escalation_stops_at_the_provincial_committee) {
  BOOST_TEST(kMaxEscalation == 2);
  Question q = question_in(S::assigned);
  for (int level = 0; level < kMaxEscalation; ++level) {
    q.escalation = level;
    const auto check = check_question_step(q, St::escalate, R::agency_answerer, kAgencyA, "Vượt thẩm quyền");
    BOOST_TEST(static_cast<bool>(check), "level " << level);
    BOOST_TEST((check.to == S::received));
  }
  q.escalation = kMaxEscalation;
  BOOST_TEST((check_question_step(q, St::escalate, R::agency_answerer, kAgencyA, "Vượt thẩm quyền").refusal ==
              QuestionRefusal::not_allowed));
  const auto steps = available_steps(q, R::agency_answerer, kAgencyA);
  BOOST_TEST(
      (std::set<St>(steps.begin(), steps.end()) == std::set<St>{St::return_not_ours, St::request_info, St::answer}));
  // Each level has its own name.
  std::set<std::string> names;
  for (int level = 0; level <= kMaxEscalation; ++level) {
    const auto name = escalation_label(level, "tỉnh");
    BOOST_TEST(!name.empty());
    BOOST_TEST(to_nfc(name).value_or("") == std::string(name));
    names.insert(name);
  }
  BOOST_TEST(names.size() == std::size_t(kMaxEscalation) + 1);
  BOOST_TEST(escalation_label(2, "tỉnh") == "UBND tỉnh");
  BOOST_TEST(escalation_label(2, "thành phố") == "UBND thành phố");
}

BOOST_AUTO_TEST_CASE(info_received_goes_back_to_the_data_centre_when_no_agency_holds_it) {
  Question q = question_in(S::needs_info);
  q.agency_id = 0;  // asked from "received", before any assignment
  for (R r : {R::operator_, R::secretariat, R::editor_in_chief, R::deputy}) {
    const auto check = check_question_step(q, St::info_received, r, 0, "");
    BOOST_TEST(static_cast<bool>(check));
    BOOST_TEST((check.to == S::received), to_string(r));
  }
  q.agency_id = kAgencyA;
  BOOST_TEST((check_question_step(q, St::info_received, R::secretariat, 0, "").to == S::assigned));
}

BOOST_AUTO_TEST_CASE(available_steps_are_the_allowed_ones_for_every_state_and_role) {
  const auto allowed = expected_allowed();
  for (S s : kStates)
    for (R r : kRoles) {
      std::set<St> want;
      for (St step : kSteps)
        if (allowed.count({s, step, r})) want.insert(step);
      const auto got = available_steps(question_in(s), r, agency_of(r));
      BOOST_TEST((std::set<St>(got.begin(), got.end()) == want), to_string(s) << " " << to_string(r));
      BOOST_TEST(got.size() == want.size(), "no step twice: " << to_string(s) << " " << to_string(r));
    }
  // The buttons of the usual moments, spelled out.
  BOOST_TEST((available_steps(question_in(S::received), R::secretariat, 0) ==
              std::vector<St>{St::assign, St::request_info, St::close}));
  BOOST_TEST(
      (available_steps(question_in(S::answered), R::deputy, 0) == std::vector<St>{St::return_answer, St::approve}));
  BOOST_TEST(available_steps(question_in(S::answered), R::agency_answerer, kAgencyA).empty());
  BOOST_TEST(available_steps(question_in(S::assigned), R::reporter, 0).empty());
}

BOOST_AUTO_TEST_CASE(who_may_see_an_item) {
  for (S s : kStates) {
    const Question q = question_in(s);
    for (R r : {R::operator_, R::secretariat, R::editor_in_chief, R::deputy}) BOOST_TEST(may_see_question(q, r, 0));
    BOOST_TEST(!may_see_question(q, R::reporter, kAgencyA));
    BOOST_TEST(!may_see_question(q, R::contributor, kAgencyA));
    BOOST_TEST(!may_see_question(q, R::agency_answerer, kAgencyB), to_string(s));
    BOOST_TEST(!may_see_question(q, R::agency_answerer, 0), to_string(s));
    // Its own agency's items, once assigned; a received item is the data centre's.
    BOOST_TEST(may_see_question(q, R::agency_answerer, kAgencyA) == (s != S::received), to_string(s));
  }
  // A received item that still names the agency (the index lags nothing, but the rule must not rely on it).
  Question q = question_in(S::received);
  q.agency_id = kAgencyA;
  BOOST_TEST(!may_see_question(q, R::agency_answerer, kAgencyA));
}

BOOST_AUTO_TEST_CASE(overdue_only_while_an_answer_is_owed_and_after_the_due_day) {
  for (S s : kStates) {
    Question q = question_in(s);
    q.due_day = 20000;
    const bool owed = s == S::received || s == S::assigned || s == S::needs_info || s == S::answered;
    BOOST_TEST(answer_pending(s) == owed, to_string(s));
    BOOST_TEST(!is_overdue(q, 19999));
    BOOST_TEST(!is_overdue(q, 20000), "the due day itself is still in time");
    BOOST_TEST(is_overdue(q, 20001) == owed, to_string(s));
    q.due_day = 0;
    BOOST_TEST(!is_overdue(q, 30000), "no due day, never overdue");
  }
}

BOOST_AUTO_TEST_CASE(labels_are_nfc_vietnamese_and_keys_round_trip) {
  std::set<std::string_view> keys, labels;
  for (S s : kStates) {
    const auto key = to_string(s);
    BOOST_TEST(!key.empty());
    BOOST_TEST(keys.insert(key).second, key);
    const auto back = parse_question_state(key);
    BOOST_TEST_REQUIRE(back.has_value(), key);
    BOOST_TEST((*back == s));
    const auto label = state_label(s);
    BOOST_TEST(!label.empty(), key);
    BOOST_TEST(to_nfc(label).value_or("") == std::string(label), key << ": label not NFC");
    BOOST_TEST(labels.insert(label).second, "duplicate label " << label);
  }
  keys.clear();
  labels.clear();
  std::set<AuditAction> actions;
  for (St step : kSteps) {
    const auto key = to_string(step);
    BOOST_TEST(!key.empty());
    BOOST_TEST(keys.insert(key).second, key);
    const auto back = parse_question_step(key);
    BOOST_TEST_REQUIRE(back.has_value(), key);
    BOOST_TEST((*back == step));
    const auto label = step_label(step);
    BOOST_TEST(!label.empty(), key);
    BOOST_TEST(to_nfc(label).value_or("") == std::string(label), key << ": label not NFC");
    BOOST_TEST(labels.insert(label).second, "duplicate label " << label);
    // Each step is its own audit action, named after the step's key.
    BOOST_TEST(actions.insert(audit_action(step)).second, key);
    BOOST_TEST(to_string(audit_action(step)) == "question." + std::string(key));
  }
  BOOST_TEST(!parse_question_state("").has_value());
  BOOST_TEST(!parse_question_state("Received").has_value());
  BOOST_TEST(!parse_question_step("").has_value());
  BOOST_TEST(!parse_question_step("publish ").has_value());
  for (auto r : {QuestionRefusal::not_from_this_state, QuestionRefusal::not_allowed, QuestionRefusal::reason_required,
                 QuestionRefusal::not_publishable, QuestionRefusal::no_agency}) {
    const auto m = refusal_message(r);
    BOOST_TEST(!m.empty());
    BOOST_TEST(to_nfc(m).value_or("") == std::string(m));
  }
  BOOST_TEST(refusal_message(QuestionRefusal::none).empty());
}

BOOST_AUTO_TEST_CASE(deadlines_come_from_the_field_or_the_default) {
  const auto defaults = default_question_settings();
  BOOST_TEST(!defaults.fields.empty());
  BOOST_TEST(defaults.default_deadline_days > 0);
  BOOST_TEST(defaults.retention_days > 0);
  for (const auto& f : defaults.fields) BOOST_TEST(to_nfc(f.name).value_or("") == f.name);
  QuestionSettings s;
  s.default_deadline_days = 10;
  s.fields = {{"Đất đai", 15}, {"Y tế", 0}};
  BOOST_TEST(deadline_days(s, "Đất đai") == 15);
  BOOST_TEST(deadline_days(s, "Y tế") == 10);      // 0 = the default
  BOOST_TEST(deadline_days(s, "Không có") == 10);  // unknown field
  BOOST_TEST(deadline_days(s, "đất đai") == 10);   // names are exact
}

BOOST_AUTO_TEST_SUITE_END()
