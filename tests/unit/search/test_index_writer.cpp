// The index writer: following the change log (publish, unpublish, update, renames), the cursor kept
// with the documents, when a rebuild is needed, the single-writer lock, and unreadable files.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "daemon/store/codec.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;

namespace {

std::size_t doc_count(const test::SearchFixture& f) { return Xapian::Database(f.dir.string()).get_doccount(); }

std::uint64_t head(const test::SearchFixture& f) {
  const auto txn = f.store.store.read();
  return store::latest_change(txn, f.store.store.tables());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_writer)

BOOST_AUTO_TEST_CASE(publish_update_and_unpublish_follow_the_change_log) {
  test::SearchFixture f;
  const std::size_t before = doc_count(f);
  const auto id = test::put_article_in(f, "Khánh thành cầu Sêrêpốk", "<p>Cây cầu mới nối hai bờ sông.</p>");
  BOOST_TEST(f.follow() >= 1u);
  BOOST_TEST(f.search("khanh thanh cau")->hits.at(0).id == id);
  BOOST_TEST(doc_count(f) == before + 1);

  test::put_article_in(f, "Khánh thành cầu Sêrêpốk mới", "<p>Cây cầu mới.</p>", model::ArticleStatus::published, id);
  f.follow();
  BOOST_TEST(doc_count(f) == before + 1);  // replaced, not added
  BOOST_TEST(f.search("khanh thanh cau")->hits.at(0).title == "Khánh thành cầu Sêrêpốk mới");

  test::put_article_in(f, "Khánh thành cầu Sêrêpốk mới", "<p>Cây cầu mới.</p>", model::ArticleStatus::draft, id);
  f.follow();
  BOOST_TEST(doc_count(f) == before);
  BOOST_TEST(f.search("khanh thanh cau")->total == 0u);
}

BOOST_AUTO_TEST_CASE(the_cursor_is_committed_with_the_documents) {
  test::SearchFixture f;
  test::put_article_in(f, "Bài một", "<p>một</p>");
  test::put_article_in(f, "Bài hai", "<p>hai</p>");
  f.follow();
  search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
  BOOST_TEST(w.cursor() == head(f));
  BOOST_TEST(w.follow(f.store.store, 1000, 1, [] { return false; }) == 0u);  // nothing new
  const auto txn = f.store.store.read();
  BOOST_TEST(!w.needs_rebuild(txn, f.store.store.tables()));
}

BOOST_AUTO_TEST_CASE(a_batch_stopped_midway_is_replayed_whole_without_duplicates) {
  test::SearchFixture f;
  const std::size_t before = doc_count(f);
  std::vector<std::uint64_t> ids;
  for (int i = 0; i < 300; ++i)
    ids.push_back(test::put_article_in(f, "Tin số " + std::to_string(i), "<p>nội dung</p>"));
  {
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    const auto old_cursor = w.cursor();
    int calls = 0;
    // Stops after some documents were replaced: they may be flushed, but the cursor is not moved.
    BOOST_TEST(w.follow(f.store.store, 1000, 2, [&] { return ++calls > 2; }) == 0u);
    BOOST_TEST(w.cursor() == old_cursor);
  }
  f.follow();
  BOOST_TEST(doc_count(f) == before + 300);
  Xapian::Database db(f.dir.string());
  for (const auto id : ids) BOOST_TEST(db.get_termfreq(search::id_term(search::ItemKind::article, id)) == 1u);
}

BOOST_AUTO_TEST_CASE(renaming_a_category_reindexes_its_articles) {
  test::SearchFixture f;
  const auto& t = f.store.store.tables();
  std::uint64_t cat = 0;
  {
    auto txn = f.store.store.write();
    cat = store::ensure_category(txn, t, "Y tế");
    txn.put(t.categories, store::be64(cat),
            store::encode_record({{"id", cat}, {"name", "Y tế - Sức khoẻ"}, {"slug", "y-te-suc-khoe"}}, 1));
    store::append_change(txn, t, store::ChangeKind::category, cat, store::ChangeOp::put);
    txn.commit();
  }
  f.follow();
  const auto hit = f.search("suc khoe nguoi cao tuoi")->hits.at(0);
  BOOST_TEST(hit.category == "Y tế - Sức khoẻ");
  search::SearchRequest r;
  r.category = "y-te-suc-khoe";
  BOOST_TEST(f.search("", r)->total == 2u);
}

BOOST_AUTO_TEST_CASE(rebuild_is_needed_when_the_index_cannot_be_followed) {
  test::SearchFixture f;
  const auto& t = f.store.store.tables();
  {
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    const auto txn = f.store.store.read();
    BOOST_TEST(!w.needs_rebuild(txn, t));
    w.database().set_metadata(search::meta::format, "0");
    const auto why = w.needs_rebuild(txn, t);
    BOOST_REQUIRE(why);
    BOOST_TEST(why->find("format 0") != std::string::npos, *why);
    w.database().set_metadata(search::meta::format, std::to_string(search::kIndexFormat));
    w.database().set_metadata(search::meta::state, "building");
    BOOST_TEST(w.needs_rebuild(txn, t).value_or("").find("did not finish") != std::string::npos);
    w.database().set_metadata(search::meta::state, "ready");
    w.database().commit();
  }
  // The same index against another store: a restored older one, and one that merely has as many changes.
  test::TempStore older;
  {
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    const auto txn = older.store.read();
    BOOST_TEST(w.needs_rebuild(txn, older.store.tables()).value_or("").find("restored") != std::string::npos);
  }
  test::TempStore other;
  {
    auto txn = other.store.write();
    for (std::uint64_t i = 0; i < head(f); ++i)
      store::append_change(txn, other.store.tables(), store::ChangeKind::media, i + 1000, store::ChangeOp::put);
    txn.commit();
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    const auto rtxn = other.store.read();
    BOOST_TEST(w.needs_rebuild(rtxn, other.store.tables()).value_or("").find("different store") != std::string::npos);
  }
  search::IndexWriter fresh(f.store.dir.path / "new-index", search::IndexWriter::Mode::open_or_create);
  const auto txn = f.store.store.read();
  BOOST_TEST(fresh.needs_rebuild(txn, t).value_or("").find("new or empty") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unfinished_rebuild_is_not_taken_for_a_finished_one) {
  test::SearchFixture f;
  search::IndexWriter w(f.dir, search::IndexWriter::Mode::overwrite);
  search::RebuildOptions o;
  o.stop = [] { return true; };
  BOOST_TEST(!w.rebuild(f.store.store, o).completed);
  const auto txn = f.store.store.read();
  BOOST_TEST(w.needs_rebuild(txn, f.store.store.tables()).has_value());
  BOOST_TEST(w.rebuild(f.store.store, {}).completed);
  BOOST_TEST(!w.needs_rebuild(txn, f.store.store.tables()).has_value());
}

BOOST_AUTO_TEST_CASE(only_one_writer_at_a_time) {
  test::SearchFixture f;
  search::IndexWriter first(f.dir, search::IndexWriter::Mode::open_or_create);
  BOOST_CHECK_THROW(search::IndexWriter(f.dir, search::IndexWriter::Mode::overwrite), search::IndexLocked);
  BOOST_CHECK_THROW(search::IndexWriter(f.dir, search::IndexWriter::Mode::open_or_create), search::IndexLocked);
  // The refused overwrite destroyed nothing.
  BOOST_TEST(first.database().get_doccount() == test::fixture_articles().size() + test::fixture_documents().size());
}

BOOST_AUTO_TEST_CASE(unreadable_files_are_reported_and_can_be_overwritten) {
  test::SearchFixture f;
  for (const auto& e : std::filesystem::directory_iterator(f.dir))
    if (e.path().extension() == ".glass") std::ofstream(e.path(), std::ios::trunc) << "not a glass table";
  bool refused = false;
  try {
    search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
    const auto txn = f.store.store.read();
    w.needs_rebuild(txn, f.store.store.tables());
    w.database().get_doccount();
  } catch (const Xapian::DatabaseError&) {
    refused = true;
  }
  BOOST_TEST(refused);
  search::IndexWriter w(f.dir, search::IndexWriter::Mode::overwrite);
  BOOST_TEST(w.database().get_doccount() == 0u);
  BOOST_TEST(w.rebuild(f.store.store, {}).completed);
  BOOST_TEST(w.database().get_doccount() == test::fixture_articles().size() + test::fixture_documents().size());
}

BOOST_AUTO_TEST_SUITE_END()
