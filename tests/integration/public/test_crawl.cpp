// No link the portal draws answers 4xx or 5xx (issue 14): a breadth-first crawl of the real daemon over
// HTTP, from the home page, following every same-site link (href, src, form actions, the <loc> and <link>
// of feeds and sitemap.xml, every path-like string of API answers), bounded. Run over a store made with
// plain `portaldctl init` (no page, no article: the mandatory sections show "Đang cập nhật") and the demo.
#include <deque>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "tests/integration/public/public_fixture.hpp"

using namespace portald;

namespace {

constexpr std::size_t kMaxPages = 600;

std::string decode_entities(std::string v) {
  const std::pair<std::string, std::string> entities[] = {{"&amp;", "&"}, {"&#38;", "&"},   {"&#x2F;", "/"},
                                                          {"&#47;", "/"}, {"&quot;", "\""}, {"&#39;", "'"}};
  for (const auto& [from, to] : entities)
    for (std::size_t p = v.find(from); p != std::string::npos; p = v.find(from, p + to.size()))
      v.replace(p, from.size(), to);
  return v;
}

// The same-site path of a link, "" for another site, a fragment, mailto: and the like.
std::string same_site(std::string link, const std::string& origin) {
  link = decode_entities(link);
  if (link.starts_with(origin)) link = link.substr(origin.size());
  if (link.empty()) link = "/";
  if (!link.starts_with("/") || link.starts_with("//")) return {};
  if (const auto hash = link.find('#'); hash != std::string::npos) link.resize(hash);
  return link;
}

struct CrawlReport {
  std::size_t visited = 0;
  std::vector<std::string> broken;  // "STATUS PATH (linked from PAGE)"
  std::set<std::string> seen;
};

CrawlReport crawl_site(std::uint16_t port) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);
  static const std::regex html_link(R"re((?:href|src|action)="([^"]*)")re");
  static const std::regex xml_link(R"re(<(?:loc|link)>([^<]*)</(?:loc|link)>)re");
  static const std::regex json_link(R"re(":\s*"(/[^"\s]*)")re");
  CrawlReport report;
  std::deque<std::pair<std::string, std::string>> queue{{"/", "(start)"}};
  report.seen.insert("/");
  while (!queue.empty() && report.visited < kMaxPages) {
    const auto [path, from] = queue.front();
    queue.pop_front();
    ++report.visited;
    const auto r = test::http_request("127.0.0.1", port, "GET", path);
    if (r.status >= 400) {
      report.broken.push_back(std::to_string(r.status) + " " + path + " (linked from " + from + ")");
      continue;
    }
    if (r.status >= 300) {
      const std::string to = same_site(std::string(r.header("Location").value_or("")), origin);
      if (!to.empty() && report.seen.insert(to).second) queue.emplace_back(to, path);
      continue;
    }
    const std::string type(r.header("Content-Type").value_or(""));
    const std::regex* pattern = type.starts_with("text/html")            ? &html_link
                                : type.find("xml") != std::string::npos  ? &xml_link
                                : type.find("json") != std::string::npos ? &json_link
                                                                         : nullptr;
    if (!pattern) continue;
    for (std::sregex_iterator it(r.body.begin(), r.body.end(), *pattern), end; it != end; ++it) {
      const std::string to = same_site((*it)[1].str(), origin);
      if (!to.empty() && report.seen.insert(to).second) queue.emplace_back(to, path);
    }
  }
  return report;
}

// The search index is built in the background after start-up; until then /api/v1/search (linked from
// the search page) answers 503 by design, which is not a broken link.
void wait_for_search(test::RunningDaemon& daemon) {
  for (int i = 0; i < 600 && daemon.get("/api/v1/search?q=x").status != 200; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  BOOST_REQUIRE_EQUAL(daemon.get("/api/v1/search?q=x").status, 200);
}

std::string lines(const std::vector<std::string>& v) {
  std::ostringstream out;
  for (const auto& s : v) out << "\n  " << s;
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crawl)

BOOST_AUTO_TEST_CASE(a_store_made_with_plain_init_has_no_broken_link) {
  test::InitialisedDataDir d;
  const auto set = test::portaldctl(d.data, {"settings", "set", "responsible_title", "Chánh Văn phòng UBND"});
  BOOST_REQUIRE_MESSAGE(set.exit_code == 0, set.err);
  test::RunningDaemon daemon(d.data);
  wait_for_search(daemon);
  const auto report = crawl_site(daemon.port());
  BOOST_TEST(report.broken.empty(), "broken links:" << lines(report.broken));
  // The frame's own links were among them, and every mandatory section is reachable.
  for (const char* path : {"/en", "/trang/lien-he", "/so-do-trang", "/van-ban", "/chuyen-de", "/rss.xml",
                           "/trang/dieu-uoc-quoc-te", "/en/contacts", "/static/portal.css"})
    BOOST_TEST(report.seen.count(path) == 1u, path);
  BOOST_TEST(report.visited < kMaxPages, "the crawl hit its bound: raise it or look for a link loop");
  // A section without content says so, with whom to ask meanwhile, and keeps out of search engines.
  const auto contact = daemon.get("/trang/lien-he");
  BOOST_TEST(contact.status == 200);
  BOOST_TEST(test::contains(contact.body, "Đang cập nhật"));
  BOOST_TEST(test::contains(contact.body, "Chánh Văn phòng UBND"));
  BOOST_TEST(test::contains(contact.body, "<meta name=\"robots\" content=\"noindex, follow\">"));
  const auto english = daemon.get("/en");
  BOOST_TEST(english.status == 200);
  BOOST_TEST(test::contains(english.body, "Being updated"));
  // A slug that is no section still answers 404.
  BOOST_TEST(daemon.get("/trang/khong-co-trang-nay").status == 404);
  BOOST_TEST(daemon.get("/en/no-such-page").status == 404);
}

BOOST_AUTO_TEST_CASE(the_demo_site_has_no_broken_link) {
  test::PublicSite site;
  test::RunningDaemon daemon(site.data);
  wait_for_search(daemon);
  const auto report = crawl_site(daemon.port());
  BOOST_TEST(report.broken.empty(), "broken links:" << lines(report.broken));
  for (const char* path : {"/en", "/en/about", "/trang/lien-he", "/trang/dieu-uoc-quoc-te", "/van-ban"})
    BOOST_TEST(report.seen.count(path) == 1u, path);
  BOOST_TEST(report.visited < kMaxPages, "the crawl hit its bound: raise it or look for a link loop");
  // With content, no "Đang cập nhật".
  BOOST_TEST(!test::contains(daemon.get("/trang/lien-he").body, "Đang cập nhật"));
}

BOOST_AUTO_TEST_SUITE_END()
