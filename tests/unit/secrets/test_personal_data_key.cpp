// The personal-data key: sealed values open only under the same key and purpose and unaltered; the key
// file is made once (0600), read back the same, and refused when others may read it or it is malformed.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "daemon/secrets/personal_data_key.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using secrets::PersonalDataKey;

BOOST_AUTO_TEST_SUITE(personal_data_key)

BOOST_AUTO_TEST_CASE(a_sealed_value_opens_only_with_its_key_and_purpose) {
  const auto key = PersonalDataKey::generate();
  const std::string plain = "JBSWY3DPEHPK3PXP";
  const std::string sealed = key.seal(plain, "totp:lan");
  BOOST_TEST(secrets::is_sealed(sealed));
  BOOST_TEST(secrets::sealed_key_id(sealed) == key.key_id());
  BOOST_TEST(sealed.find(plain) == std::string::npos);
  BOOST_TEST((key.open(sealed, "totp:lan") == plain));
  BOOST_TEST(key.seal(plain, "totp:lan") != sealed);  // a fresh nonce each time
  BOOST_TEST(!key.open(sealed, "totp:minh").has_value());
  BOOST_TEST(!PersonalDataKey::generate().open(sealed, "totp:lan").has_value());
  std::string altered = sealed;
  altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
  BOOST_TEST(!key.open(altered, "totp:lan").has_value());
  BOOST_TEST(!key.open(plain, "totp:lan").has_value());
  BOOST_TEST(!key.open("pd1." + key.key_id() + ".", "totp:lan").has_value());
  BOOST_TEST(!key.open("pd1." + key.key_id() + ".!!!!", "totp:lan").has_value());
  BOOST_TEST((key.open(key.seal("", "x"), "x") == std::string()));
}

BOOST_AUTO_TEST_CASE(the_key_file_is_made_once_private_and_read_back_the_same) {
  test::TempDir dir;
  const auto file = dir.path / "keys" / "personal-data.key";
  BOOST_TEST(PersonalDataKey::create_if_missing(file));
  BOOST_TEST(!PersonalDataKey::create_if_missing(file));
  struct stat st {};
  BOOST_REQUIRE(::stat(file.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  const auto a = PersonalDataKey::load(file);
  const auto b = PersonalDataKey::load(file);
  BOOST_TEST(a.key_id() == b.key_id());
  BOOST_TEST((b.open(a.seal("x", "p"), "p") == std::string("x")));
}

BOOST_AUTO_TEST_CASE(a_missing_open_or_malformed_key_file_is_refused_with_the_reason) {
  test::TempDir dir;
  const auto file = dir.path / "personal-data.key";
  auto message = [&] {
    try {
      PersonalDataKey::load(file);
    } catch (const secrets::KeyError& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  };
  BOOST_TEST(message().find("portaldctl secrets keygen") != std::string::npos);
  std::ofstream(file) << "untrusted comment: x\nnot base64\n";
  ::chmod(file.c_str(), 0600);
  BOOST_TEST(message().find("base64 32-byte key") != std::string::npos);
  std::filesystem::remove(file);
  BOOST_TEST(PersonalDataKey::create_if_missing(file));
  ::chmod(file.c_str(), 0644);
  BOOST_TEST(message().find("chmod 600") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
