#pragma once
// The web surface on one screen: every URL the daemon answers, with its handler, the access it needs
// and how its answer is cached (web/routes.cpp). The app applies the access guard, the page cache and
// the per-route metrics from these columns; handlers only parse and render.
#include <vector>

#include "web/context.hpp"
#include "web/router.hpp"

namespace portald::web {

using PageHandler = Response (*)(const Context& ctx, Request& req);

enum class CachePolicy {
  none,           // rendered on every request (forms, admin, search with its own cache, files)
  page,           // App's page cache, valid until the change log moves (key: path + query)
  page_per_host,  // the same, keyed by Host too: absolute links depend on it when no public_url is set
};

// How large a request's body may be: the server's max-body, max-upload-body for staff who post files
// (media, attachments, articles and pages with pasted images) and may use the route, or for anyone the
// attachments a citizen may add to a question (the question settings).
enum class BodySize { form, upload, citizen_files };
// password_hash: the handler checks or hashes a password (Argon2id, ~55 ms of a core): the server runs
// it on the hash pool with the connection suspended, so the HTTP workers keep serving (issue 16).
// search: the handler queries the search index and may wait for a slot of the admission gate: while
// every slot is busy the server hands it to the gate's queue with the connection suspended
// (search/admission_gate.hpp), so the searches waiting for a slot are all counted there, not unread in
// the sockets of busy workers (issue 17).
enum class Work { quick, password_hash, search };

struct RouteSpec {
  const char* method;  // "GET" (also answers HEAD) or "POST"
  const char* pattern;
  PageHandler handler;
  Access access;
  CachePolicy cache;
  BodySize body = BodySize::form;
  Work work = Work::quick;
};

// Every route, in dispatch order; with the PORTALD_TEST_ROUTES build option and PORTALD_TEST_FAULTS=1
// in the environment, also the test-only fault routes (daemon/health/faults.hpp).
std::vector<RouteSpec> route_table();

}  // namespace portald::web
