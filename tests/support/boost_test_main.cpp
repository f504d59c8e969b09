// The single Boost.Test main shared by the unit and integration runners.
#define BOOST_TEST_MODULE portald
#include <boost/test/unit_test.hpp>

#include <signal.h>

namespace {

// As in portaldctl's main: tests that take encrypted snapshots in process need a failed pipe write
// to end with EPIPE (backup/snapshot.hpp).
struct IgnoreSigpipe {
  IgnoreSigpipe() { ::signal(SIGPIPE, SIG_IGN); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(IgnoreSigpipe);
