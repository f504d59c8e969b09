// Which media the store refers to (media::referenced_media), and the orphan removal built on it: every
// kind of reference keeps a file, including old revisions, autosaved drafts, page revisions, draft
// documents' attachments and video/caption links; removal re-checks inside its transaction.
#include <boost/test/unit_test.hpp>

#include "daemon/media/orphans.hpp"
#include "daemon/media/references.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/draft_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/page_revision_table.hpp"
#include "daemon/store/page_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/store_logs.hpp"

using namespace portald;

namespace {

const model::Actor kOperator{"quantri", model::Role::operator_, "10.0.0.1", false};
const model::Actor kEditor{"bientap", model::Role::editor_in_chief, "10.0.0.2", false};

std::uint64_t add_file(store::WriteTxn& txn, const store::Tables& t, const std::string& name) {
  model::Media m;
  m.file_name = name;
  m.content_type = "image/png";
  m.bytes = "\x89PNG bytes";
  return store::add_media(txn, t, m);
}

std::string link(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  const auto m = store::get_media_info(txn, t, id);
  return model::media_path(id, m->token, m->file_name);
}

// One file per kind of reference, and one that nothing refers to; returns their ids in that order:
// article body, old revision, autosaved draft, page body, page revision, draft document attachment,
// video and its captions in a revision, the orphan.
std::vector<std::uint64_t> fill(test::TempStore& s) {
  store::WriteTxn txn = s.store.write();
  const auto& t = s.store.tables();
  std::vector<std::uint64_t> ids;
  for (int i = 0; i < 9; ++i) ids.push_back(add_file(txn, t, "tep-" + std::to_string(i) + ".png"));
  model::Article a;
  a.title = "Bài";
  a.body_html = "<p><img src=\"" + link(txn, t, ids[0]) + "\" alt=\"x\"></p>";
  a.status = model::ArticleStatus::draft;
  const auto article = store::put_article(txn, t, a);
  model::Revision r;
  r.article_id = article;
  r.body_html = "<p><a href=\"" + link(txn, t, ids[1]) + "\">tệp</a></p>";
  store::add_revision(txn, t, r);
  r.body_html = "<video src=\"" + link(txn, t, ids[6]) + "\" controls><track kind=\"captions\" src=\"" +
                link(txn, t, ids[7]) + "\" srclang=\"vi\"></video>";
  store::add_revision(txn, t, r);
  model::Draft d;
  d.article_id = article;
  d.username = "pv";
  d.body_html = "<p><img src=\"" + link(txn, t, ids[2]) + "\" alt=\"\"></p>";
  store::put_draft(txn, t, d);
  model::SitePage p;
  p.slug = "gioi-thieu";
  p.title = "Giới thiệu";
  p.body_html = "<p><img src=\"" + link(txn, t, ids[3]) + "\" alt=\"\"></p>";
  const auto page = store::put_site_page(txn, t, p);
  model::PageRevision pr;
  pr.page_id = page;
  pr.slug = "gioi-thieu";
  pr.title = "Giới thiệu";
  pr.body_html = "<p><a href=\"" + link(txn, t, ids[4]) + "\">x</a></p>";
  store::add_page_revision(txn, t, pr);
  model::LegalDocument doc;
  doc.number = "1/QĐ-UBND";
  doc.type = "Quyết định";
  doc.issuer = "UBND tỉnh";
  doc.issued_on = 20000;
  doc.status = model::ArticleStatus::draft;
  model::Attachment att;
  att.media_id = ids[5];
  att.file_name = "tep-5.png";
  doc.attachments.push_back(att);
  store::put_document(txn, t, doc);
  txn.commit();
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_references)

BOOST_AUTO_TEST_CASE(every_kind_of_reference_keeps_a_file_and_nothing_else_does) {
  test::TempStore s;
  const auto ids = fill(s);
  const store::ReadTxn txn = s.store.read();
  const auto referenced = media::referenced_media(txn, s.store.tables());
  for (std::size_t i = 0; i < 8; ++i) BOOST_TEST(referenced.contains(ids[i]), "file " << i);
  BOOST_TEST(!referenced.contains(ids[8]));
  BOOST_TEST(referenced.size() == 8u);
}

BOOST_AUTO_TEST_CASE(the_orphan_list_holds_exactly_the_unreferenced_files) {
  test::TempStore s;
  const auto ids = fill(s);
  const auto orphans = media::list_orphan_media(s.store);
  BOOST_TEST_REQUIRE(orphans.size() == 1u);
  BOOST_TEST(orphans.front().id == ids[8]);
}

BOOST_AUTO_TEST_CASE(removal_takes_only_unreferenced_files_audits_each_and_refuses_other_roles) {
  test::TempStore s;
  const auto ids = fill(s);
  const auto refused = media::remove_orphan_media(s.store, {ids[8]}, kEditor, 700);
  BOOST_TEST((refused.refusal == media::OrphanRefusal::not_allowed));
  BOOST_TEST((media::remove_orphan_media(s.store, {}, kOperator, 700).refusal == media::OrphanRefusal::nothing_chosen));
  const auto before = test::audit_entries(s.store).size();
  // A stale list asks for a referenced file too: it is kept, the orphan goes.
  const auto r = media::remove_orphan_media(s.store, {ids[8], ids[0], ids[6], 999999}, kOperator, 800);
  BOOST_TEST((r.refusal == media::OrphanRefusal::none));
  BOOST_TEST(r.removed == (std::vector<std::uint64_t>{ids[8]}), boost::test_tools::per_element());
  BOOST_TEST(r.kept == (std::vector<std::uint64_t>{ids[0], ids[6], 999999}), boost::test_tools::per_element());
  {
    const store::ReadTxn txn = s.store.read();
    BOOST_TEST(!store::get_media_info(txn, s.store.tables(), ids[8]).has_value());
    BOOST_TEST(store::get_media_info(txn, s.store.tables(), ids[0]).has_value());
  }
  const auto log = test::audit_entries(s.store);
  BOOST_TEST_REQUIRE(log.size() == before + 1);
  BOOST_TEST(log.back().action == "media.remove-orphan");
  BOOST_TEST(log.back().object == "media/" + std::to_string(ids[8]));
  BOOST_TEST(log.back().actor == "quantri");
  // Nothing left to remove: no write, no audit entry.
  const auto again = media::remove_orphan_media(s.store, {ids[8]}, kOperator, 900);
  BOOST_TEST(again.removed.empty());
  BOOST_TEST(test::audit_entries(s.store).size() == before + 1);
}

// Issue 14's article extras: the lead image and gallery pictures are ids, not links.
BOOST_AUTO_TEST_CASE(an_articles_lead_image_and_gallery_keep_their_files) {
  test::TempStore s;
  store::WriteTxn txn = s.store.write();
  const auto& t = s.store.tables();
  const auto lead = add_file(txn, t, "anh-dai-dien.png");
  const auto picture = add_file(txn, t, "anh-bo-suu-tap.png");
  const auto unused = add_file(txn, t, "khong-dung.png");
  model::Article a;
  a.title = "Bài có ảnh";
  a.status = model::ArticleStatus::draft;
  a.extras.lead_media_id = lead;
  a.extras.lead_alt = "Toàn cảnh hội nghị";
  a.extras.gallery.push_back({picture, "Đại biểu phát biểu", ""});
  store::put_article(txn, t, a);
  txn.commit();
  const store::ReadTxn read = s.store.read();
  const auto referenced = media::referenced_media(read, t);
  BOOST_TEST(referenced.contains(lead));
  BOOST_TEST(referenced.contains(picture));
  BOOST_TEST(!referenced.contains(unused));
}

BOOST_AUTO_TEST_SUITE_END()
