#include <fstream>
#include <sstream>

#include "daemon/cli/content_import.hpp"
#include "daemon/cli/fields.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_editorial_table.hpp"
#include "daemon/store/document_table.hpp"

namespace portald::cli {
namespace {

constexpr std::uintmax_t kMaxAttachmentBytes = 50u << 20;

struct FileType {
  std::string_view extension;
  std::string_view content_type;
};
constexpr FileType kFileTypes[] = {
    {".pdf", "application/pdf"},
    {".doc", "application/msword"},
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {".odt", "application/vnd.oasis.opendocument.text"},
};

struct DocumentLine {
  model::LegalDocument doc;
  std::vector<std::filesystem::path> files;
};

std::int32_t date_field(const nlohmann::json& j, const char* name, bool required) {
  const auto text = text_field(j, name, 10, required);
  if (!text) return 0;
  const auto days = model::parse_iso_date(*text);
  if (!days) throw FieldError(name, "must be a date as YYYY-MM-DD");
  return *days;
}

std::string_view content_type_of(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& t : kFileTypes)
    if (t.extension == ext) return t.content_type;
  return {};
}

std::vector<std::filesystem::path> files_field(const nlohmann::json& j, const std::filesystem::path& base) {
  std::vector<std::filesystem::path> out;
  const auto it = j.find("files");
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) throw FieldError("files", "must be an array of file paths");
  if (it->size() > 50) throw FieldError("files", "has more than 50 files");
  for (const auto& f : *it) {
    if (!f.is_string() || f.get_ref<const std::string&>().empty())
      throw FieldError("files", "every entry must be a non-empty path");
    const std::filesystem::path rel(f.get<std::string>());
    if (rel.is_absolute()) throw FieldError("files", rel.string() + ": must be relative to the JSONL file");
    const auto path = base / rel;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw FieldError("files", rel.string() + ": no such file");
    if (content_type_of(path).empty())
      throw FieldError("files", rel.string() + ": only PDF, DOC, DOCX and ODT files are accepted");
    if (std::filesystem::file_size(path, ec) > kMaxAttachmentBytes)
      throw FieldError("files", rel.string() + ": larger than 50 MiB");
    out.push_back(path);
  }
  return out;
}

DocumentLine parse(const nlohmann::json& j, const std::filesystem::path& base) {
  DocumentLine line;
  auto& d = line.doc;
  d.source_id = source_id_field(j).value_or("");
  d.number = *text_field(j, "number", 100, true);
  d.type = *text_field(j, "type", 100, true);
  d.issuer = *text_field(j, "issuer", 300, true);
  d.signer = text_field(j, "signer", 200, false).value_or("");
  d.issued_on = date_field(j, "issued_on", true);
  d.effective_on = date_field(j, "effective_on", false);
  d.expires_on = date_field(j, "expires_on", false);
  if (d.expires_on && d.expires_on < d.issued_on) throw FieldError("expires_on", "is before issued_on");
  d.field = text_field(j, "field", 200, false).value_or("");
  d.abstract_text = *text_field(j, "abstract", 5000, true);
  d.national_db_url = text_field(j, "national_db_url", 2000, false).value_or("");
  if (!d.national_db_url.empty() && !d.national_db_url.starts_with("https://") &&
      !d.national_db_url.starts_with("http://"))
    throw FieldError("national_db_url", "must be an http:// or https:// address");
  line.files = files_field(j, base);
  return line;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("cannot read " + p.string());
  return bytes.str();
}

bool write(store::WriteTxn& txn, const store::Tables& t, const nlohmann::json& j, const std::filesystem::path& base) {
  DocumentLine in = parse(j, base);
  auto& d = in.doc;
  const auto now = model::now();
  d.created_at = now;
  if (!d.source_id.empty())
    if (const auto id = store::find_document_by_source(txn, t, d.source_id))
      if (const auto old = store::get_document(txn, t, *id)) {
        d.id = old->id;
        d.created_at = old->created_at;
        // What the board decided in the admin (issue 14) is not in the import format: a re-import
        // updates the fields and files, and a withdrawn document stays withdrawn, a replaced one replaced.
        if (old->status == model::ArticleStatus::withdrawn) d.status = old->status;
        d.published_at = old->published_at;
        d.replaced_by = old->replaced_by;
        d.replaces = old->replaces;
        d.validity_note = old->validity_note;
      }
  const bool created = d.id == 0;
  d.updated_at = now;
  for (const auto& path : in.files) {
    model::Media m{0, path.filename().string(), std::string(content_type_of(path)), read_file(path)};
    const std::uint64_t size = m.bytes.size();
    d.attachments.push_back({store::add_media(txn, t, m), m.file_name, m.content_type, size});
  }
  // A document the admin has handled keeps its history: the re-imported fields become the version under
  // work, unless someone's edit is pending there (its approval will then replace them).
  if (auto state = created ? std::nullopt : store::get_document_state(txn, t, d.id))
    if (state->state == model::ArticleStatus::published || state->state == model::ArticleStatus::withdrawn) {
      state->work_revision = store::add_document_revision(txn, t,
                                                          {.document_id = d.id,
                                                           .content = model::content_of(d),
                                                           .saved_by = "portaldctl",
                                                           .saved_at = now,
                                                           .note = "nhập lại bằng portaldctl"});
      store::put_document_state(txn, t, *state);
    }
  store::put_document(txn, t, std::move(d));
  return created;
}

}  // namespace

ImportKind document_import_kind(const std::filesystem::path& base_dir) {
  return ImportKind{.noun = "documents",
                    .validate = [base_dir](const nlohmann::json& j) { parse(j, base_dir); },
                    .write = [base_dir](store::WriteTxn& txn, const store::Tables& t,
                                        const nlohmann::json& j) { return write(txn, t, j, base_dir); }};
}

}  // namespace portald::cli
