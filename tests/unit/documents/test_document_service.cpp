// Legal documents written through the service (issue 14): a draft is nobody's public document until the
// board approves it; each write commits with its revision, audit entry and change-log entry, or leaves the
// store as it was; the validity marks link both documents; imported records read as published.
#include <boost/test/unit_test.hpp>

#include "daemon/documents/document_service.hpp"
#include "daemon/model/document_rules.hpp"
#include "daemon/store/document_editorial_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;
using documents::Actor;
using documents::MarkRefusal;
using documents::Outcome;
using documents::SaveRefusal;
using model::ArticleStatus;
using model::Role;
using model::Transition;
using store::ChangeKind;

namespace {

const Actor kContributor{"ctv", Role::contributor, "10.0.0.5"};
const Actor kSecretary{"thuky", Role::secretariat, "10.0.0.7"};
const Actor kChief{"truongban", Role::editor_in_chief, "10.0.0.8"};
const Actor kOperator{"quantri", Role::operator_, "10.0.0.9"};

const model::UnixTime kNow = *model::parse_rfc3339("2025-06-01T09:00:00+07:00");

std::int32_t day(const char* iso) { return *model::parse_iso_date(iso); }

documents::Posted posted(std::string number, std::string type = "Quyết định") {
  return {.content = {.number = std::move(number),
                      .type = std::move(type),
                      .issuer = "UBND tỉnh",
                      .signer = "Nguyễn Văn A",
                      .issued_on = day("2025-05-20"),
                      .effective_on = day("2025-06-01"),
                      .expires_on = 0,
                      .field = "Đất đai",
                      .abstract_text = "Ban hành quy định",
                      .national_db_url = "",
                      .attachments = {}},
          .attachments = {}};
}

const std::string kPdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

struct Desk {
  test::TempStore s;
  std::optional<model::LegalDocument> record(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::get_document(txn, s.store.tables(), id);
  }
  bool is_public(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::get_public_document(txn, s.store.tables(), id).has_value();
  }
  std::size_t listed() const {
    const store::ReadTxn txn = s.store.read();
    return store::newest_documents(txn, s.store.tables(), {0, 100}).size();
  }
  documents::Item item(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return *documents::load_item(txn, s.store.tables(), id);
  }
  std::vector<model::DocumentRevision> revisions(std::uint64_t id) const {
    const store::ReadTxn txn = s.store.read();
    return store::list_document_revisions(txn, s.store.tables(), id);
  }
  // A document taken all the way to publication; returns its id.
  std::uint64_t published(std::string number) {
    const auto id = documents::save_document(s.store, 0, posted(std::move(number)), kContributor, kNow).id;
    for (const auto& [who, tr] : {std::pair{kContributor, Transition::submit},
                                  {kSecretary, Transition::take_for_editing},
                                  {kSecretary, Transition::send_for_approval},
                                  {kChief, Transition::approve}})
      BOOST_REQUIRE((documents::transition_document(s.store, id, tr, who, "", kNow).outcome == Outcome::done));
    return id;
  }
  // An imported record, as portaldctl writes it (published, no workflow state).
  std::uint64_t imported(std::string number) {
    model::LegalDocument d;
    model::apply(d, posted(std::move(number)).content);
    d.source_id = "vb-" + d.number;
    store::WriteTxn txn = s.store.write();
    const auto id = store::put_document(txn, s.store.tables(), d);
    txn.commit();
    return id;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(document_service)

BOOST_AUTO_TEST_CASE(a_draft_is_written_with_revision_audit_and_change_but_is_not_public) {
  Desk d;
  const auto mark = test::change_mark(d.s.store);
  const auto r = documents::save_document(d.s.store, 0, posted("1382/QĐ-UBND"), kContributor, kNow);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  BOOST_TEST(r.revision == 1u);
  BOOST_TEST((d.record(r.id)->status == ArticleStatus::draft));
  BOOST_TEST(!d.is_public(r.id));
  BOOST_TEST(d.listed() == 0u);
  BOOST_TEST(test::has_change(test::changes_after(d.s.store, mark), ChangeKind::document, r.id));
  const auto log = test::audit_entries(d.s.store, {.object = "document/" + std::to_string(r.id)});
  BOOST_TEST_REQUIRE(log.size() == 1u);
  BOOST_TEST(log[0].action == "document.create");
  BOOST_TEST(log[0].actor == "ctv");
  BOOST_TEST(d.item(r.id).state.created_by == "ctv");
}

BOOST_AUTO_TEST_CASE(invalid_fields_write_nothing_and_say_why_in_vietnamese) {
  Desk d;
  auto p = posted("QĐ/1382");
  p.content.effective_on = day("2025-05-01");
  const auto mark = test::change_mark(d.s.store);
  const auto r = documents::save_document(d.s.store, 0, p, kContributor, kNow);
  BOOST_TEST((r.refusal == SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(r.errors.size() == 2u);
  BOOST_TEST(r.errors[0].find("không đúng dạng") != std::string::npos);
  BOOST_TEST(r.errors[1] == "Ngày có hiệu lực (01/05/2025) không được trước ngày ban hành (20/05/2025).");
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  BOOST_TEST(test::audit_entries(d.s.store).empty());
}

BOOST_AUTO_TEST_CASE(the_same_number_from_the_same_issuer_is_entered_once) {
  Desk d;
  const auto first = d.published("15/2025/QĐ-UBND");
  const auto r = documents::save_document(d.s.store, 0, posted("15/2025/QĐ-UBND"), kContributor, kNow);
  BOOST_TEST((r.refusal == SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(r.errors.size() == 1u);
  BOOST_TEST(r.errors[0].find("(mã " + std::to_string(first) + ")") != std::string::npos);
  // Another issuing body may use the same number; the document itself may be saved again.
  auto other = posted("15/2025/QĐ-UBND");
  other.content.issuer = "UBND huyện";
  BOOST_TEST((documents::save_document(d.s.store, 0, other, kContributor, kNow).refusal == SaveRefusal::none));
  auto again = posted("15/2025/QĐ-UBND");
  again.content.abstract_text = "Sửa trích yếu";
  BOOST_TEST((documents::save_document(d.s.store, first, again, kSecretary, kNow).refusal == SaveRefusal::none));
}

BOOST_AUTO_TEST_CASE(roles_draft_edit_and_approve_as_for_articles) {
  Desk d;
  BOOST_TEST((documents::save_document(d.s.store, 0, posted("1/QĐ-UBND"), kOperator, kNow).refusal ==
              SaveRefusal::not_allowed));
  const auto id = documents::save_document(d.s.store, 0, posted("1/QĐ-UBND"), kContributor, kNow).id;
  // Another contributor neither sees nor edits it.
  const Actor other{"ctv2", Role::contributor, "10.0.0.6"};
  BOOST_TEST(!documents::may_view(d.item(id), other));
  BOOST_TEST(
      (documents::save_document(d.s.store, id, posted("1/QĐ-UBND"), other, kNow).refusal == SaveRefusal::not_allowed));
  // The author cannot approve, nor skip the steps.
  auto r = documents::transition_document(d.s.store, id, Transition::approve, kContributor, "", kNow);
  BOOST_TEST((r.outcome == Outcome::refused));
  BOOST_TEST(documents::refusal_message(r.refusal) == "Văn bản không ở trạng thái cho phép thao tác này.");
  BOOST_TEST((documents::transition_document(d.s.store, id, Transition::submit, kContributor, "", kNow).outcome ==
              Outcome::done));
  // Submitted: the author may no longer edit.
  BOOST_TEST((documents::save_document(d.s.store, id, posted("1/QĐ-UBND"), kContributor, kNow).refusal ==
              SaveRefusal::not_allowed));
  BOOST_TEST(
      (documents::transition_document(d.s.store, id, Transition::take_for_editing, kSecretary, "", kNow).outcome ==
       Outcome::done));
  BOOST_TEST(
      (documents::transition_document(d.s.store, id, Transition::send_for_approval, kSecretary, "", kNow).outcome ==
       Outcome::done));
  // The secretariat cannot approve; the board can.
  r = documents::transition_document(d.s.store, id, Transition::approve, kSecretary, "", kNow);
  BOOST_TEST((r.refusal == model::TransitionRefusal::role_not_allowed));
  BOOST_TEST(!d.is_public(id));
  const auto mark = test::change_mark(d.s.store);
  BOOST_TEST(
      (documents::transition_document(d.s.store, id, Transition::approve, kChief, "", kNow).outcome == Outcome::done));
  BOOST_TEST(d.is_public(id));
  BOOST_TEST(d.listed() == 1u);
  BOOST_TEST(d.record(id)->published_at == kNow);
  BOOST_TEST(test::has_change(test::changes_after(d.s.store, mark), ChangeKind::document, id));
  BOOST_TEST(test::audit_entries(d.s.store, {.object = "document/" + std::to_string(id)}).back().action ==
             "document.approve");
}

BOOST_AUTO_TEST_CASE(documents_are_never_scheduled) {
  Desk d;
  const auto id = documents::save_document(d.s.store, 0, posted("2/QĐ-UBND"), kChief, kNow).id;
  for (const auto tr : {Transition::submit, Transition::take_for_editing, Transition::send_for_approval})
    BOOST_REQUIRE((documents::transition_document(d.s.store, id, tr, kChief, "", kNow).outcome == Outcome::done));
  const auto r = documents::transition_document(d.s.store, id, Transition::schedule, kChief, "", kNow);
  BOOST_TEST((r.outcome == Outcome::refused));
  for (const auto tr : documents::transitions_for(d.item(id), kChief)) BOOST_TEST((tr != Transition::schedule));
}

BOOST_AUTO_TEST_CASE(editing_a_published_document_keeps_it_online_until_approved) {
  Desk d;
  const auto id = d.published("3/QĐ-UBND");
  auto p = posted("3/QĐ-UBND");
  p.content.abstract_text = "Trích yếu mới";
  const auto r = documents::save_document(d.s.store, id, p, kSecretary, kNow + 10);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  BOOST_TEST(d.record(id)->abstract_text == "Ban hành quy định");
  BOOST_TEST(d.is_public(id));
  BOOST_TEST((d.item(id).state.state == ArticleStatus::draft));
  BOOST_TEST(d.item(id).work.abstract_text == "Trích yếu mới");
  // Saving exactly the version under work writes nothing.
  const auto mark = test::change_mark(d.s.store);
  const auto again = documents::save_document(d.s.store, id, p, kSecretary, kNow + 20);
  BOOST_TEST((again.refusal == SaveRefusal::none));
  BOOST_TEST(again.revision == r.revision);
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  // A version based on an older one than the current is refused as a conflict.
  auto late = posted("3/QĐ-UBND");
  late.content.abstract_text = "Bản của người khác";
  const auto conflict = documents::save_document(d.s.store, id, late, kChief, kNow + 30, r.revision - 1);
  BOOST_TEST((conflict.refusal == SaveRefusal::conflict));
  BOOST_TEST(conflict.revision == r.revision);
}

BOOST_AUTO_TEST_CASE(save_and_transition_is_one_transaction) {
  Desk d;
  const auto id = documents::save_document(d.s.store, 0, posted("4/QĐ-UBND"), kContributor, kNow).id;
  auto bad = posted("4/QĐ-UBND");
  bad.content.signer = "";
  const auto mark = test::change_mark(d.s.store);
  auto r = documents::save_and_transition(d.s.store, id, bad, std::nullopt, Transition::submit, kContributor, "", kNow);
  BOOST_TEST((r.save.refusal == SaveRefusal::invalid));
  BOOST_TEST((d.item(id).state.state == ArticleStatus::draft));
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  auto good = posted("4/QĐ-UBND");
  good.content.field = "Xây dựng";
  r = documents::save_and_transition(d.s.store, id, good, std::nullopt, Transition::submit, kContributor, "", kNow);
  BOOST_TEST((r.save.refusal == SaveRefusal::none));
  BOOST_TEST((r.transition.outcome == Outcome::done));
  BOOST_TEST((d.item(id).state.state == ArticleStatus::submitted));
  BOOST_TEST(d.item(id).work.field == "Xây dựng");
}

BOOST_AUTO_TEST_CASE(attachments_are_uploaded_with_the_save_and_refused_types_write_nothing) {
  Desk d;
  auto p = posted("5/QĐ-UBND");
  p.attachments.push_back({0, {"quyết định.pdf", kPdf}});
  const auto r = documents::save_document(d.s.store, 0, p, kContributor, kNow);
  BOOST_TEST_REQUIRE((r.refusal == SaveRefusal::none));
  const auto work = d.item(r.id).work;
  BOOST_TEST_REQUIRE(work.attachments.size() == 1u);
  BOOST_TEST(work.attachments[0].file_name == "quyết định.pdf");
  BOOST_TEST(work.attachments[0].content_type == "application/pdf");
  BOOST_TEST(work.attachments[0].size == kPdf.size());
  const auto media_id = work.attachments[0].media_id;
  BOOST_TEST(test::audit_entries(d.s.store, {.action_prefix = "media."}).size() == 1u);
  // A script is no attachment: nothing is stored, not even the good file sent with it.
  auto bad = posted("5/QĐ-UBND");
  bad.attachments = {{media_id, {}}, {0, {"x.pdf", "<script>alert(1)</script>"}}, {0, {"y.pdf", kPdf}}};
  const auto mark = test::change_mark(d.s.store);
  const auto refused = documents::save_document(d.s.store, r.id, bad, kContributor, kNow);
  BOOST_TEST((refused.refusal == SaveRefusal::invalid));
  BOOST_TEST_REQUIRE(refused.errors.size() == 1u);
  BOOST_TEST(refused.errors[0].find("“x.pdf”: không nhận dạng được loại tệp") != std::string::npos);
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  // Removing the attachment is a new version without it; the old version keeps it.
  const auto removed = documents::save_document(d.s.store, r.id, posted("5/QĐ-UBND"), kContributor, kNow);
  BOOST_TEST_REQUIRE((removed.refusal == SaveRefusal::none));
  BOOST_TEST(d.item(r.id).work.attachments.empty());
  BOOST_TEST(d.revisions(r.id).front().content.attachments.size() == 1u);
  // A media item that does not exist is refused.
  auto missing = posted("5/QĐ-UBND");
  missing.attachments = {{9999, {}}};
  const auto nope = documents::save_document(d.s.store, r.id, missing, kContributor, kNow);
  BOOST_TEST((nope.refusal == SaveRefusal::invalid));
  BOOST_TEST(nope.errors.at(0) == "Không có tệp mã 9999 trong thư viện.");
}

// Issue 16, finding 1: a file is public only while a published document has it, and nobody attaches a
// file they could not fetch (another writer's unpublished upload), which would be a way to read it.
BOOST_AUTO_TEST_CASE(a_documents_files_are_public_with_it_and_others_private_uploads_cannot_be_attached) {
  Desk d;
  const Actor other{"ctv2", Role::contributor, "10.0.0.6"};
  auto p = posted("6/QĐ-UBND");
  p.attachments.push_back({0, {"dự thảo.pdf", kPdf}});
  const auto id = documents::save_document(d.s.store, 0, p, kContributor, kNow).id;
  const auto media_id = d.item(id).work.attachments.at(0).media_id;
  const auto in_public_use = [&] {
    const store::ReadTxn txn = d.s.store.read();
    return store::media_in_public_use(txn, d.s.store.tables(), media_id);
  };
  BOOST_TEST(!in_public_use());
  auto pick = posted("7/QĐ-UBND");
  pick.attachments = {{media_id, {}}};
  const auto mark = test::change_mark(d.s.store);
  const auto refused = documents::save_document(d.s.store, 0, pick, other, kNow);
  BOOST_TEST((refused.refusal == SaveRefusal::invalid));
  BOOST_TEST(refused.errors.at(0) == "Không có tệp mã " + std::to_string(media_id) + " trong thư viện.");
  BOOST_TEST(test::changes_after(d.s.store, mark).empty());
  // The uploader and the secretariat (who see the whole library) may.
  BOOST_TEST((documents::save_document(d.s.store, 0, pick, kContributor, kNow).refusal == SaveRefusal::none));
  auto pick_board = posted("9/QĐ-UBND");
  pick_board.attachments = {{media_id, {}}};
  BOOST_TEST((documents::save_document(d.s.store, 0, pick_board, kSecretary, kNow).refusal == SaveRefusal::none));
  // Published, the file is everyone's and anyone may attach it; withdrawn, it is private again.
  for (const auto& [who, tr] : {std::pair{kContributor, Transition::submit},
                                {kSecretary, Transition::take_for_editing},
                                {kSecretary, Transition::send_for_approval},
                                {kChief, Transition::approve}})
    BOOST_REQUIRE((documents::transition_document(d.s.store, id, tr, who, "", kNow).outcome == Outcome::done));
  BOOST_TEST(in_public_use());
  auto pick_later = posted("10/QĐ-UBND");
  pick_later.attachments = {{media_id, {}}};
  BOOST_TEST((documents::save_document(d.s.store, 0, pick_later, other, kNow).refusal == SaveRefusal::none));
  BOOST_REQUIRE((documents::transition_document(d.s.store, id, Transition::withdraw, kChief, "Nhầm", kNow).outcome ==
                 Outcome::done));
  BOOST_TEST(!in_public_use());
}

BOOST_AUTO_TEST_CASE(withdrawal_takes_it_off_the_public_lists) {
  Desk d;
  const auto id = d.published("6/QĐ-UBND");
  auto r = documents::transition_document(d.s.store, id, Transition::withdraw, kChief, "", kNow);
  BOOST_TEST((r.refusal == model::TransitionRefusal::reason_required));
  r = documents::transition_document(d.s.store, id, Transition::withdraw, kSecretary, "Sai", kNow);
  BOOST_TEST((r.refusal == model::TransitionRefusal::role_not_allowed));
  r = documents::transition_document(d.s.store, id, Transition::withdraw, kChief, "Nhập nhầm", kNow);
  BOOST_TEST((r.outcome == Outcome::done));
  BOOST_TEST(!d.is_public(id));
  BOOST_TEST((d.record(id)->status == ArticleStatus::withdrawn));
  BOOST_TEST(d.listed() == 0u);
  const auto log = test::audit_entries(d.s.store, {.object = "document/" + std::to_string(id)});
  BOOST_TEST(log.back().action == "document.withdraw");
  BOOST_TEST(log.back().reason == "Nhập nhầm");
}

BOOST_AUTO_TEST_CASE(an_imported_record_reads_as_published_and_keeps_its_original_as_revision_one) {
  Desk d;
  const auto id = d.imported("7/QĐ-UBND");
  BOOST_TEST(d.is_public(id));
  BOOST_TEST((d.item(id).state.state == ArticleStatus::published));
  BOOST_TEST(d.revisions(id).empty());
  auto p = posted("7/QĐ-UBND");
  p.content.signer = "Trần Văn B";
  BOOST_TEST_REQUIRE((documents::save_document(d.s.store, id, p, kSecretary, kNow).refusal == SaveRefusal::none));
  const auto revs = d.revisions(id);
  BOOST_TEST_REQUIRE(revs.size() == 2u);
  BOOST_TEST(revs[0].note == "bản gốc");
  BOOST_TEST(revs[0].content.signer == "Nguyễn Văn A");
  BOOST_TEST(revs[1].saved_by == "thuky");
  BOOST_TEST(d.record(id)->signer == "Nguyễn Văn A");  // online until approved
}

BOOST_AUTO_TEST_CASE(only_the_board_marks_a_published_document_expired) {
  Desk d;
  const auto id = d.published("8/QĐ-UBND");
  BOOST_TEST((documents::mark_expired(d.s.store, id, day("2025-06-10"), "", kSecretary, kNow).refusal ==
              MarkRefusal::not_allowed));
  auto r = documents::mark_expired(d.s.store, id, day("2025-05-25"), "", kChief, kNow);
  BOOST_TEST((r.refusal == MarkRefusal::invalid));
  BOOST_TEST(r.error == "Ngày hết hiệu lực (25/05/2025) không được trước ngày có hiệu lực (01/06/2025).");
  const auto mark = test::change_mark(d.s.store);
  r = documents::mark_expired(d.s.store, id, day("2025-06-10"), "Bị bãi bỏ", kChief, kNow);
  BOOST_TEST((r.refusal == MarkRefusal::none));
  BOOST_TEST(d.record(id)->expires_on == day("2025-06-10"));
  BOOST_TEST(d.record(id)->validity_note == "Bị bãi bỏ");
  BOOST_TEST(d.item(id).work.expires_on == day("2025-06-10"));  // a later approval keeps it
  BOOST_TEST(d.revisions(id).back().note == "đánh dấu hết hiệu lực");
  BOOST_TEST(test::has_change(test::changes_after(d.s.store, mark), ChangeKind::document, id));
  BOOST_TEST(test::audit_entries(d.s.store, {.action_prefix = "document.expire"}).size() == 1u);
  // A draft has no validity to mark.
  const auto draft = documents::save_document(d.s.store, 0, posted("9/QĐ-UBND"), kChief, kNow).id;
  BOOST_TEST(
      (documents::mark_expired(d.s.store, draft, day("2025-06-10"), "", kChief, kNow).refusal == MarkRefusal::invalid));
}

BOOST_AUTO_TEST_CASE(replacement_links_both_documents_and_can_be_undone) {
  Desk d;
  const auto old_id = d.published("10/QĐ-UBND");
  auto p = posted("11/QĐ-UBND");
  const auto draft = documents::save_document(d.s.store, 0, p, kChief, kNow).id;
  // Only a published document can replace one.
  auto r = documents::mark_replaced(d.s.store, old_id, "11/QĐ-UBND", 0, kChief, kNow);
  BOOST_TEST((r.refusal == MarkRefusal::invalid));
  BOOST_TEST(r.error.find("phải được duyệt và công bố trước") != std::string::npos);
  for (const auto tr :
       {Transition::submit, Transition::take_for_editing, Transition::send_for_approval, Transition::approve})
    BOOST_REQUIRE((documents::transition_document(d.s.store, draft, tr, kChief, "", kNow).outcome == Outcome::done));
  BOOST_TEST((documents::mark_replaced(d.s.store, old_id, std::to_string(old_id), 0, kChief, kNow).refusal ==
              MarkRefusal::invalid));
  BOOST_TEST((documents::mark_replaced(d.s.store, old_id, "11/QĐ-UBND", 0, kSecretary, kNow).refusal ==
              MarkRefusal::not_allowed));
  const auto mark = test::change_mark(d.s.store);
  r = documents::mark_replaced(d.s.store, old_id, "11/qđ-ubnd", 0, kChief, kNow);
  BOOST_TEST_REQUIRE((r.refusal == MarkRefusal::none));
  BOOST_TEST(r.other == draft);
  BOOST_TEST(d.record(old_id)->replaced_by == draft);
  BOOST_TEST(d.record(draft)->replaces == std::vector<std::uint64_t>{old_id}, boost::test_tools::per_element());
  // It expires when the new one takes effect.
  BOOST_TEST(d.record(old_id)->expires_on == day("2025-06-01"));
  const auto changes = test::changes_after(d.s.store, mark);
  BOOST_TEST(test::has_change(changes, ChangeKind::document, old_id));
  BOOST_TEST(test::has_change(changes, ChangeKind::document, draft));
  // The other way round would be a loop.
  r = documents::mark_replaced(d.s.store, draft, std::to_string(old_id), 0, kChief, kNow);
  BOOST_TEST((r.refusal == MarkRefusal::invalid));
  r = documents::clear_replacement(d.s.store, old_id, kChief, kNow);
  BOOST_TEST((r.refusal == MarkRefusal::none));
  BOOST_TEST(d.record(old_id)->replaced_by == 0u);
  BOOST_TEST(d.record(draft)->replaces.empty());
  BOOST_TEST(test::audit_entries(d.s.store, {.action_prefix = "document.unreplace"}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_old_revision_is_restored_as_a_new_version) {
  Desk d;
  const auto id = documents::save_document(d.s.store, 0, posted("12/QĐ-UBND"), kContributor, kNow).id;
  auto p = posted("12/QĐ-UBND");
  p.content.abstract_text = "Bản thứ hai";
  documents::save_document(d.s.store, id, p, kContributor, kNow);
  const auto n = documents::restore_revision(d.s.store, id, 1, kContributor, kNow);
  BOOST_TEST_REQUIRE(n.has_value());
  BOOST_TEST(*n == 3u);
  BOOST_TEST(d.item(id).work.abstract_text == "Ban hành quy định");
  BOOST_TEST(d.revisions(id).back().note == "khôi phục từ phiên bản 1");
  BOOST_TEST(!documents::restore_revision(d.s.store, id, 1, {"ctv2", Role::contributor, "x"}, kNow).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
