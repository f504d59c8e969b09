#include "daemon/model/board_change.hpp"

namespace portald::model {

std::string_view to_string(BoardChangeKind kind) { return kind == BoardChangeKind::create ? "create" : "role"; }

std::optional<BoardChangeKind> parse_board_change_kind(std::string_view key) {
  if (key == "create") return BoardChangeKind::create;
  if (key == "role") return BoardChangeKind::role;
  return std::nullopt;
}

}  // namespace portald::model
