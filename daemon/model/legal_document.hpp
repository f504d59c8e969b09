#pragma once
// A legal document (văn bản) of the documents database, with its attachments stored as media.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/article.hpp"
#include "daemon/model/time.hpp"

namespace portald::model {

struct Attachment {
  std::uint64_t media_id = 0;
  std::string file_name;
  std::string content_type;
  std::uint64_t size = 0;
  bool operator==(const Attachment&) const = default;
};

struct LegalDocument {
  std::uint64_t id = 0;
  std::string source_id;
  std::string number;  // số ký hiệu, e.g. 1382/QĐ-UBND
  std::string type;    // Quyết định, Nghị quyết, ...
  std::string issuer;  // cơ quan ban hành
  std::string signer;
  std::int32_t issued_on = 0;     // days since epoch
  std::int32_t effective_on = 0;  // 0 = not set
  std::int32_t expires_on = 0;    // 0 = not set
  std::string field;              // lĩnh vực
  std::string abstract_text;      // trích yếu
  std::string national_db_url;
  std::vector<Attachment> attachments;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  // Documents go through the articles' workflow (workflow.hpp): only `published` is public, `withdrawn`
  // answers 410. Records from before the admin managed documents have no state and read as published,
  // which is what an import makes.
  ArticleStatus status = ArticleStatus::published;
  UnixTime published_at = 0;              // first publication in the admin; 0 for imported documents
  std::uint64_t replaced_by = 0;          // the document that replaces this one (thay thế bởi); 0 = none
  std::vector<std::uint64_t> replaces{};  // the documents this one replaces
  std::string validity_note{};            // why it lost force, shown to readers ("Bị bãi bỏ bởi ...")
};

struct Media {
  std::uint64_t id = 0;
  std::string file_name{};
  std::string content_type{};
  std::string bytes{};
  std::string token{};       // random, in the file's address (media_link.hpp); set by the store
  std::string owner{};       // who uploaded it ("" for imported files)
  UnixTime uploaded_at = 0;  // 0 for files from before issue 16
};

}  // namespace portald::model
