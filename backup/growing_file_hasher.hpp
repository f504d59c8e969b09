#pragma once
// Hashes a file while another thread appends to it: an unencrypted snapshot is written by LMDB's copy
// straight into the target file (no pipe: on small machines moving every byte through a pipe costs as
// much CPU as hashing it), and this reads each new stretch back from the page cache soon after it was
// written, with a WritebackWindow behind what it has hashed.
//
// The writer must only append (LMDB's compacting copy writes its file front to back, never seeking).
#include <cstdint>
#include <filesystem>
#include <vector>

#include "backup/sodium.hpp"
#include "backup/writeback.hpp"

namespace portald::backup {

class GrowingFileHasher {
 public:
  GrowingFileHasher(int fd, std::filesystem::path name);  // the fd must stay open while this lives

  // Hashes what has been appended since the last call, at most `limit` bytes (so the caller gets
  // control back often); returns how many bytes that was.
  std::uint64_t catch_up(std::uint64_t limit = UINT64_MAX);
  std::uint64_t bytes() const { return hashed_; }
  // Once the writer has finished: hashes the rest, fsyncs the file, drops it from the cache.
  Digest finish();

 private:
  int fd_;
  std::filesystem::path name_;
  Blake2b hash_;
  std::vector<unsigned char> buf_;
  std::uint64_t hashed_ = 0;
  WritebackWindow writeback_;
};

}  // namespace portald::backup
