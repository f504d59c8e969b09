// The editorial state machine (Quy chế Điều 8): every (state, transition, role) triple is checked against
// an independent list of the allowed ones, so every forbidden transition is shown to be refused.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <tuple>

#include "daemon/model/permissions.hpp"
#include "daemon/model/workflow.hpp"

using namespace portald::model;

namespace {

using S = ArticleStatus;
using T = Transition;
using R = Role;

const std::vector<S> kStates{S::draft,    S::submitted, S::editing,   S::awaiting_approval,     S::published,
                             S::returned, S::withdrawn, S::scheduled, S::awaiting_clarification};
const std::vector<T> kTransitions{T::submit,   T::take_for_editing,  T::send_for_approval,   T::return_to_author,
                                  T::approve,  T::schedule,          T::unschedule,          T::publish_scheduled,
                                  T::withdraw, T::ask_clarification, T::answer_clarification};

// The regulation, written out by hand: (from, transition, role) that must be allowed, and the target.
std::map<std::tuple<S, T, R>, S> expected_allowed() {
  std::map<std::tuple<S, T, R>, S> m;
  // A board member (issue 16) writes and submits like an author, and takes none of the other moves.
  for (R r : {R::editor_in_chief, R::deputy, R::secretariat, R::member, R::reporter, R::contributor}) {
    m[{S::draft, T::submit, r}] = S::submitted;
    m[{S::returned, T::submit, r}] = S::submitted;
    // Điều 8.2: the provider answers the board's question; the item goes back to the secretariat.
    m[{S::awaiting_clarification, T::answer_clarification, r}] = S::submitted;
  }
  for (R r : {R::editor_in_chief, R::deputy, R::secretariat}) {
    m[{S::submitted, T::take_for_editing, r}] = S::editing;
    m[{S::editing, T::send_for_approval, r}] = S::awaiting_approval;
    m[{S::submitted, T::return_to_author, r}] = S::returned;
    m[{S::editing, T::return_to_author, r}] = S::returned;
    m[{S::submitted, T::ask_clarification, r}] = S::awaiting_clarification;
    m[{S::editing, T::ask_clarification, r}] = S::awaiting_clarification;
  }
  for (R r : {R::editor_in_chief, R::deputy}) {
    m[{S::awaiting_approval, T::return_to_author, r}] = S::returned;
    m[{S::scheduled, T::return_to_author, r}] = S::returned;
    m[{S::awaiting_approval, T::approve, r}] = S::published;
    m[{S::awaiting_approval, T::schedule, r}] = S::scheduled;
    m[{S::scheduled, T::unschedule, r}] = S::awaiting_approval;
    m[{S::published, T::withdraw, r}] = S::withdrawn;
    m[{S::awaiting_approval, T::ask_clarification, r}] = S::awaiting_clarification;
  }
  return m;
}

bool needs_reason(T t) {
  return t == T::return_to_author || t == T::withdraw || t == T::ask_clarification || t == T::answer_clarification;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow_transitions)

BOOST_AUTO_TEST_CASE(every_triple_matches_the_regulation) {
  const auto allowed_set = expected_allowed();
  int allowed_count = 0, refused_count = 0;
  for (S from : kStates)
    for (T t : kTransitions)
      for (R role : all_roles()) {
        const auto check = check_transition(from, t, role, "Lý do cụ thể");
        const auto it = allowed_set.find({from, t, role});
        const std::string label =
            std::string(to_string(from)) + " " + std::string(to_string(t)) + " by " + std::string(to_string(role));
        if (it == allowed_set.end()) {
          BOOST_TEST(!check, "must be refused: " << label);
          ++refused_count;
        } else {
          BOOST_TEST(bool(check), "must be allowed: " << label);
          BOOST_TEST((check.to == it->second), label);
          ++allowed_count;
        }
      }
  BOOST_TEST(allowed_count == int(allowed_set.size()));
  BOOST_TEST(refused_count == int(kStates.size() * kTransitions.size() * all_roles().size() - allowed_set.size()));
}

BOOST_AUTO_TEST_CASE(operators_and_answerers_take_no_editorial_transition) {
  for (S from : kStates)
    for (R role : {R::operator_, R::agency_answerer}) {
      BOOST_TEST(available_transitions(from, role).empty());
      for (T t : kTransitions) BOOST_TEST(!check_transition(from, t, role, "x"));
    }
}

BOOST_AUTO_TEST_CASE(return_and_withdraw_need_a_written_reason) {
  for (const auto& rule : transition_table()) {
    BOOST_TEST(rule.needs_reason == needs_reason(rule.transition));
    if (rule.roles.empty()) continue;
    const R role = rule.roles.front();
    for (std::string_view blank : {"", "   ", "\t\n"}) {
      const auto c = check_transition(rule.from, rule.transition, role, blank);
      if (rule.needs_reason)
        BOOST_TEST((c.refusal == TransitionRefusal::reason_required));
      else
        BOOST_TEST(bool(c));
    }
  }
}

BOOST_AUTO_TEST_CASE(asking_to_clarify_needs_a_question_and_answering_needs_an_answer) {
  BOOST_TEST((check_transition(S::editing, T::ask_clarification, R::secretariat, " ").refusal ==
              TransitionRefusal::reason_required));
  BOOST_TEST((check_transition(S::awaiting_clarification, T::answer_clarification, R::contributor, "").refusal ==
              TransitionRefusal::reason_required));
  // The secretariat cannot ask about what it already presented for approval, nor about a scheduled item.
  BOOST_TEST((check_transition(S::awaiting_approval, T::ask_clarification, R::secretariat, "Vì sao?").refusal ==
              TransitionRefusal::role_not_allowed));
  BOOST_TEST((check_transition(S::scheduled, T::ask_clarification, R::editor_in_chief, "Vì sao?").refusal ==
              TransitionRefusal::not_from_this_state));
  // Nothing but the answer leaves the state: no approval, no submission around it.
  const auto from_waiting = available_transitions(S::awaiting_clarification, R::secretariat);
  BOOST_TEST((from_waiting == std::vector<T>{T::answer_clarification}));
  BOOST_TEST(status_label(S::awaiting_clarification) == "Chờ làm rõ");
}

BOOST_AUTO_TEST_CASE(only_the_scheduler_publishes_scheduled_items) {
  const auto by_system = check_transition(S::scheduled, T::publish_scheduled, std::nullopt, "");
  BOOST_TEST(bool(by_system));
  BOOST_TEST((by_system.to == S::published));
  for (R role : all_roles())
    BOOST_TEST(
        (check_transition(S::scheduled, T::publish_scheduled, role, "").refusal == TransitionRefusal::system_only));
  // The system takes nothing else.
  for (S from : kStates)
    for (T t : kTransitions)
      if (t != T::publish_scheduled) BOOST_TEST(!check_transition(from, t, std::nullopt, "x"));
}

BOOST_AUTO_TEST_CASE(keys_and_labels_round_trip) {
  for (T t : kTransitions) {
    BOOST_TEST((parse_transition(to_string(t)) == t));
    BOOST_TEST(!transition_label(t).empty());
  }
  for (S s : kStates) {
    BOOST_TEST((parse_article_status(to_string(s)) == s));
    BOOST_TEST(!status_label(s).empty());
  }
  BOOST_TEST(!parse_transition("publish").has_value());
  // Records written before the workflow existed keep their meaning.
  BOOST_TEST((parse_article_status("draft") == S::draft));
  BOOST_TEST((parse_article_status("published") == S::published));
}

BOOST_AUTO_TEST_SUITE_END()
