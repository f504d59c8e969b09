// The in-memory side of the access statistics: batching by (kind, day, object), bots apart, distinct
// visitors by keyed hash over five minutes, and what the daily key change forgets.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "daemon/stats/bot_agents.hpp"
#include "daemon/stats/visit_counter.hpp"

using namespace portald;
using K = model::VisitKind;

namespace {

constexpr const char* kFirefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
constexpr const char* kChrome =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
// 2026-12-03 10:00 in Vietnam (03:00 UTC).
constexpr model::UnixTime kMorning = 1'796'266'800;
constexpr std::int32_t kDay = model::vietnam_day(kMorning);

std::uint64_t views(const std::vector<stats::PendingViews>& taken, K kind, std::string_view ref = "") {
  std::uint64_t n = 0;
  for (const auto& p : taken)
    if (p.kind == kind && p.ref == ref && p.day == kDay) n += p.views;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(visit_counter)

BOOST_AUTO_TEST_CASE(vietnam_day_turns_at_midnight_utc_plus_7) {
  // 2026-12-03 16:59:59 UTC is 23:59:59 in Vietnam; a second later it is the next day there.
  BOOST_TEST(model::vietnam_day(1'796'317'199) == 20'790);
  BOOST_TEST(model::vietnam_day(1'796'317'200) == 20'791);
  BOOST_TEST(kDay == 20'790);
}

BOOST_AUTO_TEST_CASE(views_are_summed_per_object_and_day_until_taken) {
  stats::VisitCounter c;
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning);
  c.record(K::article, "7", "192.0.2.2", kChrome, kMorning + 1);
  c.record(K::article, "8", "198.51.100.9", kFirefox, kMorning + 2);
  c.record(K::category, "kinh-te", "192.0.2.1", kFirefox, kMorning + 3);
  c.record(K::site, "", "192.0.2.1", kFirefox, kMorning + 4);
  const auto taken = c.take();
  BOOST_TEST(views(taken, K::site) == 5u);
  BOOST_TEST(views(taken, K::article, "7") == 2u);
  BOOST_TEST(views(taken, K::article, "8") == 1u);
  BOOST_TEST(views(taken, K::category, "kinh-te") == 1u);
  BOOST_TEST(views(taken, K::bot) == 0u);
  // One entry per (kind, day, ref), even when several shards counted it.
  BOOST_TEST(std::count_if(taken.begin(), taken.end(), [](const auto& p) { return p.kind == K::site; }) == 1);
  BOOST_TEST(c.take().empty());
}

BOOST_AUTO_TEST_CASE(bots_by_user_agent_are_counted_apart) {
  stats::VisitCounter c;
  c.record(K::article, "7", "66.249.66.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
           kMorning);
  c.record(K::article, "7", "192.0.2.5", "", kMorning);
  c.record(K::article, "7", "192.0.2.6", "curl/8.5.0", kMorning);
  c.record(K::article, "7", "192.0.2.1", kFirefox, kMorning);
  const auto taken = c.take();
  BOOST_TEST(views(taken, K::bot) == 3u);
  BOOST_TEST(views(taken, K::site) == 1u);
  BOOST_TEST(views(taken, K::article, "7") == 1u);
  BOOST_TEST(c.online(kMorning) == 1u);  // bots are not visitors
}

BOOST_AUTO_TEST_CASE(a_robots_txt_fetcher_is_a_bot_whatever_its_user_agent) {
  stats::VisitCounter c;
  c.record_robots_fetch("203.0.113.4", kChrome, kMorning);
  c.record(K::article, "7", "203.0.113.4", kChrome, kMorning + 1);
  // Another client with the same browser is a reader.
  c.record(K::article, "7", "203.0.113.5", kChrome, kMorning + 2);
  const auto taken = c.take();
  BOOST_TEST(views(taken, K::bot) == 1u);
  BOOST_TEST(views(taken, K::article, "7") == 1u);
  BOOST_TEST(c.online(kMorning + 3) == 1u);
}

BOOST_AUTO_TEST_CASE(a_reader_who_then_fetches_robots_txt_is_a_bot_from_then_on) {
  stats::VisitCounter c;
  c.record(K::article, "7", "203.0.113.4", kChrome, kMorning);  // a reader, remembered among the visitors
  c.record_robots_fetch("203.0.113.4", kChrome, kMorning + 1);
  c.record(K::article, "7", "203.0.113.4", kChrome, kMorning + 2);
  const auto taken = c.take();
  BOOST_TEST(views(taken, K::article, "7") == 1u);
  BOOST_TEST(views(taken, K::bot) == 1u);
  BOOST_TEST(c.online(kMorning + 3) == 0u);
}

BOOST_AUTO_TEST_CASE(online_counts_distinct_address_and_agent_pairs_of_the_last_five_minutes) {
  stats::VisitCounter c;
  c.record(K::site, "", "192.0.2.1", kFirefox, kMorning);
  c.record(K::site, "", "192.0.2.1", kFirefox, kMorning + 10);  // the same reader again
  c.record(K::site, "", "192.0.2.1", kChrome, kMorning + 20);   // another browser behind the same address
  c.record(K::site, "", "192.0.2.2", kFirefox, kMorning + 30);
  BOOST_TEST(c.online(kMorning + 30) == 3u);
  BOOST_TEST(c.online(kMorning + 310) == 2u);  // the first pair was last seen at +10, over 300 s before
  BOOST_TEST(c.online(kMorning + 331) == 0u);
}

BOOST_AUTO_TEST_CASE(the_daily_key_change_forgets_visitors_and_robots_fetchers) {
  stats::VisitCounter c;
  const model::UnixTime late = kMorning + 13 * 3600 + 58 * 60;  // 23:58 in Vietnam
  c.record_robots_fetch("203.0.113.4", kChrome, late);
  c.record(K::site, "", "192.0.2.1", kFirefox, late);
  BOOST_TEST(c.online(late) == 1u);
  // Two minutes later it is another day: yesterday's hashes are gone with yesterday's key.
  BOOST_TEST(c.online(late + 120) == 0u);
  c.take();
  c.record(K::article, "7", "203.0.113.4", kChrome, late + 180);
  const auto taken = c.take();
  std::uint64_t human = 0, bot = 0;
  for (const auto& p : taken) {
    if (p.kind == K::article) human += p.views;
    if (p.kind == K::bot) bot += p.views;
    BOOST_TEST(p.day == kDay + 1);
  }
  BOOST_TEST(human == 1u);
  BOOST_TEST(bot == 0u);
}

BOOST_AUTO_TEST_CASE(figures_show_the_stored_counts_of_today_only) {
  stats::VisitCounter c;
  c.set_stored(kDay, 42, 1000);
  c.record(K::site, "", "192.0.2.1", kFirefox, kMorning);
  const auto f = c.figures(kMorning);
  BOOST_TEST(f.online == 1u);
  BOOST_TEST(f.today == 42u);
  BOOST_TEST(f.total == 1000u);
  BOOST_TEST(c.figures(kMorning + 86400).today == 0u);  // stored before midnight: not today's any more
}

BOOST_AUTO_TEST_CASE(bot_agents_are_recognised_and_browsers_are_not) {
  for (const char* ua : {"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                         "Mozilla/5.0 (compatible; YandexBot/3.0)", "facebookexternalhit/1.1", "Wget/1.21.4",
                         "python-requests/2.31.0", "Go-http-client/1.1", "", "Mozilla/5.0 HeadlessChrome/120"})
    BOOST_TEST(stats::is_bot_agent(ua), ua);
  for (const char* ua :
       {kFirefox, kChrome,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 "
        "Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36 "
        "Zalo/24"})
    BOOST_TEST(!stats::is_bot_agent(ua), ua);
  // Longer than the stack buffer the agent is lower-cased into.
  BOOST_TEST(stats::is_bot_agent(std::string(600, 'x') + " SemrushBOT/7"));
  BOOST_TEST(!stats::is_bot_agent(std::string(600, 'x') + " Firefox/128.0"));
}

BOOST_AUTO_TEST_SUITE_END()
