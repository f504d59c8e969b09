// Argon2id off the HTTP workers (issue 16), over real HTTP: a login is handed to the hash pool whole with
// its connection suspended, so even the only HTTP worker answers a public page while logins hash; when
// the hash pool's queue is full a login gets 503 with Retry-After and its form back with the name typed.
#include <future>
#include <thread>

#include "tests/integration/admin/admin_client.hpp"

using namespace portald;
using test::has;

namespace {

// A login form ready to post: its CSRF cookie and token fetched in advance, so that several logins can
// be sent at the same moment.
struct PreparedLogin {
  test::Fields headers;
  std::string body;
};

PreparedLogin prepare_login(std::uint16_t port, const std::string& user, const std::string& password) {
  const auto page = test::http_request("127.0.0.1", port, "GET", "/quan-tri/dang-nhap");
  BOOST_REQUIRE(page.status == 200);
  return {
      {{"Cookie", "portald_login=" + test::set_cookie_value(page, "portald_login")},
       {"Content-Type", "application/x-www-form-urlencoded"}},
      test::encode_form({{"csrf", test::input_value(page.body, "csrf")}, {"username", user}, {"password", password}})};
}

struct Timed {
  test::HttpResponse response;
  std::chrono::steady_clock::time_point done;
};

// Posts every login at once (each on its own connection); the answers with the time each came back.
std::vector<std::future<Timed>> post_all(std::uint16_t port, const std::vector<PreparedLogin>& logins,
                                         std::shared_future<void> go) {
  std::vector<std::future<Timed>> out;
  for (const auto& l : logins)
    out.push_back(std::async(std::launch::async, [port, &l, go] {
      go.wait();
      auto r = test::http_request("127.0.0.1", port, "POST", "/quan-tri/dang-nhap", l.headers, l.body,
                                  std::chrono::milliseconds(60000));
      return Timed{std::move(r), std::chrono::steady_clock::now()};
    }));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(login_hash_pool)

BOOST_AUTO_TEST_CASE(a_public_page_is_answered_while_logins_hash) {
  test::AdminSite site;
  // One HTTP worker and one hash thread: three logins hash one after the other while the worker is free.
  // (Before issue 16's suspension the worker waited for each hash and the page came after them all.)
  test::RunningDaemon daemon(site.data, {"--http-threads=1", "--password-hash-threads=1"});
  std::vector<PreparedLogin> logins;
  for (int i = 0; i < 3; ++i) logins.push_back(prepare_login(daemon.port(), "phongvien", test::kPassword));
  std::promise<void> go;
  auto answers = post_all(daemon.port(), logins, go.get_future().share());
  go.set_value();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the logins are in
  const auto page = test::http_request("127.0.0.1", daemon.port(), "GET", "/");
  const auto page_done = std::chrono::steady_clock::now();
  BOOST_TEST(page.status == 200);
  auto last_login = std::chrono::steady_clock::time_point::min();
  int ok = 0;
  for (auto& a : answers) {
    const Timed t = a.get();
    ok += t.response.status == 303;
    last_login = std::max(last_login, t.done);
  }
  BOOST_TEST(ok == 3);
  BOOST_TEST((page_done < last_login), "the public page waited for the logins");
  const auto metrics = daemon.get("/metrics");
  BOOST_TEST(has(metrics.body, "portald_password_hash_jobs_total{outcome=\"admitted\"} 3"));
}

BOOST_AUTO_TEST_CASE(a_full_hash_queue_answers_503_with_retry_after_and_keeps_the_name) {
  test::AdminSite site;
  // One login hashing and one waiting fill the pool; the others are refused at once.
  test::RunningDaemon daemon(site.data, {"--http-threads=2", "--password-hash-threads=1", "--password-hash-queue=1"});
  std::vector<PreparedLogin> logins;
  for (int i = 0; i < 6; ++i) logins.push_back(prepare_login(daemon.port(), "phongvien", test::kPassword));
  std::promise<void> go;
  auto answers = post_all(daemon.port(), logins, go.get_future().share());
  go.set_value();
  int ok = 0, busy = 0;
  for (auto& a : answers) {
    const auto r = a.get().response;
    if (r.status == 303) ++ok;
    if (r.status != 503) continue;
    ++busy;
    BOOST_TEST(std::string(r.header("Retry-After").value_or("")) == "2");
    BOOST_TEST(has(r.body, "Hệ thống đang bận xử lý nhiều lượt đăng nhập cùng lúc."));
    BOOST_TEST(test::input_value(r.body, "username") == "phongvien");
  }
  BOOST_TEST(ok >= 1);
  BOOST_TEST(busy >= 1);
  BOOST_TEST(ok + busy == 6);
  const auto metrics = daemon.get("/metrics");
  BOOST_TEST(has(metrics.body, "portald_password_hash_jobs_total{outcome=\"refused\"} " + std::to_string(busy)));
  // Once the burst is over, logging in works again.
  BOOST_TEST(test::AdminClient{daemon.port()}.try_login("phongvien", test::kPassword).status == 303);
}

BOOST_AUTO_TEST_SUITE_END()
