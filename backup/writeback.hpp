#pragma once
// Keeps a file being written sequentially from piling up dirty pages: every 16 MiB it starts writeback
// of the newest window, waits for the window before it and drops that from the page cache. The final
// fsync is then short, and a multi-GB snapshot does not push the daemon's working set out of the cache.
// Best effort: errors are ignored here (the caller's fsync is what makes the file durable).
#include <cstdint>

namespace portald::backup {

class WritebackWindow {
 public:
  explicit WritebackWindow(int fd) : fd_(fd) {}
  // The file now holds `end` bytes written in order.
  void written(std::uint64_t end);

 private:
  int fd_;
  std::uint64_t window_start_ = 0, previous_start_ = 0;
};

}  // namespace portald::backup
