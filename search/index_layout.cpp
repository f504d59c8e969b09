#include "search/index_layout.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace portald::search {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kOldLayoutMark = "iamglass";
constexpr const char* kLockFile = "rebuild.lock";
constexpr std::string_view kDirPrefix = "index-";

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// N of "index-N", or std::nullopt for any other name.
std::optional<unsigned long> serial_of(const std::string& name) {
  if (!name.starts_with(kDirPrefix) || name.size() == kDirPrefix.size()) return std::nullopt;
  unsigned long n = 0;
  const char* begin = name.data() + kDirPrefix.size();
  const auto [end, ec] = std::from_chars(begin, name.data() + name.size(), n);
  if (ec != std::errc() || end != name.data() + name.size()) return std::nullopt;
  return n;
}

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

void fsync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_errno("cannot open " + dir.string());
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw_errno("cannot fsync " + dir.string());
}

// The old layout's files (and stray stub temporaries): every regular file in root but ours.
void remove_root_files(const fs::path& root) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name == kStub || name == kLockFile) continue;
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  for (const auto& f : files) fs::remove(f, ec);
}

}  // namespace

std::optional<fs::path> live_index(const fs::path& root) {
  if (present(root / kOldLayoutMark)) return root;
  std::ifstream in(root / kStub);
  std::string type, name;
  if (!(in >> type >> name) || type != "auto" || !serial_of(name)) return std::nullopt;
  std::error_code ec;
  if (!fs::is_directory(root / name, ec)) return std::nullopt;
  return root / name;
}

fs::path fresh_index_dir(const fs::path& root) {
  fs::create_directories(root);
  unsigned long top = 0;
  for (const auto& e : fs::directory_iterator(root))
    if (const auto n = serial_of(e.path().filename().string())) top = std::max(top, *n);
  for (unsigned long n = top + 1;; ++n) {
    const fs::path dir = root / (std::string(kDirPrefix) + std::to_string(n));
    if (::mkdir(dir.c_str(), 0750) == 0) return dir;
    if (errno != EEXIST)
      throw fs::filesystem_error("cannot create", dir, std::error_code(errno, std::generic_category()));
  }
}

void switch_live_index(const fs::path& root, const fs::path& dir) {
  const fs::path tmp = root / (std::string(kStub) + ".tmp-" + std::to_string(::getpid()));
  const std::string text = "auto " + dir.filename().string() + "\n";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) throw_errno("cannot create " + tmp.string());
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw_errno("cannot write " + tmp.string());
  if (::rename(tmp.c_str(), (root / kStub).c_str()) != 0) throw_errno("cannot rename " + tmp.string());
  // Xapian opens a directory's own glass files before its stub: leave the old layout with one unlink.
  if (::unlink((root / kOldLayoutMark).c_str()) != 0 && errno != ENOENT) throw_errno("cannot leave the old layout");
  fsync_dir(root);
}

void remove_index(const fs::path& root, const fs::path& dir) {
  if (live_index(root) == dir) return;
  std::error_code ec;
  if (dir == root) return remove_root_files(root);
  fs::remove_all(dir, ec);
}

void remove_leftovers(const fs::path& root, const std::vector<fs::path>& keep) {
  const auto live = live_index(root);
  const auto kept = [&](const fs::path& p) {
    return p == live || std::find(keep.begin(), keep.end(), p) != keep.end();
  };
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (serial_of(it->path().filename().string()) && !kept(it->path())) dirs.push_back(it->path());
  for (const auto& d : dirs) fs::remove_all(d, ec);
  if (!kept(root)) remove_root_files(root);
}

RebuildLock::RebuildLock(const fs::path& root) {
  fs::create_directories(root);
  const fs::path file = root / kLockFile;
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) throw_errno("cannot open " + file.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int e = errno;
    ::close(fd_);
    fd_ = -1;
    if (e != EWOULDBLOCK) throw std::system_error(e, std::generic_category(), "cannot lock " + file.string());
  }
}

RebuildLock::~RebuildLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace portald::search
