// Word differences between two versions: exact text back from the parts, removals before additions,
// Vietnamese words kept whole, and a bounded fallback for very long texts.
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <sstream>

#include "daemon/model/text_diff.hpp"

using namespace portald::model;

namespace portald::model {
// For Boost.Test's messages: "-[thứ Bảy ]".
std::ostream& operator<<(std::ostream& os, const DiffPart& p) {
  return os << (p.op == DiffOp::same ? "=" : p.op == DiffOp::removed ? "-" : "+") << '[' << p.text << ']';
}
}  // namespace portald::model

namespace {

// The words of a text (same parts keep the white space of the newer text).
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string joined(const std::vector<DiffPart>& parts, bool with_removed, bool with_added) {
  std::string out;
  for (const auto& p : parts)
    if (p.op == DiffOp::same || (p.op == DiffOp::removed && with_removed) || (p.op == DiffOp::added && with_added))
      out += p.text;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_diff)

BOOST_AUTO_TEST_CASE(equal_texts_are_one_same_part) {
  const auto d = diff_words("Sở Y tế thông báo", "Sở Y tế thông báo");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST((d[0].op == DiffOp::same));
  BOOST_TEST(diff_words("", "").empty());
}

BOOST_AUTO_TEST_CASE(a_replaced_word_is_a_removal_then_an_addition) {
  const auto d = diff_words("Khám miễn phí vào thứ Bảy tại trạm", "Khám miễn phí vào Chủ nhật tại trạm");
  const std::vector<DiffPart> expected{{DiffOp::same, "Khám miễn phí vào "},
                                       {DiffOp::removed, "thứ Bảy "},
                                       {DiffOp::added, "Chủ nhật "},
                                       {DiffOp::same, "tại trạm"}};
  BOOST_TEST(d == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_parts_give_back_both_texts) {
  const std::string a = "Một hai ba bốn năm sáu bảy tám chín mười";
  const std::string b = "Một ba bốn năm NĂM sáu tám chín mười mười một";
  const auto d = diff_words(a, b);
  BOOST_TEST(words(joined(d, true, false)) == words(a), boost::test_tools::per_element());
  BOOST_TEST(joined(d, false, true) == b);
}

BOOST_AUTO_TEST_CASE(no_break_spaces_separate_words) {
  const auto d = diff_words(
      "Từ\xC2\xA0"
      "7 giờ",
      "Từ\xC2\xA0"
      "13 giờ");
  const std::vector<DiffPart> expected{
      {DiffOp::same, "Từ\xC2\xA0"}, {DiffOp::removed, "7 "}, {DiffOp::added, "13 "}, {DiffOp::same, "giờ"}};
  BOOST_TEST(d == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(additions_at_the_ends_and_into_empty_text) {
  auto d = diff_words("", "Bài mới");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST((d[0].op == DiffOp::added));
  d = diff_words("Bài cũ", "");
  BOOST_TEST_REQUIRE(d.size() == 1u);
  BOOST_TEST((d[0].op == DiffOp::removed));
  d = diff_words("a b", "a b c");
  BOOST_TEST(joined(d, false, true) == "a b c");
  BOOST_TEST((d.back().op == DiffOp::added));
  BOOST_TEST(d.back().text == "c");
}

BOOST_AUTO_TEST_CASE(long_texts_fall_back_to_one_removal_and_one_addition) {
  std::string a = "đầu ", b = "đầu ";
  for (int i = 0; i < 50; ++i) {
    a += "x" + std::to_string(i) + " ";
    b += "y" + std::to_string(i) + " ";
  }
  a += "cuối";
  b += "cuối";
  const auto d = diff_words(a, b, 100);
  BOOST_TEST_REQUIRE(d.size() == 4u);
  BOOST_TEST((d[0].op == DiffOp::same));
  BOOST_TEST((d[1].op == DiffOp::removed));
  BOOST_TEST((d[2].op == DiffOp::added));
  BOOST_TEST(d[3].text == "cuối");
  BOOST_TEST(joined(d, true, false) == a);
  BOOST_TEST(joined(d, false, true) == b);
}

BOOST_AUTO_TEST_SUITE_END()
