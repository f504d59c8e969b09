// GET /open311/v2/requests.json and requests/{id}.json: the published questions as service requests. The
// id is the public page's (/hoi-dap/{id}); the tracking code, the asker's name and contacts never appear.
// Filters as the spec has them (service_request_id, service_code, start_date, end_date, status), newest
// first, paged by page and page_size (at most kMaxPageSize).
#include <set>

#include "daemon/model/text.hpp"
#include "daemon/model/time.hpp"
#include "daemon/questions/open311.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/open311/open311.hpp"
#include "web/links.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

namespace o311 = questions::open311;

constexpr std::size_t kDefaultPageSize = 50;
constexpr std::size_t kMaxPageSize = 200;

nlohmann::json request_json(const store::Txn& txn, const store::Tables& t, const model::Question& q) {
  nlohmann::json j{{"service_request_id", std::to_string(q.id)},
                   {"status", std::string(o311::status_of(q.state))},
                   {"status_notes", q.answer},  // the official answer, approved by the board
                   {"service_name", q.field},
                   {"service_code", o311::service_code(q.field)},
                   {"description", q.text},  // contacts masked at receipt
                   {"requested_datetime", model::format_rfc3339(q.received_at)},
                   {"updated_datetime", model::format_rfc3339(q.published_at ? q.published_at : q.received_at)},
                   {"extended_attributes",
                    {{"title", q.title},
                     {"url", "/hoi-dap/" + std::to_string(q.id)},
                     {"answered_datetime", model::format_rfc3339(q.answered_at)}}}};
  if (q.agency_id != 0)
    if (const auto a = store::get_agency(txn, t, q.agency_id)) j["agency_responsible"] = a->name;
  return j;
}

// A comma-delimited query argument as its words ("a, b" -> {a, b}); empty when absent.
std::set<std::string, std::less<>> words(const Request& req, std::string_view name) {
  std::set<std::string, std::less<>> out;
  std::string_view v = req.query_value(name).value_or("");
  while (!v.empty()) {
    const auto comma = v.find(',');
    const auto w = model::trim(v.substr(0, comma));
    if (!w.empty()) out.emplace(w);
    v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
  }
  return out;
}

std::optional<model::UnixTime> date_arg(const Request& req, std::string_view name) {
  const auto v = req.query_value(name);
  if (!v || v->empty()) return std::nullopt;
  const auto t = model::parse_rfc3339(*v);
  if (!t) throw HttpError(400, std::string(name) + " must be a W3C date-time, e.g. 2026-01-31T08:00:00+07:00");
  return t;
}

struct Filter {
  std::set<std::string, std::less<>> ids, codes;
  std::optional<model::UnixTime> start, end;
  o311::StatusFilter status;
  bool keeps(const model::Question& q) const {
    if (!ids.empty() && !ids.contains(std::to_string(q.id))) return false;
    if (!codes.empty() && !codes.contains(o311::service_code(q.field))) return false;
    if (start && q.received_at < *start) return false;
    if (end && q.received_at > *end) return false;
    return o311::status_of(q.state) == "open" ? status.open : status.closed;
  }
};

Filter filter_of(const Request& req, const model::QuestionSettings& settings) {
  Filter f{.ids = words(req, "service_request_id"),
           .codes = words(req, "service_code"),
           .start = date_arg(req, "start_date"),
           .end = date_arg(req, "end_date"),
           .status = {}};
  for (const auto& c : f.codes)
    if (!o311::field_by_code(settings, c)) throw HttpError(400, "service_code not found: " + c);
  const auto status = o311::parse_status_filter(req.query_value("status").value_or(""));
  if (!status) throw HttpError(400, "status must be open, closed or both, comma delimited");
  f.status = *status;
  return f;
}

}  // namespace

Response open311_requests(const Context& ctx, Request& req) {
  const std::size_t page = number_arg(req, {.name = "page"}, "page must be a number from 1");
  const std::size_t size = number_arg(req, {.name = "page_size", .fallback = kDefaultPageSize, .max = kMaxPageSize},
                                      "page_size must be a number from 1 to " + std::to_string(kMaxPageSize));
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const Filter f = filter_of(req, store::get_question_settings(txn, t));
  nlohmann::json list = nlohmann::json::array();
  std::size_t seen = 0;
  // Published only: an item still handled is the citizen's and the handlers' business.
  for (const auto& q : store::list_published_questions(txn, t)) {
    if (!f.keeps(q)) continue;
    if (seen++ < (page - 1) * size) continue;
    list.push_back(request_json(txn, t, q));
    if (list.size() == size) break;
  }
  return open311_json(list);
}

Response open311_request(const Context& ctx, Request& req) {
  const auto id = trailing_id(json_resource(req.params.at("file")));
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto q = id ? store::get_question(txn, t, *id) : std::nullopt;
  // An item not published reads like one that does not exist: no id tells anything about it.
  if (!q || q->state != model::QuestionState::published) throw HttpError(404, "service_request_id not found");
  return open311_json(nlohmann::json::array({request_json(txn, t, *q)}));
}

}  // namespace portald::web
