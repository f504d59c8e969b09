#include "backup/async_writer.hpp"

#include <fcntl.h>

namespace portald::backup {
namespace {

constexpr std::size_t kBufferBytes = std::size_t(1) << 20;
constexpr std::size_t kQueueDepth = 8;

}  // namespace

AsyncWriter::AsyncWriter(Fd file, std::filesystem::path name, Blake2b* hash)
    : file_(std::move(file)), name_(std::move(name)), hash_(hash), writeback_(file_.get()) {
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
  writeback_.written(written_);
}

}  // namespace portald::backup
