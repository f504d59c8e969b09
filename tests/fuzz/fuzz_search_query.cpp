// Fuzz target for the search query path: any bytes as the query text (and as filter values), through
// normalisation, the query builder, Xapian and snippets, against a small real index. A violated
// property aborts: an answer must come back (never an exception), its text must be valid UTF-8 within
// the limits, a page holds at most per_page hits, and snippets are escaped HTML whose only tags are
// <mark> and </mark>. Autocomplete must answer too.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "search/index_writer.hpp"
#include "search/indexer.hpp"
#include "search/schema.hpp"
#include "search/search_service.hpp"
#include "tests/fuzz/property.hpp"

namespace {

using namespace portald;

using portald::fuzz::require;

// Only "<mark>" and "</mark>" may appear as tags; everything else must be escaped.
bool only_mark_tags(std::string_view html) {
  for (std::size_t i = 0; i < html.size(); ++i) {
    const auto rest = html.substr(i);
    if (rest.starts_with("<mark>")) {
      i += 5;
    } else if (rest.starts_with("</mark>")) {
      i += 6;
    } else if (html[i] == '<' || html[i] == '>') {
      return false;
    }
  }
  return true;
}

struct Index {
  std::filesystem::path root;
  search::IndexStatus status;
  std::unique_ptr<search::SearchService> service;

  Index() {
    char templ[] = "/tmp/fuzz-search.XXXXXX";
    if (!::mkdtemp(templ)) std::abort();
    root = templ;
    {
      store::Store s(root, {.map_size = std::size_t(64) << 20, .create = true});
      auto txn = s.write();
      const auto& t = s.tables();
      const char* titles[] = {"Tỉnh Đắk Nông triển khai nông nghiệp công nghệ cao",
                              "Giá bán cà phê tăng",
                              "Trao tặng bàn ghế cho trường học",
                              "Công trình thủy lợi Đắk Mil",
                              "Hoà bình và hợp tác",
                              "Chăm sóc sức khỏe người cao tuổi <script>x</script> & co"};
      for (const char* title : titles) {
        model::Article a;
        a.title = title;
        a.slug = model::slugify(title);
        a.body_html = std::string("<p>") + title + " — phát triển kinh tế xã hội năm 2024, số 1382/QĐ-UBND.</p>";
        a.status = model::ArticleStatus::published;
        a.category_id = store::ensure_category(txn, t, "Thời sự");
        a.agency_id = store::ensure_agency(txn, t, "Sở Y tế");
        a.published_at = 1704042000;
        store::put_article(txn, t, a);
      }
      model::LegalDocument d;
      d.number = "1382/QĐ-UBND";
      d.type = "Quyết định";
      d.issuer = "Ủy ban nhân dân tỉnh";
      d.abstract_text = "Ban hành kế hoạch chuyển đổi số";
      d.issued_on = 19730;
      store::put_document(txn, t, d);
      txn.commit();
      search::IndexWriter w(search::index_dir(root), search::IndexWriter::Mode::overwrite);
      if (!w.rebuild(s, {}).completed) std::abort();
    }
    status.ready = true;
    service = std::make_unique<search::SearchService>(search::index_dir(root), &status);
  }
  ~Index() {
    service.reset();
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
};

Index& index() {
  static Index i;
  return i;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  search::SearchRequest r;
  r.q = input;
  // The first byte, when there is one, also picks options; filters get the raw bytes too.
  const unsigned pick = size ? data[0] : 0;
  r.sort = (pick & 1) ? search::SortOrder::newest : search::SortOrder::relevance;
  r.per_page = 1 + (pick >> 1) % 20;
  r.page = 1 + (pick >> 5);
  if (pick & 0x40) r.type = input.substr(0, 40);
  if (pick & 0x80) r.agency = input.substr(0, 40);
  if ((pick & 0x18) == 0x18) r.from_day = 19000, r.to_day = 20000;

  const auto result = index().service->search(r);
  require(result != nullptr, "search answered");
  require(model::is_valid_utf8(result->text), "normalised text is valid UTF-8");
  require(model::count_code_points(result->text) <= search::limits::query_chars, "text within the length limit");
  require(result->hits.size() <= r.per_page, "at most per_page hits");
  for (const auto& h : result->hits) {
    require(only_mark_tags(h.snippet_html), "snippet is escaped HTML with <mark> only");
    require(only_mark_tags(h.title_html), "title is escaped HTML with <mark> only");
    require(!h.url.empty(), "hit has a URL");
  }
  const auto completions = index().service->complete(input);
  require(completions != nullptr, "autocomplete answered");
  for (const auto& c : *completions) require(model::is_valid_utf8(c), "completion is valid UTF-8");
  return 0;
}
