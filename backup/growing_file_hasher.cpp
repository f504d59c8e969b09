#include "backup/growing_file_hasher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "backup/files.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kBufferBytes = std::size_t(1) << 20;

}  // namespace

GrowingFileHasher::GrowingFileHasher(int fd, std::filesystem::path name)
    : fd_(fd), name_(std::move(name)), buf_(kBufferBytes), writeback_(fd) {}

std::uint64_t GrowingFileHasher::catch_up(std::uint64_t limit) {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw_errno("cannot read " + name_.string(), errno);
  const std::uint64_t start = hashed_;
  const auto size =
      std::min(static_cast<std::uint64_t>(st.st_size), limit > UINT64_MAX - start ? UINT64_MAX : start + limit);
  while (hashed_ < size) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buf_.size(), size - hashed_));
    const ssize_t n = ::pread(fd_, buf_.data(), want, static_cast<off_t>(hashed_));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("cannot read back " + name_.string(), errno);
    if (n == 0) break;  // cannot happen for bytes below the size; stop rather than spin
    hash_.update(buf_.data(), static_cast<std::size_t>(n));
    hashed_ += static_cast<std::uint64_t>(n);
    writeback_.written(hashed_);
  }
  return hashed_ - start;
}

Digest GrowingFileHasher::finish() {
  catch_up();
  sync_file(fd_, name_);
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_DONTNEED);
  return hash_.final();
}

}  // namespace portald::backup
