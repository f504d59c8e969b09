#pragma once
// One saved version of a section page, edited in the admin (/quan-tri/trang, issue 14). An editor's
// save is a pending revision; the board (the roles that approve articles) approves it, and only then
// does the page readers see change. Every revision is kept, with who decided what (store: the table
// "page_revisions", page_table.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/model/site_page.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

enum class PageRevisionState { pending, approved, returned, superseded };

inline constexpr std::pair<PageRevisionState, std::string_view> kPageRevisionStates[] = {
    {PageRevisionState::pending, "pending"},
    {PageRevisionState::approved, "approved"},
    {PageRevisionState::returned, "returned"},
    {PageRevisionState::superseded, "superseded"}};

inline std::string_view to_string(PageRevisionState state) {
  for (const auto& [k, name] : kPageRevisionStates)
    if (k == state) return name;
  return "pending";
}

inline std::optional<PageRevisionState> parse_page_revision_state(std::string_view s) {
  for (const auto& [k, name] : kPageRevisionStates)
    if (name == s) return k;
  return std::nullopt;
}

// Vietnamese label of a revision's state.
inline std::string_view page_revision_state_label(PageRevisionState state) {
  switch (state) {
    case PageRevisionState::pending: return "Chờ duyệt";
    case PageRevisionState::approved: return "Đã duyệt, công khai";
    case PageRevisionState::returned: return "Bị trả lại";
    case PageRevisionState::superseded: return "Đã có bản sửa mới hơn";
  }
  return "Chờ duyệt";
}

struct PageRevision {
  std::uint64_t page_id = 0;
  std::uint32_t number = 0;  // 1, 2, ... per page
  // What the page is (fixed when it was created) and its content in this version.
  std::string lang = "vi";
  std::string slug;
  PageKind kind = PageKind::text;
  std::string title;
  std::string summary;
  std::string body_html;  // sanitised
  std::vector<std::vector<std::string>> entries;
  std::uint32_t position = 0;
  PageRevisionState state = PageRevisionState::pending;
  std::string saved_by;
  UnixTime saved_at = 0;
  std::string decided_by;  // who approved or returned it
  UnixTime decided_at = 0;
  std::string reason;  // why it was returned
  std::string note;    // "Tạo trang", "Nhập từ tệp", "Khôi phục từ phiên bản 2"
};

}  // namespace portald::model
