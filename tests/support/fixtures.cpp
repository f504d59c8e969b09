#include "tests/support/fixtures.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace portald::test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/portald-test.XXXXXX";
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  const auto p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::filesystem::path source_dir() { return PORTALD_TEST_SOURCE_DIR; }
std::filesystem::path shared_dir() { return PORTALD_TEST_SHARED_DIR; }

namespace {
std::filesystem::path from_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) throw std::runtime_error(std::string(name) + " is not set (run the tests through ctest)");
  return v;
}
}  // namespace

std::filesystem::path portald_binary() { return from_env("PORTALD_BIN"); }
std::filesystem::path portaldctl_binary() { return from_env("PORTALDCTL_BIN"); }

}  // namespace portald::test
