#pragma once
// Hands one composed message to the machine's mail system through the standard sendmail interface
// (Debian's MTAs and msmtp all provide it): `PROGRAM -i -f FROM -- RECIPIENT` with the message on its
// standard input. No shell: the program is started with posix_spawn, with an empty signal mask, default
// signal actions and no file descriptors but its stdin/stdout/stderr. The wait is bounded; a program
// still running at the deadline is killed.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace portald::mail {

struct SendResult {
  bool ok = false;     // the program exited 0 (the MTA took the message)
  int exit_code = -1;  // its exit status; -1 when it did not exit normally (killed, not started)
  std::string error;   // why it failed (English, one line); "" when ok
  std::string output;  // what it wrote on stdout and stderr (at most 4 KiB), for the log
};

struct SendmailOptions {
  std::filesystem::path program;  // config: sendmail, an absolute path
  std::string envelope_from;      // config: mail-from (-f)
  std::chrono::milliseconds timeout{30'000};
};

// Runs the program for `recipient` (a valid address: the caller composed the message) and writes
// `message` to it. Never throws for the program's failures: they are in the result.
SendResult run_sendmail(const SendmailOptions& options, std::string_view recipient, std::string_view message);

}  // namespace portald::mail
