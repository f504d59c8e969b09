// portaldctl mail test ADDRESS: one message straight through the configured sendmail (not through the
// outbox), so the operator sees at once whether the machine's mail works and what the program said.
#include <ostream>

#include "daemon/cli/command.hpp"
#include "daemon/mail/address.hpp"
#include "daemon/mail/compose.hpp"
#include "daemon/mail/sendmail.hpp"
#include "daemon/model/time.hpp"

namespace portald::cli {
namespace {

mail::Message test_message(const config::Config& config, const std::string& to) {
  const std::string now = model::format_datetime_vn(model::now());
  return {.to = to,
          .to_name = "",
          .subject = "Thư thử từ cổng thông tin (portald mail test)",
          .body = "Đây là thư thử do lệnh \"portaldctl mail test\" gửi lúc " + now +
                  ".\nNếu bạn nhận được thư này, cổng thông tin gửi được thư điện tử.\n\n"
                  "This is a test message from \"portaldctl mail test\", sent at " +
                  now + " (UTC+7).\nSent through " + config.sendmail.string() + " as " + config.mail_from + ".\n"};
}

}  // namespace

int cmd_mail_test(CommandContext& c) {
  if (c.args.size() != 1) {
    c.err << "usage: portaldctl mail test ADDRESS\n";
    return 2;
  }
  const std::string& to = c.args.front();
  const auto& config = c.config;
  if (config.sendmail.empty()) {
    c.err << "mail test: mail is off: set sendmail (and mail-from) in the config file\n";
    return 1;
  }
  if (!mail::is_valid_address(config.mail_from)) {
    c.err << "mail test: mail-from \"" << config.mail_from << "\" is not an e-mail address\n";
    return 1;
  }
  if (!mail::is_valid_address(to)) {
    c.err << "mail test: '" << to << "' is not an e-mail address (local@domain)\n";
    return 2;
  }
  const auto composed = mail::compose(test_message(config, to), {.address = config.mail_from, .name = config.site_name},
                                      model::now(), mail::make_message_id(config.mail_from));
  if (!composed) {
    c.err << "mail test: " << composed.error << "\n";
    return 1;
  }
  const auto r = mail::run_sendmail(
      {.program = config.sendmail, .envelope_from = config.mail_from, .timeout = std::chrono::seconds(30)}, to,
      composed.text);
  if (!r.ok) {
    c.err << "mail test: FAILED: " << r.error << "\n";
    if (!r.output.empty()) c.err << "  " << config.sendmail.string() << " said: " << r.output << "\n";
    return 1;
  }
  c.out << "mail test: " << config.sendmail.string() << " accepted the message to " << to << " from "
        << config.mail_from << "; if it does not arrive, look in the mail system's log (journalctl, mailq)\n";
  return 0;
}

}  // namespace portald::cli
