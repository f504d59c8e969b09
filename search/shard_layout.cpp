#include "search/shard_layout.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>

namespace portald::search {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kGlassMark = "iamglass";

std::string shard_name(unsigned k) { return "shard-" + std::to_string(k); }

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

}  // namespace

std::vector<fs::path> shard_dirs(const fs::path& dir) {
  // Xapian itself prefers a directory's own glass files to its stub: so do we.
  if (present(dir / kGlassMark)) return {dir};
  std::ifstream in(dir / kStub);
  if (!in) return {};
  std::vector<fs::path> out;
  std::string type, name;
  while (in >> type >> name) {
    if (type != "glass" || name != shard_name(static_cast<unsigned>(out.size())) || out.size() >= kMaxShards)
      throw std::runtime_error("the search index stub " + (dir / kStub).string() + " names '" + type + " " + name +
                               "', not the shards portald writes");
    out.push_back(dir / name);
  }
  if (out.empty()) throw std::runtime_error("the search index stub " + (dir / kStub).string() + " names no shard");
  return out;
}

std::vector<fs::path> planned_shard_dirs(const fs::path& dir, unsigned shards) {
  if (shards <= 1) return {dir};
  std::vector<fs::path> out;
  for (unsigned k = 0; k < shards; ++k) out.push_back(dir / shard_name(k));
  return out;
}

void write_shard_stub(const fs::path& dir, unsigned shards) {
  const fs::path stub = dir / kStub;
  if (shards <= 1) {
    if (::unlink(stub.c_str()) != 0 && errno != ENOENT)
      throw std::system_error(errno, std::generic_category(), "cannot remove " + stub.string());
    return;
  }
  std::string text;
  for (unsigned k = 0; k < shards; ++k) text += "glass " + shard_name(k) + "\n";
  const fs::path tmp = dir / (std::string(kStub) + ".tmp");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + tmp.string());
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  const int e = errno;
  ::close(fd);
  if (!written) throw std::system_error(e, std::generic_category(), "cannot write " + tmp.string());
  if (::rename(tmp.c_str(), stub.c_str()) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot rename " + tmp.string());
}

unsigned shard_count(unsigned configured) {
  const unsigned n = configured ? configured : std::max(1u, std::thread::hardware_concurrency());
  return std::min(n, kMaxShards);
}

unsigned shard_of(ItemKind kind, std::uint64_t id, unsigned shards) {
  if (shards <= 1) return 0;
  // Ids are dense per kind: consecutive ones go round the shards, which keeps them even.
  return static_cast<unsigned>((id + static_cast<unsigned char>(kind)) % shards);
}

}  // namespace portald::search
