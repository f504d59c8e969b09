#pragma once
// The edit page of one legal document (form, state, workflow buttons, the board's validity marks,
// revisions) and the reading of its posted form, shared by the handlers that show it again after a
// refused or invalid post (issue 14).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/documents/document_service.hpp"
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

// The form's fields as the person typed them (dates as text, so a refused post shows them unchanged).
struct DocumentFields {
  std::string number, type, issuer, signer, issued_on, effective_on, expires_on, field, abstract_text, national_db_url;
  std::string library;  // "Thêm tệp từ thư viện": ids or /tep/ addresses, as typed
  struct ShownFile {
    std::uint64_t media_id = 0;
    std::string name;
    bool kept = true;
  };
  std::vector<ShownFile> files;  // the current attachments, in order, with their "giữ" box
};

// The fields of a stored version (dates as YYYY-MM-DD for <input type="date">).
DocumentFields fields_of(const store::Txn& txn, const store::Tables& t, const model::DocumentContent& c);

// A posted form read into what the service saves, with the problems the form itself can see (a date that
// is no date, a library entry that is no media id) and whether files were sent (a refused post loses
// them: browsers never fill a file input again).
struct PostedDocument {
  DocumentFields fields;
  documents::Posted posted;
  std::vector<std::string> errors;
  bool had_uploads = false;
};
PostedDocument read_document_form(const store::Txn& txn, const store::Tables& t, const Form& form);

// What the page shows beyond the item itself.
struct DocumentView {
  const DocumentFields& shown;
  std::vector<std::string> errors{};
  int status = 200;
  std::optional<std::uint32_t> base_revision{};  // default: the work revision
  bool unsaved = false;                          // `shown` is not what is saved (a refused post)
  std::vector<std::string> notices{};
  const Form* posted = nullptr;  // the post shown again: its reasons and mark fields
};

// item == std::nullopt: the "new document" form.
Response document_editor_page(const Context& ctx, const Request& req, const model::User& user,
                              const std::optional<documents::Item>& item, const DocumentView& view);

}  // namespace portald::web::admin
