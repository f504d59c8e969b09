#include "daemon/questions/question_files.hpp"

#include <algorithm>

#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/secrets/personal_data_key.hpp"
#include "daemon/store/audit_table.hpp"
#include "daemon/store/question_file_table.hpp"

namespace portald::questions {
namespace {

std::string purpose(std::uint64_t id, std::size_t n) {
  return "question-file:" + std::to_string(id) + ":" + std::to_string(n);
}

// The sealed value's plain text: the name's length on 2 bytes, the name, then the bytes.
std::string pack(std::string_view name, std::string_view bytes) {
  std::string out;
  out.reserve(2 + name.size() + bytes.size());
  out += static_cast<char>((name.size() >> 8) & 0xff);
  out += static_cast<char>(name.size() & 0xff);
  out += name;
  out += bytes;
  return out;
}

std::optional<std::pair<std::string, std::string>> unpack(std::string_view plain) {
  if (plain.size() < 2) return std::nullopt;
  const std::size_t n = (static_cast<unsigned char>(plain[0]) << 8) | static_cast<unsigned char>(plain[1]);
  if (plain.size() < 2 + n) return std::nullopt;
  return std::pair{std::string(plain.substr(2, n)), std::string(plain.substr(2 + n))};
}

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + (1 << 20) - 1) >> 20;  // rounded up: never says "5 MB" for 5.01
  return std::to_string(tenths / 10) + (tenths % 10 ? "," + std::to_string(tenths % 10) : "") + " MB";
}

}  // namespace

std::string clean_file_name(std::string_view raw, std::size_t n) {
  if (const auto slash = raw.find_last_of("/\\"); slash != std::string_view::npos) raw = raw.substr(slash + 1);
  std::string out;
  if (const auto nfc = model::to_nfc(raw)) {
    std::size_t points = 0;
    for (const char c : *nfc) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7f || c == '"') continue;
      if ((u & 0xc0) != 0x80 && ++points > model::kAttachmentNameMax) break;
      out += c;
    }
  }
  out = std::string(model::trim(out));
  return out.empty() || out == "." || out == ".." ? "tep-" + std::to_string(n + 1) : out;
}

std::vector<std::string> check_files(const std::vector<AttachedFile>& files, const model::QuestionSettings& s,
                                     std::vector<model::QuestionAttachment>& found) {
  std::vector<std::string> errors;
  found.clear();
  if (files.size() > model::kMaxAttachments) {
    errors.push_back("Chỉ được đính kèm tối đa " + std::to_string(model::kMaxAttachments) + " tệp.");
    return errors;
  }
  const std::uint64_t max =
      std::uint64_t(std::clamp(s.attachment_max_mb, model::kAttachmentMbMin, model::kAttachmentMbMax)) << 20;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    const std::string name = clean_file_name(f.name, i);
    if (f.bytes.size() > max) {
      errors.push_back("Tệp \"" + name + "\" quá lớn (" + megabytes(f.bytes.size()) + "): mỗi tệp tối đa " +
                       std::to_string(max >> 20) + " MB.");
      continue;
    }
    const auto type = model::sniff_media_type(f.bytes, name);
    if (!type || !model::is_attachment_type(*type)) {
      errors.push_back("Tệp \"" + name + "\" không phải ảnh (JPEG, PNG, WebP) hoặc tệp PDF.");
      continue;
    }
    found.push_back({*type, f.bytes.size()});
  }
  return errors;
}

void put_files(store::WriteTxn& txn, const store::Tables& t, const secrets::PersonalDataKey& key, model::Question& q,
               const std::vector<AttachedFile>& files, const std::vector<model::QuestionAttachment>& found) {
  q.attachments.clear();
  for (std::size_t i = 0; i < files.size() && i < found.size(); ++i) {
    const std::string name = clean_file_name(files[i].name, i);
    store::put_question_file(txn, t, q.id, static_cast<std::uint8_t>(i),
                             key.seal(pack(name, files[i].bytes), purpose(q.id, i)));
    q.attachments.push_back(found[i]);
  }
}

std::vector<std::string> file_names(const store::Txn& txn, const store::Tables& t, const secrets::PersonalDataKey& key,
                                    const model::Question& q) {
  std::vector<std::string> names;
  for (std::size_t n = 0; n < q.attachments.size(); ++n) {
    const auto sealed = store::get_question_file(txn, t, q.id, static_cast<std::uint8_t>(n));
    const auto plain = sealed ? key.open(*sealed, purpose(q.id, n)) : std::nullopt;
    const auto parts = plain ? unpack(*plain) : std::nullopt;
    names.push_back(parts ? parts->first : "");
  }
  return names;
}

std::optional<OpenedFile> open_file(const store::Store& store, const secrets::PersonalDataKey& key, std::uint64_t id,
                                    std::size_t n, const Handler& h, model::UnixTime now) {
  const auto& t = store.tables();
  store::WriteTxn txn = store.write();
  const auto q = load_for(txn, t, id, h);
  if (!q || q->erased_at != 0 || n >= q->attachments.size()) return std::nullopt;
  const auto sealed = store::get_question_file(txn, t, id, static_cast<std::uint8_t>(n));
  if (!sealed) return std::nullopt;
  const auto plain = key.open(*sealed, purpose(id, n));
  if (!plain) return std::nullopt;
  auto parts = unpack(*plain);
  if (!parts) return std::nullopt;
  store::append_audit(txn, t, model::AuditAction::question_file_view,
                      {.seq = 0,
                       .at = now,
                       .actor = h.actor.username,
                       .action = {},
                       .object = "question/" + std::to_string(id),
                       .from = "",
                       .to = "tệp " + std::to_string(n + 1),
                       .reason = "",
                       .address = h.actor.address});
  txn.commit();
  return OpenedFile{std::move(parts->first), q->attachments[n].type, std::move(parts->second)};
}

}  // namespace portald::questions
