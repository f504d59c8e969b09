// The role x action table, row by row against the regulation (Điều 5.7, 5.8: only operators handle
// accounts; the board edits and approves; everyone with an account may open the admin).
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "daemon/model/permissions.hpp"

using namespace portald::model;

BOOST_AUTO_TEST_SUITE(permission_table)

BOOST_AUTO_TEST_CASE(every_cell_matches_the_regulation) {
  using A = Action;
  using R = Role;
  const std::set<R> everyone(all_roles().begin(), all_roles().end());
  // A board member ("Thành viên", issue 16) writes and edits like the secretariat; nothing else.
  const std::set<R> writers{R::editor_in_chief, R::deputy, R::secretariat, R::member, R::reporter, R::contributor};
  const std::set<R> board{R::editor_in_chief, R::deputy, R::secretariat, R::member};
  const std::map<A, std::set<R>> expected{
      {A::use_admin, everyone},
      {A::write_article, writers},
      {A::edit_any_article, board},
      {A::view_queues, board},
      {A::preview_any, board},
      {A::upload_media, writers},
      {A::view_audit, {R::operator_, R::editor_in_chief}},
      {A::manage_users, {R::operator_}},
      {A::manage_taxonomy, {R::operator_}},
      {A::manage_settings, {R::operator_}},
      {A::set_maintenance, {R::operator_}},
      {A::view_status, {R::operator_, R::editor_in_chief, R::deputy}},
      // Điều 9: the data centre (operator, secretariat), the board, and the agencies that answer.
      {A::handle_questions, {R::operator_, R::editor_in_chief, R::deputy, R::secretariat, R::agency_answerer}},
      {A::manage_question_settings, {R::operator_, R::editor_in_chief, R::secretariat}},
      {A::remove_orphan_media, {R::operator_}},
      {A::view_reports, {R::operator_, R::editor_in_chief, R::deputy}},
      // Royalties (Điều 5.12): the board grades, the editor-in-chief approves; nobody else.
      {A::grade_royalty, {R::editor_in_chief, R::deputy}},
      {A::approve_royalty, {R::editor_in_chief}},
      {A::manage_royalty_settings, {R::operator_, R::editor_in_chief}},
      // Online dialogues (Điều 5.5): the board and the data centre.
      {A::manage_dialogues, {R::operator_, R::editor_in_chief, R::deputy, R::secretariat}},
      // Điều 6.1a: the chief and the deputies see the board and decide its membership changes.
      {A::view_board, {R::editor_in_chief, R::deputy}},
      {A::approve_board, {R::editor_in_chief, R::deputy}},
      // Điều 6.1c, 6.1d: the board's standing roles commission items and send reporters to events.
      {A::commission, {R::editor_in_chief, R::deputy, R::secretariat}},
  };
  BOOST_TEST(all_actions().size() == 23u);
  BOOST_TEST(expected.size() == all_actions().size());
  for (A a : all_actions()) {
    BOOST_TEST_REQUIRE(expected.count(a) == 1u, to_string(a));
    for (R r : all_roles())
      BOOST_TEST(allowed(r, a) == (expected.at(a).count(r) == 1), to_string(r) << " / " << to_string(a));
  }
}

BOOST_AUTO_TEST_CASE(account_list_is_for_operators_only) {
  for (Role r : all_roles()) BOOST_TEST(allowed(r, Action::manage_users) == (r == Role::operator_));
}

BOOST_AUTO_TEST_CASE(action_keys_are_unique) {
  std::set<std::string_view> keys;
  for (Action a : all_actions()) BOOST_TEST(keys.insert(to_string(a)).second);
}

BOOST_AUTO_TEST_SUITE_END()
