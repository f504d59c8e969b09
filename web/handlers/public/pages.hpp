#pragma once
// Public page handlers. Each opens one read transaction and renders through the templates.
#include <ctemplate/template.h>

#include "daemon/model/article.hpp"
#include "daemon/model/legal_document.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/site_settings.hpp"
#include "daemon/model/topic.hpp"
#include "daemon/store/store.hpp"
#include "web/context.hpp"
#include "web/server/request.hpp"
#include "web/server/response.hpp"

namespace portald::web {

Response home_page(const Context& ctx, Request& req);
Response article_page(const Context& ctx, Request& req);  // /tin-tuc/{slug}  (slug ends in -<id>)
// The public article page for `a` exactly as readers get it (also the admin's preview).
Response render_article(const Context& ctx, const store::Txn& txn, const model::Article& a);
Response category_page(const Context& ctx, Request& req);  // /chuyen-muc/{slug}?trang=N
Response static_file(const Context& ctx, Request& req);    // /static/{file}
// The Vietnamese page readers see for an error status.
Response error_page(const Context& ctx, int status, std::string_view message);
// An error page's heading for `status` ("Không có quyền truy cập"), and its text: `message` (an
// HttpError's own) or, when the server chose the status itself, a default for it.
std::string_view error_heading(int status);
std::string error_message(int status, std::string_view message);

// Legal documents (documents.cpp): list with filters (?tu-khoa=&loai=&...&sap-xep=&trang=), one
// document, and an attachment of that document as a download.
Response documents_page(const Context& ctx, Request& req);  // /van-ban
Response document_page(const Context& ctx, Request& req);   // /van-ban/{slug}
Response document_file(const Context& ctx, Request& req);   // /van-ban/{slug}/tep/{media}
Response attachment_response(const model::Media& m);        // bytes, type, disposition; no Cache-Control
// The public page of document `d` exactly as readers get it (also the admin's preview).
Response render_document(const Context& ctx, const store::Txn& txn, const model::LegalDocument& d);
// Feeds and machine-readable entry points (feeds.cpp).
Response rss_all(const Context& ctx, Request& req);        // /rss.xml
Response rss_documents(const Context& ctx, Request& req);  // /rss/van-ban.xml: newest legal documents
Response rss_topic(const Context& ctx, Request& req);      // /rss/chu-de/{slug}.xml: one topic's articles
Response rss_category(const Context& ctx, Request& req);   // /rss/{slug}.xml
Response sitemap_xml(const Context& ctx, Request& req);    // /sitemap.xml
Response robots_txt(const Context& ctx, Request& req);     // /robots.txt
// Citizens' questions (questions.cpp, issue 12): the published ones (?co-quan=&linh-vuc=&nam=&trang=), one
// of them, the form and its post, and the look-up by tracking code (?ma=).
Response questions_page(const Context& ctx, Request& req);      // /hoi-dap
Response question_page(const Context& ctx, Request& req);       // /hoi-dap/{id}
Response question_form_page(const Context& ctx, Request& req);  // GET /hoi-dap/gui-cau-hoi
Response question_submit(const Context& ctx, Request& req);     // POST /hoi-dap/gui-cau-hoi
Response question_lookup(const Context& ctx, Request& req);     // /hoi-dap/tra-cuu
// News from organisations and people without an account (news_intake.cpp, issue 16, Điều 8.1): the form,
// its post (303 to the thank-you page) and the thank-you page (?ma=REFERENCE). 404 while show_intake_form is off.
Response news_intake_page(const Context& ctx, Request& req);    // GET /gui-tin-bai
Response news_intake_submit(const Context& ctx, Request& req);  // POST /gui-tin-bai
Response news_intake_sent(const Context& ctx, Request& req);    // GET /gui-tin-bai/da-gui
// The citizen's own data by tracking code and contact (personal_data.cpp, Nghị định 13/2023).
Response personal_data_page(const Context& ctx, Request& req);  // GET /hoi-dap/du-lieu-ca-nhan
Response personal_data_post(const Context& ctx, Request& req);  // POST /hoi-dap/du-lieu-ca-nhan
// Online dialogues (dialogues.cpp, issue 12, Điều 5.5): the list, one event, and its live JSON.
Response dialogues_page(const Context& ctx, Request& req);  // /doi-thoai
Response dialogue_page(const Context& ctx, Request& req);   // /doi-thoai/{id}
Response dialogue_json(const Context& ctx, Request& req);   // /doi-thoai/{id}/hoi-dap.json (cached 5 s)

// Published citizens' questions (issue 12), all and those one agency answered (feeds.cpp).
Response rss_questions(const Context& ctx, Request& req);         // /rss/hoi-dap.xml
Response rss_agency_questions(const Context& ctx, Request& req);  // /rss/hoi-dap/{agency id}.xml

// Editable section pages, the English section and the HTML site map (site_pages.cpp).
Response site_page(const Context& ctx, Request& req);  // /trang/{slug}
// A section page exactly as readers get it (also the admin's preview of a pending revision).
Response render_site_page(const Context& ctx, const store::ReadTxn& txn, const model::SitePage& p);
Response english_page(const Context& ctx, Request& req);  // /en, /en/{slug}
Response sitemap_page(const Context& ctx, Request& req);  // /so-do-trang
// The section pages of a language as menus list them: every published page (by position), then each
// mandatory section not published yet (pending: it shows "Đang cập nhật").
struct SectionLink {
  std::string url, title;
  bool pending = false;
};
std::vector<SectionLink> section_links(const store::Txn& txn, const store::Tables& t, std::string_view lang);
// An article as one self-contained HTML file to keep (NĐ 42 Điều 7: "lưu trữ") (article.cpp).
Response article_download(const Context& ctx, Request& req);  // /tin-tuc/{slug}/luu

// Topics (topics.cpp).
Response topics_page(const Context& ctx, Request& req);  // /chuyen-de
Response topic_page(const Context& ctx, Request& req);   // /chuyen-de/{slug}?trang=N
// A topic's published articles, in the editors' order.
std::vector<model::Article> topic_articles(const store::Txn& txn, const store::Tables& t, const model::Topic& topic);

// Adds SERVICE_LINK sections (NAME, URL) for the configured public-service and data portals.
void fill_service_links(ctemplate::TemplateDictionary& dict, const model::SiteSettings& s);
// Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids.
std::string xml_escape(std::string_view text);

}  // namespace portald::web
