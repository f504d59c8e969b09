// Snapshot formats without a store: manifest JSON (round trip, strictness), snapshot ids, the
// secretstream framing (truncation, tampering, wrong key) and the retention choice.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "backup/catalog.hpp"
#include "backup/encryption.hpp"
#include "backup/manifest.hpp"

using namespace portald;
using namespace portald::backup;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Manifest sample_manifest(bool encrypted) {
  Manifest m;
  m.snapshot = "portald-20241124-023000Z";
  m.portald_version = "0.1.0";
  m.lmdb_version = "LMDB 0.9.24: (July 24, 2019)";
  m.host = "cong-ttdt";
  m.arch = "x86_64";
  m.started_at = 1732415400;
  m.finished_at = 1732415405;
  m.schema_version = 1;
  m.change_seq = 4567;
  m.lmdb_txn = 890;
  m.store_size = 3 * 65536 + 100;
  m.store_blake2b = blake2b("store");
  m.tables = {{"articles", 1000}, {"changes", 4567}, {"media", 12}, {"meta", 4}};
  m.encrypted = encrypted;
  m.file_name = std::string(encrypted ? kEncryptedDataFile : kDataFile);
  m.file_size = encrypted ? encrypted_size(m.store_size) : m.store_size;
  m.file_blake2b = encrypted ? blake2b("ciphertext") : m.store_blake2b;
  if (encrypted) m.encryption_key_id = "0123456789abcdef";
  m.signing_key_id = "B4F0AA096DB9F6C6";
  return m;
}

std::string manifest_error(const std::function<void(nlohmann::json&)>& edit, bool encrypted = false) {
  nlohmann::json j = nlohmann::json::parse(to_json(sample_manifest(encrypted)));
  edit(j);
  std::string error;
  return parse_manifest(j.dump(), &error) ? std::string("(accepted)") : error;
}

// Encrypts `plain` feeding it in pieces of `piece` bytes.
std::string encrypt(const EncryptionKey& key, const std::string& plain, std::size_t piece) {
  std::string out;
  Encryptor enc(key, [&](const unsigned char* d, std::size_t n) { out.append(reinterpret_cast<const char*>(d), n); });
  for (std::size_t i = 0; i < plain.size(); i += piece)
    enc.push(reinterpret_cast<const unsigned char*>(plain.data() + i), std::min(piece, plain.size() - i));
  enc.finish();
  return out;
}

// Decrypts; returns the error or the plaintext prefixed with "ok:".
std::string decrypt(const EncryptionKey& key, const std::string& cipher, std::size_t piece = 7000) {
  std::string out;
  Decryptor dec(key, [&](const unsigned char* d, std::size_t n) { out.append(reinterpret_cast<const char*>(d), n); });
  for (std::size_t i = 0; i < cipher.size(); i += piece)
    if (auto e =
            dec.push(reinterpret_cast<const unsigned char*>(cipher.data() + i), std::min(piece, cipher.size() - i)))
      return *e;
  if (auto e = dec.finish()) return *e;
  return "ok:" + out;
}

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i * 131 + i / 251);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_format)

BOOST_AUTO_TEST_CASE(manifest_round_trip_plain_and_encrypted) {
  for (bool encrypted : {false, true}) {
    const Manifest m = sample_manifest(encrypted);
    std::string error;
    const auto back = parse_manifest(to_json(m), &error);
    BOOST_REQUIRE_MESSAGE(back, error);
    BOOST_TEST((*back == m));
    BOOST_TEST(back->total_records() == 1000u + 4567 + 12 + 4);
  }
}

BOOST_AUTO_TEST_CASE(manifest_parser_is_strict) {
  using J = nlohmann::json;
  BOOST_TEST(has(manifest_error([](J& j) { j.erase("snapshot"); }), "snapshot is missing"));
  BOOST_TEST(has(manifest_error([](J& j) { j["format_version"] = 2; }), "format_version 2 is not supported"));
  BOOST_TEST(has(manifest_error([](J& j) { j["format"] = "other"; }), "not a portald snapshot manifest"));
  BOOST_TEST(has(manifest_error([](J& j) { j["snapshot"] = "../../etc"; }), "not a snapshot id"));
  BOOST_TEST(has(manifest_error([](J& j) { j["store"]["size"] = -5; }), "whole number"));
  BOOST_TEST(has(manifest_error([](J& j) { j["store"]["tables"]["x"] = "1"; }), "whole number"));
  BOOST_TEST(has(manifest_error([](J& j) { j["store"]["blake2b"] = "abc"; }), "128 hex digits"));
  BOOST_TEST(has(manifest_error([](J& j) { j["file"]["name"] = "../data.mdb"; }), "file.name"));
  BOOST_TEST(has(manifest_error([](J& j) { j["file"]["size"] = 1; }), "same"));
  BOOST_TEST(has(manifest_error([](J& j) { j["file"]["size"] = 12; }, true), "does not fit"));
  BOOST_TEST(has(manifest_error([](J& j) { j["encryption"]["algorithm"] = "rot13"; }, true), "not supported"));
  BOOST_TEST(has(manifest_error([](J& j) { j["platform"]["page_size"] = 3000; }), "power of two"));
  BOOST_TEST(has(manifest_error([](J& j) { j["finished_at"] = "2020-01-01T00:00:00Z"; }), "before"));
  BOOST_TEST(has(manifest_error([](J& j) { j["signing_key_id"] = "b4f0aa096db9f6c6"; }), "16 hex digits"));
  BOOST_TEST(has(manifest_error([](J& j) { j["created_by"]["host"] = std::string(300, 'h'); }), "short line"));
  std::string error;
  BOOST_TEST(!parse_manifest("not json", &error).has_value());
  BOOST_TEST(has(error, "not valid JSON"));
  BOOST_TEST(!parse_manifest("[1,2]", &error).has_value());
  BOOST_TEST(!parse_manifest(std::string(kManifestMaxBytes + 1, ' '), &error).has_value());
  BOOST_TEST(has(error, "1 MiB"));
}

BOOST_AUTO_TEST_CASE(snapshot_ids_are_utc_times_that_sort) {
  BOOST_TEST(snapshot_id(1732415400) == "portald-20241124-023000Z");
  BOOST_TEST(snapshot_id(1732415400, 2) == "portald-20241124-023000Z-2");
  BOOST_TEST(is_snapshot_id("portald-20241124-023000Z"));
  BOOST_TEST(is_snapshot_id("portald-20241124-023000Z-2"));
  BOOST_TEST(*snapshot_id_time("portald-20241124-023000Z") == 1732415400);
  for (const char* bad : {"portald-20241324-023000Z", "portald-20241124-023000", "portald-20241124-023000Z-0",
                          "portald-20241124-023000Z-", "portald-2024112-0230000Z", "x-20241124-023000Z",
                          "portald-20241124-023000Z/..", ".tmp-portald-20241124-023000Z", ""})
    BOOST_TEST(!is_snapshot_id(bad), bad);
  BOOST_TEST(snapshot_id(1732415400) < snapshot_id(1732415401));
  BOOST_TEST(snapshot_id(1732415400) < snapshot_id(1732415400, 2));
}

BOOST_AUTO_TEST_CASE(secretstream_round_trip_any_size_any_split) {
  const auto key = EncryptionKey::generate();
  for (std::size_t size :
       {std::size_t(0), std::size_t(1), kChunkBytes - 1, kChunkBytes, kChunkBytes + 1, 3 * kChunkBytes + 17}) {
    const std::string plain = pattern(size);
    for (std::size_t piece : {std::size_t(1000), kChunkBytes, std::size_t(1) << 20}) {
      const std::string cipher = encrypt(key, plain, piece);
      BOOST_TEST(cipher.size() == encrypted_size(size));
      BOOST_TEST(decrypt(key, cipher) == "ok:" + plain, size);
      BOOST_TEST(decrypt(key, cipher, 1) == "ok:" + plain, size);
    }
  }
}

BOOST_AUTO_TEST_CASE(secretstream_catches_truncation_tampering_and_the_wrong_key) {
  const auto key = EncryptionKey::generate();
  const std::string plain = pattern(2 * kChunkBytes + 500);
  const std::string cipher = encrypt(key, plain, 4096);
  const std::size_t full = kChunkBytes + kChunkOverhead;
  // Cut exactly after a complete chunk: every chunk left decrypts, only the missing FINAL tells.
  BOOST_TEST(has(decrypt(key, cipher.substr(0, kStreamHeaderBytes + 2 * full)), "no final chunk"));
  BOOST_TEST(has(decrypt(key, cipher.substr(0, kStreamHeaderBytes + full + 100)), "truncated"));
  BOOST_TEST(has(decrypt(key, cipher.substr(0, 10)), "no complete header"));
  BOOST_TEST(has(decrypt(key, cipher + std::string(40, 'x')), "failed authentication"));
  BOOST_TEST(has(decrypt(key, cipher + encrypt(key, "more", 4)), "failed authentication"));
  std::string flipped = cipher;
  flipped[kStreamHeaderBytes + full + 5] ^= 1;
  BOOST_TEST(has(decrypt(key, flipped), "chunk 2 failed authentication"));
  BOOST_TEST(has(decrypt(EncryptionKey::generate(), cipher), "chunk 1 failed authentication"));
  // Dropping a middle chunk is a reorder, caught by the nonce sequence.
  const std::string dropped = cipher.substr(0, kStreamHeaderBytes) + cipher.substr(kStreamHeaderBytes + full);
  BOOST_TEST(!has(decrypt(key, dropped), "ok:"));
}

BOOST_AUTO_TEST_CASE(encryption_key_file_round_trip_and_id) {
  const auto key = EncryptionKey::generate();
  const auto text = key.format();
  std::string error;
  const auto back = EncryptionKey::parse(text.view(), &error);
  BOOST_REQUIRE_MESSAGE(back, error);
  BOOST_TEST(back->key_id() == key.key_id());
  BOOST_TEST(key.key_id().size() == 16u);
  BOOST_TEST(EncryptionKey::generate().key_id() != key.key_id());
  BOOST_TEST(!EncryptionKey::parse("untrusted comment: x\nAAAA\n", &error).has_value());
  BOOST_TEST(!EncryptionKey::parse("", &error).has_value());
}

BOOST_AUTO_TEST_CASE(retention_keeps_newest_per_week_and_month) {
  // One snapshot a day for 120 days (2024-01-01 .. 2024-04-29), at 02:30 UTC+7.
  std::vector<Dated> daily;
  const model::UnixTime first = 1704051000;  // 2024-01-01T02:30:00+07:00, a Monday
  for (int d = 0; d < 120; ++d) daily.push_back({snapshot_id(first + d * 86400), first + d * 86400});
  const auto keep = snapshots_to_keep(daily, {.weekly = 4, .monthly = 3});
  // Weeks: the newest of each of the last 4 weeks (Sundays, or the newest day of the current week).
  BOOST_TEST(keep.contains(daily.back().id));  // 2024-04-29, Monday of the newest week
  for (int back : {1, 8, 15}) BOOST_TEST(keep.contains(daily[daily.size() - 1 - back].id), back);  // Sundays
  // Months: the newest of April, March and February.
  BOOST_TEST(keep.contains(snapshot_id(first + 59 * 86400)));   // 2024-02-29
  BOOST_TEST(keep.contains(snapshot_id(first + 90 * 86400)));   // 2024-03-31
  BOOST_TEST(!keep.contains(snapshot_id(first + 30 * 86400)));  // 2024-01-31: 4th month back
  BOOST_TEST(keep.size() == 6u);                                // 4 weekly (one is also April's newest) + Feb + Mar
  // The newest is kept even with tiny limits; nothing kept twice; an empty list keeps nothing.
  BOOST_TEST(snapshots_to_keep(daily, {.weekly = 1, .monthly = 0}).size() == 1u);
  BOOST_TEST(snapshots_to_keep({}, {.weekly = 8, .monthly = 12}).empty());
  // Week boundaries are Vietnam time: Sunday 23:30 UTC+7 and Monday 00:30 UTC+7 are different weeks.
  const model::UnixTime sunday_late = 1704040200;  // 2023-12-31T23:30:00+07:00
  const auto k = snapshots_to_keep({{"a", sunday_late}, {"b", sunday_late + 3600}}, {.weekly = 2, .monthly = 0});
  BOOST_TEST(k.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
