// Previews of work versions in the public templates (articles, documents, section pages): marked as
// previews on screen and kept out of caches and search engines (issue 15).
#include "web/handlers/admin/admin.hpp"

namespace portald::web::admin {

Response as_preview(Response r, std::string_view back_url) {
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Robots-Tag", "noindex");
  // Our own public template opens <main id="noi-dung" ...>: the banner is the first thing in it, so it is
  // read first after the header and printed with the page. back_url is an admin path built from an id.
  const auto main = r.body.find("<main id=\"noi-dung\"");
  const auto open_end = main == std::string::npos ? main : r.body.find('>', main);
  if (open_end == std::string::npos) return r;
  r.body.insert(open_end + 1,
                "\n<div class=\"preview-banner\" role=\"note\"><strong>Bản xem trước</strong> — bản này "
                "chưa công khai, bạn đọc chưa thấy. <a href=\"" +
                    std::string(back_url) + "\">Quay lại trang biên tập</a></div>");
  return r;
}

}  // namespace portald::web::admin
