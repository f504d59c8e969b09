#pragma once
// Which routes are page views for the access statistics (issue 13), in one table: the public HTML
// pages, and what each counts under (the article, category, topic or document its address names).
// Files (/static, /tep), the API, feeds, the admin and the operations endpoints are not counted.
#include <string_view>

#include "web/server/http_server.hpp"

namespace portald::stats {
class VisitCounter;
}

namespace portald::web {

// `handler` of the route `pattern`, wrapped so that each GET it answers with 200 (from the page cache
// or rendered) is counted in `counter`, and /robots.txt marks its client as a bot; `handler` itself for
// routes not counted, or when counter is nullptr (visit-stats = off).
Handler count_visits(stats::VisitCounter* counter, std::string_view pattern, Handler handler);

}  // namespace portald::web
