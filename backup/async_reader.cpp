#include "backup/async_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <new>

namespace portald::backup {
namespace {

constexpr std::size_t kBufferBytes = std::size_t(1) << 20;
constexpr std::size_t kAlignment = 4096;
constexpr std::size_t kQueueDepth = 8;

}  // namespace

AsyncReader::AsyncReader(const std::filesystem::path& file, Blake2b* hash) : name_(file), hash_(hash) {
  const int direct = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECT);
  if (direct >= 0) {
    fd_ = Fd(direct);
    direct_ = true;
  } else {
    fd_ = open_file(file, O_RDONLY);  // no O_DIRECT on this file system (tmpfs, some FUSE mounts)
    ::posix_fadvise(fd_.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  thread_ = std::thread([this] { run(); });
}

AsyncReader::~AsyncReader() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool AsyncReader::next(Buffer& buffer) {
  std::unique_lock lock(mutex_);
  if (buffer.bytes_ && spare_.size() < kQueueDepth) spare_.push_back(std::move(buffer));
  changed_.notify_all();
  changed_.wait(lock, [this] { return !full_.empty() || done_ || error_; });
  if (!full_.empty()) {
    buffer = std::move(full_.front());
    full_.pop_front();
    changed_.notify_all();
    return true;
  }
  if (error_) std::rethrow_exception(error_);
  return false;
}

// Reads up to a whole buffer at offset_; fewer bytes only at the end of the file.
std::size_t AsyncReader::fill(Buffer& b) {
  std::size_t n = 0;
  while (n < kBufferBytes) {
    const ssize_t got = ::pread(fd_.get(), b.bytes_.get() + n, kBufferBytes - n, static_cast<off_t>(offset_ + n));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && errno == EINVAL && direct_) {
      // The file system refused this direct read (alignment rules vary): carry on through the cache.
      ::fcntl(fd_.get(), F_SETFL, ::fcntl(fd_.get(), F_GETFL) & ~O_DIRECT);
      direct_ = false;
      continue;
    }
    if (got < 0) throw_errno("cannot read " + name_.string(), errno);
    if (got == 0) break;
    n += static_cast<std::size_t>(got);
    // A short direct read ends on an unaligned offset, where the next one would fail: go buffered.
    if (direct_ && n < kBufferBytes && n % kAlignment != 0) {
      ::fcntl(fd_.get(), F_SETFL, ::fcntl(fd_.get(), F_GETFL) & ~O_DIRECT);
      direct_ = false;
    }
  }
  return n;
}

void AsyncReader::run() {
  for (;;) {
    Buffer b;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return full_.size() < kQueueDepth || closing_; });
      if (closing_) return;
      if (!spare_.empty()) {
        b = std::move(spare_.front());
        spare_.pop_front();
      }
    }
    std::size_t n = 0;
    try {
      if (!b.bytes_) {
        void* p = std::aligned_alloc(kAlignment, kBufferBytes);
        if (!p) throw std::bad_alloc();
        b.bytes_.reset(static_cast<unsigned char*>(p));
      }
      n = fill(b);
    } catch (...) {
      const std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      changed_.notify_all();
      return;
    }
    b.size_ = n;
    offset_ += n;
    if (hash_) hash_->update(b.data(), n);
    const std::lock_guard lock(mutex_);
    if (n > 0) full_.push_back(std::move(b));
    if (n < kBufferBytes) done_ = true;
    changed_.notify_all();
    if (done_) return;
  }
}

}  // namespace portald::backup
