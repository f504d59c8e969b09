#include "backup/writeback.hpp"

#include <fcntl.h>

namespace portald::backup {
namespace {

constexpr std::uint64_t kWindow = std::uint64_t(16) << 20;

}  // namespace

void WritebackWindow::written(std::uint64_t end) {
  if (end - window_start_ < kWindow) return;
  ::sync_file_range(fd_, static_cast<off_t>(window_start_), static_cast<off_t>(end - window_start_),
                    SYNC_FILE_RANGE_WRITE);
  if (window_start_ > 0) {
    const auto prev = static_cast<off_t>(previous_start_), len = static_cast<off_t>(window_start_ - previous_start_);
    ::sync_file_range(fd_, prev, len, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    ::posix_fadvise(fd_, prev, len, POSIX_FADV_DONTNEED);
  }
  previous_start_ = window_start_;
  window_start_ = end;
}

}  // namespace portald::backup
