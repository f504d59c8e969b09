#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::model {

// The regulation's roles (Quy chế Điều 5, 6, 8, 11).
// `member` is a board member ("Thành viên", Điều 11.1b), stored by its key, so it may come last.
enum class Role { operator_, editor_in_chief, deputy, secretariat, reporter, contributor, agency_answerer, member };
// Stable English key used in config, CLI and storage ("operator", "editor-in-chief", ...).
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view key);
// Vietnamese label shown to people ("Quản trị hệ thống", "Trưởng ban biên tập", ...).
std::string_view role_label(Role role);

struct User {
  std::string username;  // lower-case ASCII, 3..32 of [a-z0-9._-]
  std::string display_name;
  Role role = Role::reporter;
  std::uint64_t agency_id = 0;  // contributors and answerers belong to an agency
  std::string password_hash;    // Argon2id string from crypto_pwhash_str
  bool suspended = false;
  UnixTime created_at = 0;
  std::string totp_secret;            // base32 RFC 6238 secret; "" = no second factor enrolled
  std::int64_t totp_last_step = 0;    // time step of the last code accepted: a code works once
  std::string email;                  // work e-mail for the editorial notices (Điều 8.4); "" = none
  bool must_change_password = false;  // a generated or reset password: changed before any other page
};

// True for roles that must pass a second factor (TOTP) before any admin page (issue 4).
bool needs_second_factor(Role role);
// True for the editorial board's roles (Điều 11.1b): editor-in-chief, deputy, secretariat, member. Their
// changes by an operator wait for the board's approval (daemon/accounts/board.hpp).
bool is_board_role(Role role);
// True for roles that belong to an agency (contributors and agency answerers): such an account needs one.
bool needs_agency(Role role);

// True when the name is 3..32 characters of [a-z0-9._-] starting with a letter.
bool is_valid_username(std::string_view name);

}  // namespace portald::model
