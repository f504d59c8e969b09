#include "daemon/model/document_editorial.hpp"

namespace portald::model {

DocumentContent content_of(const LegalDocument& d) {
  return {.number = d.number,
          .type = d.type,
          .issuer = d.issuer,
          .signer = d.signer,
          .issued_on = d.issued_on,
          .effective_on = d.effective_on,
          .expires_on = d.expires_on,
          .field = d.field,
          .abstract_text = d.abstract_text,
          .national_db_url = d.national_db_url,
          .attachments = d.attachments};
}

void apply(LegalDocument& d, const DocumentContent& c) {
  d.number = c.number;
  d.type = c.type;
  d.issuer = c.issuer;
  d.signer = c.signer;
  d.issued_on = c.issued_on;
  d.effective_on = c.effective_on;
  d.expires_on = c.expires_on;
  d.field = c.field;
  d.abstract_text = c.abstract_text;
  d.national_db_url = c.national_db_url;
  d.attachments = c.attachments;
}

}  // namespace portald::model
