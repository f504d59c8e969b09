// Normalisation and folding as the search index sees text: NFC, one tone placement, đ -> d, and the
// fast fold agreeing with model::fold on real Vietnamese.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "daemon/model/text.hpp"
#include "search/document_number.hpp"
#include "search/vietnamese.hpp"
#include "tests/support/fixtures.hpp"

using namespace portald;
using search::fold;
using search::normalize;

BOOST_AUTO_TEST_SUITE(vietnamese_text)

BOOST_AUTO_TEST_CASE(nfd_input_becomes_nfc) {
  // "nông" with o + U+0302 (combining circumflex), as "Unicode tổ hợp" keyboards send it.
  BOOST_TEST(normalize("no\xCC\x82ng") == "nông");
  // "Đắk" as D-stroke + a + breve + acute.
  BOOST_TEST(normalize("Đa\xCC\x86\xCC\x81k") == "Đắk");
}

BOOST_AUTO_TEST_CASE(old_tone_placement_becomes_the_new_one) {
  BOOST_TEST(normalize("hòa bình") == "hoà bình");
  BOOST_TEST(normalize("HÒA") == "HOÀ");
  BOOST_TEST(normalize("thủy lợi") == "thuỷ lợi");
  BOOST_TEST(normalize("Ủy ban") == "Uỷ ban");
  BOOST_TEST(normalize("úy") == "uý");
  BOOST_TEST(normalize("sức khỏe") == "sức khoẻ");
  BOOST_TEST(normalize("họa sĩ") == "hoạ sĩ");
  BOOST_TEST(normalize("hóa chất") == "hoá chất");
  BOOST_TEST(normalize("qúy") == "quý");
  // Decomposed old placement: NFC first, then the move.
  BOOST_TEST(normalize("ho\xCC\x80"
                       "a") == "hoà");
}

BOOST_AUTO_TEST_CASE(words_already_in_one_convention_are_left_alone) {
  for (const char* w : {"hoàn thành", "toàn dân", "thuyền", "quyết định", "huỳnh", "khuya", "ngoài", "hoà", "thuỷ",
                        "Quý", "của", "người", "Đắk Nông"})
    BOOST_TEST(normalize(w) == w);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_control_characters_become_spaces) {
  BOOST_TEST(normalize(std::string("a\0b", 3)) == "a b");
  BOOST_TEST(normalize("a\xFF\xFE"
                       "b") == "a  b");
  BOOST_TEST(normalize("x\xC3") == "x ");            // truncated sequence
  BOOST_TEST(normalize("\xED\xA0\x80z") == "   z");  // a UTF-16 surrogate is not UTF-8
  BOOST_TEST(normalize("a\x1B[31mb") == "a [31mb");
  BOOST_TEST(normalize("line\nnext\ttab") == "line\nnext\ttab");
  BOOST_TEST(model::is_valid_utf8(normalize("\xC0\xAF\xE0\x80\xAF hòa \xF8\x88\x80\x80\x80")));
}

BOOST_AUTO_TEST_CASE(fold_strips_marks_and_maps_d_stroke) {
  BOOST_TEST(fold("đắk") == "dak");
  BOOST_TEST(fold("Đắk") == "dak");
  BOOST_TEST(fold("nông") == "nong");
  BOOST_TEST(fold("thuỷ") == "thuy");
  BOOST_TEST(fold("thủy") == "thuy");
  BOOST_TEST(fold("NGHIỆP") == "nghiep");
  BOOST_TEST(fold("1382") == "1382");
  BOOST_TEST(fold("\xFF") == "");
}

BOOST_AUTO_TEST_CASE(fold_agrees_with_model_fold_on_the_sample_corpus) {
  std::ifstream in(test::shared_dir() / "corpus" / "articles.jsonl");
  BOOST_REQUIRE(in);
  std::string line;
  std::size_t words = 0;
  for (int n = 0; n < 100 && std::getline(in, line); ++n) {
    std::string word;
    for (const char c : line + " ") {
      if (c == ' ' || c == '"' || c == ',' || c == '.' || c == ':') {
        if (!word.empty() && model::is_valid_utf8(word)) {
          BOOST_TEST(fold(word) == model::fold(word), word);
          ++words;
        }
        word.clear();
      } else {
        word += c;
      }
    }
  }
  BOOST_TEST(words > 10000u);
}

BOOST_AUTO_TEST_CASE(diacritics_are_detected) {
  BOOST_TEST(search::has_diacritics("bán"));
  BOOST_TEST(search::has_diacritics("Đak"));
  BOOST_TEST(search::has_diacritics("no\xCC\x82ng"));
  BOOST_TEST(!search::has_diacritics("ban hanh 1382/qd-ubnd"));
  BOOST_TEST(!search::has_diacritics("× ©"));
}

BOOST_AUTO_TEST_CASE(document_numbers_normalise_to_one_form) {
  BOOST_TEST(search::normalize_number("1382/QĐ-UBND") == "1382/qd-ubnd");
  BOOST_TEST(search::normalize_number("1382/qd-ubnd") == "1382/qd-ubnd");
  BOOST_TEST(search::normalize_number(" 12/2024/NQ–HĐND ") == "12/2024/nq-hdnd");  // en dash
  BOOST_TEST(search::normalize_number("1382 / QĐ - UBND") == "1382/qd-ubnd");
  const auto parts = search::number_parts("12/2024/nq-hdnd");
  BOOST_TEST(parts == (std::vector<std::string>{"12", "2024", "nq", "hdnd"}), boost::test_tools::per_element());
  BOOST_TEST(search::looks_like_number("1382/QĐ-UBND"));
  BOOST_TEST(search::looks_like_number("12/2024/NQ-HĐND"));
  BOOST_TEST(!search::looks_like_number("1382"));
  BOOST_TEST(!search::looks_like_number("QĐ-UBND"));
  BOOST_TEST(!search::looks_like_number("1382/"));
}

BOOST_AUTO_TEST_SUITE_END()
