#pragma once
// Open311 GeoReport v2 under /open311/v2/ (issue 12): the province's other systems and existing Open311
// clients list the question fields as services, read the published questions as requests, and file new
// questions through the same service, limits, sealing and audit as the HTML form. JSON only. Public
// answers never carry personal data; the tracking code is given only to whoever filed the request.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response open311_services(const Context& ctx, Request& req);      // GET  /open311/v2/services.json
Response open311_service(const Context& ctx, Request& req);       // GET  /open311/v2/services/{code}.json
Response open311_requests(const Context& ctx, Request& req);      // GET  /open311/v2/requests.json
Response open311_request(const Context& ctx, Request& req);       // GET  /open311/v2/requests/{id}.json
Response open311_post_request(const Context& ctx, Request& req);  // POST /open311/v2/requests.json

// A JSON answer with the API's headers (open to any origin, never stored by caches: it changes with
// every step an item takes).
Response open311_json(const nlohmann::json& body, int status = 200);
// The spec's error format: a JSON array of {code, description}, one per problem; `status` is the HTTP
// status and each entry's code.
Response open311_errors(int status, const std::vector<std::string>& descriptions);
// The name a path segment "{name}.json" gives; throws HttpError 404 for another format.
std::string json_resource(std::string_view segment);

}  // namespace portald::web
