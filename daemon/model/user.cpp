// Role names (stable keys and Vietnamese labels) and the rules for user names and second factors.
#include "daemon/model/user.hpp"

#include <array>
#include <utility>

namespace portald::model {
namespace {

constexpr std::array<std::pair<Role, std::pair<std::string_view, std::string_view>>, 8> kRoles{{
    {Role::operator_, {"operator", "Quản trị hệ thống"}},
    {Role::editor_in_chief, {"editor-in-chief", "Trưởng ban biên tập"}},
    {Role::deputy, {"deputy", "Phó trưởng ban biên tập"}},
    {Role::secretariat, {"secretariat", "Thư ký, biên tập viên"}},
    {Role::member, {"member", "Thành viên Ban biên tập"}},
    {Role::reporter, {"reporter", "Phóng viên"}},
    {Role::contributor, {"contributor", "Cộng tác viên"}},
    {Role::agency_answerer, {"agency-answerer", "Cán bộ trả lời của cơ quan"}},
}};

}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, names] : kRoles)
    if (r == role) return names.first;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view key) {
  for (const auto& [r, names] : kRoles)
    if (names.first == key) return r;
  return std::nullopt;
}

std::string_view role_label(Role role) {
  for (const auto& [r, names] : kRoles)
    if (r == role) return names.second;
  return "";
}

// The deputies approve by delegation exactly what the editor-in-chief does (issue 16): the same door.
bool needs_second_factor(Role role) {
  return role == Role::operator_ || role == Role::editor_in_chief || role == Role::deputy;
}

bool is_board_role(Role role) {
  return role == Role::editor_in_chief || role == Role::deputy || role == Role::secretariat || role == Role::member;
}

bool needs_agency(Role role) { return role == Role::contributor || role == Role::agency_answerer; }

bool is_valid_username(std::string_view name) {
  if (name.size() < 3 || name.size() > 32 || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace portald::model
