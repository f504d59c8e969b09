#pragma once
// What the admin keeps beside a legal document (store: document_editorial_table.hpp): its workflow state
// and every saved version. The states and transitions are the articles' (workflow.hpp); only the
// content differs.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/legal_document.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

// The fields of a document that an editor changes and the board approves: everything readers see but
// the validity marks (expired, replaced), which the board sets on the record itself.
struct DocumentContent {
  std::string number{};  // số ký hiệu
  std::string type{};
  std::string issuer{};
  std::string signer{};
  std::int32_t issued_on = 0;  // days since epoch
  std::int32_t effective_on = 0;
  std::int32_t expires_on = 0;
  std::string field{};
  std::string abstract_text{};
  std::string national_db_url{};
  std::vector<Attachment> attachments{};

  bool operator==(const DocumentContent&) const = default;
};

// The content of a document record, and the record with `c` applied (other fields kept).
DocumentContent content_of(const LegalDocument& d);
void apply(LegalDocument& d, const DocumentContent& c);

// The workflow state of a document, as EditorialState is for an article. While the record is live
// (published or withdrawn) it keeps serving readers and `state` is that of the version in work_revision.
struct DocumentState {
  std::uint64_t document_id = 0;
  ArticleStatus state = ArticleStatus::draft;
  std::string created_by{};         // username of the author
  std::uint32_t work_revision = 0;  // the revision under work; 0 = the record itself
  std::string reason{};             // last return/withdraw reason, shown to the author
  std::string last_actor{};
  UnixTime since = 0;  // when `state` was entered
};

// One saved version of a document's content.
struct DocumentRevision {
  std::uint64_t document_id = 0;
  std::uint32_t number = 0;
  DocumentContent content{};
  std::string saved_by{};  // "" = the record as imported
  UnixTime saved_at = 0;
  std::string note{};  // "bản gốc", "khôi phục từ phiên bản 3", "đánh dấu hết hiệu lực", ...
};

}  // namespace portald::model
