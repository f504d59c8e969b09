#pragma once
// How one index directory is split into shards, so a rebuild writes with one Xapian writer per core:
//
//   index-7/iamglass ...     one shard: the glass files directly in the directory (every index before
//                            shards, and search-shards = 1)
//   index-7/XAPIANDB         several: a Xapian stub "glass shard-0\nglass shard-1\n", so
//   index-7/shard-0/ ...     Xapian::Database("index-7") searches them all as one database
//
// Every item lives in one shard, chosen from its kind and id, so a later change replaces it where it
// is. Shard 0 also keeps the index's metadata: a multi-database reads metadata from its first shard
// only (the spelling dictionary, by contrast, is merged from every shard).
#include <cstdint>
#include <filesystem>
#include <vector>

#include "search/schema.hpp"

namespace portald::search {

inline constexpr unsigned kMaxShards = 64;

// The shard directories of the index in `dir`: {dir} for one shard, dir/shard-K for several; empty when
// the directory holds no index yet. Throws std::runtime_error for a stub this layout did not write.
std::vector<std::filesystem::path> shard_dirs(const std::filesystem::path& dir);

// The directories a new index of `shards` shards uses: {dir} for one, dir/shard-0 .. for several.
std::vector<std::filesystem::path> planned_shard_dirs(const std::filesystem::path& dir, unsigned shards);

// Names the shards in dir/XAPIANDB (written beside and renamed over it); for one shard removes the stub
// instead. Call once every shard exists. Throws std::system_error.
void write_shard_stub(const std::filesystem::path& dir, unsigned shards);

// The shards a new index gets for the configured search-shards: 0 means one per core, and at most
// kMaxShards.
unsigned shard_count(unsigned configured);

// The shard that holds item (kind, id) in an index of `shards` shards.
unsigned shard_of(ItemKind kind, std::uint64_t id, unsigned shards);

}  // namespace portald::search
