#pragma once
// A change of the editorial board's membership waiting for the board (Quy chế Điều 6.1a: the board
// approves the list of its members). The operator proposes; the editor-in-chief or a deputy approves
// or rejects; until then the account keeps its old role (or does not exist yet).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"
#include "daemon/model/user.hpp"

namespace portald::model {

enum class BoardChangeKind { create, role };

// Stable key ("create", "role") for storage; std::nullopt for an unknown one.
std::string_view to_string(BoardChangeKind kind);
std::optional<BoardChangeKind> parse_board_change_kind(std::string_view key);

struct BoardChange {
  std::string username{};
  BoardChangeKind kind = BoardChangeKind::role;
  Role from = Role::reporter;  // role: the account's role when proposed
  Role to = Role::member;
  // create: the account as the operator filled it in, the password hashed when proposed.
  std::string display_name{};
  std::uint64_t agency_id = 0;
  std::string password_hash{};
  bool generated_password = false;
  std::string email{};
  std::string reason{};  // why, as the operator wrote it
  std::string proposed_by{};
  UnixTime proposed_at = 0;
};

}  // namespace portald::model
