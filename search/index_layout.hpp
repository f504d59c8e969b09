#pragma once
// Where the live index is inside the index directory, and the atomic switch to a rebuilt one.
//
//   search/XAPIANDB        "auto index-7": a Xapian stub, so Xapian::Database("search") opens the live one
//   search/index-7/        the live index
//   search/index-8/        a rebuild in progress (or a leftover of an interrupted one)
//   search/rebuild.lock    flock(2): one rebuild at a time (portald's own or portaldctl reindex)
//
// A rebuild writes a fresh sibling directory and switches with one rename(2) of the stub, so searches
// keep answering from the old index meanwhile. The layout of portald before issue 17 (the glass files
// directly in search/) is read in place; Xapian prefers it to the stub, so switching away from it also
// unlinks search/iamglass, and the rest of its files are removed with the retired index.
#include <filesystem>
#include <optional>
#include <vector>

namespace portald::search {

// The directory of the live index: root itself for the old layout, root/<stub target> for the new one;
// std::nullopt when there is no index yet (or the stub names a missing directory).
std::optional<std::filesystem::path> live_index(const std::filesystem::path& root);

// Creates and returns an empty, unused root/index-<N> (N above every existing one). Throws
// std::filesystem::filesystem_error.
std::filesystem::path fresh_index_dir(const std::filesystem::path& root);

// Makes `dir` (a child of root) the live index: writes the stub beside, renames it over XAPIANDB and
// fsyncs; leaves the old layout by unlinking root/iamglass. Throws std::system_error.
void switch_live_index(const std::filesystem::path& root, const std::filesystem::path& dir);

// Deletes a retired index: the directory, or for the old layout (dir == root) its files in root.
// Never the live one. Errors are ignored (a leftover is only disk space, removed at the next start).
void remove_index(const std::filesystem::path& root, const std::filesystem::path& dir);

// Deletes every index directory but the live one and those in `keep` (retired ones readers may still
// hold), and the old layout's files once it is not live (and not kept). Call only while holding the
// RebuildLock: another process may be building one.
void remove_leftovers(const std::filesystem::path& root, const std::vector<std::filesystem::path>& keep = {});

// flock(2) on root/rebuild.lock, released by the destructor (or the process's death).
class RebuildLock {
 public:
  // Does not block; held() says whether it was taken. Throws std::system_error when the file cannot be made.
  explicit RebuildLock(const std::filesystem::path& root);
  ~RebuildLock();
  RebuildLock(const RebuildLock&) = delete;
  RebuildLock& operator=(const RebuildLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace portald::search
