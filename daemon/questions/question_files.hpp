#pragma once
// The files a citizen attaches to a question (issue 12): at most model::kMaxAttachments, each a photo or a
// PDF as judged from its bytes, up to the size the data centre set. The name and the bytes are sealed with
// the personal-data key (a name can carry a person's name); the record keeps only each file's type and
// size, for the queue. Reading one back is for a handler who may see the item, and is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/model/question.hpp"
#include "daemon/store/store.hpp"

namespace portald::secrets {
class PersonalDataKey;
}

namespace portald::questions {

struct Handler;

// A file as the form posted it.
struct AttachedFile {
  std::string name{};  // as the browser sent it: only its last path part is kept, cleaned
  std::string bytes{};
};

// Checks the files against the settings: how many, each one's type from its bytes and its size; fills
// `found` with what each is. Returns what to correct, in Vietnamese, naming the file.
std::vector<std::string> check_files(const std::vector<AttachedFile>& files, const model::QuestionSettings& s,
                                     std::vector<model::QuestionAttachment>& found);

// The name kept for a file: the last part of what the browser sent, in NFC, without control characters,
// at most model::kAttachmentNameMax code points; "tep-N" when nothing is left.
std::string clean_file_name(std::string_view raw, std::size_t n);

// Seals and writes the files of the new question `q` (checked by check_files) in the caller's
// transaction, and sets q.attachments.
void put_files(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key, model::Question& q,
               const std::vector<AttachedFile>& files, const std::vector<model::QuestionAttachment>& found);

// The names of the question's files, in order, opened for the citizen's own export (not audited as a
// handler's view: the caller audits the export); "" for one the key does not open.
std::vector<std::string> file_names(const store::Txn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                                    const model::Question& q);

struct OpenedFile {
  std::string name{};
  std::string type{};
  std::string bytes{};
};
// File `n` of question `id` for a handler who may see the item (an agency answerer: only its own
// agency's); the view is written to the audit log before returning. std::nullopt when not allowed,
// absent, erased, or the key does not open it.
std::optional<OpenedFile> open_file(const store::Store& store, const secrets::PersonalDataKey& key, std::uint64_t id,
                                    std::size_t n, const Handler& h, model::UnixTime now);

}  // namespace portald::questions
