// The article writes in their own transactions: the content rule checked before anything is written,
// topics set with the save, transitions and restores committed with their audit and change-log entries,
// and a refusal leaving the store as it was.
#include <boost/test/unit_test.hpp>

#include "daemon/editorial/article_service.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using editorial::Actor;
using editorial::SaveRefusal;
using model::Role;
using store::ChangeKind;

namespace {

const Actor kReporter{"pv", Role::reporter, "10.0.0.5"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kAnswerer{"traloi", Role::agency_answerer, "10.0.0.9"};

// A store with category 1 and the topics "chuyen-doi-so" and "giao-duc".
struct Desk {
  test::TempStore s;
  std::uint64_t category = 0;
  Desk() {
    store::WriteTxn txn = s.store.write();
    category = store::ensure_category(txn, s.store.tables(), "Tin tức");
    for (const char* slug : {"chuyen-doi-so", "giao-duc"}) {
      model::Topic topic;
      topic.slug = topic.name = slug;
      store::put_topic(txn, s.store.tables(), topic);
    }
    txn.commit();
  }
  editorial::Content text(std::string title) const {
    return {.title = std::move(title),
            .summary = "Sapo",
            .body_html = "<p>Nội dung</p>",
            .category_id = category,
            .agency_id = 0,
            .author = "Tác giả",
            .featured = false};
  }
  std::vector<std::uint64_t> members(const std::string& slug) const {
    const store::ReadTxn txn = s.store.read();
    return store::find_topic(txn, s.store.tables(), slug)->article_ids;
  }
  bool exists(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::get_article(txn, s.store.tables(), id).has_value();
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(article_service)

BOOST_AUTO_TEST_CASE(check_content_lists_every_problem_in_form_order) {
  Desk d;
  editorial::Content c = d.text("");
  c.summary = std::string(1001, 'a');
  c.author = "\xff";
  c.body_html = "  ";
  c.category_id = 99;
  c.agency_id = 7;
  const store::ReadTxn txn = d.s.store.read();
  const std::vector<std::string> expected{"Nội dung có ký tự không hợp lệ (không phải UTF-8).",
                                          "Vui lòng nhập tiêu đề.",
                                          "Sapo dài quá 1000 ký tự.",
                                          "Vui lòng nhập nội dung bài viết.",
                                          "Vui lòng chọn chuyên mục.",
                                          "Cơ quan đã chọn không tồn tại."};
  BOOST_TEST(editorial::check_content(txn, d.s.store.tables(), c) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(check_content_normalises_to_nfc) {
  Desk d;
  editorial::Content c = d.text("Tie\xcc\x82\xcc\x81u \xc4\x91\xe1\xbb\x81");  // "Tiếu đề" with combining marks
  const store::ReadTxn txn = d.s.store.read();
  BOOST_TEST(editorial::check_content(txn, d.s.store.tables(), c).empty());
  BOOST_TEST(c.title == "Ti\xe1\xba\xbfu \xc4\x91\xe1\xbb\x81");
}

BOOST_AUTO_TEST_CASE(invalid_content_writes_nothing) {
  Desk d;
  const auto mark = test::change_mark(d.s.store);
  const auto r = editorial::save_article(d.s.store, 0, d.text(""), {"giao-duc"}, kReporter, 100);
  BOOST_TEST((r.refusal == SaveRefusal::invalid));
  BOOST_TEST(r.errors == std::vector<std::string>{"Vui lòng nhập tiêu đề."}, boost::test_tools::per_element());
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  BOOST_TEST(test::audit_entries(d.s.store).empty());
  BOOST_TEST(d.members("giao-duc").empty());
}

BOOST_AUTO_TEST_CASE(a_new_article_commits_with_its_topics_audit_and_change_log) {
  Desk d;
  const auto mark = test::change_mark(d.s.store);
  const auto r = editorial::save_article(d.s.store, 0, d.text("Bài mới"), {"giao-duc", "khong-co"}, kReporter, 100);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  BOOST_TEST(d.exists(r.id));
  BOOST_TEST(d.members("giao-duc") == std::vector<std::uint64_t>{r.id}, boost::test_tools::per_element());
  BOOST_TEST(d.members("chuyen-doi-so").empty());
  const auto changes = test::changes_after(d.s.store, mark);
  BOOST_TEST(test::has_change(changes, ChangeKind::article, r.id));
  BOOST_TEST((changes.back().kind == ChangeKind::topic));
  const auto log = test::audit_entries(d.s.store, {.object = "article/" + std::to_string(r.id)});
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "article.create");
  BOOST_TEST(log[0].actor == "pv");
  BOOST_TEST(log[0].address == "10.0.0.5");
  BOOST_TEST(log[0].at == 100);
}

BOOST_AUTO_TEST_CASE(saving_again_moves_the_article_between_topics_newest_first) {
  Desk d;
  const auto first = editorial::save_article(d.s.store, 0, d.text("Một"), {"giao-duc"}, kReporter, 100).id;
  const auto second = editorial::save_article(d.s.store, 0, d.text("Hai"), {"giao-duc"}, kReporter, 110).id;
  BOOST_TEST(d.members("giao-duc") == (std::vector<std::uint64_t>{second, first}), boost::test_tools::per_element());
  const auto r = editorial::save_article(d.s.store, first, d.text("Một, sửa"), {"chuyen-doi-so"}, kReporter, 120);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  BOOST_TEST(d.members("giao-duc") == std::vector<std::uint64_t>{second}, boost::test_tools::per_element());
  BOOST_TEST(d.members("chuyen-doi-so") == std::vector<std::uint64_t>{first}, boost::test_tools::per_element());
  BOOST_TEST(test::audit_entries(d.s.store, {.object = "article/" + std::to_string(first)}).back().action ==
             "article.edit");
}

BOOST_AUTO_TEST_CASE(a_refused_save_leaves_topics_and_logs_alone) {
  Desk d;
  BOOST_TEST((editorial::save_article(d.s.store, 0, d.text("Không được"), {"giao-duc"}, kAnswerer, 100).refusal ==
              SaveRefusal::not_allowed));
  const auto id = editorial::save_article(d.s.store, 0, d.text("Của pv"), {}, kReporter, 100).id;
  const auto mark = test::change_mark(d.s.store);
  const auto audited = test::audit_entries(d.s.store).size();
  const Actor other{"pv2", Role::reporter, "10.0.0.6"};
  BOOST_TEST((editorial::save_article(d.s.store, id, d.text("Sửa trộm"), {"giao-duc"}, other, 110).refusal ==
              SaveRefusal::not_allowed));
  BOOST_TEST((editorial::save_article(d.s.store, 999, d.text("Không có"), {}, kReporter, 110).refusal ==
              SaveRefusal::not_found));
  BOOST_TEST(d.members("giao-duc").empty());
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
}

BOOST_AUTO_TEST_CASE(transitions_check_the_form_rules_first_then_commit) {
  Desk d;
  const auto id = editorial::save_article(d.s.store, 0, d.text("Bài"), {}, kReporter, 100).id;
  const auto audited = test::audit_entries(d.s.store).size();
  const auto late = editorial::transition_article(d.s.store, id, model::Transition::schedule, kSecretary, "", 200, 200);
  BOOST_TEST((late.outcome == editorial::Outcome::invalid));
  BOOST_TEST(late.error == "Vui lòng chọn thời điểm xuất bản trong tương lai.");
  const auto wordy = editorial::transition_article(d.s.store, id, model::Transition::submit, kReporter,
                                                   std::string(2001, 'x'), 0, 200);
  BOOST_TEST((wordy.outcome == editorial::Outcome::invalid));
  BOOST_TEST(wordy.error == "Lý do dài quá 2000 ký tự.");
  BOOST_TEST((editorial::transition_article(d.s.store, 999, model::Transition::submit, kReporter, "", 0, 200).outcome ==
              editorial::Outcome::not_found));
  BOOST_TEST((editorial::transition_article(d.s.store, id, model::Transition::approve, kReporter, "", 0, 200).outcome ==
              editorial::Outcome::refused));
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
  const auto mark = test::change_mark(d.s.store);
  const auto done = editorial::transition_article(d.s.store, id, model::Transition::submit, kReporter, "", 0, 200);
  BOOST_TEST((done.outcome == editorial::Outcome::done));
  BOOST_TEST(test::audit_entries(d.s.store).back().action == "article.submit");
  BOOST_TEST(test::has_change(test::changes_after(d.s.store, mark), ChangeKind::article, id));
}

BOOST_AUTO_TEST_CASE(restore_commits_a_new_draft_or_nothing) {
  Desk d;
  const auto id = editorial::save_article(d.s.store, 0, d.text("Bản 1"), {}, kReporter, 100).id;
  editorial::save_article(d.s.store, id, d.text("Bản 2"), {}, kReporter, 110);
  const auto audited = test::audit_entries(d.s.store).size();
  BOOST_TEST(!editorial::restore_article_revision(d.s.store, id, 9, kReporter, 120).has_value());
  BOOST_TEST(!editorial::restore_article_revision(d.s.store, id, 1, kAnswerer, 120).has_value());
  BOOST_TEST(test::audit_entries(d.s.store).size() == audited);
  const auto n = editorial::restore_article_revision(d.s.store, id, 1, kReporter, 120);
  BOOST_TEST_REQUIRE(n.has_value());
  BOOST_TEST(*n == 3u);
  BOOST_TEST(test::audit_entries(d.s.store).back().action == "article.restore");
  const store::ReadTxn txn = d.s.store.read();
  BOOST_TEST(store::get_article(txn, d.s.store.tables(), id)->title == "Bản 1");
}

// Issue 16: readers see a live article's topics change only with an approved version, like its text.
BOOST_AUTO_TEST_CASE(a_live_articles_topics_change_only_when_its_new_version_is_published) {
  Desk d;
  const Actor chief{"truongban", Role::editor_in_chief, "10.0.0.8"};
  const auto publish = [&](std::uint64_t id, model::UnixTime at) {
    for (const auto tr : {model::Transition::submit, model::Transition::take_for_editing,
                          model::Transition::send_for_approval, model::Transition::approve})
      BOOST_TEST_REQUIRE(
          (editorial::transition_article(d.s.store, id, tr, chief, "", 0, at).outcome == editorial::Outcome::done));
  };
  const auto id = editorial::save_article(d.s.store, 0, d.text("Bài"), {"giao-duc"}, chief, 100).id;
  publish(id, 110);
  BOOST_TEST(d.members("giao-duc") == std::vector<std::uint64_t>{id}, boost::test_tools::per_element());
  // An edit of the live article moves it to another topic in the pending version only.
  const auto mark = test::change_mark(d.s.store);
  const auto r = editorial::save_article(d.s.store, id, d.text("Bài"), {"chuyen-doi-so"}, chief, 120);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  BOOST_TEST(d.members("giao-duc") == std::vector<std::uint64_t>{id}, boost::test_tools::per_element());
  BOOST_TEST(d.members("chuyen-doi-so").empty());
  for (const auto& c : test::changes_after(d.s.store, mark)) BOOST_TEST((c.kind != ChangeKind::topic));
  {
    const store::ReadTxn txn = d.s.store.read();
    const auto item = editorial::load_item(txn, d.s.store.tables(), id);
    BOOST_TEST(editorial::topics_of_work(txn, d.s.store.tables(), *item) == std::vector<std::string>{"chuyen-doi-so"},
               boost::test_tools::per_element());
  }
  // Only the topics changed: the same text with the other topic is still a change to submit.
  publish(id, 130);
  BOOST_TEST(d.members("giao-duc").empty());
  BOOST_TEST(d.members("chuyen-doi-so") == std::vector<std::uint64_t>{id}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
