#include <nlohmann/json.hpp>

#include "daemon/media/responsive_images.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/form.hpp"
#include "web/handlers/public/article_media.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/metadata.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

// `text` with runs of white space as one space, trimmed (html_to_text's spacing, for plain text).
std::string collapsed(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : model::trim(text)) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws && !space) out += ' ';
    if (!ws) out += c;
    space = ws;
  }
  return out;
}

// True when the body opens with a paragraph that says what the summary says: many articles carry their
// sapo as a bold first paragraph, and readers should get the lead once, not twice (issue 15).
bool body_opens_with(std::string_view body_html, std::string_view summary) {
  const auto start = body_html.find("<p");
  const auto end = body_html.find("</p>");
  if (summary.empty() || start == std::string_view::npos || end == std::string_view::npos || end < start ||
      !model::trim(body_html.substr(0, start)).empty())
    return false;
  return model::html_to_text(body_html.substr(start, end + 4 - start)) == collapsed(summary);
}

// Open Graph, Dublin Core (TT 24/2011's metadata) and schema.org NewsArticle for one article, into the
// header's dictionary. Returns the article's absolute URL, "" when no public_url is configured.
std::string fill_metadata(ctemplate::TemplateDictionary& dict, const model::SiteSettings& s, const model::Article& a,
                          const std::string& category, const std::string& agency,
                          const std::optional<LeadImage>& image) {
  const std::string base = s.public_url.empty() ? "" : s.public_url + (s.public_url.ends_with('/') ? "" : "/");
  const std::string url = base.empty() ? "" : base.substr(0, base.size() - 1) + article_url(a);
  const std::string creator = !a.author.empty() ? a.author : agency;
  const std::string publisher = s.governing_agency.empty() ? s.portal_name : s.governing_agency;
  if (!url.empty()) dict.AddSectionDictionary("CANONICAL")->SetValue("URL", url);  // must be absolute
  meta(dict, "META_PROPERTY", "og:type", "article");
  meta(dict, "META_PROPERTY", "og:title", a.title);
  meta(dict, "META_PROPERTY", "og:description", a.summary);
  meta(dict, "META_PROPERTY", "og:site_name", s.portal_name);
  meta(dict, "META_PROPERTY", "og:locale", "vi_VN");
  meta(dict, "META_PROPERTY", "og:url", url);
  // Open Graph wants an absolute address: without a public_url there is none to give.
  const std::string image_url = image && !base.empty() ? base.substr(0, base.size() - 1) + image->path : "";
  meta(dict, "META_PROPERTY", "og:image", image_url);
  if (!image_url.empty()) meta(dict, "META_PROPERTY", "og:image:alt", image->alt);
  meta(dict, "META_PROPERTY", "article:published_time", model::format_rfc3339(a.published_at));
  meta(dict, "META_PROPERTY", "article:section", category);
  meta(dict, "META_NAME", "DC.title", a.title);
  meta(dict, "META_NAME", "DC.creator", creator);
  meta(dict, "META_NAME", "DC.publisher", publisher);
  meta(dict, "META_NAME", "DC.date", model::format_rfc3339(a.published_at).substr(0, 10));
  meta(dict, "META_NAME", "DC.description", a.summary);
  meta(dict, "META_NAME", "DC.subject", category);
  meta(dict, "META_NAME", "DC.type", "Text");
  meta(dict, "META_NAME", "DC.format", "text/html");
  meta(dict, "META_NAME", "DC.language", "vi");
  meta(dict, "META_NAME", "DC.identifier", url.empty() ? article_url(a) : url);
  nlohmann::json ld{{"@context", "https://schema.org"},
                    {"@type", "NewsArticle"},
                    {"headline", a.title},
                    {"datePublished", model::format_rfc3339(a.published_at)},
                    {"dateModified", model::format_rfc3339(std::max(a.updated_at, a.published_at))},
                    {"inLanguage", "vi"},
                    {"publisher", {{"@type", "GovernmentOrganization"}, {"name", publisher}}}};
  if (!a.summary.empty()) ld["description"] = a.summary;
  if (!category.empty()) ld["articleSection"] = category;
  if (!creator.empty()) ld["author"] = {{"@type", a.author.empty() ? "Organization" : "Person"}, {"name", creator}};
  if (!url.empty()) ld["mainEntityOfPage"] = url;
  if (image) ld["image"] = image_url.empty() ? image->path : image_url;
  dict.AddSectionDictionary("JSON_LD")->SetValue("JSON", script_safe_json(ld));
  return url;
}

}  // namespace

Response article_page(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const auto id = trailing_id(req.params.at("slug"));
  if (!id) article_not_found();
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_article(txn, t, *id);
  // Withdrawn by the editorial board (with a reason in the audit log): gone on purpose, not missing.
  if (a && a->status == model::ArticleStatus::withdrawn)
    throw HttpError(410, "Bài viết này đã được gỡ khỏi Cổng thông tin theo quyết định của Ban biên tập.");
  if (!a || a->status != model::ArticleStatus::published) article_not_found();
  // One canonical address per article: an outdated or mistyped slug redirects to it.
  const std::string canonical = article_url(*a);
  if (req.path != canonical) return Response::redirect(canonical, 301);
  return render_article(ctx, txn, *a);
}

Response render_article(const Context& ctx, const store::Txn& txn, const model::Article& article) {
  const auto& t = ctx.store.tables();
  const auto* a = &article;
  const std::string canonical = article_url(*a);
  ctemplate::TemplateDictionary dict("article");
  auto* head = fill_layout(dict, ctx, txn, a->title, a->category_id);
  dict.SetValue("TITLE", a->title);
  dict.SetValue("DATE", model::format_date_vn(a->published_at));
  dict.SetValue("ISO_DATE", model::format_rfc3339(a->published_at));
  // Sanitised when it was stored; images get srcset and sizes now (issue 14).
  dict.SetValue("BODY_HTML", media::add_responsive_images(a->body_html, media::store_image_lookup(txn, t)));
  if (!a->summary.empty() && !body_opens_with(a->body_html, a->summary))
    dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", a->summary);
  if (!a->author.empty()) dict.AddSectionDictionary("AUTHOR")->SetValue("NAME", a->author);
  const auto lead = lead_image_of(txn, t, *a);
  if (lead)
    dict.AddSectionDictionary("LEAD_IMAGE")
        ->SetValue("HTML", media::add_responsive_images(lead_image_html(*lead, "lead-image"),
                                                        media::store_image_lookup(txn, t)));
  fill_gallery_and_corrections(dict, txn, t, *a);
  if (const auto agency = store::get_agency(txn, t, a->agency_id))
    dict.AddSectionDictionary("AGENCY")->SetValue("NAME", agency->name);
  if (const auto c = store::get_category(txn, t, a->category_id)) {
    auto* cat = dict.AddSectionDictionary("CATEGORY");
    cat->SetValue("SLUG", c->slug);
    cat->SetValue("NAME", c->name);
    auto* block = dict.AddSectionDictionary("RELATED_BLOCK");
    for (const auto& r : store::newest_articles(txn, t, {.offset = 0, .limit = 6}, c->id)) {
      if (r.id == a->id) continue;
      fill_article_summary(*block->AddSectionDictionary("RELATED"), r);
    }
  }
  if (!a->summary.empty()) head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", a->summary);
  const auto category = store::get_category(txn, t, a->category_id);
  const auto agency = store::get_agency(txn, t, a->agency_id);
  const std::string url = fill_metadata(*head, store::get_site_settings(txn, t), *a, category ? category->name : "",
                                        agency ? agency->name : "", lead);
  if (!url.empty()) {  // share links are plain links: no third-party script, nothing loaded until clicked
    auto* share = dict.AddSectionDictionary("SHARE");
    share->SetValue("FACEBOOK", "https://www.facebook.com/sharer/sharer.php?u=" + model::url_encode_component(url));
    share->SetValue("MAIL", "mailto:?subject=" + model::url_encode_component(a->title) +
                                "&body=" + model::url_encode_component(url));
  }
  dict.SetValue("SAVE_URL", canonical + "/luu");
  return render_page(ctx, "article", dict);
}

Response article_download(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const auto id = trailing_id(req.params.at("slug"));
  if (!id) article_not_found();
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_article(txn, t, *id);
  if (!a || a->status != model::ArticleStatus::published) article_not_found();
  const auto s = store::get_site_settings(txn, t);
  ctemplate::TemplateDictionary dict("article_file");
  dict.SetValue("TITLE", a->title);
  dict.SetValue("PORTAL_NAME", ctx.site_name.empty() ? s.portal_name : ctx.site_name);
  dict.SetValue("DATE", model::format_date_vn(a->published_at));
  dict.SetValue("ISO_DATE", model::format_rfc3339(a->published_at));
  dict.SetValue("BODY_HTML", a->body_html);  // sanitised when it was stored
  dict.SetValue("SOURCE_NOTICE", s.source_notice);
  dict.SetValue("URL", (s.public_url.empty() ? "" : s.public_url) + article_url(*a));
  if (!a->summary.empty()) dict.AddSectionDictionary("SUMMARY")->SetValue("TEXT", a->summary);
  if (!a->author.empty()) dict.AddSectionDictionary("AUTHOR")->SetValue("NAME", a->author);
  Response r = render_page(ctx, "article_file", dict);
  const std::string file =
      (a->slug.empty() ? std::string("bai-viet") : a->slug) + "-" + std::to_string(a->id) + ".html";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return r;
}

}  // namespace portald::web
