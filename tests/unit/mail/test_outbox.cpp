// The transactional outbox and its courier (daemon/mail/outbox.hpp, courier.hpp) on a real store and a
// real SMTP server (aiosmtpd on 127.0.0.1, msmtp as the sendmail program): a message queued in a write
// transaction exists exactly when that transaction commits, is sealed so data.mdb never holds the
// address, is delivered and removed, is retried with backoff while the SMTP server is down and delivered
// once it is up, and is marked failed after the last attempt.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "daemon/mail/courier.hpp"
#include "daemon/mail/outbox.hpp"
#include "daemon/store/data_dir.hpp"
#include "daemon/store/mail_outbox_table.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/mail_server.hpp"

using namespace portald;
using namespace std::chrono_literals;

namespace {

const std::string kCitizen = "tran.thi.binh.1987@example.org";

mail::Message message() {
  return {.to = kCitizen,
          .to_name = "Trần Thị Bình",
          .subject = "Đã nhận câu hỏi của bà",
          .body = "Kính gửi bà Trần Thị Bình,\nCổng thông tin đã nhận câu hỏi của bà.\n"};
}

std::string raw_store(const std::filesystem::path& data) {
  std::ifstream in(store::DataDir(data).store_dir() / "data.mdb", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<model::OutboxEntry> entries(const store::Store& s) {
  const store::ReadTxn txn = s.read();
  return store::list_outbox(txn, s.tables());
}

struct Counts {
  std::atomic<int> sent{0}, failed{0};
  std::atomic<std::uint64_t> pending{999};
};

mail::CourierOptions courier_options(const std::filesystem::path& sendmail, Counts& counts,
                                     std::chrono::seconds first_retry = 1s, unsigned max_attempts = 12) {
  return {.sendmail = {.program = sendmail, .envelope_from = "no-reply@portal.example.vn", .timeout = 10s},
          .from = {.address = "no-reply@portal.example.vn", .name = "Cổng thông tin điện tử tỉnh"},
          .period = 100ms,
          .max_attempts = max_attempts,
          .first_retry = first_retry,
          .max_retry = 60s,
          .report_pending = [&counts](std::uint64_t n) { counts.pending = n; },
          .report_sent = [&counts] { ++counts.sent; },
          .report_failed = [&counts] { ++counts.failed; }};
}

template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return pred();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox)

BOOST_AUTO_TEST_CASE(a_queued_message_is_sealed_and_never_in_clear_in_data_mdb) {
  test::TempStore s;
  const auto key = secrets::PersonalDataKey::generate();
  store::WriteTxn txn = s.store.write();
  const auto q = mail::queue(txn, s.store.tables(), key, message(), 1000);
  txn.commit();
  BOOST_TEST((q.result == mail::QueueResult::queued));
  const auto all = entries(s.store);
  BOOST_REQUIRE(all.size() == 1u);
  BOOST_TEST(all[0].id == q.id);
  BOOST_TEST((all[0].state == model::OutboxState::pending));
  BOOST_TEST(all[0].next_attempt_at == 1000);
  BOOST_TEST(secrets::is_sealed(all[0].sealed));
  const std::string raw = raw_store(s.dir.path);
  BOOST_REQUIRE(raw.find("pd1.") != std::string::npos);  // the file holds the sealed record
  BOOST_TEST(raw.find(kCitizen) == std::string::npos);
  BOOST_TEST(raw.find("tran.thi.binh") == std::string::npos);
  BOOST_TEST(raw.find("Trần Thị Bình") == std::string::npos);
  // It opens with the key and its own id only.
  const auto opened = mail::unseal(key, q.id, all[0].sealed);
  BOOST_REQUIRE(opened.has_value());
  BOOST_TEST(opened->message.to == kCitizen);
  BOOST_TEST(opened->message.subject == message().subject);
  BOOST_TEST(opened->token.size() == 32u);
  BOOST_TEST(!mail::unseal(key, q.id + 1, all[0].sealed).has_value());
  BOOST_TEST(!mail::unseal(secrets::PersonalDataKey::generate(), q.id, all[0].sealed).has_value());
}

BOOST_AUTO_TEST_CASE(the_message_commits_with_its_transaction_or_not_at_all) {
  test::TempStore s;
  const auto key = secrets::PersonalDataKey::generate();
  const mail::Outbox outbox(&key);
  {
    store::WriteTxn txn = s.store.write();
    BOOST_TEST((outbox.queue(txn, s.store.tables(), message(), 1000).result == mail::QueueResult::queued));
    // dropped without commit: the change it belonged to did not happen, and neither does the notice
  }
  BOOST_TEST(entries(s.store).empty());
  store::WriteTxn txn = s.store.write();
  auto bad = message();
  bad.to = "a@example.org\nBcc: b@example.org";
  const auto refused = outbox.queue(txn, s.store.tables(), bad, 1000);
  BOOST_TEST((refused.result == mail::QueueResult::invalid));
  BOOST_TEST(refused.error == "to: not a valid e-mail address");
  BOOST_TEST((mail::Outbox{}.queue(txn, s.store.tables(), message(), 1000).result == mail::QueueResult::mail_off));
  BOOST_TEST((mail::Outbox(nullptr).queue(txn, s.store.tables(), message(), 1000).result == mail::QueueResult::no_key));
  txn.commit();
  BOOST_TEST(entries(s.store).empty());
}

BOOST_AUTO_TEST_CASE(the_courier_delivers_through_sendmail_to_a_real_smtp_server) {
  test::TempStore s;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(s.dir.path, smtp.port());
  const auto key = secrets::PersonalDataKey::generate();
  {
    store::WriteTxn txn = s.store.write();
    mail::queue(txn, s.store.tables(), key, message(), model::now());
    txn.commit();
  }
  Counts counts;
  const mail::Courier courier(s.store, key, courier_options(sendmail, counts));
  const auto got = smtp.wait_for_messages(1, 20s);
  BOOST_TEST(got[0].subject == "Đã nhận câu hỏi của bà");
  BOOST_TEST(got[0].body == "Kính gửi bà Trần Thị Bình,\r\nCổng thông tin đã nhận câu hỏi của bà.\r\n");
  BOOST_TEST(got[0].to == "Trần Thị Bình <" + kCitizen + ">");
  BOOST_TEST(got[0].from == "Cổng thông tin điện tử tỉnh <no-reply@portal.example.vn>");
  BOOST_TEST(got[0].rcpt_tos == std::vector<std::string>{kCitizen});
  BOOST_TEST(got[0].mail_from == "no-reply@portal.example.vn");
  BOOST_TEST(got[0].content_type == "text/plain; charset=utf-8");
  BOOST_TEST(got[0].transfer_encoding == "base64");
  BOOST_TEST(got[0].message_id.ends_with("@portal.example.vn>"));
  BOOST_TEST(eventually([&] { return entries(s.store).empty() && counts.pending.load() == 0u; }, 5s));
  BOOST_TEST(counts.sent.load() == 1);
  BOOST_TEST(counts.failed.load() == 0);
}

BOOST_AUTO_TEST_CASE(while_the_smtp_server_is_down_it_retries_and_delivers_once_it_is_up) {
  test::TempStore s;
  test::SmtpServer smtp;
  const auto sendmail = test::write_msmtp_sendmail(s.dir.path, smtp.port());
  smtp.stop();
  const auto key = secrets::PersonalDataKey::generate();
  {
    store::WriteTxn txn = s.store.write();
    mail::queue(txn, s.store.tables(), key, message(), model::now());
    txn.commit();
  }
  Counts counts;
  const mail::Courier courier(s.store, key, courier_options(sendmail, counts));
  // Two failed attempts (at once, then after 1 s) are recorded with a later next attempt.
  BOOST_REQUIRE(eventually(
      [&] {
        const auto e = entries(s.store);
        return e.size() == 1 && e[0].attempts >= 2;
      },
      15s));
  const auto waiting = entries(s.store)[0];
  BOOST_TEST((waiting.state == model::OutboxState::pending));
  BOOST_TEST(waiting.next_attempt_at > model::now() - 1);
  BOOST_TEST(counts.pending.load() == 1u);
  BOOST_TEST(smtp.messages().empty());
  smtp.start();
  const auto got = smtp.wait_for_messages(1, 20s);  // the next backoff step is at most 4 s away
  BOOST_TEST(got[0].subject == "Đã nhận câu hỏi của bà");
  // The entry goes in the courier's commit and the count just after it: wait for both.
  BOOST_TEST(eventually([&] { return entries(s.store).empty() && counts.sent.load() == 1; }, 5s));
  BOOST_TEST(smtp.messages().size() == 1u);  // delivered once
}

BOOST_AUTO_TEST_CASE(after_the_last_attempt_it_is_marked_failed_and_left_alone) {
  test::TempStore s;
  const auto key = secrets::PersonalDataKey::generate();
  const auto failing =
      test::write_file(s.dir.path, "sendmail", "#!/bin/sh\ncat >/dev/null\necho 'no MTA' >&2\nexit 69\n");
  std::filesystem::permissions(failing, std::filesystem::perms::owner_all);
  {
    store::WriteTxn txn = s.store.write();
    mail::queue(txn, s.store.tables(), key, message(), model::now());
    txn.commit();
  }
  Counts counts;
  const mail::Courier courier(s.store, key, courier_options(failing, counts, 1s, 2));
  BOOST_REQUIRE(eventually([&] { return counts.failed.load() == 1; }, 15s));
  const auto e = entries(s.store);
  BOOST_REQUIRE(e.size() == 1u);
  BOOST_TEST((e[0].state == model::OutboxState::failed));
  BOOST_TEST(e[0].attempts == 2u);
  std::this_thread::sleep_for(1500ms);  // never tried again
  BOOST_TEST(entries(s.store)[0].attempts == 2u);
  BOOST_TEST(counts.pending.load() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
