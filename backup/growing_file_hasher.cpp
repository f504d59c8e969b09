#include "backup/growing_file_hasher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "backup/files.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kBufferBytes = std::size_t(1) << 20;
constexpr std::uint64_t kWritebackWindow = std::uint64_t(16) << 20;

}  // namespace

GrowingFileHasher::GrowingFileHasher(int fd, std::filesystem::path name)
    : fd_(fd), name_(std::move(name)), buf_(kBufferBytes) {}

std::uint64_t GrowingFileHasher::catch_up(std::uint64_t limit) {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw_errno("cannot read " + name_.string(), errno);
  const std::uint64_t start = hashed_;
  const auto size = std::min(static_cast<std::uint64_t>(st.st_size), limit > UINT64_MAX - start ? UINT64_MAX : start + limit);
  while (hashed_ < size) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buf_.size(), size - hashed_));
    const ssize_t n = ::pread(fd_, buf_.data(), want, static_cast<off_t>(hashed_));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("cannot read back " + name_.string(), errno);
    if (n == 0) break;  // cannot happen for bytes below the size; stop rather than spin
    hash_.update(buf_.data(), static_cast<std::size_t>(n));
    hashed_ += static_cast<std::uint64_t>(n);
    if (hashed_ - window_start_ >= kWritebackWindow) write_back();
  }
  return hashed_ - start;
}

void GrowingFileHasher::write_back() {
  // Best effort (the fsync in finish() is what makes the file durable): errors are ignored here.
  ::sync_file_range(fd_, static_cast<off_t>(window_start_), static_cast<off_t>(hashed_ - window_start_),
                    SYNC_FILE_RANGE_WRITE);
  if (window_start_ > 0) {
    const auto prev = static_cast<off_t>(previous_start_), len = static_cast<off_t>(window_start_ - previous_start_);
    ::sync_file_range(fd_, prev, len, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    ::posix_fadvise(fd_, prev, len, POSIX_FADV_DONTNEED);
  }
  previous_start_ = window_start_;
  window_start_ = hashed_;
}

Digest GrowingFileHasher::finish() {
  catch_up();
  sync_file(fd_, name_);
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_DONTNEED);
  return hash_.final();
}

}  // namespace portald::backup
