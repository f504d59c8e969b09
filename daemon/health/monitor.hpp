#pragma once
// The daemon's health state in one object: run_daemon owns it (before everything that reports into it)
// and hands it to what reports or reads, through the web Context (request accounting, /metrics, /healthz,
// the status page, the test fault routes), to the slow checks and to the indexer's and the main loop's
// reports. Nothing here is process-wide, so each test builds its own.
#include "daemon/health/hooks.hpp"
#include "daemon/health/liveness.hpp"
#include "daemon/health/metrics.hpp"
#include "daemon/health/report.hpp"

namespace portald::health {

struct Monitor {
  Registry metrics;      // what /metrics shows
  Liveness liveness;     // work in progress and loop heartbeats, for the watchdog gate
  Hooks hooks{metrics};  // what subsystems report: index lag, snapshot, sessions, disks to watch
  LatestReport checks;   // the slow checks' newest report
};

}  // namespace portald::health
