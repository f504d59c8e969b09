#pragma once
// Plain-struct fixtures shared by the tests: real temporary directories and real LMDB stores.
#include <filesystem>
#include <string>

#include "daemon/store/store.hpp"

namespace portald::test {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

// A TempDir holding an initialised store (a small map so tests stay light).
struct TempStore {
  TempDir dir;
  store::Store store{dir.path, {.map_size = std::size_t(256) << 20, .create = true}};
};

// Writes text to dir/name and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, const std::string& text);
// The repository's root and the read-only shared/ folder beside it.
std::filesystem::path source_dir();
std::filesystem::path shared_dir();
// Paths of the built binaries (from the environment ctest sets).
std::filesystem::path portald_binary();
std::filesystem::path portaldctl_binary();

}  // namespace portald::test
