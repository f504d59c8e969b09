#include "daemon/model/text_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace portald::model {
namespace {

// The length of the white space at s[i] (0 when none): ASCII white space, and U+00A0 (editors type
// no-break spaces between words without knowing).
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  return c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0' ? 2 : 0;
}

// Tokens: a word with the white space after it (leading white space is a token of its own), so the
// parts joined give back the text exactly.
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    while (i < s.size() && space_at(s, i) == 0) ++i;
    for (std::size_t n; i < s.size() && (n = space_at(s, i)) != 0;) i += n;
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Words compare without their trailing white space: a re-wrapped line is not a change.
std::string_view word(std::string_view token) {
  std::size_t end = 0;
  while (end < token.size() && space_at(token, end) == 0) ++end;
  return token.substr(0, end);
}

void emit(std::vector<DiffPart>& out, DiffOp op, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op) {
    out.back().text += text;
    return;
  }
  out.push_back({op, std::string(text)});
}

// Longest common subsequence over the middle tokens, then walked front to back.
void lcs_diff(std::vector<DiffPart>& out, const std::vector<std::string_view>& a,
              const std::vector<std::string_view>& b) {
  const std::size_t n = a.size(), m = b.size();
  // len[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  std::vector<std::uint32_t> len((n + 1) * (m + 1), 0);
  const auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      len[at(i, j)] =
          word(a[i]) == word(b[j]) ? len[at(i + 1, j + 1)] + 1 : std::max(len[at(i + 1, j)], len[at(i, j + 1)]);
  std::size_t i = 0, j = 0;
  std::vector<DiffPart> removed_run, added_run;
  // Removals and additions between two matches are gathered so the removal is shown first.
  const auto flush = [&] {
    for (auto& p : removed_run) emit(out, p.op, p.text);
    for (auto& p : added_run) emit(out, p.op, p.text);
    removed_run.clear();
    added_run.clear();
  };
  while (i < n || j < m) {
    if (i < n && j < m && word(a[i]) == word(b[j])) {
      flush();
      emit(out, DiffOp::same, b[j]);
      ++i;
      ++j;
    } else if (j < m && (i == n || len[at(i, j + 1)] >= len[at(i + 1, j)])) {
      emit(added_run, DiffOp::added, b[j++]);
    } else {
      emit(removed_run, DiffOp::removed, a[i++]);
    }
  }
  flush();
}

}  // namespace

std::vector<DiffPart> diff_words(std::string_view before, std::string_view after, std::size_t max_cells) {
  const auto a = tokens(before), b = tokens(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<DiffPart> out;
  for (std::size_t k = 0; k < head; ++k) emit(out, DiffOp::same, a[k]);
  const std::vector<std::string_view> mid_a(a.begin() + static_cast<std::ptrdiff_t>(head),
                                            a.end() - static_cast<std::ptrdiff_t>(tail));
  const std::vector<std::string_view> mid_b(b.begin() + static_cast<std::ptrdiff_t>(head),
                                            b.end() - static_cast<std::ptrdiff_t>(tail));
  if (!mid_a.empty() && !mid_b.empty() && (mid_a.size() + 1) * (mid_b.size() + 1) <= max_cells) {
    lcs_diff(out, mid_a, mid_b);
  } else {
    for (const auto t : mid_a) emit(out, DiffOp::removed, t);
    for (const auto t : mid_b) emit(out, DiffOp::added, t);
  }
  for (std::size_t k = b.size() - tail; k < b.size(); ++k) emit(out, DiffOp::same, b[k]);
  return out;
}

}  // namespace portald::model
