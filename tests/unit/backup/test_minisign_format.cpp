// The minisign formats: our signatures verify with Debian's stock minisign, minisign's keys and
// signatures verify with ours, and every damaged or foreign input is refused with a clear reason.
#include <boost/test/unit_test.hpp>

#include <array>
#include <fstream>

#include "backup/minisign.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using namespace portald;
namespace ms = portald::backup::minisign;

namespace {

const char* kMinisign = "/usr/bin/minisign";  // Build-Depends: minisign

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ms::Signature sign_text(const ms::SecretKey& key, const std::string& data, const std::string& comment = "file:x") {
  return ms::sign(key, backup::blake2b(data), comment, "signature from portald");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(minisign_format)

BOOST_AUTO_TEST_CASE(sign_format_parse_verify_round_trip) {
  const auto key = ms::SecretKey::generate();
  const auto sig = sign_text(key, "nội dung", "timestamp:1\tfile:data.mdb\tsnapshot:x");
  const auto parsed = ms::parse_signature(ms::format_signature(sig), nullptr);
  BOOST_REQUIRE(parsed);
  BOOST_TEST((*parsed == sig));
  BOOST_TEST(parsed->prehashed);
  const auto pub = ms::parse_public_key(ms::format_public_key(key.public_key()), nullptr);
  BOOST_REQUIRE(pub);
  BOOST_TEST((*pub == key.public_key()));
  BOOST_TEST(!ms::verify(*pub, *parsed, backup::blake2b("nội dung")).has_value());
  const auto id = ms::key_id_text(key.key_id());
  BOOST_TEST(id.size() == 16u);
  BOOST_TEST(id.find_first_not_of("0123456789ABCDEF") == std::string::npos);
  BOOST_TEST(*ms::comment_field(sig.trusted_comment, "snapshot") == "x");
  BOOST_TEST(!ms::comment_field(sig.trusted_comment, "snap"));
}

BOOST_AUTO_TEST_CASE(secret_key_file_round_trip) {
  const auto key = ms::SecretKey::generate();
  const auto text = ms::format_secret_key(key);
  std::string error;
  const auto back = ms::parse_secret_key(text.view(), &error);
  BOOST_REQUIRE_MESSAGE(back, error);
  BOOST_TEST((back->public_key() == key.public_key()));
  // A damaged key file is caught by minisign's checksum.
  std::string damaged(text.view());
  const auto pos = damaged.find('\n') + 100;
  damaged[pos] = damaged[pos] == 'A' ? 'B' : 'A';
  BOOST_TEST(!ms::parse_secret_key(damaged, &error).has_value());
}

BOOST_AUTO_TEST_CASE(stock_minisign_verifies_our_signatures) {
  test::TempDir dir;
  const auto key = ms::SecretKey::generate();
  const std::string data(300000, 'x');
  const auto file = test::write_file(dir.path, "data.mdb", data);
  test::write_file(dir.path, "data.mdb.minisig", ms::format_signature(sign_text(key, data, "snapshot:s1\tfmt:1")));
  const auto pub = test::write_file(dir.path, "k.pub", ms::format_public_key(key.public_key()));
  const auto ok = test::run_command({kMinisign, "-Vm", file.string(), "-p", pub.string()});
  BOOST_TEST(ok.exit_code == 0, ok.err);
  BOOST_TEST(has(ok.out, "Signature and comment signature verified"), ok.out);
  BOOST_TEST(has(ok.out, "Trusted comment: snapshot:s1\tfmt:1"), ok.out);
  // -H: "require input to be prehashed"
  BOOST_TEST(test::run_command({kMinisign, "-VHm", file.string(), "-p", pub.string()}).exit_code == 0);
  test::write_file(dir.path, "data.mdb", data + "y");
  const auto bad = test::run_command({kMinisign, "-Vm", file.string(), "-p", pub.string()});
  BOOST_TEST(bad.exit_code != 0);
  BOOST_TEST(has(bad.err, "Signature verification failed"), bad.err);
}

BOOST_AUTO_TEST_CASE(we_read_stock_minisign_keys_and_signatures) {
  test::TempDir dir;
  const auto pk = dir.path / "m.pub", sk = dir.path / "m.key";
  const auto gen = test::run_command({kMinisign, "-G", "-W", "-p", pk.string(), "-s", sk.string()});
  BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
  const auto file = test::write_file(dir.path, "f.txt", "dữ liệu\n");
  const auto signed_ =
      test::run_command({kMinisign, "-S", "-s", sk.string(), "-m", file.string(), "-t", "từ minisign"});
  BOOST_REQUIRE_MESSAGE(signed_.exit_code == 0, signed_.err);
  std::string error;
  const auto pub = ms::parse_public_key(file_text(pk), &error);
  BOOST_REQUIRE_MESSAGE(pub, error);
  const auto secret = ms::parse_secret_key(file_text(sk), &error);  // minisign -W leaves the checksum zero
  BOOST_REQUIRE_MESSAGE(secret, error);
  BOOST_TEST((secret->public_key() == *pub));
  const auto sig = ms::parse_signature(file_text(dir.path / "f.txt.minisig"), &error);
  BOOST_REQUIRE_MESSAGE(sig, error);
  BOOST_TEST(sig->trusted_comment == "từ minisign");
  BOOST_TEST(!ms::verify(*pub, *sig, backup::blake2b("dữ liệu\n")).has_value());
  BOOST_TEST(ms::verify(*pub, *sig, backup::blake2b("dữ liệu!\n")).value_or("") == "signature verification failed");
}

BOOST_AUTO_TEST_CASE(stock_minisign_signs_with_our_secret_key) {
  test::TempDir dir;
  const auto key = ms::SecretKey::generate();
  const auto text = ms::format_secret_key(key);
  const auto sk = test::write_file(dir.path, "our.key", std::string(text.view()));
  const auto file = test::write_file(dir.path, "f", "abc");
  const auto r =
      test::run_command({kMinisign, "-S", "-s", sk.string(), "-m", file.string()}, "", std::chrono::seconds(10));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);  // no password prompt: the key has none
  const auto sig = ms::parse_signature(file_text(dir.path / "f.minisig"), nullptr);
  BOOST_REQUIRE(sig);
  BOOST_TEST(!ms::verify(key.public_key(), *sig, backup::blake2b("abc")).has_value());
}

BOOST_AUTO_TEST_CASE(verification_names_what_is_wrong) {
  const auto key = ms::SecretKey::generate(), other = ms::SecretKey::generate();
  const auto digest = backup::blake2b("data");
  auto sig = ms::sign(key, digest, "file:data.mdb", "c");
  BOOST_TEST(ms::verify(key.public_key(), sig, backup::blake2b("dat4")).value_or("") ==
             "signature verification failed");
  const auto wrong = ms::verify(other.public_key(), sig, digest).value_or("");
  BOOST_TEST(has(wrong, "key ID " + ms::key_id_text(key.key_id())), wrong);
  BOOST_TEST(has(wrong, "trusted public key has key ID " + ms::key_id_text(other.key_id())), wrong);
  auto edited = sig;
  edited.trusted_comment = "file:other.mdb";
  BOOST_TEST(ms::verify(key.public_key(), edited, digest).value_or("") ==
             "trusted comment signature verification failed");
  BOOST_TEST(ms::verify_comment(key.public_key(), edited).value_or("") ==
             "trusted comment signature verification failed");
  auto legacy = sig;
  legacy.prehashed = false;
  BOOST_TEST(has(ms::verify(key.public_key(), legacy, digest).value_or(""), "legacy"));
}

BOOST_AUTO_TEST_CASE(malformed_files_are_refused_with_a_reason) {
  const auto key = ms::SecretKey::generate();
  const std::string good = ms::format_signature(ms::sign(key, backup::blake2b("x"), "t", "u"));
  std::string error;
  BOOST_TEST(ms::parse_signature(good, &error).has_value());
  const auto lines = [&](int drop) {
    std::string out;
    int n = 0;
    for (std::size_t pos = 0; pos < good.size();) {
      const auto nl = good.find('\n', pos);
      if (n++ != drop) out += good.substr(pos, nl - pos + 1);
      pos = nl + 1;
    }
    return out;
  };
  for (int drop = 0; drop < 4; ++drop) BOOST_TEST(!ms::parse_signature(lines(drop), &error).has_value(), drop);
  BOOST_TEST(!ms::parse_signature("", &error).has_value());
  BOOST_TEST(has(error, "expected 4 lines"));
  BOOST_TEST(!ms::parse_signature(good + "extra\n", &error).has_value());
  std::string crlf;
  for (char c : good) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  BOOST_TEST(ms::parse_signature(crlf, &error).has_value(), error);  // written on Windows: still fine
  std::string bad_b64 = good;
  bad_b64[bad_b64.find('\n') + 5] = '*';
  BOOST_TEST(!ms::parse_signature(bad_b64, &error).has_value());
  BOOST_TEST(has(error, "line 2"), error);
  std::string nul = good;
  nul.insert(nul.find("trusted comment: ") + 17, 1, '\0');
  BOOST_TEST(!ms::parse_signature(nul, &error).has_value());
  BOOST_TEST(!ms::parse_public_key("untrusted comment: x\nRWQ=\n", &error).has_value());
  BOOST_TEST(!ms::parse_public_key("", &error).has_value());
  BOOST_TEST(ms::parse_public_key(
                 ms::format_public_key(key.public_key()).substr(ms::format_public_key(key.public_key()).find('\n') + 1),
                 &error)
                 .has_value());  // the bare base64 line, as minisign -P takes it
  BOOST_TEST_CHECK(!ms::valid_comment("two\nlines"));
  BOOST_CHECK_THROW(ms::sign(key, backup::blake2b("x"), "a\nb", "u"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(password_protected_keys_are_refused_clearly) {
  // A minisign key with the scrypt KDF ("Sc"): portald cannot type a password at 3 a.m. or in a timer.
  const auto text = ms::format_secret_key(ms::SecretKey::generate());
  std::string s(text.view());
  const auto nl = s.find('\n');
  std::string b64 = s.substr(nl + 1, s.size() - nl - 2);
  std::array<unsigned char, 158> blob{};
  BOOST_REQUIRE(backup::from_base64(b64, blob.data(), blob.size()));
  blob[2] = 'S';
  blob[3] = 'c';
  s = s.substr(0, nl + 1) + backup::to_base64(blob.data(), blob.size()) + "\n";
  std::string error;
  BOOST_TEST(!ms::parse_secret_key(s, &error).has_value());
  BOOST_TEST(has(error, "password-protected"), error);
}

BOOST_AUTO_TEST_SUITE_END()
