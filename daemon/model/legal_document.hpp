#pragma once
// A legal document (văn bản) of the documents database, with its attachments stored as media.
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/model/time.hpp"

namespace portald::model {

struct Attachment {
  std::uint64_t media_id = 0;
  std::string file_name;
  std::string content_type;
  std::uint64_t size = 0;
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
