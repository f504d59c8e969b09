// The audit actions: every value has its own stored name and a Vietnamese label, the names are the ones
// old logs hold (pinned here one by one), and a name this version does not know still displays.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "daemon/model/audit_action.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/workflow.hpp"

using namespace portald::model;

BOOST_AUTO_TEST_SUITE(audit_action)

BOOST_AUTO_TEST_CASE(every_value_has_a_unique_name_and_an_nfc_vietnamese_label) {
  const auto all = all_audit_actions();
  // The table covers every enumerator, in declaration order.
  BOOST_TEST(all.size() == static_cast<std::size_t>(AuditAction::audit_archive) + 1);
  std::set<std::string_view> names, labels;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const AuditAction a = all[i];
    BOOST_TEST(static_cast<std::size_t>(a) == i);
    const auto name = to_string(a);
    BOOST_TEST(!name.empty());
    BOOST_TEST(name != "unknown");
    BOOST_TEST(names.insert(name).second, "duplicate name " << name);
    const auto label = audit_action_label(a);
    BOOST_TEST(!label.empty(), name);
    BOOST_TEST(to_nfc(label).value_or("") == std::string(label), name << ": label not NFC");
    BOOST_TEST(labels.insert(label).second, "duplicate label " << label);
  }
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (const AuditAction a : all_audit_actions()) {
    const auto back = parse_audit_action(to_string(a));
    BOOST_TEST_REQUIRE(back.has_value(), to_string(a));
    BOOST_TEST((*back == a), to_string(a));
    BOOST_TEST(audit_action_label(to_string(a)) == audit_action_label(a));
  }
}

// The stored names are an on-disk format: changing one would hide old entries from the filters.
BOOST_AUTO_TEST_CASE(stored_names_are_those_old_logs_hold) {
  const std::vector<std::string_view> expected{"login.ok",
                                               "login.failed",
                                               "login.limited",
                                               "login.totp-ok",
                                               "login.totp-failed",
                                               "login.totp-enrolled",
                                               "logout",
                                               "logout.everywhere",
                                               "logout.session",
                                               "logout.others",
                                               "user.create",
                                               "user.role",
                                               "user.suspend",
                                               "user.reinstate",
                                               "user.totp-reset",
                                               "user.recover",
                                               "user.email",
                                               "user.password-change",
                                               "user.password-reset",
                                               "user.sessions-end",
                                               "user.board-propose",
                                               "user.board-approve",
                                               "user.board-reject",
                                               "article.create",
                                               "article.edit",
                                               "article.restore",
                                               "article.submit",
                                               "article.take-for-editing",
                                               "article.send-for-approval",
                                               "article.return",
                                               "article.approve",
                                               "article.schedule",
                                               "article.unschedule",
                                               "article.publish-scheduled",
                                               "article.withdraw",
                                               "article.unpublish-scheduled",
                                               "article.ask-clarification",
                                               "article.answer-clarification",
                                               "article.note",
                                               "media.upload",
                                               "media.remove-orphan",
                                               "settings.site",
                                               "settings.maintenance",
                                               "taxonomy.category",
                                               "taxonomy.agency",
                                               "taxonomy.update-category",
                                               "taxonomy.rename-agency",
                                               "taxonomy.topic",
                                               "taxonomy.agency-categories",
                                               "page.import",
                                               "document.create",
                                               "document.edit",
                                               "document.restore",
                                               "document.submit",
                                               "document.take-for-editing",
                                               "document.send-for-approval",
                                               "document.return",
                                               "document.approve",
                                               "document.withdraw",
                                               "document.expire",
                                               "document.replace",
                                               "document.unreplace",
                                               "page.create",
                                               "page.edit",
                                               "page.restore",
                                               "page.approve",
                                               "page.return",
                                               "question.submit",
                                               "question.assign",
                                               "question.return-not-ours",
                                               "question.escalate",
                                               "question.request-info",
                                               "question.info-received",
                                               "question.answer",
                                               "question.return-answer",
                                               "question.approve",
                                               "question.publish",
                                               "question.close",
                                               "question.answer-save",
                                               "question.note",
                                               "question.contact-view",
                                               "question.file-view",
                                               "question.erase",
                                               "question.settings",
                                               "question.export",
                                               "royalty.grade",
                                               "royalty.settings",
                                               "royalty.sheet-make",
                                               "royalty.sheet-approve",
                                               "royalty.sheet-reopen",
                                               "royalty.sheet-lock",
                                               "dialogue.create",
                                               "dialogue.edit",
                                               "dialogue.start",
                                               "dialogue.end",
                                               "dialogue.cancel",
                                               "dialogue.accept",
                                               "dialogue.reject",
                                               "dialogue.answer",
                                               "report.agency-mail",
                                               "commission.create",
                                               "commission.deliver",
                                               "commission.cancel",
                                               "article.intake",
                                               "audit.archive"};
  std::vector<std::string_view> actual;
  for (const AuditAction a : all_audit_actions()) actual.push_back(to_string(a));
  BOOST_TEST(actual == expected, boost::test_tools::per_element());
  BOOST_TEST(audit_action_label(AuditAction::login_ok) == "Đăng nhập thành công");
  BOOST_TEST(audit_action_label(AuditAction::user_create) == "Tạo tài khoản");
}

BOOST_AUTO_TEST_CASE(every_transition_is_recorded_as_article_and_its_key) {
  std::set<Transition> seen;
  for (const auto& rule : transition_table()) seen.insert(rule.transition);
  BOOST_TEST(seen.size() == 11u);
  for (const Transition t : seen)
    BOOST_TEST(to_string(portald::model::audit_action(t)) == "article." + std::string(to_string(t)));
}

BOOST_AUTO_TEST_CASE(an_unknown_stored_name_displays_as_itself) {
  BOOST_TEST(!parse_audit_action("survey.answer").has_value());
  BOOST_TEST(audit_action_label("survey.answer") == "survey.answer");
  BOOST_TEST(audit_action_label("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
