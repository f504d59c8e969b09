#pragma once
// The daemon's subsystems in start order (config, store, templates, web listener, READY), torn down
// in reverse. run() blocks until SIGTERM/SIGINT and returns the process exit status.
#include "daemon/config/config.hpp"

namespace portald {

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread; call first in main() so every thread
// started later inherits the mask and only the main loop receives them.
void block_shutdown_signals();

// Runs the daemon; returns 0 after a graceful stop, 1 when start-up failed (logged as one
// startup.failed line) or the running daemon failed after READY=1 (one daemon.failed line).
int run_daemon(const config::Config& config);

}  // namespace portald
