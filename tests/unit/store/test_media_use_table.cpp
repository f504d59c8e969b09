// Which files are public (issue 16, finding 1): the tables of published things record the media they
// link to in the same transaction, and the upgrade to schema 2 gives old files tokens and records the
// uses of what was already published.
#include <boost/test/unit_test.hpp>

#include <optional>

#include "daemon/model/media_link.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_use_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "tests/unit/store/raw_records.hpp"

using namespace portald;
using store::be64;
using store::Tables;

namespace {

bool in_use(test::TempStore& s, std::uint64_t id) {
  return test::read(s, [&](auto& txn, auto& t) { return store::media_in_public_use(txn, t, id); });
}

std::uint64_t add_png(test::TempStore& s, const std::string& name) {
  return test::write(s, [&](auto& txn, auto& t) {
    return store::add_media(txn, t, {.file_name = name, .content_type = "image/png", .bytes = "png"});
  });
}

std::string path_of(test::TempStore& s, std::uint64_t id) {
  const auto m = test::read(s, [&](auto& txn, auto& t) { return store::get_media(txn, t, id); });
  return model::media_path(id, m->token, m->file_name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_use_table)

BOOST_AUTO_TEST_CASE(each_file_gets_its_own_random_token) {
  test::TempStore s;
  const auto a = add_png(s, "a.png"), b = add_png(s, "b.png");
  const auto ma = test::read(s, [&](auto& txn, auto& t) { return store::get_media(txn, t, a); });
  const auto mb = test::read(s, [&](auto& txn, auto& t) { return store::get_media(txn, t, b); });
  BOOST_TEST(model::looks_like_media_token(ma->token));
  BOOST_TEST(model::looks_like_media_token(mb->token));
  BOOST_TEST(ma->token != mb->token);
}

BOOST_AUTO_TEST_CASE(a_file_is_public_only_while_a_published_article_links_to_it) {
  test::TempStore s;
  const auto id = add_png(s, "a.png");
  model::Article a;
  a.slug = "bai";
  a.title = "Bài";
  a.body_html = "<p><img src=\"" + path_of(s, id) + "\"></p>";
  a.id = test::write(s, [&](auto& txn, auto& t) { return store::put_article(txn, t, a); });
  BOOST_TEST(!in_use(s, id));  // a draft
  a.status = model::ArticleStatus::published;
  test::write(s, [&](auto& txn, auto& t) { store::put_article(txn, t, a); });
  BOOST_TEST(in_use(s, id));
  a.status = model::ArticleStatus::withdrawn;
  test::write(s, [&](auto& txn, auto& t) { store::put_article(txn, t, a); });
  BOOST_TEST(!in_use(s, id));
  a.status = model::ArticleStatus::published;
  test::write(s, [&](auto& txn, auto& t) { store::put_article(txn, t, a); });
  a.body_html = "<p>Không còn ảnh</p>";
  test::write(s, [&](auto& txn, auto& t) { store::put_article(txn, t, a); });
  BOOST_TEST(!in_use(s, id));
}

BOOST_AUTO_TEST_CASE(pages_documents_and_the_logo_make_their_files_public) {
  test::TempStore s;
  const auto body = add_png(s, "a.png"), cell = add_png(s, "b.png"), doc = add_png(s, "c.png"),
             logo = add_png(s, "d.png");
  model::SitePage p;
  p.slug = "gioi-thieu";
  p.title = "Giới thiệu";
  p.body_html = "<p><img src=\"" + path_of(s, body) + "\"></p>";
  p.kind = model::PageKind::links;
  p.entries = {{"Tệp", path_of(s, cell), ""}};
  test::write(s, [&](auto& txn, auto& t) { store::put_site_page(txn, t, p); });
  BOOST_TEST(in_use(s, body));
  BOOST_TEST(in_use(s, cell));
  p.body_html = "<p>Trống</p>";
  test::write(s, [&](auto& txn, auto& t) { store::put_site_page(txn, t, p); });
  BOOST_TEST(!in_use(s, body));
  BOOST_TEST(in_use(s, cell));

  model::LegalDocument d;
  d.number = "1/QĐ-UBND";
  d.attachments.push_back({.media_id = doc, .file_name = "c.png", .content_type = "image/png", .size = 3});
  d.status = model::ArticleStatus::draft;  // a draft's files are not public (issue 14's workflow)
  d.id = test::write(s, [&](auto& txn, auto& t) { return store::put_document(txn, t, d); });
  BOOST_TEST(!in_use(s, doc));
  d.status = model::ArticleStatus::published;
  test::write(s, [&](auto& txn, auto& t) { store::put_document(txn, t, d); });
  BOOST_TEST(in_use(s, doc));
  d.status = model::ArticleStatus::withdrawn;
  test::write(s, [&](auto& txn, auto& t) { store::put_document(txn, t, d); });
  BOOST_TEST(!in_use(s, doc));

  auto settings = test::read(s, [](auto& txn, auto& t) { return store::get_site_settings(txn, t); });
  settings.logo_url = path_of(s, logo);
  test::write(s, [&](auto& txn, auto& t) { store::put_site_settings(txn, t, settings); });
  BOOST_TEST(in_use(s, logo));
  settings.logo_url = "/static/logo.svg";
  test::write(s, [&](auto& txn, auto& t) { store::put_site_settings(txn, t, settings); });
  BOOST_TEST(!in_use(s, logo));
}

BOOST_AUTO_TEST_CASE(the_upgrade_to_schema_2_gives_tokens_and_records_what_is_published) {
  test::TempDir dir;
  const store::StoreOptions options{.map_size = std::size_t(256) << 20, .create = true};
  {
    // A store as schema 1 left it: a file without a token, used by a published article through its
    // numbered address, and no media_uses table content.
    store::Store s(dir.path, options);
    store::WriteTxn txn = s.write();
    const auto& t = s.tables();
    txn.put(t.media, be64(4), std::string(R"({"content_type":"image/png","file_name":"a.png","v":1})") + '\0' + "png");
    txn.put(t.media, be64(5), std::string(R"({"content_type":"image/png","file_name":"b.png","v":1})") + '\0' + "png");
    model::Article old;
    old.slug = "cu";
    old.title = "Cũ";
    old.body_html = "<p><img src=\"/tep/a.png-4\"></p>";
    old.status = model::ArticleStatus::published;
    old.published_at = 1700000000;
    store::put_article(txn, t, old);
    model::LegalDocument draft;  // a draft document's file stays private through the upgrade
    draft.number = "2/QĐ-UBND";
    draft.status = model::ArticleStatus::draft;
    draft.attachments.push_back({.media_id = 5, .file_name = "b.png", .content_type = "image/png", .size = 3});
    store::put_document(txn, t, draft);
    BOOST_REQUIRE_EQUAL(mdb_drop(txn.get(), t.media_uses, 0), 0);
    store::put_schema_version(txn, t, 1);
    txn.commit();
  }
  store::Store s(dir.path, options);
  BOOST_TEST(s.schema_version() == 2u);
  const store::ReadTxn txn = s.read();
  const auto& t = s.tables();
  BOOST_TEST(model::looks_like_media_token(store::get_media(txn, t, 4)->token));
  BOOST_TEST(model::looks_like_media_token(store::get_media(txn, t, 5)->token));
  BOOST_TEST(store::get_media(txn, t, 4)->bytes == "png");
  BOOST_TEST(store::media_in_public_use(txn, t, 4));
  BOOST_TEST(!store::media_in_public_use(txn, t, 5));
}

BOOST_AUTO_TEST_SUITE_END()
