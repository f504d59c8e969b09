// The single Boost.Test main shared by the unit and integration runners.
#define BOOST_TEST_MODULE portald
#include <boost/test/unit_test.hpp>
