#pragma once
// Citizens' questions (issue 12): table "question_files", the files attached to a question, each
// sealed by the caller (questions/question_files.hpp) before it gets here. Key: be64(question id) +
// one byte, the file's place on the form (0..model::kMaxAttachments - 1).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/store/store.hpp"

namespace portald::store {

void put_question_file(WriteTxn& txn, const Tables& t, std::uint64_t question, std::uint8_t n, std::string_view sealed);
std::optional<std::string> get_question_file(const Txn& txn, const Tables& t, std::uint64_t question, std::uint8_t n);
// Removes every file of the question; returns how many there were.
std::size_t erase_question_files(WriteTxn& txn, const Tables& t, std::uint64_t question);

}  // namespace portald::store
