#pragma once
// Where things live on the public site: the URL of each kind of page, the id at the end of a slug,
// the site's absolute base, and the origin of a script the CSP may allow. Shared by the public
// pages, the API, feeds and the admin.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/model/article.hpp"
#include "daemon/model/dialogue.hpp"
#include "daemon/model/legal_document.hpp"
#include "daemon/model/question.hpp"
#include "daemon/model/site_page.hpp"
#include "daemon/model/site_settings.hpp"
#include "daemon/model/taxonomy.hpp"
#include "daemon/model/topic.hpp"
#include "web/server/request.hpp"

namespace portald::web {

// "/tin-tuc/<slug>-<id>"
std::string article_url(const model::Article& a);
// "/chuyen-muc/<slug>"
std::string category_url(const model::Category& c);
// "/chuyen-de/<slug>"
std::string topic_url(const model::Topic& t);
// "/van-ban/<slug of number>-<id>"
std::string document_url(const model::LegalDocument& d);
// "/van-ban/<slug>-<id>/tep/<media id>"
std::string attachment_url(const model::LegalDocument& d, const model::Attachment& a);
// "/trang/<slug>" or "/en/<slug>"
std::string site_page_url(const model::SitePage& p);
// "/hoi-dap/<id>": a published citizen's question (the title stays out of the URL: it is the citizen's text)
std::string question_url(const model::Question& q);
// "/doi-thoai/<id>": an online dialogue's public page
std::string dialogue_url(const model::Dialogue& d);

// "02633822123" for a text that holds one telephone number ("0263 3822 123", "(0263) 3.822.123",
// "+84 263 3822123"): what a tel: link dials; "" for anything else (several numbers, words, too few or
// too many digits), which then stays plain text.
std::string dialable_number(std::string_view phone);

// The id at the end of "<slug>-<id>", std::nullopt when absent.
std::optional<std::uint64_t> trailing_id(std::string_view segment);
// "https://tinh.gov.vn" from the settings, else "http://" + the request's Host; no trailing slash.
std::string site_base(const model::SiteSettings& s, const Request& req);

}  // namespace portald::web
