#pragma once
// TEST-ONLY fault injection, so tests can prove that the watchdog gate stops the pings. The routes exist
// only in builds with the PORTALD_TEST_ROUTES CMake option (never the package), and even there only when
// the environment has PORTALD_TEST_FAULTS=1; then the daemon logs a warning at start and the route
// table (web/routes.cpp) adds:
//   GET /__test/wedge-worker   blocks the HTTP worker that handles it
//   GET /__test/wedge-writer   holds a store write transaction open on a thread of its own
//   GET /__test/hold-search-slot?ms=N   holds one slot of the search admission gate for N ms (at most
//                              10 s) on a thread of its own, as a long query would
// They hold until release_test_faults() (called when the daemon stops) or for at most 10 minutes.
#include <chrono>
#include <functional>

#include "daemon/health/liveness.hpp"
#include "daemon/store/store.hpp"

namespace portald::health {

bool test_faults_enabled();
// Blocks the calling thread until released.
void wedge_this_thread();
// Starts a thread that opens a write transaction inside a `store_writers` scope (the daemon's
// Monitor::liveness.store_writers()) and holds it until released; returns once the transaction is open.
void wedge_writer(const store::Store& store, BusyTracker& store_writers);
// Runs hold(wait) on a thread of its own and returns at once; wait() blocks until `limit` has passed or
// release_test_faults(). The thread is joined by release_test_faults().
void start_held_thread(std::chrono::milliseconds limit, std::function<void(const std::function<void()>& wait)> hold);
// Ends every wedge and joins the wedged writers; call before the store closes. Idempotent.
void release_test_faults();

}  // namespace portald::health
