#pragma once
// Checking a snapshot, in the order that gives the clearest message first:
//   1. the signed manifest: both .minisig files present and made by the trusted key, the manifest's
//      signature, its content, and the data signature's trusted comment naming this very manifest
//      (so files of two snapshots cannot be mixed);
//   2. the data file: size, BLAKE2b-512 and its signature, decryption (every chunk authenticated,
//      FINAL required), the plaintext's BLAKE2b-512;
//   3. the store: opened read-only from the plaintext, every record of every table walked with a
//      cursor, counts and change-log position compared with the manifest.
// The trusted key is the configured public key, never the .pub file that travels with the snapshot.
#include <filesystem>
#include <optional>
#include <string>

#include "backup/encryption.hpp"
#include "backup/lmdb_view.hpp"
#include "backup/manifest.hpp"
#include "backup/minisign.hpp"

namespace portald::backup {

struct TrustedKeys {
  minisign::PublicKey signing;
  const EncryptionKey* encryption = nullptr;  // needed for encrypted snapshots only
};

struct SignedManifest {
  std::filesystem::path dir;
  Manifest manifest;
  minisign::Signature data_signature;
};

// Step 1. Throws BackupError with a one-line reason (missing signature, wrong key, tampered manifest,
// files from another snapshot, ...).
SignedManifest check_signed_manifest(const std::filesystem::path& dir, const minisign::PublicKey& key);
// Step 2. Streams the data file once; when plain_out >= 0 the plaintext store is written there.
// Throws BackupError.
void check_data_file(const SignedManifest& snapshot, const TrustedKeys& keys, int plain_out,
                     const std::filesystem::path& plain_out_name);
// Step 3 on a plaintext data file. Throws BackupError.
WalkResult check_store_file(const std::filesystem::path& data_file, const Manifest& manifest);

// Steps 1-3 into `dest_file` (a new file, 0600, fsynced): what restore and the drill start from.
// Throws BackupError; `dest_file` may then exist and is the caller's to remove.
Manifest extract_snapshot(const std::filesystem::path& dir, const TrustedKeys& keys,
                          const std::filesystem::path& dest_file);

struct VerifyResult {
  bool ok = false;
  std::string error;                 // one line when !ok
  std::optional<Manifest> manifest;  // when step 1 passed
  WalkResult walk;
  double seconds = 0;
};
// Steps 1-3. An encrypted snapshot is decrypted into a temporary directory under scratch_dir, removed
// afterwards; a plain one is walked where it lies, read-only.
VerifyResult verify_snapshot(const std::filesystem::path& dir, const TrustedKeys& keys,
                             const std::filesystem::path& scratch_dir);

// The snapshot directory an argument names: an existing path, or an id (or "latest") in backup_dir.
// Throws BackupError when there is none.
std::filesystem::path resolve_snapshot(const std::string& arg, const std::filesystem::path& backup_dir);

// Whether this machine can open an LMDB file described by the manifest (word size and byte order);
// std::nullopt when it can, else the reason.
std::optional<std::string> platform_mismatch(const Manifest& m);

// Where temporary plaintext copies go: $TMPDIR, else /var/tmp (on disk, unlike a tmpfs /tmp).
std::filesystem::path default_scratch_dir();
// A fresh 0700 directory under `parent` with at least `needed` bytes free; throws BackupError.
std::filesystem::path make_scratch_dir(const std::filesystem::path& parent, const std::string& prefix,
                                       std::uint64_t needed);

}  // namespace portald::backup
