// /api/v1: articles, categories and legal documents as JSON, paged.
#include "daemon/model/time.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/api/api.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kMaxPerPage = 100;

struct Paging {
  std::size_t page = 1;
  std::size_t per_page = 20;
  std::size_t offset() const { return (page - 1) * per_page; }
};

std::size_t api_number_arg(const Request& req, const NumberArg& arg) {
  return number_arg(req, arg, std::string(arg.name) + " must be a number from 1 to " + std::to_string(arg.max));
}

Paging paging(const Request& req) {
  return {api_number_arg(req, {.name = "page", .max = 1000000}),
          api_number_arg(req, {.name = "per_page", .fallback = 20, .max = kMaxPerPage})};
}

// The envelope of every list: paging facts, items, and the next page's address when there is one.
nlohmann::json list_envelope(const Paging& p, std::size_t total, nlohmann::json items, const std::string& base) {
  const std::size_t pages = page_count(total, p.per_page);
  if (p.page > pages) throw HttpError(404, "page " + std::to_string(p.page) + " does not exist");
  nlohmann::json j{
      {"page", p.page}, {"per_page", p.per_page}, {"total", total}, {"pages", pages}, {"items", std::move(items)}};
  const char sep = base.find('?') == std::string::npos ? '?' : '&';
  if (p.page < pages)
    j["next"] = base + sep + "page=" + std::to_string(p.page + 1) + "&per_page=" + std::to_string(p.per_page);
  return j;
}

std::optional<std::uint64_t> id_param(const Request& req, const char* name) { return trailing_id(req.params.at(name)); }

nlohmann::json category_json(const model::Category& c) {
  return {
      {"id", c.id}, {"slug", c.slug}, {"name", c.name}, {"url", category_url(c)}, {"rss", "/rss/" + c.slug + ".xml"}};
}

nlohmann::json article_json(const store::Txn& txn, const store::Tables& t, const model::Article& a, bool with_body) {
  nlohmann::json j{{"id", a.id},
                   {"title", a.title},
                   {"slug", a.slug},
                   {"url", article_url(a)},
                   {"summary", a.summary},
                   {"author", a.author},
                   {"published_at", model::format_rfc3339(a.published_at)},
                   {"updated_at", model::format_rfc3339(a.updated_at)}};
  if (const auto c = store::get_category(txn, t, a.category_id)) j["category"] = category_json(*c);
  if (const auto ag = store::get_agency(txn, t, a.agency_id)) j["agency"] = ag->name;
  if (with_body) j["body_html"] = a.body_html;
  return j;
}

std::string iso_or_null(std::int32_t days) { return days ? model::format_iso_date(days) : std::string(); }

nlohmann::json document_json(const model::LegalDocument& d, std::int32_t today) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& a : d.attachments)
    files.push_back(
        {{"name", a.file_name}, {"content_type", a.content_type}, {"size", a.size}, {"url", attachment_url(d, a)}});
  nlohmann::json j{{"id", d.id},
                   {"number", d.number},
                   {"type", d.type},
                   {"issuer", d.issuer},
                   {"signer", d.signer},
                   {"issued_on", model::format_iso_date(d.issued_on)},
                   {"field", d.field},
                   {"abstract", d.abstract_text},
                   {"status", validity_key(validity_on(d, today))},
                   {"url", document_url(d)},
                   {"files", std::move(files)}};
  j["effective_on"] = d.effective_on ? nlohmann::json(iso_or_null(d.effective_on)) : nlohmann::json(nullptr);
  j["expires_on"] = d.expires_on ? nlohmann::json(iso_or_null(d.expires_on)) : nlohmann::json(nullptr);
  j["national_db_url"] = d.national_db_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.national_db_url);
  return j;
}

}  // namespace

Response api_json(const nlohmann::json& body, int status) {
  Response r = Response::json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
  r.content_type = "application/json; charset=utf-8";
  r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return r;
}

Response api_index(const Context&, Request&) {
  return api_json({{"version", 1},
                   {"licence", "Dữ liệu công khai; ghi rõ nguồn khi sử dụng lại."},
                   {"resources",
                    {{"articles", "/api/v1/articles"},
                     {"categories", "/api/v1/categories"},
                     {"documents", "/api/v1/documents"},
                     {"topics", "/api/v1/topics"},
                     {"pages", "/api/v1/pages"}}},
                   {"paging", "?page=N&per_page=M (M at most 100)"}});
}

Response api_articles(const Context& ctx, Request& req) {
  const Paging p = paging(req);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  std::uint64_t category = 0;
  std::string base = "/api/v1/articles";
  if (const auto slug = req.query_value("category"); slug && !slug->empty()) {
    const auto c = store::find_category_by_slug(txn, t, *slug);
    if (!c) throw HttpError(404, "no such category");
    category = c->id;
    base += "?category=" + c->slug;
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : store::newest_articles(txn, t, {.offset = p.offset(), .limit = p.per_page}, category))
    items.push_back(article_json(txn, t, a, false));
  return api_json(list_envelope(p, store::count_published(txn, t, category), std::move(items), base));
}

Response api_article(const Context& ctx, Request& req) {
  const auto id = id_param(req, "id");
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto a = id ? store::get_article(txn, t, *id) : std::nullopt;
  if (!a || a->status != model::ArticleStatus::published) throw HttpError(404, "no such article");
  return api_json(article_json(txn, t, *a, true));
}

Response api_categories(const Context& ctx, Request&) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : store::list_categories(txn, t)) {
    auto j = category_json(c);
    j["articles"] = store::count_published(txn, t, c.id);
    items.push_back(std::move(j));
  }
  return api_json({{"total", items.size()}, {"items", std::move(items)}});
}

Response api_topics(const Context& ctx, Request&) {
  const store::ReadTxn txn = ctx.store.read();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& tp : store::list_topics(txn, ctx.store.tables()))
    items.push_back({{"slug", tp.slug},
                     {"name", tp.name},
                     {"description", tp.description},
                     {"featured", tp.featured},
                     {"url", topic_url(tp)},
                     {"articles", tp.article_ids.size()}});
  return api_json({{"total", items.size()}, {"items", std::move(items)}});
}

Response api_topic(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto tp = store::find_topic(txn, t, req.params.at("slug"));
  if (!tp) throw HttpError(404, "no such topic");
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : topic_articles(txn, t, *tp)) items.push_back(article_json(txn, t, a, false));
  return api_json({{"slug", tp->slug},
                   {"name", tp->name},
                   {"description", tp->description},
                   {"url", topic_url(*tp)},
                   {"updated_at", model::format_rfc3339(tp->updated_at)},
                   {"items", std::move(items)}});
}

Response api_documents(const Context& ctx, Request& req) {
  const DocumentQuery q = parse_document_query(req, kApiDocumentQuery);
  const store::ReadTxn txn = ctx.store.read();
  const std::int32_t today = today_vn();
  const auto found =
      filter_documents(store::newest_documents(txn, ctx.store.tables(), {.offset = 0, .limit = SIZE_MAX}), q, today);
  const Paging p{q.page, q.per_page};
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = p.offset(); i < found.size() && i < p.offset() + p.per_page; ++i)
    items.push_back(document_json(found[i], today));
  const std::string query = document_query_string(q, kApiDocumentQuery);
  return api_json(
      list_envelope(p, found.size(), std::move(items), "/api/v1/documents" + (query.empty() ? "" : "?" + query)));
}

Response api_document(const Context& ctx, Request& req) {
  const auto id = id_param(req, "id");
  const store::ReadTxn txn = ctx.store.read();
  const auto d = id ? store::get_public_document(txn, ctx.store.tables(), *id) : std::nullopt;
  if (!d) throw HttpError(404, "no such document");
  return api_json(document_json(*d, today_vn()));
}

}  // namespace portald::web
