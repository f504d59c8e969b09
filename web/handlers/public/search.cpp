// /tim-kiem: the search page. A plain GET form (no JavaScript needed), results as an ordered list
// with highlighted titles and excerpts, "did you mean", filters and pages; 503 with the reason while
// the index is being built.
#include "web/handlers/public/search.hpp"

#include "daemon/health/monitor.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "search/search_service.hpp"
#include "web/form.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kPageSize = 10;
constexpr std::size_t kMaxPage = 500;  // the service answers no hits past 5,000 results anyway
constexpr std::size_t kMaxPerPage = 50;
constexpr std::size_t kMaxFilterBytes = 200;

std::string_view arg(const Request& req, const char* name) {
  if (!name) return {};
  return model::trim(req.query_value(name).value_or(std::string_view()));
}

std::size_t number_arg(const Request& req, const char* name, std::size_t fallback, std::size_t max,
                       const SearchParams& p) {
  const std::string_view v = arg(req, name);  // trimmed: the search box's form may pad it
  if (v.empty()) return fallback;
  if (const auto n = parse_page_number(v, max)) return *n;
  throw HttpError(400, p.vietnamese ? "Số trang không hợp lệ (từ 1 đến " + std::to_string(max) + ")."
                                    : std::string(name) + " must be a number from 1 to " + std::to_string(max));
}

std::int32_t date_arg(const Request& req, const char* name, const SearchParams& p) {
  const std::string_view v = arg(req, name);
  if (v.empty()) return 0;
  const auto days = model::parse_iso_date(v);
  if (!days)
    throw HttpError(400, p.vietnamese ? "Ngày không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2024-03-31."
                                      : std::string(name) + " must be a date YYYY-MM-DD");
  return *days;
}

std::string filter_arg(const Request& req, const char* name) {
  std::string v(arg(req, name));
  if (v.size() > kMaxFilterBytes) v.resize(kMaxFilterBytes);  // a slug is short; the rest cannot match
  return v;
}

// The page's arguments as "a=b&c=d" (without the page number), for pager and suggestion links.
std::string query_string(const search::SearchRequest& r, const std::string& q) {
  const SearchParams& p = kPageSearchParams;
  std::string out = std::string(p.q) + "=" + model::url_encode_component(q);
  const auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string("&") + name + "=" + model::url_encode_component(value);
  };
  add(p.type, r.type);
  add(p.lang, r.lang);
  add(p.category, r.category);
  add(p.agency, r.agency);
  add(p.from, r.from_day ? model::format_iso_date(r.from_day) : "");
  add(p.to, r.to_day ? model::format_iso_date(r.to_day) : "");
  if (r.sort == search::SortOrder::newest) add(p.sort, p.sort_newest);
  return out;
}

// "1.234" (Vietnamese thousands separator).
std::string group_digits(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

void option(ctemplate::TemplateDictionary& dict, const char* section, const std::string& value,
            const std::string& label, const std::string& selected) {
  auto* o = dict.AddSectionDictionary(section);
  o->SetValue("VALUE", value);
  o->SetValue("LABEL", label);
  if (!selected.empty() && model::slugify(selected) == model::slugify(value)) o->ShowSection("SELECTED");
}

void fill_form(ctemplate::TemplateDictionary& dict, const Context& ctx, const store::Txn& txn,
               const search::SearchRequest& r, const search::Facets* facets) {
  dict.SetValue("Q", r.q);
  option(dict, "TYPE_OPTION", "article", "Tin bài", r.type);
  option(dict, "TYPE_OPTION", "page", "Trang thông tin", r.type);
  option(dict, "TYPE_OPTION", "topic", "Chuyên đề", r.type);
  option(dict, "TYPE_OPTION", "question", "Hỏi đáp", r.type);
  option(dict, "TYPE_OPTION", "document", "Văn bản (mọi loại)", r.type);
  if (facets)
    for (const auto& f : facets->doc_types) option(dict, "TYPE_OPTION", f.slug, "Văn bản: " + f.name, r.type);
  for (const auto& c : store::list_categories(txn, ctx.store.tables()))
    option(dict, "CATEGORY_OPTION", c.slug, c.name, r.category);
  if (facets)
    for (const auto& f : facets->agencies) option(dict, "AGENCY_OPTION", f.slug, f.name, r.agency);
  option(dict, "LANG_OPTION", "vi", "Tiếng Việt", r.lang);
  option(dict, "LANG_OPTION", "en", "Tiếng Anh (English)", r.lang);
  if (r.from_day) dict.SetValue("FROM", model::format_iso_date(r.from_day));
  if (r.to_day) dict.SetValue("TO", model::format_iso_date(r.to_day));
  if (r.sort == search::SortOrder::newest) dict.ShowSection("SORT_NEWEST");
  if (!r.type.empty() || !r.lang.empty() || !r.category.empty() || !r.agency.empty() || r.from_day || r.to_day ||
      r.sort == search::SortOrder::newest)
    dict.ShowSection("FILTERS_OPEN");
}

std::string kind_label(search::ItemKind kind) {
  switch (kind) {
    case search::ItemKind::article: return "Tin bài";
    case search::ItemKind::document: return "Văn bản";
    case search::ItemKind::page: return "Trang thông tin";
    case search::ItemKind::topic: return "Chuyên đề";
    case search::ItemKind::question: return "Hỏi đáp";
  }
  return "Tin bài";
}

void fill_hit(ctemplate::TemplateDictionary& item, const search::SearchHit& h) {
  item.SetValue("URL", h.url);
  item.SetValue("TITLE_HTML", h.title_html.empty() ? h.title : h.title_html);  // escaped by Xapian
  item.SetValue("KIND", kind_label(h.kind));
  item.SetValue("DATE", model::format_date_vn(h.published_at));
  item.SetValue("ISO_DATE", model::format_rfc3339(h.published_at));
  if (!h.agency.empty()) item.AddSectionDictionary("AGENCY")->SetValue("NAME", h.agency);
  if (!h.category.empty()) item.AddSectionDictionary("CATEGORY")->SetValue("NAME", h.category);
  if (!h.snippet_html.empty()) item.AddSectionDictionary("SNIPPET")->SetValue("HTML", h.snippet_html);
}

void fill_results(ctemplate::TemplateDictionary& dict, const search::SearchResult& res,
                  const search::SearchRequest& r) {
  const std::string shown = res.text.empty() ? r.q : res.text;
  if (res.cut)
    dict.AddSectionDictionary("NOTE")->SetValue(
        "TEXT", "Từ khóa quá dài: chỉ " + std::to_string(search::limits::query_chars) + " ký tự (" +
                    std::to_string(search::limits::query_words) + " từ) đầu tiên được dùng để tìm.");
  if (!res.suggestion.empty()) {
    auto* s = dict.AddSectionDictionary("SUGGESTION");
    s->SetValue("TEXT", res.suggestion);
    s->SetValue("URL", "/tim-kiem?" + query_string(r, res.suggestion));
  }
  std::string summary;
  if (res.total == 0) {
    summary =
        shown.empty() ? "Không có nội dung nào phù hợp với bộ lọc." : "Không tìm thấy kết quả nào cho “" + shown + "”.";
  } else {
    summary = std::string("Tìm thấy ") + (res.total_exact ? "" : "khoảng ") + group_digits(res.total) + " kết quả" +
              (shown.empty() ? "." : " cho “" + shown + "”.");
  }
  dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", summary);
  if (res.hits.empty()) return;

  auto* list = dict.AddSectionDictionary("RESULTS");
  list->SetIntValue("START", static_cast<long>((res.page - 1) * res.per_page + 1));
  for (const auto& h : res.hits) fill_hit(*list->AddSectionDictionary("HIT"), h);

  const std::size_t pages = std::min(kMaxPage, page_count(res.total, res.per_page));
  auto* pager = dict.AddSectionDictionary("PAGER");
  pager->SetIntValue("PAGE_NUMBER", static_cast<long>(res.page));
  pager->SetIntValue("PAGE_COUNT", static_cast<long>(pages));
  const std::string base = "/tim-kiem?" + query_string(r, r.q) + "&" + kPageSearchParams.page + "=";
  if (res.page > 1) pager->AddSectionDictionary("PREV")->SetValue("URL", base + std::to_string(res.page - 1));
  if (res.page < pages) pager->AddSectionDictionary("NEXT")->SetValue("URL", base + std::to_string(res.page + 1));
}

}  // namespace

const SearchParams kPageSearchParams{.q = "q",
                                     .page = "trang",
                                     .per_page = nullptr,
                                     .sort = "sap-xep",
                                     .sort_newest = "moi-nhat",
                                     .sort_relevance = "lien-quan",
                                     .category = "chuyen-muc",
                                     .agency = "co-quan",
                                     .type = "loai",
                                     .from = "tu-ngay",
                                     .to = "den-ngay",
                                     .lang = "ngon-ngu",
                                     .vietnamese = true};
const SearchParams kApiSearchParams{.q = "q",
                                    .page = "page",
                                    .per_page = "per_page",
                                    .sort = "sort",
                                    .sort_newest = "newest",
                                    .sort_relevance = "relevance",
                                    .category = "category",
                                    .agency = "agency",
                                    .type = "type",
                                    .from = "from",
                                    .to = "to",
                                    .lang = "lang",
                                    .vietnamese = false};

search::SearchRequest parse_search_request(const Request& req, const SearchParams& p) {
  search::SearchRequest r;
  r.q = std::string(req.query_value(p.q).value_or(std::string_view()));
  r.page = number_arg(req, p.page, 1, kMaxPage, p);
  r.per_page = p.per_page ? number_arg(req, p.per_page, kPageSize, kMaxPerPage, p) : kPageSize;
  const std::string_view sort = arg(req, p.sort);
  if (sort == p.sort_newest) {
    r.sort = search::SortOrder::newest;
  } else if (!sort.empty() && sort != p.sort_relevance) {
    throw HttpError(400, p.vietnamese ? "Cách sắp xếp không hợp lệ."
                                      : std::string(p.sort) + " must be " + p.sort_relevance + " or " + p.sort_newest);
  }
  r.category = filter_arg(req, p.category);
  r.agency = filter_arg(req, p.agency);
  r.type = filter_arg(req, p.type);
  r.lang = filter_arg(req, p.lang);
  if (!r.lang.empty() && r.lang != "vi" && r.lang != "en")
    throw HttpError(400,
                    p.vietnamese ? "Ngôn ngữ không hợp lệ (vi hoặc en)." : std::string(p.lang) + " must be vi or en");
  r.from_day = date_arg(req, p.from, p);
  r.to_day = date_arg(req, p.to, p);
  if (r.from_day && r.to_day && r.from_day > r.to_day) std::swap(r.from_day, r.to_day);
  return r;
}

Response search_page(const Context& ctx, Request& req) {
  const search::SearchRequest r = parse_search_request(req, kPageSearchParams);
  const bool asked = !model::trim(r.q).empty() || !r.type.empty() || !r.lang.empty() || !r.category.empty() ||
                     !r.agency.empty() || r.from_day || r.to_day;
  std::shared_ptr<const search::SearchResult> result;
  std::shared_ptr<const search::Facets> facets;
  auto facets_missing = search::Missing::unavailable, result_missing = search::Missing::unavailable;
  if (ctx.search) {
    facets = ctx.search->facets(&facets_missing);
    if (asked) result = ctx.search->search(r, &result_missing);
  }
  // Busy: the admission gate refused. The form is shown without filter lists rather than refused.
  const bool busy = asked && !result && result_missing == search::Missing::busy;
  const bool facets_busy = !facets && facets_missing == search::Missing::busy;
  if (busy || facets_busy) search_refused_counter(ctx).inc();
  const bool unavailable = !ctx.search || (asked && !result) || (!facets && !facets_busy);

  ctemplate::TemplateDictionary dict("search");
  const store::ReadTxn txn = ctx.store.read();
  const std::string title =
      model::trim(r.q).empty() ? std::string("Tìm kiếm") : "Tìm kiếm: " + std::string(model::trim(r.q));
  auto* header = fill_layout(dict, ctx, txn, title);
  // Result lists are not pages of their own for search engines; the links in them are.
  auto* robots = header->AddSectionDictionary("META_NAME");
  robots->SetValue("NAME", "robots");
  robots->SetValue("CONTENT", "noindex, follow");
  header->AddSectionDictionary("DESCRIPTION")
      ->SetValue("TEXT",
                 "Tìm tin bài, văn bản, trang giới thiệu và câu hỏi đã trả lời trên cổng thông tin, "
                 "gõ có dấu hoặc không dấu.");
  fill_form(dict, ctx, txn, r, facets.get());
  if (unavailable)
    dict.AddSectionDictionary("UNAVAILABLE")->SetValue("MESSAGE", busy ? kSearchBusy : kSearchUnavailable);
  if (result) fill_results(dict, *result, r);

  const int status = asked && !result ? 503 : 200;
  Response resp = render_page(ctx, "search", dict, status);
  // Busy passes in a moment; a first build of the index takes a while.
  if (status == 503) resp.headers.emplace_back("Retry-After", busy ? "1" : "30");
  return resp;
}

health::Counter& search_refused_counter(const Context& ctx) {
  return ctx.monitor.metrics.counter(
      "portald_search_refused_total",
      "Searches answered 503 at once because every query slot stayed busy for search-queue-wait (issue 17).");
}

}  // namespace portald::web
