#pragma once
// The thread between the editorial board and an article's provider (issue 16, Quy chế Điều 8.2): plain-text
// notes, oldest first, stored per article (store/article_note_table.hpp). A board member's request to
// clarify and the provider's answer are notes too, of their own kind, written with the transition.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/time.hpp"

namespace portald::model {

enum class NoteKind {
  note,    // a remark in the thread, no change of state
  ask,     // the board asked the provider to clarify (Transition::ask_clarification)
  answer,  // the provider answered and sent the article back (Transition::answer_clarification)
};
std::string_view to_string(NoteKind k);
std::optional<NoteKind> parse_note_kind(std::string_view key);
// Vietnamese label shown in the thread ("Đề nghị làm rõ", ...).
std::string_view note_kind_label(NoteKind k);

struct ArticleNote {
  std::uint64_t article_id = 0;
  std::uint32_t seq = 0;  // 1, 2, ... per article; given by the store
  UnixTime at = 0;
  std::string author{};  // username
  NoteKind kind = NoteKind::note;
  std::string text{};  // plain text, cleaned (clean_note_text)
};

// Most characters a note may hold (the same limit as a return reason).
inline constexpr std::size_t kMaxNoteLength = 2000;

struct CleanNote {
  std::string text{};     // NFC, trimmed, line breaks kept
  std::string problem{};  // Vietnamese; empty when the text may be stored
};
// The text of a note as typed: cleaned with clean_typed_text and measured (1 to kMaxNoteLength
// characters). Never throws.
CleanNote clean_note_text(std::string_view raw);

}  // namespace portald::model
