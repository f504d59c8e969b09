#pragma once
// Reads a file front to back on its own thread into a few 1 MiB buffers, so the caller's thread spends
// its time hashing and decrypting. Reads bypass the page cache (O_DIRECT) where the file system allows
// it: filling the cache costs as much CPU as hashing on small machines, the bytes are read once, and a
// verify of a multi-GB snapshot must not push the daemon's working set out of the cache. Given a hash,
// the reader thread also hashes every byte it reads (the stored file's hash, while the caller decrypts).
// At most 8 MiB wait in the queue.
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "backup/files.hpp"
#include "backup/sodium.hpp"

namespace portald::backup {

class AsyncReader {
 public:
  // A page-aligned buffer (what O_DIRECT needs) and how much of it holds data.
  class Buffer {
   public:
    const unsigned char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }

   private:
    friend class AsyncReader;
    struct Free {
      void operator()(unsigned char* p) const { std::free(p); }
    };
    std::unique_ptr<unsigned char, Free> bytes_;
    std::size_t size_ = 0;
  };

  // Opens `file` itself (read-only). `hash`, when given, must outlive the reader and is complete once
  // next() has returned false. Throws BackupError when the file cannot be opened.
  AsyncReader(const std::filesystem::path& file, Blake2b* hash = nullptr);
  AsyncReader(const AsyncReader&) = delete;
  AsyncReader& operator=(const AsyncReader&) = delete;
  ~AsyncReader();

  // The next stretch of the file, or false at its end. Throws the reader's BackupError. `buffer`'s
  // previous contents go back to the reader for reuse.
  bool next(Buffer& buffer);

 private:
  void run();
  std::size_t fill(Buffer& b);

  Fd fd_;
  bool direct_ = false;
  std::filesystem::path name_;
  Blake2b* hash_;
  std::uint64_t offset_ = 0;  // reader thread only
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Buffer> full_, spare_;
  bool done_ = false, closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace portald::backup
