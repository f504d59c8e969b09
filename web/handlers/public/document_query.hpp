#pragma once
// The legal-documents search of the văn bản pages and /api/v1/documents: filters on every field of a
// document, a sort order and a page, parsed from query arguments. Pure functions over loaded records.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/legal_document.hpp"
#include "web/server/request.hpp"

namespace portald::web {

enum class Validity { any, in_force, not_yet, expired };
enum class DocumentSort { newest, oldest, number, effective };

struct DocumentQuery {
  std::string keyword;  // every word (folded) somewhere in number, abstract, type, issuer, signer, field
  std::string number;   // folded substring of số ký hiệu
  std::string type;     // exact (folded) type
  std::string issuer;
  std::string signer;
  std::string field;
  std::int32_t issued_from = 0;  // days since epoch, 0 = open
  std::int32_t issued_to = 0;
  Validity validity = Validity::any;
  DocumentSort sort = DocumentSort::newest;
  std::size_t page = 1;
  std::size_t per_page = 20;
};

// Query argument names: the HTML pages use Vietnamese ones, the JSON API English ones.
struct DocumentQueryNames {
  const char* keyword;
  const char* number;
  const char* type;
  const char* issuer;
  const char* signer;
  const char* field;
  const char* issued_from;
  const char* issued_to;
  const char* validity;
  const char* sort;
  const char* page;
  const char* per_page;  // nullptr = fixed page size
};
extern const DocumentQueryNames kHtmlDocumentQuery;
extern const DocumentQueryNames kApiDocumentQuery;

// Parses the request's arguments; throws HttpError(400) naming the first bad value.
DocumentQuery parse_document_query(const Request& req, const DocumentQueryNames& names);
// The query's arguments back as "a=b&c=d" (URL-encoded), without the page; "" when nothing is set.
std::string document_query_string(const DocumentQuery& q, const DocumentQueryNames& names);

// Validity of a document on a given day (days since epoch).
Validity validity_on(const model::LegalDocument& d, std::int32_t today);
// "Còn hiệu lực", "Chưa có hiệu lực", "Hết hiệu lực"; English keys for the API.
std::string_view validity_label(Validity v);
std::string_view validity_key(Validity v);
// Today's date in Vietnam, as days since epoch.
std::int32_t today_vn();

// Documents matching q (not yet paged), in q's sort order.
std::vector<model::LegalDocument> filter_documents(std::vector<model::LegalDocument> all, const DocumentQuery& q,
                                                   std::int32_t today);

}  // namespace portald::web
