// Published citizens' questions on the public machine entry points (issue 12), over HTTP against the real
// daemon and a real store: found by /tim-kiem and /api/v1/search with their own type, listed in
// sitemap.xml and in the RSS feeds (all, per agency), never when unpublished, gone from the search once
// taken back while the daemon runs, and without personal data; a title with markup arrives as text.
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "daemon/model/url_encoding.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "tests/integration/public/public_fixture.hpp"

using namespace portald;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using model::QuestionState;
using nlohmann::json;
using test::contains;

namespace {

// 2024-05-10, -12 and -14, 09:00 in Vietnam.
constexpr model::UnixTime kMay10 = 1715306400, kMay12 = 1715479200, kMay14 = 1715652000;
const std::string kMarkupTitle = "Cảnh báo <img src=x onerror=alert(1)> khi tiêm chủng";
// What only the sealed part of a record may hold (here in the place of the sealed bytes): never shown.
const std::string kContact = "nguyenvanan.hoidap@example.vn 0912345678";

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return pred();
}

// The demo portal plus questions of two agencies, written straight into the store before the daemon
// starts: two published, one approved (not published), one closed.
struct QuestionSite : test::PublicSite {
  std::uint64_t land_agency = 0, health_agency = 0;
  std::uint64_t land = 0, vaccine = 0, fees = 0, noise = 0;

  QuestionSite() {
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = false});
    store::WriteTxn txn = s.write();
    const auto& t = s.tables();
    land_agency = store::ensure_agency(txn, t, "Sở Tài nguyên và Môi trường");
    health_agency = store::ensure_agency(txn, t, "Sở Y tế");
    land = put(txn, t, 9001, land_agency, QuestionState::published, kMay10,
               "Thời hạn cấp giấy chứng nhận quyền sử dụng đất",
               "Tôi nộp hồ sơ cấp sổ đỏ tại xã từ tháng 2, email ***@***, khi nào có kết quả?",
               "Thời hạn giải quyết là 30 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.");
    vaccine = put(txn, t, 9002, health_agency, QuestionState::published, kMay12, kMarkupTitle,
                  "Tin nhắn lạ có <script>alert(2)</script> & đường link, có nên bấm?",
                  "Không bấm vào đường link lạ; lịch tiêm chủng chỉ thông báo qua trạm y tế xã.");
    fees = put(txn, t, 9003, land_agency, QuestionState::approved, 0, "Miễn học phí cho học sinh vùng cao",
               "Con tôi học ở xã vùng cao, có được miễn học phí?", "Được miễn theo nghị định.");
    noise = put(txn, t, 9004, health_agency, QuestionState::closed, 0, "Tiếng ồn công trường ban đêm",
                "Công trường gây ồn sau 22 giờ.", "");
    txn.commit();
  }

  static std::uint64_t put(store::WriteTxn& txn, const store::Tables& t, std::uint64_t id, std::uint64_t agency,
                           QuestionState state, model::UnixTime published_at, const std::string& title,
                           const std::string& text, const std::string& answer) {
    model::Question q;
    q.id = id;
    q.code = "KMQ4-TXA9-" + std::to_string(id);
    q.received_at = kMay10 - 20 * 86400;
    q.state = state;
    q.field = "Đất đai";
    q.agency_id = agency;
    q.title = title;
    q.text = text;
    q.sealed_private = kContact;
    q.masked_name = "Nguyễn V. A.";
    q.may_publish = true;
    q.answer = answer;
    q.answered_at = answer.empty() ? 0 : kMay10 - 86400;
    q.published_at = published_at;
    store::put_question(txn, t, q, std::nullopt);
    return id;
  }

  // Takes a step on question `id` while the daemon runs, as the question service writes it.
  void set_state(std::uint64_t id, QuestionState state, model::UnixTime published_at) {
    store::Store s(data, {.map_size = std::size_t(256) << 20, .create = false});
    store::WriteTxn txn = s.write();
    const auto previous = store::get_question(txn, s.tables(), id);
    BOOST_REQUIRE(previous);
    model::Question q = *previous;
    q.state = state;
    q.published_at = published_at;
    store::put_question(txn, s.tables(), q, previous);
    txn.commit();
  }
};

std::string url(std::uint64_t id) { return "/hoi-dap/" + std::to_string(id); }

json api(test::RunningDaemon& d, const std::string& query) {
  const auto r = d.get("/api/v1/search?" + query);
  BOOST_REQUIRE_MESSAGE(r.status == 200, query << " -> " << r.status);
  return json::parse(r.body);
}

std::size_t total(test::RunningDaemon& d, const std::string& q, const std::string& type = "question") {
  const auto r = d.get("/api/v1/search?type=" + type + "&q=" + model::url_encode_component(q));
  return r.status == 200 ? json::parse(r.body).at("total").get<std::size_t>() : 0;
}

void wait_for_search(test::RunningDaemon& d) {
  BOOST_REQUIRE(wait_until([&] { return d.get("/api/v1/search?q=x").status == 200; }, 60s));
}

boost::property_tree::ptree parse_xml(const std::string& body) {
  boost::property_tree::ptree xml;
  std::istringstream in(body);
  boost::property_tree::read_xml(in, xml);  // throws on a document that is not well-formed XML
  return xml;
}

// The items of a parsed feed, in order.
std::vector<boost::property_tree::ptree> items(const boost::property_tree::ptree& feed) {
  std::vector<boost::property_tree::ptree> out;
  for (const auto& [name, item] : feed.get_child("rss.channel"))
    if (name == "item") out.push_back(item);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(published_questions)

BOOST_AUTO_TEST_CASE(published_questions_are_found_by_the_page_and_the_api_and_unpublished_ones_are_not) {
  QuestionSite site;
  test::RunningDaemon d(site.data);
  wait_for_search(d);

  const json found = api(d, "q=" + model::url_encode_component("giấy chứng nhận quyền sử dụng đất") + "&type=question");
  BOOST_TEST_REQUIRE(found.at("total") == 1);
  const json hit = found.at("hits").at(0);
  BOOST_TEST(hit.at("type") == "question");
  BOOST_TEST(hit.at("id") == site.land);
  BOOST_TEST(hit.at("url") == url(site.land));
  BOOST_TEST(hit.at("title") == "Thời hạn cấp giấy chứng nhận quyền sử dụng đất");
  BOOST_TEST(hit.at("published_at") == "2024-05-10T09:00:00+07:00");
  // Found by the answer's words too, without diacritics, and by the Vietnamese type name.
  BOOST_TEST(total(d, "30 ngay lam viec", "hoi-dap") == 1u);
  // Every published question by type alone; other types leave them out.
  BOOST_TEST(api(d, "q=&type=question").at("total") == 2);
  BOOST_TEST(total(d, "giấy chứng nhận", "article") == 0u);
  // The agency filter: the answering agency's slug.
  BOOST_TEST(api(d, "q=&type=question&agency=so-tai-nguyen-va-moi-truong").at("total") == 1);
  BOOST_TEST(api(d, "q=&type=question&agency=so-y-te").at("total") == 1);
  // Not published (approved only, or closed): not found by any type.
  for (const char* q : {"miễn học phí vùng cao", "tiếng ồn công trường"}) {
    BOOST_TEST(api(d, "q=" + model::url_encode_component(q)).at("total") == 0, q);
  }
  // Nothing personal: the tracking code and the sealed contacts are not searchable.
  for (const char* q : {"KMQ4-TXA9-9001", "nguyenvanan.hoidap", "0912345678"}) BOOST_TEST(total(d, q, "") == 0u, q);

  const auto page = d.get("/tim-kiem?loai=hoi-dap&q=" + model::url_encode_component("sổ đỏ"));
  BOOST_REQUIRE_EQUAL(page.status, 200);
  BOOST_TEST(contains(page.body, "href=\"" + url(site.land) + "\""));
  BOOST_TEST(contains(page.body, "<p class=\"meta\">Hỏi đáp · "));                 // the hit's type label
  BOOST_TEST(contains(page.body, "<option value=\"question\">Hỏi đáp</option>"));  // the type filter offers it
  BOOST_TEST(!contains(page.body, "nguyenvanan"));
  const auto chosen = d.get("/tim-kiem?loai=question&q=" + model::url_encode_component("sổ đỏ"));
  BOOST_TEST(contains(chosen.body, "href=\"" + url(site.land) + "\""));
  BOOST_TEST(contains(chosen.body, "<option value=\"question\" selected>Hỏi đáp</option>"));
  const auto hidden = d.get("/tim-kiem?q=" + model::url_encode_component("miễn học phí vùng cao"));
  BOOST_TEST(hidden.status == 200);
  BOOST_TEST(!contains(hidden.body, "/hoi-dap/"));
}

BOOST_AUTO_TEST_CASE(a_question_taken_back_while_the_daemon_runs_leaves_search_sitemap_and_feed) {
  QuestionSite site;
  test::RunningDaemon d(site.data);
  wait_for_search(d);
  BOOST_TEST_REQUIRE(total(d, "giấy chứng nhận quyền sử dụng đất") == 1u);
  BOOST_TEST_REQUIRE(contains(d.get("/sitemap.xml").body, url(site.land)));

  site.set_state(site.land, QuestionState::closed, 0);
  const auto t0 = Clock::now();
  BOOST_REQUIRE(wait_until([&] { return total(d, "giấy chứng nhận quyền sử dụng đất") == 0u; }, 10s));
  BOOST_TEST_MESSAGE("unpublished -> gone from search over HTTP: "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count() << " ms");
  BOOST_TEST(!contains(d.get("/sitemap.xml").body, url(site.land)));
  BOOST_TEST(!contains(d.get("/rss/hoi-dap.xml").body, url(site.land)));
  BOOST_TEST(!contains(d.get("/rss/hoi-dap/" + std::to_string(site.land_agency) + ".xml").body, url(site.land)));

  // And the other way: published while it runs, then found.
  site.set_state(site.fees, QuestionState::published, kMay14);
  BOOST_REQUIRE(wait_until([&] { return total(d, "miễn học phí vùng cao") == 1u; }, 10s));
  BOOST_TEST(contains(d.get("/rss/hoi-dap.xml").body, url(site.fees)));
}

BOOST_AUTO_TEST_CASE(sitemap_lists_the_list_and_only_published_questions) {
  QuestionSite site;
  test::RunningDaemon d(site.data);
  const auto r = test::get_with_host(d.port(), "/sitemap.xml", "tinh.example.vn");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const auto xml = parse_xml(r.body);
  std::map<std::string, std::string> lastmod;  // loc -> lastmod
  for (const auto& [name, u] : xml.get_child("urlset"))
    if (name == "url") lastmod[u.get<std::string>("loc")] = u.get<std::string>("lastmod", "");
  const std::string base = "http://tinh.example.vn";
  BOOST_TEST(lastmod.count(base + "/hoi-dap") == 1u);
  BOOST_TEST(lastmod[base + url(site.land)] == "2024-05-10T09:00:00+07:00");
  BOOST_TEST(lastmod[base + url(site.vaccine)] == "2024-05-12T09:00:00+07:00");
  BOOST_TEST(lastmod.count(base + url(site.fees)) == 0u);
  BOOST_TEST(lastmod.count(base + url(site.noise)) == 0u);
  // The HTML site map links the section and its feed.
  const auto html = d.get("/so-do-trang");
  BOOST_TEST(contains(html.body, "href=\"/hoi-dap\""));
  BOOST_TEST(contains(html.body, "href=\"/rss/hoi-dap.xml\""));
}

BOOST_AUTO_TEST_CASE(feeds_list_published_questions_newest_first_all_and_per_agency) {
  QuestionSite site;
  test::RunningDaemon d(site.data);
  const auto all = test::get_with_host(d.port(), "/rss/hoi-dap.xml", "tinh.example.vn");
  BOOST_REQUIRE_EQUAL(all.status, 200);
  BOOST_TEST(std::string(all.header("Content-Type").value_or("")).starts_with("application/rss+xml"));
  const auto feed = parse_xml(all.body);
  BOOST_TEST(feed.get<std::string>("rss.channel.link") == "http://tinh.example.vn/hoi-dap");
  const auto list = items(feed);
  BOOST_TEST_REQUIRE(list.size() == 2u);
  BOOST_TEST(list[0].get<std::string>("link") == "http://tinh.example.vn" + url(site.vaccine));  // newest first
  BOOST_TEST(list[1].get<std::string>("link") == "http://tinh.example.vn" + url(site.land));
  BOOST_TEST(list[1].get<std::string>("guid") == "http://tinh.example.vn" + url(site.land));
  BOOST_TEST(list[1].get<std::string>("title") == "Thời hạn cấp giấy chứng nhận quyền sử dụng đất");
  BOOST_TEST(list[1].get<std::string>("pubDate") == "Fri, 10 May 2024 02:00:00 GMT");
  const auto land = list[1].get<std::string>("description");
  BOOST_TEST(contains(land, "sổ đỏ"));                        // the question
  BOOST_TEST(contains(land, "30 ngày làm việc"));             // the answer
  BOOST_TEST(contains(land, "Sở Tài nguyên và Môi trường"));  // who answered
  BOOST_TEST(contains(land, "Nguyễn V. A."));                 // the masked name, as the page shows it
  for (const auto& item : list) {
    const auto description = item.get<std::string>("description");
    BOOST_TEST(description.find('<') == std::string::npos, description);  // HTML text, no markup
    BOOST_TEST(!contains(description, "nguyenvanan"));
    BOOST_TEST(!contains(description, "0912345678"));
    BOOST_TEST(!contains(description, "KMQ4"));
  }
  BOOST_TEST(!contains(all.body, "nguyenvanan"));
  BOOST_TEST(!contains(all.body, url(site.fees)));
  BOOST_TEST(!contains(all.body, url(site.noise)));

  // Per agency: only its own published questions.
  const auto land_feed = items(parse_xml(d.get("/rss/hoi-dap/" + std::to_string(site.land_agency) + ".xml").body));
  BOOST_TEST_REQUIRE(land_feed.size() == 1u);
  BOOST_TEST(land_feed[0].get<std::string>("title") == "Thời hạn cấp giấy chứng nhận quyền sử dụng đất");
  const auto health = d.get("/rss/hoi-dap/" + std::to_string(site.health_agency) + ".xml");
  BOOST_TEST_REQUIRE(health.status == 200);
  const auto health_feed = parse_xml(health.body);
  BOOST_TEST(health_feed.get<std::string>("rss.channel.title").find("Sở Y tế") != std::string::npos);
  BOOST_TEST(items(health_feed).size() == 1u);
  for (const char* missing : {"/rss/hoi-dap/999999.xml", "/rss/hoi-dap/abc.xml", "/rss/hoi-dap/0.xml"})
    BOOST_TEST(d.get(missing).status == 404, missing);
  BOOST_TEST(d.get("/rss/hoi-dap/" + std::to_string(site.land_agency)).status == 404);
  // The category feeds are still where they were.
  BOOST_TEST(d.get("/rss/kinh-te.xml").status == 200);
}

// Like the articles' feed (issue 16 finding 3): readers render <description> as HTML, so the citizen's
// text is escaped for HTML and then for XML; parsed as XML, markup in a title or text reads as text.
BOOST_AUTO_TEST_CASE(markup_in_a_question_arrives_as_text_in_the_feed) {
  QuestionSite site;
  test::RunningDaemon d(site.data);
  const auto r = d.get("/rss/hoi-dap.xml");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(!contains(r.body, "<img"));
  BOOST_TEST(!contains(r.body, "<script"));
  int checked = 0;
  for (const auto& item : items(parse_xml(r.body))) {
    if (item.get<std::string>("title") != kMarkupTitle) continue;  // titles are plain text
    ++checked;
    const auto description = item.get<std::string>("description");
    BOOST_TEST(contains(description, "Hỏi: Cảnh báo &lt;img src=x onerror=alert(1)&gt; khi tiêm chủng"), description);
    BOOST_TEST(contains(description, "&lt;script&gt;alert(2)&lt;/script&gt; &amp; đường link"), description);
  }
  BOOST_TEST(checked == 1);
}

BOOST_AUTO_TEST_SUITE_END()
