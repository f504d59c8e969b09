#pragma once
// A small corpus of our own for the search tests, written into a real store and indexed into a real
// Xapian database, so each test can ask readers' questions of it. Every item is there to pin one
// behaviour (diacritics, tone placement, numbers, phrases); the fillers give the common words
// realistic frequencies.
#include <map>
#include <string>
#include <vector>

#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "search/index_writer.hpp"
#include "search/indexer.hpp"
#include "search/schema.hpp"
#include "search/search_service.hpp"
#include "tests/support/fixtures.hpp"

namespace portald::test {

struct FixtureArticle {
  const char* key;
  const char* title;
  const char* body;
  const char* category;
  const char* agency;
  model::UnixTime published_at;
};

struct FixtureDocument {
  const char* key;
  const char* number;
  const char* type;
  const char* issuer;
  const char* abstract_text;
  std::int32_t issued_on;  // days since epoch
};

// 2024-01-01 00:00 +07:00, and one day.
inline constexpr model::UnixTime kJan2024 = 1704042000;
inline constexpr model::UnixTime kDay = 86400;

inline const std::vector<FixtureArticle>& fixture_articles() {
  static const std::vector<FixtureArticle> a{
      {.key = "ban_selling",
       .title = "Giá bán cà phê nhân tăng mạnh",
       .body = "<p>Giá bán cà phê tại các đại lý tăng. Người dân bán cà phê thu lãi cao.</p>",
       .category = "Kinh tế",
       .agency = "Sở Công Thương",
       .published_at = kJan2024 + 1 * kDay},
      {.key = "ban_table",
       .title = "Trao tặng bàn ghế cho trường học vùng sâu",
       .body = "<p>Đoàn công tác trao 200 bộ bàn ghế. Mỗi bàn học được kiểm tra chất lượng trước khi trao.</p>",
       .category = "Giáo dục - Đào tạo",
       .agency = "Sở Giáo dục và Đào tạo",
       .published_at = kJan2024 + 2 * kDay},
      {.key = "dak_nong",
       .title = "Tỉnh Đắk Nông triển khai nông nghiệp công nghệ cao",
       .body = "<p>Ủy ban nhân dân tỉnh Đắk Nông ban hành kế hoạch phát triển nông nghiệp ứng dụng công nghệ cao.</p>",
       .category = "Nông nghiệp - Nông thôn",
       .agency = "Ủy ban nhân dân tỉnh",
       .published_at = kJan2024 + 3 * kDay},
      {.key = "peace",
       .title = "Hoà bình và hợp tác hữu nghị",
       .body = "<p>Hai bên nhất trí giữ gìn hoà bình, ổn định khu vực biên giới.</p>",
       .category = "Thời sự",
       .agency = "Ủy ban nhân dân tỉnh",
       .published_at = kJan2024 + 4 * kDay},
      {.key = "chemicals",
       .title = "Kiểm tra kho hóa chất nông nghiệp",
       .body = "<p>Đoàn kiểm tra việc bảo quản hóa chất và phân bón.</p>",
       .category = "Nông nghiệp - Nông thôn",
       .agency = "Sở Nông nghiệp và Phát triển nông thôn",
       .published_at = kJan2024 + 5 * kDay},
      {.key = "painter",
       .title = "Triển lãm của họa sĩ trẻ",
       .body = "<p>Các họa sĩ giới thiệu tranh về quê hương.</p>",
       .category = "Văn hóa - Du lịch",
       .agency = "Sở Văn hóa, Thể thao và Du lịch",
       .published_at = kJan2024 + 6 * kDay},
      {.key = "irrigation_old",
       .title = "Nâng cấp công trình thủy lợi Đắk Mil",
       .body = "<p>Công trình thủy lợi bảo đảm nước tưới cho 500 ha cà phê.</p>",
       .category = "Nông nghiệp - Nông thôn",
       .agency = "Sở Nông nghiệp và Phát triển nông thôn",
       .published_at = kJan2024 + 7 * kDay},
      {.key = "health_new",
       .title = "Chăm sóc sức khoẻ người cao tuổi",
       .body = "<p>Khám sức khoẻ định kỳ miễn phí cho người cao tuổi tại trạm y tế xã.</p>",
       .category = "Y tế",
       .agency = "Sở Y tế",
       .published_at = kJan2024 + 8 * kDay},
      {.key = "growth_phrase",
       .title = "Hội nghị phát triển kinh tế tư nhân",
       .body = "<p>Hội nghị bàn giải pháp phát triển kinh tế tư nhân bền vững.</p>",
       .category = "Kinh tế",
       .agency = "Sở Kế hoạch và Đầu tư",
       .published_at = kJan2024 + 9 * kDay},
      {.key = "growth_apart",
       .title = "Kinh nghiệm quản lý tài chính",
       .body = "<p>Tế bào của bộ máy quản lý: kinh nghiệm chia sẻ để phát triển đội ngũ.</p>",
       .category = "Kinh tế",
       .agency = "Sở Tài chính",
       .published_at = kJan2024 + 10 * kDay},
      {.key = "cites_decision",
       .title = "Triển khai Quyết định về chuyển đổi số",
       .body = "<p>Thực hiện Quyết định số 1382/QĐ-UBND của Ủy ban nhân dân tỉnh, các sở triển khai chuyển đổi số.</p>",
       .category = "Khoa học - Công nghệ",
       .agency = "Sở Thông tin và Truyền thông",
       .published_at = kJan2024 + 11 * kDay},
      {.key = "committee",
       .title = "Ban Dân tộc tỉnh thăm hỏi đồng bào",
       .body = "<p>Ban Dân tộc tỉnh tổ chức thăm hỏi, tặng quà đồng bào dân tộc thiểu số.</p>",
       .category = "Xã hội",
       .agency = "Ban Dân tộc tỉnh",
       .published_at = kJan2024 + 12 * kDay},
      {.key = "filler_1",
       .title = "Hội nghị tổng kết công tác năm",
       .body = "<p>Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ.</p>",
       .category = "Thời sự",
       .agency = "Ủy ban nhân dân tỉnh",
       .published_at = kJan2024 + 13 * kDay},
      {.key = "filler_2",
       .title = "Tập huấn chuyển đổi số cho cán bộ xã",
       .body = "<p>Sở Thông tin và Truyền thông tập huấn kỹ năng số cho cán bộ cấp xã.</p>",
       .category = "Khoa học - Công nghệ",
       .agency = "Sở Thông tin và Truyền thông",
       .published_at = kJan2024 + 14 * kDay},
      {.key = "filler_3",
       .title = "Kiểm tra an toàn thực phẩm dịp Tết",
       .body = "<p>Đoàn liên ngành kiểm tra an toàn thực phẩm tại các chợ và siêu thị.</p>",
       .category = "Y tế",
       .agency = "Sở Y tế",
       .published_at = kJan2024 + 15 * kDay},
      {.key = "filler_4",
       .title = "Tuyên truyền phòng chống thiên tai",
       .body = "<p>Các địa phương tuyên truyền kỹ năng phòng chống thiên tai cho người dân.</p>",
       .category = "Xã hội",
       .agency = "Ủy ban nhân dân tỉnh",
       .published_at = kJan2024 + 16 * kDay},
      {.key = "filler_5",
       .title = "Đại hội thể dục thể thao cấp huyện",
       .body = "<p>Đại hội thể dục thể thao huyện Krông Nô thu hút đông đảo vận động viên.</p>",
       .category = "Văn hóa - Du lịch",
       .agency = "Sở Văn hóa, Thể thao và Du lịch",
       .published_at = kJan2024 + 17 * kDay},
      {.key = "filler_6",
       .title = "Hỗ trợ doanh nghiệp nhỏ và vừa",
       .body = "<p>Tỉnh hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận vốn tín dụng.</p>",
       .category = "Kinh tế",
       .agency = "Sở Kế hoạch và Đầu tư",
       .published_at = kJan2024 + 18 * kDay},
  };
  return a;
}

inline const std::vector<FixtureDocument>& fixture_documents() {
  static const std::vector<FixtureDocument> d{
      {.key = "decision_1382",
       .number = "1382/QĐ-UBND",
       .type = "Quyết định",
       .issuer = "Ủy ban nhân dân tỉnh",
       .abstract_text = "Ban hành Kế hoạch chuyển đổi số tỉnh giai đoạn 2024 - 2025",
       .issued_on = 19730},
      {.key = "resolution_12",
       .number = "12/2024/NQ-HĐND",
       .type = "Nghị quyết",
       .issuer = "Hội đồng nhân dân tỉnh",
       .abstract_text = "Quy định mức hỗ trợ phát triển sản xuất nông nghiệp",
       .issued_on = 19750},
      {.key = "decision_55",
       .number = "55/QĐ-UBND",
       .type = "Quyết định",
       .issuer = "Ủy ban nhân dân tỉnh",
       .abstract_text = "Phê duyệt danh mục dự án thủy lợi năm 2024",
       .issued_on = 19760},
  };
  return d;
}

// The fixture corpus in a temporary store, indexed; `service` searches it as the daemon would.
struct SearchFixture {
  TempStore store;
  std::filesystem::path dir = search::index_dir(store.dir.path);
  search::IndexStatus status;
  std::map<std::string, std::uint64_t> ids;  // fixture key -> article/document id
  std::unique_ptr<search::SearchService> service;
  bool phrase_pairs = false;  // what the index is built with (search-phrase-pairs)
  unsigned shards = 1;        // and how many shards (search-shards)

  explicit SearchFixture(bool with_phrase_pairs = false, unsigned with_shards = 1)
      : phrase_pairs(with_phrase_pairs), shards(with_shards) {
    write_corpus();
    rebuild();
    service = std::make_unique<search::SearchService>(dir, &status);
  }

  void write_corpus() {
    auto txn = store.store.write();
    const auto& t = store.store.tables();
    for (const auto& f : fixture_articles()) {
      model::Article a;
      a.title = f.title;
      a.slug = model::slugify(f.title);
      a.body_html = f.body;
      a.category_id = store::ensure_category(txn, t, f.category);
      a.agency_id = store::ensure_agency(txn, t, f.agency);
      a.status = model::ArticleStatus::published;
      a.published_at = f.published_at;
      ids[f.key] = store::put_article(txn, t, a);
    }
    for (const auto& f : fixture_documents()) {
      model::LegalDocument d;
      d.number = f.number;
      d.type = f.type;
      d.issuer = f.issuer;
      d.abstract_text = f.abstract_text;
      d.issued_on = f.issued_on;
      ids[f.key] = store::put_document(txn, t, d);
    }
    txn.commit();
  }

  void rebuild() {
    search::IndexWriter writer(dir, search::IndexWriter::Mode::overwrite, shards);
    search::RebuildOptions o;
    o.threads = 2;
    o.phrase_pairs = phrase_pairs;
    writer.rebuild(store.store, o);
    committed();
  }

  // Applies the change log as the daemon's indexer does, then lets searchers see it.
  std::size_t follow() {
    search::IndexWriter writer(dir, search::IndexWriter::Mode::open_or_create);
    const std::size_t n = writer.follow(store.store, 1000, 1, [] { return false; });
    committed();
    return n;
  }

  void committed() {
    status.ready = true;
    ++status.epoch;
    ++status.generation;
  }

  std::shared_ptr<const search::SearchResult> search(const std::string& q, search::SearchRequest r = {}) {
    r.q = q;
    auto result = service->search(r);
    if (!result) throw std::runtime_error("search unavailable");
    return result;
  }

  // Fixture keys of the hits, best first.
  std::vector<std::string> keys(const std::string& q, search::SearchRequest r = {}) {
    std::vector<std::string> out;
    for (const auto& h : search(q, std::move(r))->hits) out.push_back(key_of(h.kind, h.id));
    return out;
  }

  std::string key_of(search::ItemKind kind, std::uint64_t id) const {
    const bool doc = kind == search::ItemKind::document;
    for (const auto& [k, v] : ids) {
      const bool is_doc = k.starts_with("decision") || k.starts_with("resolution");
      if (v == id && is_doc == doc) return k;
    }
    return "?";
  }

  // Position of `key` among the hits of q (0 = first), or -1 when absent.
  int rank(const std::string& q, const std::string& key, search::SearchRequest r = {}) {
    const auto k = keys(q, std::move(r));
    for (std::size_t i = 0; i < k.size(); ++i)
      if (k[i] == key) return static_cast<int>(i);
    return -1;
  }
};

// Writes an article (a new one, or article `id` changed) in category "Thời sự", as the editor's save does:
// its change-log entry is what the index follows. Returns its id.
inline std::uint64_t put_article_in(SearchFixture& f, const std::string& title, const std::string& body,
                                    model::ArticleStatus status = model::ArticleStatus::published,
                                    std::uint64_t id = 0) {
  auto txn = f.store.store.write();
  const auto& t = f.store.store.tables();
  model::Article a;
  if (id) a = *store::get_article(txn, t, id);
  a.title = title;
  a.slug = model::slugify(title);
  a.body_html = body;
  a.status = status;
  a.published_at = kJan2024;
  a.category_id = store::ensure_category(txn, t, "Thời sự");
  const std::uint64_t got = store::put_article(txn, t, a);
  txn.commit();
  return got;
}

}  // namespace portald::test
