#pragma once
// The 404s several handlers raise for the same missing thing, worded once.
#include "web/server/http_error.hpp"

namespace portald::web {

// Throws HttpError(404) for an article that does not exist, or that this reader may not see.
[[noreturn]] inline void article_not_found() { throw HttpError(404, "Không tìm thấy bài viết."); }
// Throws HttpError(404) for a stored file (media, a document's attachment, a static asset) that is not there.
[[noreturn]] inline void file_not_found() { throw HttpError(404, "Không tìm thấy tệp."); }

}  // namespace portald::web
