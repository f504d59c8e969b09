#pragma once
// What an audit entry is about, for people: "article/12" becomes the article's title linked to its admin
// page, and stored state keys ("submitted") become their Vietnamese labels (issue 15).
#include <string>
#include <string_view>

#include "daemon/store/store.hpp"

namespace portald::web::admin {

struct AuditSubject {
  std::string label;  // "Bài viết: Tiêm chủng mở rộng", or the stored object when unknown
  std::string url;    // its admin page, "" when it has none (or is gone)
};

// The subject of `object` ("article/12", "document/3", "page/vi/gioi-thieu", "question/7", "topic/2",
// "media/5", "user/lan", "settings/site") as it is now; an item that no longer exists keeps the object.
AuditSubject audit_subject(const store::Txn& txn, const store::Tables& t, std::string_view object);

// A stored state key of an article, document or question ("submitted") or a role key ("deputy") as its
// Vietnamese label; any other value (a reference, a setting's text) as is.
std::string audit_state_label(std::string_view value);

}  // namespace portald::web::admin
