// The store: round-trips of every entity, indexes, change log, schema handling, concurrent readers.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

#include "daemon/store/article_table.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/meta_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

model::Article make_article(std::string title, std::uint64_t category, model::UnixTime when,
                            model::ArticleStatus status = model::ArticleStatus::published) {
  model::Article a;
  a.title = std::move(title);
  a.slug = "s";
  a.body_html = "<p>nội dung</p>";
  a.category_id = category;
  a.published_at = when;
  a.status = status;
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_tables)

BOOST_AUTO_TEST_CASE(article_round_trip_keeps_every_field) {
  test::TempStore s;
  model::Article a = make_article("Đắk Nông triển khai", 3, 1'700'000'000);
  a.source_id = "old-42";
  a.summary = "Tóm tắt";
  a.agency_id = 7;
  a.author = "Nguyễn Văn A";
  a.created_at = 1;
  a.updated_at = 2;
  a.revision = 4;
  std::uint64_t id = 0;
  {
    auto txn = s.store.write();
    id = store::put_article(txn, s.store.tables(), a);
    txn.commit();
  }
  const auto txn = s.store.read();
  const auto got = store::get_article(txn, s.store.tables(), id);
  BOOST_REQUIRE(got);
  BOOST_TEST(got->id == id);
  BOOST_TEST(got->title == a.title);
  BOOST_TEST(got->summary == a.summary);
  BOOST_TEST(got->body_html == a.body_html);
  BOOST_TEST(got->category_id == 3u);
  BOOST_TEST(got->agency_id == 7u);
  BOOST_TEST(got->author == a.author);
  BOOST_TEST(got->source_id == "old-42");
  BOOST_TEST(got->published_at == a.published_at);
  BOOST_TEST(got->revision == 4u);
  BOOST_TEST(*store::find_article_by_source(txn, s.store.tables(), "old-42") == id);
}

BOOST_AUTO_TEST_CASE(newest_lists_only_published_newest_first_per_category) {
  test::TempStore s;
  const auto& t = s.store.tables();
  {
    auto txn = s.store.write();
    store::put_article(txn, t, make_article("old", 1, 100));
    store::put_article(txn, t, make_article("new", 1, 300));
    store::put_article(txn, t, make_article("other category", 2, 200));
    store::put_article(txn, t, make_article("draft", 1, 400, model::ArticleStatus::draft));
    txn.commit();
  }
  const auto txn = s.store.read();
  const auto all = store::newest_articles(txn, t, {0, 10});
  BOOST_REQUIRE_EQUAL(all.size(), 3u);
  BOOST_TEST(all[0].title == "new");
  BOOST_TEST(all[1].title == "other category");
  BOOST_TEST(all[2].title == "old");
  const auto cat1 = store::newest_articles(txn, t, {0, 10}, 1);
  BOOST_REQUIRE_EQUAL(cat1.size(), 2u);
  BOOST_TEST(cat1[0].title == "new");
  BOOST_TEST(store::count_published(txn, t, 1) == 2u);
  BOOST_TEST(store::count_published(txn, t) == 3u);
  const auto page2 = store::newest_articles(txn, t, {1, 1}, 1);
  BOOST_REQUIRE_EQUAL(page2.size(), 1u);
  BOOST_TEST(page2[0].title == "old");
  BOOST_TEST(store::newest_articles(txn, t, {0, 10}, 3).empty());
}

BOOST_AUTO_TEST_CASE(republishing_moves_the_index_entry) {
  test::TempStore s;
  const auto& t = s.store.tables();
  auto txn = s.store.write();
  auto a = make_article("a", 1, 100);
  a.id = store::put_article(txn, t, a);
  a.published_at = 500;
  a.category_id = 2;
  store::put_article(txn, t, a);
  a.status = model::ArticleStatus::draft;
  store::put_article(txn, t, a);
  txn.commit();
  const auto r = s.store.read();
  BOOST_TEST(store::count_published(r, t) == 0u);
  BOOST_TEST(store::count_published(r, t, 1) == 0u);
  BOOST_TEST(store::count_published(r, t, 2) == 0u);
}

BOOST_AUTO_TEST_CASE(every_content_write_appends_to_the_change_log) {
  test::TempStore s;
  const auto& t = s.store.tables();
  std::uint64_t before = 0;
  {
    const auto r = s.store.read();
    before = store::latest_change(r, t);
  }
  std::uint64_t id = 0;
  {
    auto txn = s.store.write();
    const auto cat = store::ensure_category(txn, t, "Kinh tế");
    id = store::put_article(txn, t, make_article("a", cat, 1));
    txn.commit();
  }
  const auto r = s.store.read();
  const auto changes = store::changes_since(r, t, before, 100);
  BOOST_REQUIRE_EQUAL(changes.size(), 2u);
  BOOST_TEST(static_cast<int>(changes[0].kind) == static_cast<int>(store::ChangeKind::category));
  BOOST_TEST(static_cast<int>(changes[1].kind) == static_cast<int>(store::ChangeKind::article));
  BOOST_TEST(changes[1].id == id);
  BOOST_TEST(changes[1].seq == changes[0].seq + 1);
  BOOST_TEST(store::changes_since(r, t, changes[1].seq, 100).empty());
}

BOOST_AUTO_TEST_CASE(an_aborted_transaction_leaves_nothing) {
  test::TempStore s;
  const auto& t = s.store.tables();
  {
    auto txn = s.store.write();
    store::put_article(txn, t, make_article("never", 1, 1));
    store::ensure_category(txn, t, "Y tế");
    // no commit: the destructor aborts
  }
  const auto r = s.store.read();
  BOOST_TEST(store::count_published(r, t) == 0u);
  BOOST_TEST(store::list_categories(r, t).empty());
  BOOST_TEST(store::latest_change(r, t) == 0u);
}

BOOST_AUTO_TEST_CASE(categories_match_by_folded_name_and_get_unique_slugs) {
  test::TempStore s;
  const auto& t = s.store.tables();
  auto txn = s.store.write();
  const auto a = store::ensure_category(txn, t, "Văn hóa - Du lịch");
  const auto b = store::ensure_category(txn, t, "VĂN HÓA - DU LỊCH");
  const auto c = store::ensure_category(txn, t, "Văn hoá, du lịch");
  txn.commit();
  BOOST_TEST(a == b);
  BOOST_TEST(a != c);  // different punctuation is a different name
  const auto r = s.store.read();
  BOOST_TEST(store::get_category(r, t, a)->slug == "van-hoa-du-lich");
  BOOST_TEST(store::get_category(r, t, c)->slug == "van-hoa-du-lich-2");
  BOOST_TEST(store::find_category_by_slug(r, t, "van-hoa-du-lich-2")->id == c);
}

BOOST_AUTO_TEST_CASE(users_settings_documents_and_media_round_trip) {
  test::TempStore s;
  const auto& t = s.store.tables();
  model::User u;
  u.username = "bientap1";
  u.display_name = "Biên tập viên";
  u.role = model::Role::secretariat;
  u.password_hash = "$argon2id$x";
  u.suspended = true;
  model::SiteSettings settings;
  settings.portal_name = "Cổng thông tin điện tử tỉnh Thử Nghiệm";
  settings.phone = "0261 000";
  model::LegalDocument d;
  d.number = "1382/QĐ-UBND";
  d.type = "Quyết định";
  d.issuer = "UBND tỉnh";
  d.issued_on = 19000;
  d.abstract_text = "Ban hành quy chế";
  std::uint64_t doc_id = 0;
  {
    auto txn = s.store.write();
    store::put_user(txn, t, u);
    store::put_site_settings(txn, t, settings);
    const auto media = store::add_media(txn, t, {0, "qd.pdf", "application/pdf", std::string("%PDF\0bin", 8)});
    d.attachments.push_back({media, "qd.pdf", "application/pdf", 8});
    doc_id = store::put_document(txn, t, d);
    txn.commit();
  }
  const auto r = s.store.read();
  const auto gu = store::get_user(r, t, "bientap1");
  BOOST_REQUIRE(gu);
  BOOST_TEST(gu->display_name == u.display_name);
  BOOST_TEST(model::to_string(gu->role) == "secretariat");
  BOOST_TEST(gu->suspended);
  BOOST_TEST(store::get_site_settings(r, t).portal_name == settings.portal_name);
  BOOST_TEST(store::get_site_settings(r, t).phone == "0261 000");
  const auto gd = store::get_document(r, t, doc_id);
  BOOST_REQUIRE(gd);
  BOOST_TEST(gd->number == d.number);
  BOOST_REQUIRE_EQUAL(gd->attachments.size(), 1u);
  const auto m = store::get_media(r, t, gd->attachments[0].media_id);
  BOOST_REQUIRE(m);
  BOOST_TEST(m->bytes == std::string("%PDF\0bin", 8));
  BOOST_TEST(store::newest_documents(r, t, {0, 5}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(reopening_keeps_committed_data_and_schema) {
  test::TempDir dir;
  {
    store::Store s(dir.path, {.map_size = std::size_t(64) << 20, .create = true});
    auto txn = s.write();
    store::ensure_agency(txn, s.tables(), "Sở Y tế");
    txn.commit();
  }
  store::Store s(dir.path, {.map_size = std::size_t(64) << 20});
  BOOST_TEST(s.schema_version() == store::kSchemaVersion);
  const auto r = s.read();
  BOOST_TEST(store::list_agencies(r, s.tables()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(opening_an_uninitialised_dir_names_the_fix) {
  test::TempDir dir;
  try {
    store::Store s(dir.path, {});
    BOOST_FAIL("opened a store that does not exist");
  } catch (const store::StoreError& e) {
    BOOST_TEST(std::string(e.what()).find("portaldctl") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_newer_schema_is_refused) {
  test::TempDir dir;
  {
    store::Store s(dir.path, {.map_size = std::size_t(64) << 20, .create = true});
    auto txn = s.write();
    store::put_schema_version(txn, s.tables(), store::kSchemaVersion + 1);
    txn.commit();
  }
  BOOST_CHECK_THROW(store::Store(dir.path, {.map_size = std::size_t(64) << 20}), store::StoreError);
}

BOOST_AUTO_TEST_CASE(usage_reports_map_and_pages) {
  test::TempStore s;
  const auto u = s.store.usage();
  BOOST_TEST(u.map_size == std::size_t(256) << 20);
  BOOST_TEST(u.used_bytes > 0u);
  BOOST_TEST(u.used_ratio() < 0.5);
}

BOOST_AUTO_TEST_CASE(readers_see_whole_transactions_while_a_writer_commits) {
  test::TempStore s;
  const auto& t = s.store.tables();
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::atomic<int> reads{0};
  // Each write transaction adds two articles to category 1 and one to category 2; a reader must
  // always see category 1 holding exactly twice category 2.
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) {
      auto txn = s.store.write();
      store::put_article(txn, t, make_article("a", 1, i));
      store::put_article(txn, t, make_article("b", 1, i));
      store::put_article(txn, t, make_article("c", 2, i));
      txn.commit();
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&] {
      while (!done) {
        const auto txn = s.store.read();
        if (store::count_published(txn, t, 1) != 2 * store::count_published(txn, t, 2)) ++torn;
        ++reads;
      }
    });
  writer.join();
  for (auto& th : readers) th.join();
  BOOST_TEST(torn == 0);
  BOOST_TEST(reads > 0);
  const auto txn = s.store.read();
  BOOST_TEST(store::count_published(txn, t) == 600u);
}

BOOST_AUTO_TEST_SUITE_END()
