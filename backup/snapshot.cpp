#include "backup/snapshot.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <atomic>
#include <bit>
#include <cerrno>
#include <chrono>
#include <optional>
#include <thread>

#include "backup/async_writer.hpp"
#include "backup/encryption.hpp"
#include "backup/files.hpp"
#include "backup/growing_file_hasher.hpp"
#include "backup/lmdb_view.hpp"
#include "build_info.hpp"
#include "daemon/store/change_log.hpp"
#include "daemon/store/meta_table.hpp"

namespace portald::backup {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kIoBuffer = std::size_t(1) << 20;
constexpr std::uint64_t kReleaseEvery = std::uint64_t(4) << 20;
constexpr std::uint64_t kPrefetchWindow = std::uint64_t(32) << 20;

std::string machine() {
  struct utsname u {};
  return ::uname(&u) == 0 ? u.machine : "unknown";
}

std::string host_name() {
  char buf[256] = {};
  return ::gethostname(buf, sizeof buf - 1) == 0 ? buf : "";
}

// What an operator needs to read when a system call on the target failed.
BackupError target_failure(const std::filesystem::path& target, const BackupError& e) {
  const std::string t = target.string();
  const std::string tail = "; nothing was kept, older snapshots and the live store are untouched";
  const int code = e.system_errno();
  const auto error = [&](const std::string& what) { return BackupError(what + tail, BackupError::Kind::system, code); };
  switch (code) {
    case ENOSPC:
    case EDQUOT: return error("backup target " + t + " is full (" + errno_text(code) + ")");
    case EROFS: return error("backup target " + t + " is read-only (mounted read-only, or a locked medium)");
    case EACCES:
    case EPERM:
      return error("backup target " + t + " is not writable by this user (uid " + std::to_string(::geteuid()) + ")");
    case EIO: return error("I/O error on backup target " + t + " (failing disk or lost network share?)");
    default: return error(e.what());
  }
}

void check_target(const std::filesystem::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno == ENOENT)
      throw BackupError("backup target " + target.string() +
                            " does not exist (is the external disk mounted? portaldctl does not create it, so an "
                            "unmounted disk is never replaced by a folder on the system disk)",
                        BackupError::Kind::system, ENOENT);
    throw_errno("cannot reach backup target " + target.string(), errno);
  }
  if (!S_ISDIR(st.st_mode))
    throw BackupError("backup target " + target.string() + " is not a directory", BackupError::Kind::system, ENOTDIR);
}

// What was copied: the plaintext store and the file on the target (the same bytes unless encrypted).
struct CopyOutput {
  std::uint64_t plain_size = 0, stored_size = 0;
  Digest plain_digest{}, stored_digest{};
};

// The pipe consumer's side of an encrypted snapshot: hashes the plaintext and encrypts it on the
// caller's thread, then the ciphertext goes to an AsyncWriter, which hashes it on its own thread while
// the disk writes.
class EncryptingSink {
 public:
  EncryptingSink(Fd file, std::filesystem::path path, const EncryptionKey& key)
      : writer_(std::move(file), std::move(path), &stored_hash_),
        encryptor_(key, [this](const unsigned char* d, std::size_t n) { writer_.write(d, n); }) {}
  void push(const unsigned char* data, std::size_t size) {
    out_.plain_size += size;
    plain_hash_.update(data, size);
    encryptor_.push(data, size);
  }
  const CopyOutput& finish() {
    encryptor_.finish();
    writer_.finish();
    out_.stored_size = writer_.bytes();
    out_.stored_digest = stored_hash_.final();
    out_.plain_digest = plain_hash_.final();
    return out_;
  }

 private:
  Blake2b plain_hash_, stored_hash_;  // before writer_: its thread uses stored_hash_
  AsyncWriter writer_;
  Encryptor encryptor_;
  CopyOutput out_;
};

struct CopiedState {
  std::map<std::string, std::uint64_t> tables;
  std::uint64_t change_seq = 0, lmdb_txn = 0;
  std::uint32_t schema_version = 0;
  double writers_paused_ms = 0;
};

// Reads ahead in the live data file: LMDB's copy reads it through page faults, one page at a time when
// it is not cached, while a compacted copy of a store comes out mostly in file order. Asking the kernel
// for the next stretch ahead of what has been copied overlaps the disk with hashing (stores whose pages
// are scattered only read some of the file a little early).
class SourcePrefetch {
 public:
  explicit SourcePrefetch(const std::filesystem::path& data_file)
      : fd_(::open(data_file.c_str(), O_RDONLY | O_CLOEXEC)) {}
  void copied(std::uint64_t bytes) {
    if (!fd_ || bytes + kPrefetchWindow / 2 < ahead_) return;
    ::posix_fadvise(fd_.get(), static_cast<off_t>(ahead_), static_cast<off_t>(kPrefetchWindow), POSIX_FADV_WILLNEED);
    ahead_ += kPrefetchWindow;
  }

 private:
  Fd fd_;
  std::uint64_t ahead_ = 0;
};

// Holds every writer out (a write transaction) while it reads what the manifest records; the copy's
// own read transaction starts before release() is called, so both describe one committed state.
class WriterPause {
 public:
  // Writers are held from when the transaction is granted (waiting for it pauses nobody).
  explicit WriterPause(store::Store& store) : txn_(store.write()), at_(Clock::now()) {
    state_.tables = table_counts(txn_->get());
    state_.change_seq = store::latest_change(*txn_, store.tables());
    state_.lmdb_txn = mdb_txn_id(txn_->get()) - 1;  // a write txn has the id its commit would get
    state_.schema_version = store::stored_schema_version(*txn_, store.tables()).value_or(0);
  }
  void release() {
    if (!txn_) return;
    txn_.reset();
    state_.writers_paused_ms = std::chrono::duration<double, std::milli>(Clock::now() - at_).count();
  }
  const CopiedState& state() const { return state_; }

 private:
  std::optional<store::WriteTxn> txn_;
  Clock::time_point at_;
  CopiedState state_;
};

// Reads the copy from the pipe into the sink; ends the writers' pause at the first bytes (the copy's
// read transaction exists by then) and releases the live map's resident pages every few MiB.
void drain_pipe(int rd, EncryptingSink& sink, WriterPause& pause, MDB_env* live, SourcePrefetch& prefetch) {
  std::vector<unsigned char> buf(kIoBuffer);
  std::uint64_t since_release = 0, total = 0;
  prefetch.copied(0);
  for (;;) {
    const std::size_t n = read_some(rd, buf.data(), buf.size(), "the copy pipe");
    pause.release();
    if (n == 0) return;
    prefetch.copied(total += n);
    sink.push(buf.data(), n);
    if ((since_release += n) >= kReleaseEvery) {
      release_map(live);
      since_release = 0;
    }
  }
}

std::filesystem::path live_data_file(MDB_env* env) {
  const char* env_path = nullptr;
  mdb_env_get_path(env, &env_path);
  return std::filesystem::path(env_path ? env_path : ".") / "data.mdb";
}

void check_copy_result(int copy_rc, const std::filesystem::path& out) {
  if (copy_rc == MDB_SUCCESS) return;
  if (copy_rc == MDB_INCOMPATIBLE)
    throw BackupError("LMDB cannot compact this store (page leak): copy it with mdb_copy (without -c) and report it",
                      BackupError::Kind::lmdb, copy_rc);
  if (copy_rc > 0) throw_errno("cannot write " + out.string(), copy_rc);  // LMDB passes the write's errno through
  throw lmdb_error("LMDB copy failed", copy_rc);
}

// Encrypted snapshots: the copy goes through a pipe into the sink, so the plaintext never touches the
// target.
CopiedState copy_store_piped(store::Store& store, EncryptingSink& sink) {
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) throw_errno("cannot create a pipe", errno);
  Fd rd(p[0]), wr(p[1]);
  ::fcntl(rd.get(), F_SETPIPE_SZ, static_cast<int>(kIoBuffer));  // fewer wake-ups; a failure is harmless
  WriterPause pause(store);                                      // from here until the copy starts, writers wait
  int copy_rc = 0;
  MDB_env* env = store.env().get();
  SourcePrefetch prefetch(live_data_file(env));
  std::thread copier([&copy_rc, env, &wr] {
    copy_rc = mdb_env_copyfd2(env, wr.get(), MDB_CP_COMPACT);
    wr.reset();  // end of file for the reader
  });
  try {
    drain_pipe(rd.get(), sink, pause, env, prefetch);
  } catch (...) {
    pause.release();
    rd.reset();  // the copier's next write fails with EPIPE and it returns
    copier.join();
    throw;
  }
  copier.join();
  release_map(env);
  check_copy_result(copy_rc, "the copy pipe");
  return pause.state();
}

// Unencrypted snapshots: LMDB writes the target file itself, and this thread hashes behind it.
CopiedState copy_store_direct(store::Store& store, int fd, const std::filesystem::path& file, CopyOutput& out) {
  GrowingFileHasher hasher(fd, file);
  WriterPause pause(store);  // from here until the copy starts, writers wait
  int copy_rc = 0;
  std::atomic<bool> copied{false};
  MDB_env* env = store.env().get();
  SourcePrefetch prefetch(live_data_file(env));
  std::thread copier([&copy_rc, &copied, env, fd] {
    copy_rc = mdb_env_copyfd2(env, fd, MDB_CP_COMPACT);
    copied = true;
  });
  try {
    std::uint64_t since_release = 0;
    prefetch.copied(0);
    for (;;) {
      const bool done = copied.load();  // read first: whatever was written before it is hashed below
      const std::uint64_t n = hasher.catch_up(kReleaseEvery);
      if (hasher.bytes() > 0) pause.release();  // the copy's read transaction exists by now
      prefetch.copied(hasher.bytes());
      if ((since_release += n) >= kReleaseEvery) {
        release_map(env);
        since_release = 0;
      }
      if (done && n < kReleaseEvery) break;  // caught up with a finished copy
      if (!done && n == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    pause.release();
  } catch (...) {
    pause.release();
    copier.join();  // a local file: the copy ends on its own
    throw;
  }
  copier.join();
  release_map(env);
  check_copy_result(copy_rc, file);
  out.plain_digest = out.stored_digest = hasher.finish();
  out.plain_size = out.stored_size = hasher.bytes();
  return pause.state();
}

std::string pick_id(const std::filesystem::path& target, model::UnixTime t) {
  std::error_code ec;
  for (unsigned seq = 1;; ++seq) {
    const std::string id = snapshot_id(t, seq);
    if (!std::filesystem::exists(target / id, ec) &&
        !std::filesystem::exists(target / (std::string(kTempPrefix) + id), ec))
      return id;
  }
}

Manifest describe_copy(const std::string& id, const CopiedState& state, const CopyOutput& out, store::Store& store,
                       const minisign::SecretKey& key, const EncryptionKey* enc) {
  Manifest m;
  m.snapshot = id;
  m.portald_version = build::version;
  m.lmdb_version = mdb_version(nullptr, nullptr, nullptr);
  m.host = host_name();
  m.arch = machine();
  m.word_bits = sizeof(void*) * 8;
  m.byte_order = std::endian::native == std::endian::little ? "little" : "big";
  MDB_stat st{};
  mdb_env_stat(store.env().get(), &st);
  m.page_size = st.ms_psize;
  m.schema_version = state.schema_version;
  m.change_seq = state.change_seq;
  m.lmdb_txn = state.lmdb_txn;
  m.tables = state.tables;
  m.store_size = out.plain_size;
  m.store_blake2b = out.plain_digest;
  m.encrypted = enc != nullptr;
  m.file_name = std::string(m.encrypted ? kEncryptedDataFile : kDataFile);
  m.file_size = out.stored_size;
  m.file_blake2b = out.stored_digest;
  if (enc) m.encryption_key_id = enc->key_id();
  m.signing_key_id = minisign::key_id_text(key.key_id());
  return m;
}

std::string untrusted(const std::string& id, const std::string& file) {
  return "portald snapshot " + id + "; check: minisign -Vm " + file + " -p " + std::string(kPublicKeyFile);
}

// manifest.json, the two signatures and the public key, each fsynced, in the temporary directory.
void write_metadata(const std::filesystem::path& dir, const Manifest& m, const minisign::SecretKey& key) {
  const std::string manifest = to_json(m);
  const std::string manifest_name(kManifestFile), sig(kSignatureSuffix);
  const std::string stamp = "timestamp:" + std::to_string(m.finished_at);
  const auto data_sig = minisign::sign(key, m.file_blake2b,
                                       stamp + "\tfile:" + m.file_name + "\tsnapshot:" + m.snapshot +
                                           "\tmanifest_b2b:" + to_hex(blake2b(manifest)) + "\tfmt:1",
                                       untrusted(m.snapshot, m.file_name));
  const auto manifest_sig = minisign::sign(key, blake2b(manifest),
                                           stamp + "\tfile:" + manifest_name + "\tsnapshot:" + m.snapshot +
                                               "\tdata_b2b:" + to_hex(m.file_blake2b) + "\tfmt:1",
                                           untrusted(m.snapshot, manifest_name));
  write_new_file(dir / manifest_name, manifest, 0600);
  write_new_file(dir / (manifest_name + sig), minisign::format_signature(manifest_sig), 0600);
  write_new_file(dir / (m.file_name + sig), minisign::format_signature(data_sig), 0600);
  write_new_file(dir / kPublicKeyFile, minisign::format_public_key(key.public_key()), 0644);
  sync_dir(dir);
}

}  // namespace

void remove_stale_temp_dirs(const std::filesystem::path& target) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(target, ec))
    if (entry.path().filename().string().starts_with(kTempPrefix)) remove_tree_quietly(entry.path());
}

SnapshotResult create_snapshot(store::Store& store, const SnapshotOptions& options) {
  const auto t0 = Clock::now();
  check_target(options.target);
  SnapshotResult result;
  if (options.create_missing_keys) result.keys_created = create_missing_keys(options.keys, options.encrypt);
  const auto key = load_signing_key(options.keys.signing_key);
  std::optional<EncryptionKey> enc;
  if (options.encrypt) enc.emplace(load_encryption_key(options.keys.encryption_key));
  result.same_device = same_device(options.target, options.data_dir);

  std::optional<DirLock> lock;
  std::filesystem::path temp;
  try {
    std::string holder;
    lock = DirLock::try_acquire(options.target / kLockFile, DirLock::Mode::exclusive, &holder);
    if (!lock)
      throw BackupError("another backup, drill or clean-up is running on " + options.target.string() + " (" + holder +
                        "); try again when it has finished");
    remove_stale_temp_dirs(options.target);
    const model::UnixTime started = model::now();
    const std::string id = pick_id(options.target, started);
    temp = options.target / (std::string(kTempPrefix) + id);
    if (::mkdir(temp.c_str(), 0700) != 0) throw_errno("cannot create " + temp.string(), errno);

    const auto data_file = temp / (enc ? kEncryptedDataFile : kDataFile);
    Fd file = open_file(data_file, (enc ? O_WRONLY : O_RDWR) | O_CREAT | O_EXCL, 0600);  // read back to hash
    CopyOutput out;
    CopiedState state;
    if (enc) {
      EncryptingSink sink(std::move(file), data_file, *enc);
      state = copy_store_piped(store, sink);
      out = sink.finish();
    } else {
      state = copy_store_direct(store, file.get(), data_file, out);
    }
    Manifest m = describe_copy(id, state, out, store, key, enc ? &*enc : nullptr);
    m.started_at = started;
    m.finished_at = model::now();
    write_metadata(temp, m, key);

    const auto final_dir = options.target / id;
    if (::rename(temp.c_str(), final_dir.c_str()) != 0) throw_errno("cannot rename " + temp.string(), errno);
    temp.clear();
    sync_dir(options.target);
    result.manifest = std::move(m);
    result.dir = final_dir;
    result.writers_paused_ms = state.writers_paused_ms;
  } catch (const BackupError& e) {
    if (!temp.empty()) remove_tree_quietly(temp);
    if (e.system_errno() != 0) throw target_failure(options.target, e);
    throw;
  } catch (...) {
    if (!temp.empty()) remove_tree_quietly(temp);
    throw;
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return result;
}

}  // namespace portald::backup
