#include "backup/verify.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "backup/async_reader.hpp"
#include "backup/files.hpp"
#include "backup/snapshot.hpp"

namespace portald::backup {
namespace {

constexpr std::size_t kSignatureMax = 16 * 1024;
constexpr std::size_t kIoBuffer = std::size_t(1) << 20;

std::string name_of(const std::filesystem::path& dir) {
  const auto name = dir.filename().string();
  return name.empty() ? dir.string() : name;
}

[[noreturn]] void refuse(const std::filesystem::path& dir, const std::string& why) {
  throw BackupError(name_of(dir) + ": " + why);
}

// A required file of the snapshot, read whole; the message says which one is missing and why that matters.
std::string read_required(const std::filesystem::path& dir, const std::string& file, std::size_t max,
                          const char* missing_means) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / file, ec)) refuse(dir, file + " is missing" + missing_means);
  try {
    return read_small_file(dir / file, max);
  } catch (const BackupError& e) {
    refuse(dir, e.what());
  }
}

minisign::Signature read_signature(const std::filesystem::path& dir, const std::string& file) {
  const std::string text = read_required(dir, file + std::string(kSignatureSuffix), kSignatureMax,
                                         ": it is not signed, so it cannot be trusted");
  std::string error;
  auto sig = minisign::parse_signature(text, &error);
  if (!sig) refuse(dir, file + std::string(kSignatureSuffix) + ": " + error);
  return *sig;
}

// A note naming the key of the .pub that travels with the snapshot, when it differs from the trusted one.
std::string own_key_hint(const std::filesystem::path& dir, const minisign::PublicKey& trusted) {
  try {
    const auto text = read_small_file(dir / kPublicKeyFile, 4096);
    const auto own = minisign::parse_public_key(text, nullptr);
    if (own && own->key_id != trusted.key_id)
      return " (the snapshot's own " + std::string(kPublicKeyFile) + " has key ID " +
             minisign::key_id_text(own->key_id) + ": a snapshot of another installation, or the keys were replaced)";
  } catch (const BackupError&) {
  }
  return "";
}

void expect_field(const std::filesystem::path& dir, const minisign::Signature& sig, const std::string& sig_file,
                  const char* field, const std::string& expected, const std::string& mismatch) {
  const auto value = minisign::comment_field(sig.trusted_comment, field);
  if (!value || *value != expected) refuse(dir, sig_file + " " + mismatch);
}

// Where the plaintext store goes (fd < 0: nowhere), hashed on the way when it differs from the stored
// file (encrypted snapshots); a plain snapshot's bytes are hashed once, as the stored file.
class PlainWriter {
 public:
  PlainWriter(int fd, std::filesystem::path name, bool hash) : fd_(fd), name_(std::move(name)), hashing_(hash) {
    buf_.reserve(kIoBuffer);
  }
  void push(const unsigned char* data, std::size_t size) {
    if (hashing_) hash_.update(data, size);
    size_ += size;
    if (fd_ < 0) return;
    buf_.insert(buf_.end(), data, data + size);
    if (buf_.size() >= kIoBuffer) flush();
  }
  void flush() {
    if (fd_ >= 0) write_all(fd_, buf_.data(), buf_.size(), name_);
    buf_.clear();
  }
  Digest digest() { return hash_.final(); }
  std::uint64_t size() const { return size_; }

 private:
  int fd_;
  std::filesystem::path name_;
  std::vector<unsigned char> buf_;
  bool hashing_;
  Blake2b hash_;
  std::uint64_t size_ = 0;
};

}  // namespace

SignedManifest check_signed_manifest(const std::filesystem::path& dir, const minisign::PublicKey& key) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw BackupError("no snapshot at " + dir.string());
  const std::string manifest_name(kManifestFile);
  const std::string manifest_sig_name = manifest_name + std::string(kSignatureSuffix);
  const std::string text = read_required(dir, manifest_name, kManifestMaxBytes, " (an incomplete copy?)");
  const auto msig = read_signature(dir, manifest_name);
  if (auto e = minisign::verify(key, msig, blake2b(text)))
    refuse(dir, manifest_name + ": " + *e +
                    (msig.key_id != key.key_id ? own_key_hint(dir, key) : " (it was modified or damaged)"));
  std::string error;
  auto manifest = parse_manifest(text, &error);
  if (!manifest) refuse(dir, error);
  const Manifest& m = *manifest;
  expect_field(dir, msig, manifest_sig_name, "snapshot", m.snapshot, "names another snapshot than its manifest");
  expect_field(dir, msig, manifest_sig_name, "file", manifest_name, "is not the signature of a manifest");
  expect_field(dir, msig, manifest_sig_name, "data_b2b", to_hex(m.file_blake2b), "does not match the manifest");
  if (m.signing_key_id != minisign::key_id_text(key.key_id))
    refuse(dir, "the manifest names signing key " + m.signing_key_id + ", not the trusted key");

  // The data file's signature must name this very manifest: a manifest (with its signature) taken from
  // another snapshot is refused here, before any data is read.
  auto dsig = read_signature(dir, m.file_name);
  const std::string data_sig_name = m.file_name + std::string(kSignatureSuffix);
  if (auto e = minisign::verify_comment(key, dsig))
    refuse(dir, data_sig_name + ": " + *e + (dsig.key_id != key.key_id ? own_key_hint(dir, key) : ""));
  const auto other = minisign::comment_field(dsig.trusted_comment, "snapshot").value_or("?");
  const auto bound = minisign::comment_field(dsig.trusted_comment, "manifest_b2b");
  if (other != m.snapshot || !bound || *bound != to_hex(blake2b(text)))
    refuse(dir, data_sig_name + " belongs to snapshot " + other + ", but manifest.json is " + m.snapshot +
                    (other == m.snapshot ? " with other content" : "") +
                    ": files of different snapshots were mixed; use a complete snapshot directory");
  expect_field(dir, dsig, data_sig_name, "file", m.file_name, "is not the signature of " + m.file_name);
  if (!std::filesystem::exists(dir / m.file_name, ec)) refuse(dir, m.file_name + " is missing");
  return SignedManifest{dir, std::move(*manifest), std::move(dsig)};
}

void check_data_file(const SignedManifest& s, const TrustedKeys& keys, int plain_out,
                     const std::filesystem::path& plain_out_name) {
  const Manifest& m = s.manifest;
  const auto path = s.dir / m.file_name;
  std::optional<Decryptor> decryptor;
  PlainWriter plain(plain_out, plain_out_name, m.encrypted);
  if (m.encrypted) {
    if (!keys.encryption)
      refuse(s.dir, "the snapshot is encrypted (key id " + m.encryption_key_id + ") and no encryption key was given");
    if (keys.encryption->key_id() != m.encryption_key_id)
      refuse(s.dir, "encrypted with key id " + m.encryption_key_id + ", but the configured encryption key has id " +
                        keys.encryption->key_id());
    decryptor.emplace(*keys.encryption, [&plain](const unsigned char* d, std::size_t n) { plain.push(d, n); });
  }
  Fd fd = open_file(path, O_RDONLY);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw_errno("cannot read " + path.string(), errno);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size < m.file_size)
    refuse(s.dir, m.file_name + " has " + std::to_string(size) + " bytes, the manifest says " +
                      std::to_string(m.file_size) + ": it is truncated (an interrupted copy?)");
  if (size > m.file_size)
    refuse(s.dir, m.file_name + " has " + std::to_string(size) + " bytes, the manifest says " +
                      std::to_string(m.file_size) + ": data was appended");
  Blake2b stored;
  {
    // The reader thread reads ahead (and, for an encrypted file, hashes what is stored while this
    // thread decrypts and hashes the plaintext); a plain file is hashed here, beside the reads.
    AsyncReader reader(path, m.encrypted ? &stored : nullptr);
    for (AsyncReader::Buffer buf; reader.next(buf);) {
      if (!decryptor) {
        stored.update(buf.data(), buf.size());
        plain.push(buf.data(), buf.size());
      } else if (auto e = decryptor->push(buf.data(), buf.size())) {
        refuse(s.dir, m.file_name + ": decryption failed: " + *e);
      }
    }
  }
  const Digest digest = stored.final();
  if (auto e = minisign::verify(keys.signing, s.data_signature, digest))
    refuse(s.dir, m.file_name + ": " + *e + ": the file was modified or is damaged");
  if (digest != m.file_blake2b) refuse(s.dir, m.file_name + " does not match the BLAKE2b-512 in the manifest");
  if (decryptor)
    if (auto e = decryptor->finish()) refuse(s.dir, m.file_name + ": decryption failed: " + *e);
  plain.flush();
  if (m.encrypted && (plain.size() != m.store_size || plain.digest() != m.store_blake2b))
    refuse(s.dir, "the decrypted store does not match the manifest's size and BLAKE2b-512");
}

WalkResult check_store_file(const std::filesystem::path& data_file, const Manifest& m) {
  SnapshotStore env(data_file);
  const ViewTxn txn(env.get());
  WalkResult walk = walk_tables(txn.get(), env.get());
  const std::string id = m.snapshot;
  for (const auto& [table, count] : m.tables) {
    const auto it = walk.records.find(table);
    if (it == walk.records.end())
      throw BackupError(id + ": table " + table + " is in the manifest but not in the copy");
    if (it->second != count)
      throw BackupError(id + ": table " + table + " has " + std::to_string(it->second) +
                        " records, the manifest says " + std::to_string(count));
  }
  for (const auto& [table, count] : walk.records)
    if (!m.tables.contains(table))
      throw BackupError(id + ": table " + table + " is in the copy but not in the manifest");
  if (walk.change_seq != m.change_seq)
    throw BackupError(id + ": the copy's change log ends at " + std::to_string(walk.change_seq) +
                      ", the manifest says " + std::to_string(m.change_seq));
  if (walk.schema_version != m.schema_version)
    throw BackupError(id + ": the copy has schema " + std::to_string(walk.schema_version) + ", the manifest says " +
                      std::to_string(m.schema_version));
  return walk;
}

std::optional<std::string> platform_mismatch(const Manifest& m) {
  const unsigned bits = sizeof(void*) * 8;
  const std::string order = std::endian::native == std::endian::little ? "little" : "big";
  if (m.word_bits == bits && m.byte_order == order) return std::nullopt;
  return "the snapshot was taken on a " + std::to_string(m.word_bits) + "-bit " + m.byte_order + "-endian machine (" +
         m.arch + "); LMDB files open only on the same kind (this one is " + std::to_string(bits) + "-bit " + order +
         "-endian)";
}

Manifest extract_snapshot(const std::filesystem::path& dir, const TrustedKeys& keys,
                          const std::filesystem::path& dest) {
  const SignedManifest s = check_signed_manifest(dir, keys.signing);
  if (auto why = platform_mismatch(s.manifest)) refuse(dir, *why);
  {
    Fd out = open_file(dest, O_WRONLY | O_CREAT | O_EXCL, 0600);
    check_data_file(s, keys, out.get(), dest);
    sync_file(out.get(), dest);
  }
  check_store_file(dest, s.manifest);
  return s.manifest;
}

VerifyResult verify_snapshot(const std::filesystem::path& dir, const TrustedKeys& keys,
                             const std::filesystem::path& scratch_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  VerifyResult r;
  std::filesystem::path scratch;
  try {
    const SignedManifest s = check_signed_manifest(dir, keys.signing);
    r.manifest = s.manifest;
    if (auto why = platform_mismatch(s.manifest)) refuse(dir, *why);
    if (s.manifest.encrypted) {
      scratch = make_scratch_dir(scratch_dir, "portald-verify-", s.manifest.store_size);
      const auto plain = scratch / kDataFile;
      {
        Fd out = open_file(plain, O_WRONLY | O_CREAT | O_EXCL, 0600);
        check_data_file(s, keys, out.get(), plain);
      }
      r.walk = check_store_file(plain, s.manifest);
    } else {
      check_data_file(s, keys, -1, {});
      r.walk = check_store_file(dir / kDataFile, s.manifest);
    }
    r.ok = true;
  } catch (const BackupError& e) {
    r.error = e.what();
  }
  if (!scratch.empty()) remove_tree_quietly(scratch);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

std::filesystem::path resolve_snapshot(const std::string& arg, const std::filesystem::path& backup_dir) {
  std::error_code ec;
  if (arg == "latest" || arg == "newest") {
    std::string newest;
    for (const auto& entry : std::filesystem::directory_iterator(backup_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (is_snapshot_id(name) && entry.is_directory(ec) && name > newest) newest = name;  // ids sort by time
    }
    if (newest.empty()) throw BackupError("no snapshot in " + backup_dir.string());
    return backup_dir / newest;
  }
  if (arg.find('/') == std::string::npos && std::filesystem::is_directory(backup_dir / arg, ec))
    return backup_dir / arg;
  if (std::filesystem::is_directory(arg, ec)) return std::filesystem::absolute(arg, ec);
  throw BackupError("no snapshot " + arg + " (neither a directory nor a snapshot in " + backup_dir.string() + ")");
}

std::filesystem::path default_scratch_dir() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? std::filesystem::path(tmp) : std::filesystem::path("/var/tmp");
}

std::filesystem::path make_scratch_dir(const std::filesystem::path& parent, const std::string& prefix,
                                       std::uint64_t needed) {
  const std::uint64_t margin = std::uint64_t(16) << 20;
  const std::uint64_t free = available_bytes(parent);
  if (free < needed + margin)
    throw BackupError("not enough space in " + parent.string() + " for a temporary copy of the store: need " +
                      human_size(needed + margin) + ", " + human_size(free) + " free (use another --scratch DIR)");
  std::string templ = (parent / (prefix + "XXXXXX")).string();
  if (!::mkdtemp(templ.data())) throw_errno("cannot create a temporary directory in " + parent.string(), errno);
  return templ;
}

}  // namespace portald::backup
