#include "daemon/store/question_file_table.hpp"

#include <vector>

#include "daemon/store/lmdb.hpp"

namespace portald::store {
namespace {

std::string file_key(std::uint64_t question, std::uint8_t n) { return be64(question) + static_cast<char>(n); }

}  // namespace

void put_question_file(WriteTxn& txn, const Tables& t, std::uint64_t question, std::uint8_t n,
                       std::string_view sealed) {
  txn.put(t.question_files, file_key(question, n), sealed);
}

std::optional<std::string> get_question_file(const Txn& txn, const Tables& t, std::uint64_t question, std::uint8_t n) {
  const auto v = txn.get(t.question_files, file_key(question, n));
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

std::size_t erase_question_files(WriteTxn& txn, const Tables& t, std::uint64_t question) {
  const std::string prefix = be64(question);
  std::vector<std::string> keys;
  {
    Cursor c(txn, t.question_files);
    for (bool ok = c.seek(prefix); ok && c.key().starts_with(prefix); ok = c.next()) keys.emplace_back(c.key());
  }
  for (const auto& k : keys) txn.del(t.question_files, k);
  return keys.size();
}

}  // namespace portald::store
