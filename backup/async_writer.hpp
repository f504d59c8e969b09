#pragma once
// Writes a stream of buffers to a file on its own thread, so the caller (hashing, encrypting) and the
// disk work at the same time, with a WritebackWindow behind it. At most 8 MiB wait in the queue. Given a hash, the
// writer thread also hashes every byte before writing it: a second core for the snapshot's costliest
// step, while the caller's thread keeps the copy flowing.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "backup/files.hpp"
#include "backup/sodium.hpp"
#include "backup/writeback.hpp"

namespace portald::backup {

class AsyncWriter {
 public:
  // `hash`, when given, must outlive the writer; read it only after finish().
  AsyncWriter(Fd file, std::filesystem::path name, Blake2b* hash = nullptr);
  AsyncWriter(const AsyncWriter&) = delete;
  AsyncWriter& operator=(const AsyncWriter&) = delete;
  ~AsyncWriter();  // stops the thread; the file is left as it is (the caller removes it on failure)

  // Appends bytes; may block while the queue is full. Throws the writer's BackupError (e.g. ENOSPC)
  // once it has failed.
  void write(const unsigned char* data, std::size_t size);
  // Writes what is left, waits, fsyncs. Throws BackupError.
  void finish();
  std::uint64_t bytes() const { return queued_; }

 private:
  using Buffer = std::vector<unsigned char>;
  void hand_over();
  void run();
  void write_out(const Buffer& b);
  void rethrow_locked();

  Fd file_;
  std::filesystem::path name_;
  Blake2b* hash_;
  Buffer current_;
  std::uint64_t queued_ = 0;
  std::uint64_t written_ = 0;  // writer thread only
  WritebackWindow writeback_;  // writer thread only
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Buffer> queue_, spare_;
  std::size_t in_flight_ = 0;  // taken from the queue, being written
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace portald::backup
