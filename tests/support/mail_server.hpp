#pragma once
// A real SMTP server on 127.0.0.1 for mail tests (tests/support/smtp_server.py: Debian's aiosmtpd, each
// message decoded by Python's e-mail parser), and msmtp set up as the sendmail program that talks to it.
// Use:
//   test::SmtpServer smtp;                                   // listening on a free port
//   const auto sendmail = test::write_msmtp_sendmail(dir, smtp.port());
//   ... run portald with --sendmail <sendmail> --mail-from no-reply@portal.test ...
//   const auto mail = smtp.wait_for_messages(1, 20s);        // throws when they do not arrive
//   BOOST_TEST(mail[0].subject == "Bài viết bị trả lại: ...");
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/fixtures.hpp"

namespace portald::test {

// One message as the server received it; headers and body decoded (RFC 2047, base64, charset).
struct ReceivedMail {
  std::string mail_from;              // the envelope sender (MAIL FROM)
  std::vector<std::string> rcpt_tos;  // the envelope recipients (RCPT TO)
  std::string from, to, subject, date, message_id;
  std::string content_type;       // "text/plain; charset=utf-8"
  std::string transfer_encoding;  // "base64"
  std::string auto_submitted;
  std::string body;  // decoded text (line ends as sent, CR LF)
  std::string raw;   // the message as it came over SMTP
};

class SmtpServer {
 public:
  // Starts listening on `port` (0 = a free one); throws when the server does not come up in 10 s.
  explicit SmtpServer(std::uint16_t port = 0);
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  std::uint16_t port() const { return port_; }
  // Stops the server (the port then refuses connections) / starts it again on the same port; the
  // messages received so far stay.
  void stop();
  void start();
  // Every message received so far, oldest first.
  std::vector<ReceivedMail> messages() const;
  // Waits until at least `count` messages arrived; throws std::runtime_error after `timeout`.
  std::vector<ReceivedMail> wait_for_messages(std::size_t count, std::chrono::milliseconds timeout);

 private:
  TempDir dir_;
  std::filesystem::path mailbox_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// Writes DIR/msmtprc (host 127.0.0.1, `port`, no auth, no TLS) and DIR/sendmail, a wrapper script
// `exec /usr/bin/msmtp -C DIR/msmtprc "$@"`; returns the wrapper's path (for portald's sendmail option).
std::filesystem::path write_msmtp_sendmail(const std::filesystem::path& dir, std::uint16_t port);

}  // namespace portald::test
