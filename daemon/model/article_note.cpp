#include "daemon/model/article_note.hpp"

#include <array>
#include <utility>

#include "daemon/model/typed_text.hpp"

namespace portald::model {
namespace {

struct KindNames {
  NoteKind kind;
  std::string_view key;    // stored
  std::string_view label;  // Vietnamese, NFC
};

constexpr std::array<KindNames, 3> kKinds{{
    {NoteKind::note, "note", "Ghi chú"},
    {NoteKind::ask, "ask", "Đề nghị làm rõ"},
    {NoteKind::answer, "answer", "Trả lời"},
}};

}  // namespace

std::string_view to_string(NoteKind k) {
  for (const auto& n : kKinds)
    if (n.kind == k) return n.key;
  return "note";
}

std::optional<NoteKind> parse_note_kind(std::string_view key) {
  for (const auto& n : kKinds)
    if (n.key == key) return n.kind;
  return std::nullopt;
}

std::string_view note_kind_label(NoteKind k) {
  for (const auto& n : kKinds)
    if (n.kind == k) return n.label;
  return "";
}

CleanNote clean_note_text(std::string_view raw) {
  auto clean = clean_typed_text(raw, /*multi_line=*/true);
  if (!clean) return {"", "Nội dung ghi chú có ký tự không hợp lệ."};
  if (clean->empty()) return {"", "Vui lòng nhập nội dung ghi chú."};
  if (auto problem = length_problem(*clean, 1, kMaxNoteLength, "Nội dung ghi chú"))
    return {std::move(*clean), std::move(*problem)};
  return {std::move(*clean), ""};
}

}  // namespace portald::model
