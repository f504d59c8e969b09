#pragma once
// Everything that names the province and its portal comes from here, never from code.
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/embed_origin.hpp"

namespace portald::model {

struct SiteSettings {
  std::string portal_name = "Cổng thông tin điện tử";
  std::string governing_agency;  // cơ quan chủ quản
  // The footer's facts, kept apart so each holds one kind of text (model/footer_facts.hpp checks them).
  std::string responsible_person;  // người chịu trách nhiệm chính: a person's name
  std::string responsible_title;   // that person's position ("Chánh Văn phòng UBND tỉnh")
  std::string licence;             // giấy phép: its number ("12/GP-TTĐT")
  std::string licence_issuer;      // who issued it
  std::string licence_date;        // when: "YYYY-MM-DD"
  std::string address;
  std::string phone;
  std::string email;
  std::string source_notice = "Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.";
  // Public portal (issue 3). Empty means "not shown" unless a default is given.
  std::string public_url;  // "https://tinh.gov.vn": absolute links in feeds/sitemap; "" = the Host header
  std::string logo_url = "/static/logo.svg";  // emblem/logo in the header (served by portald: no third parties)
  std::string english_name;                   // the portal's name in the English section
  std::string national_service_url = "https://dichvucong.gov.vn";  // Cổng Dịch vụ công quốc gia (linked, never copied)
  std::string provincial_service_url;                              // the province's public-service portal
  std::string national_legal_db_url = "https://vbpl.vn";  // Cơ sở dữ liệu quốc gia về văn bản pháp luật
  std::string data_portal_url;                            // provincial open-data portal, when there is one
  // The kind of local government the portal serves, as readers say it ("tỉnh", or "thành phố" for a
  // centrally run city): labels such as "Dịch vụ công của tỉnh" are built from it, never hard-coded.
  std::string locality = "tỉnh";
  std::string emc_script_url;  // EMC monitoring script (https only); "" = off, and the CSP stays strict
  // Origins whose pages may be embedded (live streams, video platforms, online dialogues): normalised
  // "https://host[:port]" entries separated by spaces (model/embed_origin.hpp); "" = no embeds.
  std::string embed_origins;
  // "1": the footer shows "Đang truy cập / Hôm nay / Tổng lượt truy cập" (issue 13); "" = not shown.
  std::string show_visit_counter;
  // "1": the home page shows "Đọc nhiều nhất", the most read articles of the last 7 days (issue 13).
  std::string show_most_read;
  // "1": each agency's staff who have a work e-mail get the agency's report of the month just ended, on
  // its first day (issue 13; reports/agency_report_mail.hpp); needs sendmail. "" = not sent.
  std::string mail_agency_reports;
  // "1": the public form for news from people without an account (/gui-tin-bai, issue 16, Điều 8.1) and
  // its footer link "Gửi tin bài"; "" = off (the form answers 404). On unless turned off.
  std::string show_intake_form = "1";
};

// Maintenance mode (Điều 5.9): readers get 503 with this message; /quan-tri and /healthz keep working.
struct Maintenance {
  bool on = false;
  std::string message = "Cổng thông tin đang được bảo trì. Vui lòng quay lại sau.";
  int retry_after_s = 1800;
};

// "https://host[:port]" of an https script URL that is safe to put into a CSP; std::nullopt otherwise
// (the rule for emc_script_url, and what the public pages' CSP is built from).
std::optional<std::string> script_origin(std::string_view url);

// public_url without its trailing slashes, to put a path after ("" when it is not set: links then
// start at the path, and read as such in an e-mail).
std::string base_url(const SiteSettings& s);

// What the HTML sanitiser and the page CSP allow to be embedded under these settings.
EmbedPolicy embed_policy(const SiteSettings& s);

}  // namespace portald::model
