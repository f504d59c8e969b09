// portaldctl import: validation of every line first, FILE:LINE reports, all-or-nothing, --skip-bad,
// re-import updates, documents with attachments, and the sample corpus end to end.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "daemon/cli/content_import.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;

namespace {

const std::string kGood1 =
    R"({"id": 1, "title": "Tin một", "body_html": "<p>Nội dung <script>alert(1)</script>một</p>", "category": "Kinh tế", "agency": "Sở Tài chính", "published_at": "2024-01-02T08:00:00+07:00"})";
const std::string kGood2 =
    R"({"id": "b-2", "title": "Tin hai", "summary": "Tóm tắt", "body_html": "<p>Hai</p>", "category": "Xã hội", "published_at": "2024-01-03T08:00:00+07:00", "author": "Lê B"})";

struct Run {
  cli::ImportReport report;
  std::string err;
};

Run import_articles(store::Store& s, const std::filesystem::path& file, bool skip_bad = false) {
  std::ostringstream err;
  cli::ImportOptions o;
  o.skip_bad = skip_bad;
  o.batch_size = 2;
  Run r{cli::run_import(s, file, cli::article_import_kind(), o, err), ""};
  r.err = err.str();
  return r;
}

std::size_t published(store::Store& s) {
  const auto txn = s.read();
  return store::count_published(txn, s.tables());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(importer)

BOOST_AUTO_TEST_CASE(good_lines_are_imported_sanitised_and_normalised) {
  test::TempStore s;
  const std::string nfd_title = "No\xCC\x82ng nghie\xCC\xA3\xCC\x82p";  // "Nông nghiệp" decomposed
  const std::string line3 =
      R"({"title": ")" + nfd_title +
      R"(", "body_html": "<p>x</p>", "category": "Kinh tế", "published_at": "2024-01-04T08:00:00Z"})";
  const auto f = test::write_file(s.dir.path, "a.jsonl", kGood1 + "\n\n" + kGood2 + "\n" + line3 + "\n");
  const auto r = import_articles(s.store, f);
  BOOST_TEST(r.err == "");
  BOOST_TEST(r.report.created == 3u);
  BOOST_TEST(r.report.written);
  const auto txn = s.store.read();
  const auto& t = s.store.tables();
  const auto list = store::newest_articles(txn, t, {0, 10});
  BOOST_REQUIRE_EQUAL(list.size(), 3u);
  BOOST_TEST(list[0].title == "Nông nghiệp");  // NFC
  BOOST_TEST(list[2].title == "Tin một");
  BOOST_TEST(list[2].body_html.find("script") == std::string::npos);
  BOOST_TEST(!list[2].summary.empty());  // derived from the body
  BOOST_TEST(store::get_agency(txn, t, list[2].agency_id)->name == "Sở Tài chính");
  BOOST_TEST(list[1].author == "Lê B");
  BOOST_TEST(store::list_categories(txn, t).size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_lines_are_reported_by_line_and_nothing_is_written) {
  test::TempStore s;
  const std::string text =
      kGood1 + "\n" + R"({"title": "", "body_html": "x"})" + "\nnot json\n" + kGood2 + "\n" +
      R"({"title": "t", "body_html": "b", "category": "c", "published_at": "hôm qua"})" + "\n" + "[1,2]\n" +
      R"({"title": "t", "body_html": "b", "category": "c", "published_at": "2024-01-01T00:00:00Z", "status": "maybe"})" +
      "\n";
  const auto f = test::write_file(s.dir.path, "bad.jsonl", text);
  const auto r = import_articles(s.store, f);
  BOOST_TEST(!r.report.written);
  BOOST_TEST(r.report.bad == 5u);
  BOOST_TEST(published(s.store) == 0u);
  const std::string p = f.string();
  BOOST_TEST(r.err.find(p + ":2: title: must not be empty") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(p + ":3: json: invalid JSON") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(p + ":5: published_at:") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(p + ":6: json: each line must be a JSON object") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(p + ":7: status:") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("nothing was imported") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(skip_bad_imports_the_good_lines_and_still_reports) {
  test::TempStore s;
  const auto f = test::write_file(s.dir.path, "mixed.jsonl", kGood1 + "\n{\"title\": 5}\n" + kGood2 + "\n");
  const auto r = import_articles(s.store, f, true);
  BOOST_TEST(r.report.written);
  BOOST_TEST(r.report.bad == 1u);
  BOOST_TEST(r.report.created == 2u);
  BOOST_TEST(r.err.find(":2: title: must be a string") != std::string::npos, r.err);
  BOOST_TEST(published(s.store) == 2u);
}

BOOST_AUTO_TEST_CASE(reimporting_the_same_ids_updates_in_place) {
  test::TempStore s;
  const auto f = test::write_file(s.dir.path, "a.jsonl", kGood1 + "\n" + kGood2 + "\n");
  import_articles(s.store, f);
  std::string changed = kGood1;
  changed.replace(changed.find("Tin một"), std::string("Tin một").size(), "Tin một (sửa)");
  const auto f2 = test::write_file(s.dir.path, "b.jsonl", changed + "\n");
  const auto r = import_articles(s.store, f2);
  BOOST_TEST(r.report.updated == 1u);
  BOOST_TEST(r.report.created == 0u);
  BOOST_TEST(published(s.store) == 2u);
  const auto txn = s.store.read();
  const auto id = store::find_article_by_source(txn, s.store.tables(), "1");
  BOOST_REQUIRE(id);
  const auto a = store::get_article(txn, s.store.tables(), *id);
  BOOST_TEST(a->title == "Tin một (sửa)");
  BOOST_TEST(a->revision == 2u);
}

BOOST_AUTO_TEST_CASE(an_overlong_line_is_a_bad_line_not_a_memory_spike) {
  test::TempStore s;
  const auto f = test::write_file(s.dir.path, "long.jsonl", kGood1 + "\n" + std::string(5000, 'x') + "\n");
  std::ostringstream err;
  cli::ImportOptions o;
  o.max_line = 1000;
  const auto r = cli::run_import(s.store, f, cli::article_import_kind(), o, err);
  BOOST_TEST(r.bad == 1u);
  BOOST_TEST(err.str().find(":2: line: longer than 1000 bytes") != std::string::npos, err.str());
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_a_clear_error) {
  test::TempStore s;
  BOOST_CHECK_EXCEPTION(
      import_articles(s.store, s.dir.path / "nope.jsonl"), std::runtime_error,
      [](const std::runtime_error& e) { return std::string(e.what()).find("nope.jsonl") != std::string::npos; });
}

BOOST_AUTO_TEST_CASE(documents_with_attachments) {
  test::TempStore s;
  test::write_file(s.dir.path, "files/qd1382.pdf", "%PDF-1.4 test");
  test::write_file(s.dir.path, "files/virus.exe", "MZ");
  const std::string good =
      R"({"id": 7, "number": "1382/QĐ-UBND", "type": "Quyết định", "issuer": "UBND tỉnh", "signer": "Nguyễn Văn C", "issued_on": "2023-08-15", "effective_on": "2023-08-15", "abstract": "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh", "files": ["files/qd1382.pdf"], "national_db_url": "https://vbpl.vn/x"})";
  const std::string bad_file =
      R"({"number": "1", "type": "Công văn", "issuer": "Sở", "issued_on": "2023-01-01", "abstract": "a", "files": ["files/virus.exe"]})";
  const std::string bad_date =
      R"({"number": "2", "type": "Công văn", "issuer": "Sở", "issued_on": "2023-02-30", "abstract": "a"})";
  const auto bad = test::write_file(s.dir.path, "bad.jsonl", good + "\n" + bad_file + "\n" + bad_date + "\n");
  std::ostringstream err;
  auto r = cli::run_import(s.store, bad, cli::document_import_kind(s.dir.path), {}, err);
  BOOST_TEST(r.bad == 2u);
  BOOST_TEST(err.str().find("bad.jsonl:2: files: files/virus.exe: only PDF") != std::string::npos, err.str());
  BOOST_TEST(err.str().find("bad.jsonl:3: issued_on:") != std::string::npos, err.str());

  const auto ok = test::write_file(s.dir.path, "ok.jsonl", good + "\n");
  std::ostringstream err2;
  r = cli::run_import(s.store, ok, cli::document_import_kind(s.dir.path), {}, err2);
  BOOST_TEST(r.created == 1u);
  const auto txn = s.store.read();
  const auto docs = store::newest_documents(txn, s.store.tables(), {0, 10});
  BOOST_REQUIRE_EQUAL(docs.size(), 1u);
  BOOST_TEST(docs[0].number == "1382/QĐ-UBND");
  BOOST_REQUIRE_EQUAL(docs[0].attachments.size(), 1u);
  BOOST_TEST(store::get_media(txn, s.store.tables(), docs[0].attachments[0].media_id)->bytes == "%PDF-1.4 test");
}

BOOST_AUTO_TEST_CASE(the_sample_corpus_imports_whole) {
  test::TempStore s;
  const auto corpus = test::shared_dir() / "corpus" / "articles.jsonl";
  std::ostringstream err;
  const auto r = cli::run_import(s.store, corpus, cli::article_import_kind(), {}, err);
  BOOST_TEST(err.str() == "");
  BOOST_TEST(r.created == 2000u);
  BOOST_TEST(published(s.store) == 2000u);
  const auto txn = s.store.read();
  BOOST_TEST(store::list_categories(txn, s.store.tables()).size() == 10u);
}

BOOST_AUTO_TEST_SUITE_END()
