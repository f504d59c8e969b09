#pragma once
// Shared by the backup tests: keys in a temporary directory, a store with every kind of content
// (media included), whole-store dumps to compare, byte-level file tampering, and tmpfs mounts for
// targets that are full or read-only.
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>

#include "backup/files.hpp"
#include "backup/keys.hpp"
#include "backup/lmdb_view.hpp"
#include "backup/snapshot.hpp"
#include "backup/verify.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/user_table.hpp"
#include "tests/support/fixtures.hpp"

namespace portald::test::backup_fixtures {

namespace fs = std::filesystem;
namespace bk = portald::backup;

// A key pair (and an encryption key) made by the code under test, in their own directory.
struct Keys {
  TempDir dir;
  bk::KeyFiles files{dir.path / "keys/snapshot.key", dir.path / "keys/snapshot.pub", dir.path / "keys/enc.key"};
  Keys() { bk::create_missing_keys(files, true); }
  bk::minisign::PublicKey public_key() const { return bk::load_public_key(files.public_key); }
};

// A marker that appears in the store's plaintext (to prove an encrypted file does not contain it).
inline constexpr const char* kMarker = "Đắk Nông: bản tin kiểm thử sao lưu";

// Articles, categories, agencies, settings, a user and documents with media attachments of
// `media_bytes` bytes each (pseudo-random, so they do not compress).
inline void fill_store(store::Store& s, int articles, int documents = 2, std::size_t media_bytes = 64 * 1024) {
  auto txn = s.write();
  const auto& t = s.tables();
  const auto category = store::ensure_category(txn, t, "Tin tức - Sự kiện");
  const auto agency = store::ensure_agency(txn, t, "Sở Thông tin và Truyền thông");
  for (int i = 0; i < articles; ++i) {
    model::Article a;
    a.title = std::string(kMarker) + " số " + std::to_string(i);
    a.slug = "ban-tin-" + std::to_string(i);
    a.body_html = "<p>Nội dung bài " + std::to_string(i) + "</p>";
    a.category_id = category;
    a.agency_id = agency;
    a.status = model::ArticleStatus::published;
    a.published_at = 1'700'000'000 + i;
    store::put_article(txn, t, a);
  }
  std::uint32_t seed = 12345;
  for (int d = 0; d < documents; ++d) {
    model::Media m;
    m.file_name = "van-ban-" + std::to_string(d) + ".pdf";
    m.content_type = "application/pdf";
    m.bytes.resize(media_bytes);
    for (char& c : m.bytes) c = static_cast<char>((seed = seed * 1103515245 + 12345) >> 16);
    const auto media_id = store::add_media(txn, t, m);
    model::LegalDocument doc;
    doc.number = std::to_string(100 + d) + "/QĐ-UBND";
    doc.type = "Quyết định";
    doc.issuer = "Ủy ban nhân dân tỉnh";
    doc.issued_on = 19000 + d;
    doc.abstract_text = "Về việc sao lưu dữ liệu cổng thông tin";
    doc.attachments.push_back({media_id, m.file_name, m.content_type, m.bytes.size()});
    store::put_document(txn, t, doc);
  }
  model::SiteSettings settings;
  settings.portal_name = "Cổng thông tin điện tử tỉnh";
  store::put_site_settings(txn, t, settings);
  model::User u;
  u.username = "quantri";
  u.display_name = "Quản trị";
  u.role = model::Role::operator_;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  store::put_user(txn, t, u);
  txn.commit();
}

// Every record of every table, for "identical content" checks.
using Dump = std::map<std::string, std::map<std::string, std::string>>;

inline Dump dump_env(MDB_env* env) {
  Dump out;
  const bk::ViewTxn txn(env);
  for (const auto& name : bk::table_names(txn.get())) {
    const auto dbi = bk::open_table(txn.get(), name);
    if (!dbi) continue;
    auto& table = out[name];
    MDB_cursor* cur = nullptr;
    mdb_cursor_open(txn.get(), *dbi, &cur);
    MDB_val k{}, v{};
    for (int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == MDB_SUCCESS; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT))
      table.emplace(std::string(static_cast<const char*>(k.mv_data), k.mv_size),
                    std::string(static_cast<const char*>(v.mv_data), v.mv_size));
    mdb_cursor_close(cur);
  }
  return out;
}

// Opens the store of a data dir (not open elsewhere in this process) and dumps it.
inline Dump dump_data_dir(const fs::path& data_dir) {
  store::Store s(data_dir, {.map_size = std::size_t(256) << 20, .create = false});
  return dump_env(s.env().get());
}

inline std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

inline void flip_byte(const fs::path& p, std::size_t offset) {
  std::string b = read_bytes(p);
  b.at(offset) = static_cast<char>(b.at(offset) ^ 0x01);
  write_bytes(p, b);
}

// A copy of a snapshot directory to tamper with.
inline fs::path copy_snapshot(const fs::path& snapshot, const fs::path& where) {
  const auto dest = where / snapshot.filename();
  fs::create_directories(where);
  fs::copy(snapshot, dest, fs::copy_options::recursive);
  return dest;
}

inline bk::SnapshotOptions options(const fs::path& target, const fs::path& data_dir, const Keys& keys,
                                   bool encrypt = false) {
  return {.target = target, .data_dir = data_dir, .keys = keys.files, .encrypt = encrypt, .create_missing_keys = false};
}

// A small tmpfs mounted for one test (as root); std::nullopt with the reason when mounting is not
// allowed (an unprivileged CI sandbox), so the caller can skip with that reason in the log.
class TmpfsMount {
 public:
  static std::optional<TmpfsMount> make(const fs::path& dir, const std::string& options, std::string* why) {
    fs::create_directories(dir);
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      *why = "cannot mount a tmpfs at " + dir.string() + " (" + std::strerror(errno) + ")";
      return std::nullopt;
    }
    return TmpfsMount(dir);
  }
  TmpfsMount(TmpfsMount&& o) noexcept : dir_(std::exchange(o.dir_, fs::path())) {}
  TmpfsMount& operator=(TmpfsMount&&) = delete;
  ~TmpfsMount() {
    if (!dir_.empty()) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  void remount_read_only() { ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr); }
  const fs::path& path() const { return dir_; }

 private:
  explicit TmpfsMount(fs::path dir) : dir_(std::move(dir)) {}
  fs::path dir_;
};

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace portald::test::backup_fixtures
