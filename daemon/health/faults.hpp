#pragma once
// TEST-ONLY fault injection, so tests can prove that the watchdog gate stops the pings. The routes exist
// only in builds with the PORTALD_TEST_ROUTES CMake option (never the package), and even there only when
// the environment has PORTALD_TEST_FAULTS=1; then the daemon logs a warning at start and the route
// table (web/routes.cpp) adds:
//   GET /__test/wedge-worker   blocks the HTTP worker that handles it
//   GET /__test/wedge-writer   holds a store write transaction open on a thread of its own
// Both hold until release_test_faults() (called when the daemon stops) or for at most 10 minutes.
#include "daemon/health/liveness.hpp"
#include "daemon/store/store.hpp"

namespace portald::health {

bool test_faults_enabled();
// Blocks the calling thread until released.
void wedge_this_thread();
// Starts a thread that opens a write transaction inside a `store_writers` scope (the daemon's
// Monitor::liveness.store_writers()) and holds it until released; returns once the transaction is open.
void wedge_writer(const store::Store& store, BusyTracker& store_writers);
// Ends every wedge and joins the wedged writers; call before the store closes. Idempotent.
void release_test_faults();

}  // namespace portald::health
