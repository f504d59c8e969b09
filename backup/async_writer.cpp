#include "backup/async_writer.hpp"

#include <fcntl.h>

namespace portald::backup {
namespace {

constexpr std::size_t kBufferBytes = std::size_t(1) << 20;
constexpr std::size_t kQueueDepth = 8;
constexpr std::uint64_t kWritebackWindow = std::uint64_t(16) << 20;

}  // namespace

AsyncWriter::AsyncWriter(Fd file, std::filesystem::path name, Blake2b* hash)
    : file_(std::move(file)), name_(std::move(name)), hash_(hash) {
  current_.reserve(kBufferBytes);
  thread_ = std::thread([this] { run(); });
}

AsyncWriter::~AsyncWriter() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AsyncWriter::rethrow_locked() {
  if (error_) std::rethrow_exception(error_);
}

void AsyncWriter::write(const unsigned char* data, std::size_t size) {
  queued_ += size;
  while (size > 0) {
    const std::size_t take = std::min(size, kBufferBytes - current_.size());
    current_.insert(current_.end(), data, data + take);
    data += take;
    size -= take;
    if (current_.size() == kBufferBytes) hand_over();
  }
}

void AsyncWriter::hand_over() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() + in_flight_ < kQueueDepth || error_; });
  rethrow_locked();
  queue_.push_back(std::move(current_));
  if (!spare_.empty()) {
    current_ = std::move(spare_.front());
    spare_.pop_front();
  } else {
    current_ = Buffer();
  }
  current_.clear();
  current_.reserve(kBufferBytes);
  lock.unlock();
  changed_.notify_all();
}

void AsyncWriter::finish() {
  if (!current_.empty()) hand_over();
  {
    std::unique_lock lock(mutex_);
    closing_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return (queue_.empty() && in_flight_ == 0) || error_; });
    rethrow_locked();
  }
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  sync_file(file_.get(), name_);
  ::posix_fadvise(file_.get(), 0, 0, POSIX_FADV_DONTNEED);
}

void AsyncWriter::run() {
  for (;;) {
    Buffer b;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;  // closing with nothing left
      b = std::move(queue_.front());
      queue_.pop_front();
      ++in_flight_;
    }
    try {
      write_out(b);
    } catch (...) {
      const std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      --in_flight_;
      queue_.clear();
      changed_.notify_all();
      return;
    }
    {
      const std::lock_guard lock(mutex_);
      --in_flight_;
      if (spare_.size() < kQueueDepth) spare_.push_back(std::move(b));
    }
    changed_.notify_all();
  }
}

void AsyncWriter::write_out(const Buffer& b) {
  if (hash_) hash_->update(b.data(), b.size());
  write_all(file_.get(), b.data(), b.size(), name_);
  written_ += b.size();
  if (written_ - window_start_ < kWritebackWindow) return;
  // Best effort (the fsync in finish() is what makes the file durable): errors are ignored here.
  const int fd = file_.get();
  ::sync_file_range(fd, static_cast<off_t>(window_start_), static_cast<off_t>(written_ - window_start_),
                    SYNC_FILE_RANGE_WRITE);
  if (window_start_ > 0) {
    const auto prev = static_cast<off_t>(previous_start_), len = static_cast<off_t>(window_start_ - previous_start_);
    ::sync_file_range(fd, prev, len, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    ::posix_fadvise(fd, prev, len, POSIX_FADV_DONTNEED);
  }
  previous_start_ = window_start_;
  window_start_ = written_;
}

}  // namespace portald::backup
