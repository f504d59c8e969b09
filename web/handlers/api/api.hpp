#pragma once
// The read-only JSON API under /api/v1/ (open data; "structured data shared as web services"): every
// public content type, paged with ?page=N&per_page=M. Each handler opens one read transaction.
#include <string>

#include <nlohmann/json.hpp>

#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response api_index(const Context& ctx, Request& req);       // /api/v1
Response api_articles(const Context& ctx, Request& req);    // /api/v1/articles?category=SLUG
Response api_article(const Context& ctx, Request& req);     // /api/v1/articles/{id}
Response api_categories(const Context& ctx, Request& req);  // /api/v1/categories
Response api_documents(const Context& ctx, Request& req);   // /api/v1/documents?q=&type=&...
Response api_document(const Context& ctx, Request& req);    // /api/v1/documents/{id}
Response api_topics(const Context& ctx, Request& req);      // /api/v1/topics
Response api_topic(const Context& ctx, Request& req);       // /api/v1/topics/{slug}
Response api_pages(const Context& ctx, Request& req);       // /api/v1/pages?lang=vi|en
Response api_page(const Context& ctx, Request& req);        // /api/v1/pages/{lang}/{slug}
Response api_visits(const Context& ctx, Request& req);      // /api/v1/visits: the footer's figures (issue 13)

// A JSON response with the API's headers (open to any origin: the data is public).
Response api_json(const nlohmann::json& body, int status = 200);

}  // namespace portald::web
