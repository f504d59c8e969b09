#pragma once
// Word-level differences between two texts, for showing what changed between two versions of an article
// (the revision comparison and the edit-conflict page). Pure functions, no I/O.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portald::model {

enum class DiffOp { same, removed, added };

struct DiffPart {
  DiffOp op = DiffOp::same;
  std::string text;  // words with the white space that follows them
  bool operator==(const DiffPart&) const = default;
};

// The parts that turn `before` into `after`, in reading order; neighbouring parts of one kind are merged,
// and a removal comes before the addition that replaces it. Words are runs of non-white-space bytes, so
// UTF-8 text splits at spaces only. A common beginning and end are matched first; when what is left would
// need more than max_cells comparisons (words before x words after), the middle is shown as one removal
// and one addition instead of a finer diff.
std::vector<DiffPart> diff_words(std::string_view before, std::string_view after,
                                 std::size_t max_cells = std::size_t(4) << 20);

}  // namespace portald::model
