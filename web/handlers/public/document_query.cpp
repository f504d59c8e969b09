#include "web/handlers/public/document_query.hpp"

#include <algorithm>

#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/model/url_encoding.hpp"
#include "web/form.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {

const DocumentQueryNames kHtmlDocumentQuery{.keyword = "tu-khoa",
                                            .number = "so-ky-hieu",
                                            .type = "loai",
                                            .issuer = "co-quan",
                                            .signer = "nguoi-ky",
                                            .field = "linh-vuc",
                                            .issued_from = "tu-ngay",
                                            .issued_to = "den-ngay",
                                            .validity = "hieu-luc",
                                            .sort = "sap-xep",
                                            .page = "trang",
                                            .per_page = nullptr};
const DocumentQueryNames kApiDocumentQuery{.keyword = "q",
                                           .number = "number",
                                           .type = "type",
                                           .issuer = "issuer",
                                           .signer = "signer",
                                           .field = "field",
                                           .issued_from = "issued_from",
                                           .issued_to = "issued_to",
                                           .validity = "status",
                                           .sort = "sort",
                                           .page = "page",
                                           .per_page = "per_page"};

namespace {

constexpr std::size_t kMaxPerPage = 100;

struct Named {
  std::string_view html, api;
};
constexpr std::pair<Validity, Named> kValidity[] = {{Validity::in_force, {"con", "in_force"}},
                                                    {Validity::not_yet, {"chua", "not_yet"}},
                                                    {Validity::expired, {"het", "expired"}}};
constexpr std::pair<DocumentSort, Named> kSorts[] = {{DocumentSort::newest, {"moi-nhat", "newest"}},
                                                     {DocumentSort::oldest, {"cu-nhat", "oldest"}},
                                                     {DocumentSort::number, {"so-ky-hieu", "number"}},
                                                     {DocumentSort::effective, {"hieu-luc", "effective"}}};

bool is_api(const DocumentQueryNames& names) { return &names == &kApiDocumentQuery; }

std::string text_arg(const Request& req, const char* name) {
  const auto v = req.query_value(name);
  if (!v) return {};
  if (v->size() > 300 || !model::is_valid_utf8(*v)) throw HttpError(400, "Giá trị tìm kiếm không hợp lệ.");
  return std::string(model::trim(*v));
}

std::int32_t date_arg(const Request& req, const char* name) {
  const std::string v = text_arg(req, name);
  if (v.empty()) return 0;
  const auto days = model::parse_iso_date(v);
  if (!days) throw HttpError(400, "Ngày phải có dạng năm-tháng-ngày (YYYY-MM-DD).");
  return *days;
}

template <class E, std::size_t N>
E keyed_arg(const Request& req, const char* name, const std::pair<E, Named> (&table)[N], E fallback, bool api) {
  const std::string v = text_arg(req, name);
  if (v.empty()) return fallback;
  for (const auto& [value, key] : table)
    if ((api ? key.api : key.html) == v) return value;
  throw HttpError(400, "Giá trị lọc không hợp lệ.");
}

template <class E, std::size_t N>
std::string_view key_of(E value, const std::pair<E, Named> (&table)[N], bool api) {
  for (const auto& [v, key] : table)
    if (v == value) return api ? key.api : key.html;
  return {};
}

bool contains_folded(const std::string& haystack, const std::string& folded_needle) {
  return folded_needle.empty() || model::fold(haystack).find(folded_needle) != std::string::npos;
}

bool equals_folded(const std::string& value, const std::string& wanted) {
  return wanted.empty() || model::fold(value) == model::fold(wanted);
}

bool matches(const model::LegalDocument& d, const DocumentQuery& q, const std::string& keyword,
             const std::string& number, std::int32_t today) {
  if (!equals_folded(d.type, q.type) || !equals_folded(d.issuer, q.issuer) || !equals_folded(d.signer, q.signer) ||
      !equals_folded(d.field, q.field))
    return false;
  if (q.issued_from && d.issued_on < q.issued_from) return false;
  if (q.issued_to && d.issued_on > q.issued_to) return false;
  if (q.validity != Validity::any && validity_on(d, today) != q.validity) return false;
  if (!contains_folded(d.number, number)) return false;
  if (keyword.empty()) return true;
  // Every word of the keyword, in any order, somewhere in the document's text fields.
  const std::string all = model::fold(d.number + "\n" + d.abstract_text + "\n" + d.type + "\n" + d.issuer + "\n" +
                                      d.signer + "\n" + d.field);
  std::string_view rest = keyword;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    if (!word.empty() && all.find(word) == std::string::npos) return false;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return true;
}

void append_arg(std::string& out, const char* name, std::string_view value) {
  if (value.empty()) return;
  if (!out.empty()) out += '&';
  out += name;
  out += '=';
  out += model::url_encode_component(value);
}

}  // namespace

DocumentQuery parse_document_query(const Request& req, const DocumentQueryNames& names) {
  const bool api = is_api(names);
  DocumentQuery q;
  q.keyword = text_arg(req, names.keyword);
  q.number = text_arg(req, names.number);
  q.type = text_arg(req, names.type);
  q.issuer = text_arg(req, names.issuer);
  q.signer = text_arg(req, names.signer);
  q.field = text_arg(req, names.field);
  q.issued_from = date_arg(req, names.issued_from);
  q.issued_to = date_arg(req, names.issued_to);
  q.validity = keyed_arg(req, names.validity, kValidity, Validity::any, api);
  q.sort = keyed_arg(req, names.sort, kSorts, DocumentSort::newest, api);
  q.page = number_arg(req, {.name = names.page}, kInvalidPageNumber);
  if (names.per_page)
    q.per_page =
        number_arg(req, {.name = names.per_page, .fallback = q.per_page, .max = kMaxPerPage}, kInvalidPageNumber);
  return q;
}

std::string document_query_string(const DocumentQuery& q, const DocumentQueryNames& names) {
  const bool api = is_api(names);
  std::string out;
  append_arg(out, names.keyword, q.keyword);
  append_arg(out, names.number, q.number);
  append_arg(out, names.type, q.type);
  append_arg(out, names.issuer, q.issuer);
  append_arg(out, names.signer, q.signer);
  append_arg(out, names.field, q.field);
  if (q.issued_from) append_arg(out, names.issued_from, model::format_iso_date(q.issued_from));
  if (q.issued_to) append_arg(out, names.issued_to, model::format_iso_date(q.issued_to));
  if (q.validity != Validity::any) append_arg(out, names.validity, key_of(q.validity, kValidity, api));
  if (q.sort != DocumentSort::newest) append_arg(out, names.sort, key_of(q.sort, kSorts, api));
  return out;
}

Validity validity_on(const model::LegalDocument& d, std::int32_t today) {
  if (d.expires_on && d.expires_on <= today) return Validity::expired;
  if (d.effective_on && d.effective_on > today) return Validity::not_yet;
  return Validity::in_force;
}

std::string_view validity_label(Validity v) {
  switch (v) {
    case Validity::in_force: return "Còn hiệu lực";
    case Validity::not_yet: return "Chưa có hiệu lực";
    case Validity::expired: return "Hết hiệu lực";
    default: return "";
  }
}

std::string_view validity_key(Validity v) { return key_of(v, kValidity, true); }

std::int32_t today_vn() {
  const model::UnixTime local = model::now() + model::kVietnamOffsetSeconds;
  return static_cast<std::int32_t>((local >= 0 ? local : local - 86399) / 86400);
}

std::vector<model::LegalDocument> filter_documents(std::vector<model::LegalDocument> all, const DocumentQuery& q,
                                                   std::int32_t today) {
  const std::string keyword = model::fold(q.keyword);
  const std::string number = model::fold(q.number);
  std::erase_if(all, [&](const auto& d) { return !matches(d, q, keyword, number, today); });
  // `all` arrives newest issue date first; stable sorts keep that as the tie-break.
  switch (q.sort) {
    case DocumentSort::newest: break;
    case DocumentSort::oldest: std::reverse(all.begin(), all.end()); break;
    case DocumentSort::number:
      std::stable_sort(all.begin(), all.end(),
                       [](const auto& a, const auto& b) { return model::fold(a.number) < model::fold(b.number); });
      break;
    case DocumentSort::effective:
      std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return (a.effective_on ? a.effective_on : a.issued_on) > (b.effective_on ? b.effective_on : b.issued_on);
      });
      break;
  }
  return all;
}

}  // namespace portald::web
