// A sharded index (search-shards, issue 17): one built in three shards answers every query as one built
// in one (hits, "did you mean", the search form's filter names); every item lives in exactly one shard,
// the one shard_of names, also after following publishes, updates, unpublishes and a category rename; an
// index keeps its own shard count when reopened, and a missing shard makes it unreadable (so it is
// rebuilt), not smaller; and a failing writer thread fails the rebuild.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>
#include <thread>

#include "daemon/store/codec.hpp"
#include "search/shard_layout.hpp"
#include "search/shard_writers.hpp"
#include "tests/unit/search/search_fixture.hpp"

using namespace portald;

namespace {

test::SearchFixture& one_shard() {
  static test::SearchFixture f(false, 1);
  return f;
}

test::SearchFixture& three_shards() {
  static test::SearchFixture f(false, 3);
  return f;
}

// How many documents of each shard hold the id term of (kind, id).
std::vector<Xapian::doccount> holders(const test::SearchFixture& f, search::ItemKind kind, std::uint64_t id) {
  std::vector<Xapian::doccount> out;
  for (const auto& dir : search::shard_dirs(f.dir))
    out.push_back(Xapian::Database(dir.string()).get_termfreq(search::id_term(kind, id)));
  return out;
}

std::vector<Xapian::doccount> only_in(unsigned shard, unsigned shards) {
  std::vector<Xapian::doccount> out(shards, 0);
  out.at(shard) = 1;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_shards)

BOOST_AUTO_TEST_CASE(the_layout_names_each_shard_in_a_xapian_stub) {
  test::TempStore t;
  const auto dir = t.dir.path / "index-1";
  BOOST_TEST(search::shard_dirs(dir).empty());
  BOOST_TEST(search::planned_shard_dirs(dir, 1) == std::vector<std::filesystem::path>{dir},
             boost::test_tools::per_element());
  std::filesystem::create_directories(dir);
  search::write_shard_stub(dir, 3);
  std::ifstream in(dir / "XAPIANDB");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(text == "glass shard-0\nglass shard-1\nglass shard-2\n");
  BOOST_TEST(search::shard_dirs(dir) == search::planned_shard_dirs(dir, 3), boost::test_tools::per_element());

  // A stub portald did not write (another backend, a path outside) is refused, not followed.
  std::ofstream(dir / "XAPIANDB") << "glass ../../elsewhere\n";
  BOOST_CHECK_THROW(search::shard_dirs(dir), std::runtime_error);
  search::write_shard_stub(dir, 1);
  BOOST_TEST(!std::filesystem::exists(dir / "XAPIANDB"));
}

BOOST_AUTO_TEST_CASE(consecutive_ids_spread_evenly) {
  std::vector<int> count(3, 0);
  for (std::uint64_t id = 1; id <= 999; ++id) ++count.at(search::shard_of(search::ItemKind::article, id, 3));
  BOOST_TEST(count == std::vector<int>({333, 333, 333}), boost::test_tools::per_element());
  BOOST_TEST(search::shard_of(search::ItemKind::document, 7, 1) == 0u);
}

BOOST_AUTO_TEST_CASE(search_shards_0_means_one_per_core_within_the_limit) {
  BOOST_TEST(search::shard_count(3) == 3u);
  BOOST_TEST(search::shard_count(0) == std::max(1u, std::thread::hardware_concurrency()));
  BOOST_TEST(search::shard_count(1000) == search::kMaxShards);
}

BOOST_AUTO_TEST_CASE(three_shards_answer_every_query_as_one_does) {
  BOOST_TEST(search::shard_dirs(three_shards().dir).size() == 3u);
  BOOST_TEST(search::shard_dirs(one_shard().dir).size() == 1u);
  for (const char* q : {"nong nghiep", "nông nghiệp công nghệ cao", "\"phát triển kinh tế\"", "ca phe", "1382/QĐ-UBND",
                        "kinh te -tu nhan", "title:\"nong nghiep\"", "dak nong", "suc khoe nguoi cao tuoi"}) {
    BOOST_TEST_CONTEXT(q) {
      const auto one = one_shard().search(q), three = three_shards().search(q);
      BOOST_TEST(three->total == one->total);
      // BM25 statistics are combined over the shards: the same order, ties aside (document ids differ).
      auto a = one_shard().keys(q), b = three_shards().keys(q);
      if (!a.empty()) BOOST_TEST(b.at(0) == a.at(0));
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      BOOST_TEST(b == a, boost::test_tools::per_element());
    }
  }
  // "Did you mean" reads the title words of every shard.
  BOOST_TEST(three_shards().search("nong nghiepp")->suggestion == one_shard().search("nong nghiepp")->suggestion);
  BOOST_TEST(three_shards().search("nong nghiepp")->suggestion.find("nghiệp") != std::string::npos);
  // The filter names live in shard 0's metadata, whichever shard their items are in.
  const auto one = one_shard().service->facets(), three = three_shards().service->facets();
  BOOST_REQUIRE(one);
  BOOST_REQUIRE(three);
  BOOST_TEST(three->agencies.size() == one->agencies.size());
  for (std::size_t i = 0; i < std::min(one->agencies.size(), three->agencies.size()); ++i)
    BOOST_TEST(three->agencies[i].name == one->agencies[i].name);
  BOOST_TEST(three->doc_types.size() == one->doc_types.size());
}

BOOST_AUTO_TEST_CASE(every_item_lives_in_the_shard_shard_of_names) {
  auto& f = three_shards();
  for (const auto& [key, id] : f.ids) {
    const auto kind = key.starts_with("decision") || key.starts_with("resolution") ? search::ItemKind::document
                                                                                   : search::ItemKind::article;
    BOOST_TEST_CONTEXT(key) { BOOST_TEST(holders(f, kind, id) == only_in(search::shard_of(kind, id, 3), 3)); }
  }
  const search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
  BOOST_TEST(w.doc_count() == test::fixture_articles().size() + test::fixture_documents().size());
}

BOOST_AUTO_TEST_CASE(following_replaces_and_removes_items_in_their_own_shard) {
  test::SearchFixture f(false, 3);
  std::vector<std::uint64_t> ids;
  for (int i = 0; i < 6; ++i)
    ids.push_back(test::put_article_in(f, "Tin sáp nhập tỉnh số " + std::to_string(i), "<p>Nội dung.</p>"));
  f.follow();
  std::set<unsigned> used;
  for (const auto id : ids) {
    used.insert(search::shard_of(search::ItemKind::article, id, 3));
    BOOST_TEST(holders(f, search::ItemKind::article, id) ==
               only_in(search::shard_of(search::ItemKind::article, id, 3), 3));
  }
  BOOST_TEST(used.size() == 3u);  // six consecutive ids reach every shard
  BOOST_TEST(f.search("sap nhap tinh")->total == 6u);

  test::put_article_in(f, "Tin sáp nhập tỉnh đã sửa", "<p>Nội dung.</p>", model::ArticleStatus::published, ids[1]);
  test::put_article_in(f, "Tin sáp nhập tỉnh số 2", "<p>Nội dung.</p>", model::ArticleStatus::draft, ids[2]);
  f.follow();
  BOOST_TEST(holders(f, search::ItemKind::article, ids[1]) ==
             only_in(search::shard_of(search::ItemKind::article, ids[1], 3), 3));
  BOOST_TEST(holders(f, search::ItemKind::article, ids[2]) == std::vector<Xapian::doccount>(3, 0));
  BOOST_TEST(f.search("sap nhap tinh")->total == 5u);
  BOOST_TEST(f.search("sap nhap tinh da sua")->hits.at(0).id == ids[1]);

  // A renamed category reaches its articles in every shard.
  const auto& t = f.store.store.tables();
  {
    auto txn = f.store.store.write();
    const std::uint64_t cat = store::ensure_category(txn, t, "Thời sự");
    txn.put(t.categories, store::be64(cat),
            store::encode_record({{"id", cat}, {"name", "Thời sự - Chính trị"}, {"slug", "thoi-su-chinh-tri"}}, 1));
    store::append_change(txn, t, store::ChangeKind::category, cat, store::ChangeOp::put);
    txn.commit();
  }
  f.follow();
  search::SearchRequest r;
  r.category = "thoi-su-chinh-tri";
  const auto renamed = f.search("sap nhap tinh", r);
  BOOST_TEST(renamed->total == 5u);
  for (const auto& hit : renamed->hits) BOOST_TEST(hit.category == "Thời sự - Chính trị");

  // The cursor is shard 0's metadata, which is what a reader of the whole index sees.
  const search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create);
  BOOST_TEST(Xapian::Database(f.dir.string()).get_metadata(search::meta::cursor) == std::to_string(w.cursor()));
}

BOOST_AUTO_TEST_CASE(an_index_keeps_its_own_shard_count_when_reopened) {
  auto& f = three_shards();
  const search::IndexWriter w(f.dir, search::IndexWriter::Mode::open_or_create, 1);
  BOOST_TEST(w.shards() == 3u);
  const auto txn = f.store.store.read();
  BOOST_TEST(!w.needs_rebuild(txn, f.store.store.tables()));
}

BOOST_AUTO_TEST_CASE(a_missing_shard_is_an_error_not_an_empty_shard) {
  test::SearchFixture f(false, 3);
  std::filesystem::remove_all(f.dir / "shard-1");
  BOOST_CHECK_THROW(search::IndexWriter(f.dir, search::IndexWriter::Mode::open_or_create), Xapian::DatabaseError);
  BOOST_TEST(!std::filesystem::exists(f.dir / "shard-1"));
}

BOOST_AUTO_TEST_CASE(a_failing_writer_thread_fails_the_whole_write) {
  std::size_t written = 0;
  search::ShardWriters writers(2, [&](unsigned shard, search::BuiltItem& item) {
    if (shard == 1 && item.id == 7) throw std::runtime_error("disk full");
    if (shard == 0) ++written;
  });
  const auto add_all = [&] {
    for (std::uint64_t id = 0; id < 2000; ++id) {
      search::BuiltItem item;
      item.id = id;
      writers.add(static_cast<unsigned>(id % 2), std::move(item));
    }
    writers.finish();
  };
  BOOST_CHECK_THROW(add_all(), std::runtime_error);
  BOOST_TEST(written < 1000u);  // the other shard stopped too
}

BOOST_AUTO_TEST_CASE(every_item_reaches_its_writer_in_order) {
  std::vector<std::vector<std::uint64_t>> seen(3);
  {
    search::ShardWriters writers(3, [&](unsigned shard, search::BuiltItem& item) { seen[shard].push_back(item.id); });
    for (std::uint64_t id = 0; id < 1000; ++id) {
      search::BuiltItem item;
      item.id = id;
      writers.add(static_cast<unsigned>(id % 3), std::move(item));
    }
    writers.finish();
  }
  for (unsigned k = 0; k < 3; ++k) {
    BOOST_TEST(seen[k].size() == (k == 0 ? 334u : 333u));
    BOOST_TEST(std::is_sorted(seen[k].begin(), seen[k].end()));
    BOOST_TEST(std::all_of(seen[k].begin(), seen[k].end(), [&](std::uint64_t id) { return id % 3 == k; }));
  }
}

BOOST_AUTO_TEST_SUITE_END()
