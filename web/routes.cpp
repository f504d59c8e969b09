#include "web/routes.hpp"

#include "web/handlers/admin/pages.hpp"
#include "web/handlers/api/api.hpp"
#include "web/handlers/open311/open311.hpp"
#include "web/handlers/ops/healthz.hpp"
#include "web/handlers/ops/metrics.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/handlers/public/search.hpp"
#ifdef PORTALD_TEST_ROUTES
#include "daemon/health/faults.hpp"
#include "daemon/log/log.hpp"
#include "web/handlers/ops/test_faults.hpp"
#endif

namespace portald::web {

std::vector<RouteSpec> route_table() {
  using A = model::Action;
  using C = CachePolicy;
  using B = BodySize;
  namespace adm = admin;
  std::vector<RouteSpec> table{
      // method  pattern                              handler                    access              cache
      // --- public pages ---
      {"GET", "/", home_page, Public, C::page},
      {"GET", "/tin-tuc/{slug}", article_page, Public, C::page},
      {"GET", "/tin-tuc/{slug}/luu", article_download, Public, C::page},
      {"GET", "/chuyen-muc/{slug}", category_page, Public, C::page},
      {"GET", "/van-ban", documents_page, Public, C::page},
      {"GET", "/van-ban/{slug}", document_page, Public, C::page},
      {"GET", "/van-ban/{slug}/tep/{media}", document_file, Public, C::none},
      {"GET", "/trang/{slug}", site_page, Public, C::page},
      {"GET", "/en", english_page, Public, C::page},
      {"GET", "/en/{slug}", english_page, Public, C::page},
      {"GET", "/chuyen-de", topics_page, Public, C::page},
      {"GET", "/chuyen-de/{slug}", topic_page, Public, C::page},
      {"GET", "/so-do-trang", sitemap_page, Public, C::page},
      // Citizens' questions (issue 12): the form carries a per-visit token and the look-up a secret code,
      // so neither is cached; the published ones are pages like any other.
      {"GET", "/hoi-dap", questions_page, Public, C::page},
      {"GET", "/hoi-dap/gui-cau-hoi", question_form_page, Public, C::none},
      {"POST", "/hoi-dap/gui-cau-hoi", question_submit, Public, C::none, BodySize::citizen_files},
      {"GET", "/hoi-dap/tra-cuu", question_lookup, Public, C::none},
      // The citizen's own data (code and contact in the POST body): never cached, before /hoi-dap/{id}.
      {"GET", "/hoi-dap/du-lieu-ca-nhan", personal_data_page, Public, C::none},
      {"POST", "/hoi-dap/du-lieu-ca-nhan", personal_data_post, Public, C::none},
      {"GET", "/hoi-dap/{id}", question_page, Public, C::page},
      // News from people without an account (issue 16, Điều 8.1): the form carries a per-visit token (the
      // questions' guard), the thank-you page a reference code, so neither is cached.
      {"GET", "/gui-tin-bai", news_intake_page, Public, C::none},
      {"POST", "/gui-tin-bai", news_intake_submit, Public, C::none},
      {"GET", "/gui-tin-bai/da-gui", news_intake_sent, Public, C::none},
      // Online dialogues (Điều 5.5): pages like any other, purged on every change; the JSON that live pages
      // poll says "max-age=5" itself, so shared caches keep it only seconds (dialogues.cpp).
      {"GET", "/doi-thoai", dialogues_page, Public, C::page},
      {"GET", "/doi-thoai/{id}", dialogue_page, Public, C::page},
      {"GET", "/doi-thoai/{id}/hoi-dap.json", dialogue_json, Public, C::page},
      {"GET", "/static/{file}", static_file, Public, C::page},
      {"GET", "/static/vendor/{pkg}/{file}", static_file, Public, C::page},
      {"GET", "/tep/{key}/{file}", adm::media_pages::serve, Public, C::none},
      {"GET", "/tep/{key}/{variant}/{file}", adm::media_pages::serve_variant, Public, C::none},
      {"GET", "/tep/{file}", adm::media_pages::serve_legacy, Public, C::none},
      // Search answers come from the search service's own cache (emptied on each index commit).
      {"GET", "/tim-kiem", search_page, Public, C::none, B::form, Work::search},
      // --- feeds and machine entry points: absolute links, so the Host is in the cache key ---
      {"GET", "/rss.xml", rss_all, Public, C::page_per_host},
      {"GET", "/rss/hoi-dap.xml", rss_questions, Public, C::page_per_host},  // before /rss/{file}: first match wins
      {"GET", "/rss/van-ban.xml", rss_documents, Public, C::page_per_host},  // the same
      {"GET", "/rss/chu-de/{file}", rss_topic, Public, C::page_per_host},
      {"GET", "/rss/hoi-dap/{file}", rss_agency_questions, Public, C::page_per_host},
      {"GET", "/rss/{file}", rss_category, Public, C::page_per_host},
      {"GET", "/sitemap.xml", sitemap_xml, Public, C::page_per_host},
      {"GET", "/robots.txt", robots_txt, Public, C::page_per_host},
      // --- read-only JSON API ---
      {"GET", "/api/v1", api_index, Public, C::page},
      {"GET", "/api/v1/articles", api_articles, Public, C::page},
      {"GET", "/api/v1/articles/{id}", api_article, Public, C::page},
      {"GET", "/api/v1/categories", api_categories, Public, C::page},
      {"GET", "/api/v1/documents", api_documents, Public, C::page},
      {"GET", "/api/v1/documents/{id}", api_document, Public, C::page},
      {"GET", "/api/v1/topics", api_topics, Public, C::page},
      {"GET", "/api/v1/topics/{slug}", api_topic, Public, C::page},
      {"GET", "/api/v1/pages", api_pages, Public, C::page},
      {"GET", "/api/v1/pages/{lang}/{slug}", api_page, Public, C::page},
      {"GET", "/api/v1/search", api_search, Public, C::none, B::form, Work::search},
      {"GET", "/api/v1/search/suggest", api_search_suggest, Public, C::none, B::form, Work::search},
      {"GET", "/api/v1/visits", api_visits, Public, C::none},  // live figures: never the page cache
      // --- Open311 GeoReport v2 over the questions (issue 12): JSON only, never cached (items change with
      // every step); the POST is the form's twin (same service and limits), no cookie read ---
      {"GET", "/open311/v2/services.json", open311_services, Public, C::none},
      {"GET", "/open311/v2/services/{file}", open311_service, Public, C::none},
      {"GET", "/open311/v2/requests.json", open311_requests, Public, C::none},
      {"POST", "/open311/v2/requests.json", open311_post_request, Public, C::none},
      {"GET", "/open311/v2/requests/{file}", open311_request, Public, C::none},
      // --- operations: health probe and the operators' Prometheus scrape ---
      {"GET", "/healthz", healthz, Public, C::none},
      {"GET", "/metrics", metrics_page, Public, C::none},
      // --- admin: login and second factor (these check the session themselves) ---
      {"GET", "/quan-tri/dang-nhap", adm::login_pages::login_page, Public, C::none},
      {"POST", "/quan-tri/dang-nhap", adm::login_pages::login_post, Public, C::none, B::form, Work::password_hash},
      {"POST", "/quan-tri/dang-xuat", adm::login_pages::logout_post, A::use_admin, C::none},
      {"POST", "/quan-tri/dang-xuat-moi-noi", adm::login_pages::logout_everywhere_post, A::use_admin, C::none},
      {"GET", "/quan-tri/mat-khau", adm::password_pages::page, A::use_admin, C::none},
      {"POST", "/quan-tri/mat-khau", adm::password_pages::post, A::use_admin, C::none, B::form, Work::password_hash},
      {"GET", "/quan-tri/phien-dang-nhap", adm::session_pages::page, A::use_admin, C::none},
      {"POST", "/quan-tri/phien-dang-nhap/dang-xuat", adm::session_pages::end_one, A::use_admin, C::none},
      {"POST", "/quan-tri/phien-dang-nhap/dang-xuat-cac-phien-khac", adm::session_pages::end_others, A::use_admin,
       C::none},
      {"GET", "/quan-tri/xac-thuc", adm::second_factor_pages::verify_page, Public, C::none},
      {"POST", "/quan-tri/xac-thuc", adm::second_factor_pages::verify_post, Public, C::none},
      {"GET", "/quan-tri/xac-thuc/dang-ky", adm::second_factor_pages::enrol_page, Public, C::none},
      {"POST", "/quan-tri/xac-thuc/dang-ky", adm::second_factor_pages::enrol_post, Public, C::none},
      // --- admin: dashboard, queues and articles ---
      {"GET", "/quan-tri", adm::queue_pages::dashboard, A::use_admin, C::none},
      {"GET", "/quan-tri/hang-doi/{queue}", adm::queue_pages::queue_page, A::write_article, C::none},
      {"GET", "/quan-tri/bai-viet", adm::article_list_pages::article_list, A::view_queues, C::none},
      // Issue 16: the month's published and scheduled articles and the cadence windows still empty.
      {"GET", "/quan-tri/lich-bien-tap", adm::calendar_pages::calendar_page, A::view_queues, C::none},
      // Commissions (issue 16, Điều 6.1c, 6.1d): the board creates and cancels; an assignee reads and delivers
      // its own (the service answers 404 for anyone else's).
      {"GET", "/quan-tri/dat-hang", adm::commission_pages::list, A::use_admin, C::none},
      {"POST", "/quan-tri/dat-hang", adm::commission_pages::create_post, A::commission, C::none},
      {"GET", "/quan-tri/dat-hang/{id}", adm::commission_pages::item, A::use_admin, C::none},
      {"POST", "/quan-tri/dat-hang/{id}/giao-nop", adm::commission_pages::deliver_post, A::use_admin, C::none},
      {"POST", "/quan-tri/dat-hang/{id}/huy", adm::commission_pages::cancel_post, A::commission, C::none},
      {"GET", "/quan-tri/bai-viet/moi", adm::article_pages::new_page, A::write_article, C::none},
      {"POST", "/quan-tri/bai-viet/moi", adm::article_pages::create_post, A::write_article, C::none, B::upload},
      {"GET", "/quan-tri/bai-viet/{id}", adm::article_pages::edit_page, A::use_admin, C::none},
      {"POST", "/quan-tri/bai-viet/{id}", adm::article_pages::save_post, A::write_article, C::none, B::upload},
      {"POST", "/quan-tri/bai-viet/{id}/chuyen", adm::article_pages::transition_post, A::write_article, C::none,
       B::upload},
      // Issue 16 (Điều 8.2): a note in the thread; whoever may view the article (the handler checks).
      {"POST", "/quan-tri/bai-viet/{id}/ghi-chu", adm::article_note_pages::note_post, A::use_admin, C::none},
      {"POST", "/quan-tri/bai-viet/{id}/tu-dong-luu", adm::article_draft_pages::autosave, A::write_article, C::none,
       B::upload},
      {"POST", "/quan-tri/bai-viet/{id}/bo-nhap", adm::article_draft_pages::discard, A::write_article, C::none},
      {"GET", "/quan-tri/bai-viet/{id}/xem-truoc", adm::revision_pages::preview, A::use_admin, C::none},
      {"GET", "/quan-tri/bai-viet/{id}/so-sanh", adm::revision_pages::compare, A::use_admin, C::none},
      {"POST", "/quan-tri/bai-viet/{id}/phien-ban/{n}/khoi-phuc", adm::revision_pages::restore, A::write_article,
       C::none},
      // --- admin: section pages and the English section (approval inside: the board only) ---
      {"GET", "/quan-tri/trang", adm::section_pages::list, A::edit_any_article, C::none},
      {"GET", "/quan-tri/trang/moi", adm::section_pages::new_page, A::edit_any_article, C::none},
      {"POST", "/quan-tri/trang/moi", adm::section_pages::create_post, A::edit_any_article, C::none, B::upload},
      {"GET", "/quan-tri/trang/{id}", adm::section_pages::edit_page, A::edit_any_article, C::none},
      {"POST", "/quan-tri/trang/{id}", adm::section_pages::save_post, A::edit_any_article, C::none, B::upload},
      {"POST", "/quan-tri/trang/{id}/duyet", adm::section_pages::approve_post, A::edit_any_article, C::none},
      {"POST", "/quan-tri/trang/{id}/tra-lai", adm::section_pages::return_post, A::edit_any_article, C::none},
      {"POST", "/quan-tri/trang/{id}/phien-ban/{n}/khoi-phuc", adm::section_pages::restore_post, A::edit_any_article,
       C::none},
      {"GET", "/quan-tri/trang/{id}/xem-truoc", adm::section_pages::preview, A::edit_any_article, C::none},
      {"GET", "/quan-tri/thu-vien", adm::media_pages::library_get, A::upload_media, C::none},
      {"POST", "/quan-tri/thu-vien", adm::media_pages::upload, A::upload_media, C::none, B::upload},
      {"GET", "/quan-tri/tep-tin/khong-dung", adm::media_orphan_pages::orphans_get, A::remove_orphan_media, C::none},
      {"POST", "/quan-tri/tep-tin/khong-dung/xoa", adm::media_orphan_pages::orphans_remove, A::remove_orphan_media,
       C::none},
      {"GET", "/quan-tri/thu-vien/anh", adm::media_pages::editor_images, A::upload_media, C::none},
      {"POST", "/quan-tri/thu-vien/anh", adm::media_pages::editor_upload, A::upload_media, C::none, B::upload},
      // --- admin: people, site settings, taxonomy, audit, status ---
      {"GET", "/quan-tri/nguoi-dung", adm::user_pages::list, A::manage_users, C::none},
      {"POST", "/quan-tri/nguoi-dung", adm::user_pages::create, A::manage_users, C::none, B::form, Work::password_hash},
      {"POST", "/quan-tri/nguoi-dung/{name}", adm::user_pages::change, A::manage_users, C::none, B::form,
       Work::password_hash},
      {"GET", "/quan-tri/ban-bien-tap", adm::board_pages::page, A::view_board, C::none},
      {"POST", "/quan-tri/ban-bien-tap/{name}", adm::board_pages::decide, A::approve_board, C::none},
      {"GET", "/quan-tri/cai-dat", adm::site_pages::settings_get, A::manage_settings, C::none},
      {"POST", "/quan-tri/cai-dat", adm::site_pages::settings_post, A::manage_settings, C::none},
      {"POST", "/quan-tri/bao-tri", adm::site_pages::maintenance_post, A::set_maintenance, C::none},
      {"GET", "/quan-tri/danh-muc", adm::site_pages::taxonomy_get, A::manage_taxonomy, C::none},
      {"POST", "/quan-tri/danh-muc", adm::site_pages::taxonomy_post, A::manage_taxonomy, C::none},
      {"GET", "/quan-tri/chuyen-de", adm::topic_pages::topics_get, A::manage_taxonomy, C::none},
      {"POST", "/quan-tri/chuyen-de", adm::topic_pages::topics_post, A::manage_taxonomy, C::none},
      {"GET", "/quan-tri/nhat-ky", adm::audit_pages::audit_page, A::view_audit, C::none},
      {"GET", "/quan-tri/nhat-ky.csv", adm::audit_pages::audit_csv, A::view_audit, C::none},
      {"GET", "/quan-tri/trang-thai", adm::status_pages::status_page, A::view_status, C::none},
      // --- admin: reports for the board and the operator (issue 13); {file} = report[.csv|.xlsx] ---
      {"GET", "/quan-tri/bao-cao", adm::report_pages::index, A::view_reports, C::none},
      {"GET", "/quan-tri/bao-cao/{file}", adm::report_pages::report, A::view_reports, C::none},
      // Royalties (issue 13): the board grades and makes the sheets, the editor-in-chief approves and locks
      // them (the service checks that step's own permission), the board and the operator read them.
      {"GET", "/quan-tri/nhuan-but", adm::royalty_pages::month_page, A::view_reports, C::none},
      {"GET", "/quan-tri/nhuan-but/bai/{id}", adm::royalty_pages::grade_page, A::grade_royalty, C::none},
      {"POST", "/quan-tri/nhuan-but/bai/{id}", adm::royalty_pages::grade_post, A::grade_royalty, C::none},
      {"GET", "/quan-tri/nhuan-but/cai-dat", adm::royalty_pages::settings_page, A::manage_royalty_settings, C::none},
      {"POST", "/quan-tri/nhuan-but/cai-dat", adm::royalty_pages::settings_post, A::manage_royalty_settings, C::none},
      {"GET", "/quan-tri/nhuan-but/bang/{file}", adm::royalty_pages::sheet, A::view_reports, C::none},
      {"POST", "/quan-tri/nhuan-but/bang/{month}/{step}", adm::royalty_pages::sheet_post, A::grade_royalty, C::none},
      // The compliance self-audit (issue 13): the page, and JSON for the data centre's monitoring.
      {"GET", "/quan-tri/tu-kiem-tra", adm::self_audit_pages::audit_page, A::view_reports, C::none},
      {"GET", "/quan-tri/tu-kiem-tra.json", adm::self_audit_pages::audit_json, A::view_reports, C::none},
      // Access statistics (issue 13): the board and the operator, like the status page.
      {"GET", "/quan-tri/thong-ke", adm::statistics_pages::statistics_page, A::view_reports, C::none},
      {"GET", "/quan-tri/thong-ke.csv", adm::statistics_pages::statistics_csv, A::view_reports, C::none},
      // --- admin: legal documents (issue 14); the service checks each item's rule (own, board) ---
      {"GET", "/quan-tri/van-ban", adm::document_list_pages::document_list, A::write_article, C::none},
      {"GET", "/quan-tri/van-ban/moi", adm::document_pages::new_page, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/moi", adm::document_pages::create_post, A::write_article, C::none, B::upload},
      {"GET", "/quan-tri/van-ban/{id}", adm::document_pages::edit_page, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/{id}", adm::document_pages::save_post, A::write_article, C::none, B::upload},
      {"POST", "/quan-tri/van-ban/{id}/chuyen", adm::document_pages::transition_post, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/{id}/het-hieu-luc", adm::document_pages::expire_post, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/{id}/thay-the", adm::document_pages::replace_post, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/{id}/bo-thay-the", adm::document_pages::unreplace_post, A::write_article, C::none},
      {"POST", "/quan-tri/van-ban/{id}/phien-ban/{n}/khoi-phuc", adm::document_pages::restore_post, A::write_article,
       C::none},
      {"GET", "/quan-tri/van-ban/{id}/xem-truoc", adm::document_pages::preview, A::write_article, C::none},
      // --- admin: citizens' questions (issue 12); the service checks each step's party and agency ---
      {"GET", "/quan-tri/hoi-dap", adm::question_pages::queue, A::handle_questions, C::none},
      {"GET", "/quan-tri/hoi-dap/cai-dat", adm::question_pages::settings_get, A::manage_question_settings, C::none},
      {"POST", "/quan-tri/hoi-dap/cai-dat", adm::question_pages::settings_post, A::manage_question_settings, C::none},
      {"GET", "/quan-tri/hoi-dap/bao-cao", adm::question_pages::report_page, A::handle_questions, C::none},
      {"GET", "/quan-tri/hoi-dap/bao-cao.csv", adm::question_pages::report_csv, A::handle_questions, C::none},
      {"GET", "/quan-tri/hoi-dap/{id}", adm::question_pages::item, A::handle_questions, C::none},
      {"POST", "/quan-tri/hoi-dap/{id}/buoc", adm::question_pages::step_post, A::handle_questions, C::none},
      {"POST", "/quan-tri/hoi-dap/{id}/tra-loi", adm::question_pages::answer_post, A::handle_questions, C::none},
      {"POST", "/quan-tri/hoi-dap/{id}/ghi-chu", adm::question_pages::note_post, A::handle_questions, C::none},
      {"POST", "/quan-tri/hoi-dap/{id}/lien-he", adm::question_pages::contact_post, A::handle_questions, C::none},
      {"POST", "/quan-tri/hoi-dap/{id}/tep", adm::question_pages::file_post, A::handle_questions, C::none},
      // --- admin: online dialogues (Điều 5.5): the board and the data centre schedule, run and moderate ---
      {"GET", "/quan-tri/doi-thoai", adm::dialogue_pages::list, A::manage_dialogues, C::none},
      {"GET", "/quan-tri/doi-thoai/moi", adm::dialogue_pages::new_page, A::manage_dialogues, C::none},
      {"POST", "/quan-tri/doi-thoai/moi", adm::dialogue_pages::create_post, A::manage_dialogues, C::none},
      {"GET", "/quan-tri/doi-thoai/{id}", adm::dialogue_pages::item, A::manage_dialogues, C::none},
      {"POST", "/quan-tri/doi-thoai/{id}", adm::dialogue_pages::save_post, A::manage_dialogues, C::none},
      {"POST", "/quan-tri/doi-thoai/{id}/buoc", adm::dialogue_pages::step_post, A::manage_dialogues, C::none},
      {"POST", "/quan-tri/doi-thoai/{id}/cau-hoi/{question}", adm::dialogue_pages::moderate_post, A::manage_dialogues,
       C::none},
  };
#ifdef PORTALD_TEST_ROUTES
  // Test builds only (the package build never sets PORTALD_TEST_ROUTES), and then only with
  // PORTALD_TEST_FAULTS=1: they wedge a worker or the store writer so tests can see the watchdog stop,
  // or hold a search slot so tests can see where searches wait.
  if (health::test_faults_enabled()) {
    log::warning("health.test_faults_enabled",
                 {{"routes", "/__test/wedge-worker /__test/wedge-writer /__test/hold-search-slot"}});
    table.push_back({"GET", "/__test/wedge-worker", wedge_worker, Public, C::none});
    table.push_back({"GET", "/__test/wedge-writer", wedge_writer, Public, C::none});
    table.push_back({"GET", "/__test/hold-search-slot", hold_search_slot, Public, C::none});
  }
#endif
  return table;
}

}  // namespace portald::web
