// Machine-readable entry points: RSS 2.0 (all news, per category; published citizens' questions, all and
// per agency), sitemap.xml and robots.txt.
#include <algorithm>
#include <charconv>
#include <map>

#include "daemon/model/time.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/page_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/handlers/public/article_media.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/page_cache.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kFeedItems = 50;
constexpr std::size_t kSitemapArticles = 40000;  // the sitemap protocol allows 50,000 URLs per file

// RSS 2.0 readers render <description> as HTML (the RSS Best Practices Profile's reading of the spec),
// so plain text goes in escaped for HTML first and then for XML: after XML decoding a reader sees
// "&lt;img ...>", text, never markup. Titles, categories and names stay plain text (XML-escaped once),
// which is how the profile says readers treat them.
std::string html_text_for_xml(std::string_view text) {
  std::string html;
  html.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': html += "&amp;"; break;
      case '<': html += "&lt;"; break;
      case '>': html += "&gt;"; break;
      case '"': html += "&quot;"; break;
      case '\'': html += "&#39;"; break;
      default: html += c;
    }
  }
  return xml_escape(html);
}

struct Channel {
  std::string title, link, self, description;
};

// The feed up to the first item: the XML declaration, <rss> and the channel's own elements.
std::string channel_head(const Channel& c, const model::SiteSettings& s) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel>\n<title>" +
      xml_escape(c.title) + "</title>\n<link>" + xml_escape(c.link) + "</link>\n" + "<atom:link href=\"" +
      xml_escape(c.self) + "\" rel=\"self\" type=\"application/rss+xml\"/>\n" + "<description>" +
      html_text_for_xml(c.description) + "</description>\n<language>vi</language>\n";
  if (!s.governing_agency.empty()) out += "<copyright>" + xml_escape(s.governing_agency) + "</copyright>\n";
  return out;
}

// The feed from channel_head() and its items, closed.
Response rss_response(std::string body) {
  body += "</channel>\n</rss>\n";
  Response r;
  r.content_type = "application/rss+xml; charset=utf-8";
  r.body = std::move(body);
  return r;
}

std::string rss_item(const std::string& base, const model::Article& a, const std::string& category,
                     const std::optional<LeadImage>& image) {
  const std::string link = base + article_url(a);
  std::string out = "<item><title>" + xml_escape(a.title) + "</title><link>" + xml_escape(link) + "</link>";
  out += "<guid isPermaLink=\"true\">" + xml_escape(link) + "</guid>";
  out += "<pubDate>" + http_date(a.published_at) + "</pubDate>";
  if (!category.empty()) out += "<category>" + xml_escape(category) + "</category>";
  if (!a.summary.empty()) out += "<description>" + html_text_for_xml(a.summary) + "</description>";
  if (!a.author.empty()) out += "<dc:creator>" + xml_escape(a.author) + "</dc:creator>";
  if (image)  // the lead image, for readers that show a picture beside the item
    out += "<enclosure url=\"" + xml_escape(base + image->path) + "\" length=\"" + std::to_string(image->size) +
           "\" type=\"" + xml_escape(image->content_type) + "\"/>";
  return out + "</item>\n";
}

Response rss(const Context& ctx, const Request& req, const model::Category* only) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_site_settings(txn, t);
  const std::string base = site_base(s, req);
  const std::string title = (ctx.site_name.empty() ? s.portal_name : ctx.site_name) + (only ? " - " + only->name : "");
  const std::string self = base + (only ? "/rss/" + only->slug + ".xml" : std::string("/rss.xml"));
  std::string out = channel_head({.title = title,
                                  .link = base + (only ? category_url(*only) : std::string("/")),
                                  .self = self,
                                  .description = "Tin mới từ " + title},
                                 s);
  const auto articles = store::newest_articles(txn, t, {.offset = 0, .limit = kFeedItems}, only ? only->id : 0);
  if (!articles.empty()) out += "<lastBuildDate>" + http_date(articles.front().published_at) + "</lastBuildDate>\n";
  for (const auto& a : articles) {
    const auto c = only ? std::optional(*only) : store::get_category(txn, t, a.category_id);
    out += rss_item(base, a, c ? c->name : "", lead_image_of(txn, t, a));
  }
  return rss_response(std::move(out));
}

// One published question: its title as the item's title; the question (title and text) and the official
// answer, masked already (model/question_text.hpp), as escaped text in the description. The citizen
// appears only as the masked name readers see on the page; contacts are sealed and never read here.
std::string question_item(const std::string& base, const model::Question& q, const std::string& agency) {
  const std::string link = base + question_url(q);
  std::string out = "<item><title>" + xml_escape(q.title) + "</title><link>" + xml_escape(link) + "</link>";
  out += "<guid isPermaLink=\"true\">" + xml_escape(link) + "</guid>";
  out += "<pubDate>" + http_date(q.published_at) + "</pubDate>";
  if (!q.field.empty()) out += "<category>" + xml_escape(q.field) + "</category>";
  std::string text;
  if (!q.masked_name.empty()) text += "Người hỏi: " + q.masked_name + "\n";
  text += "Hỏi: " + q.title + "\n" + q.text + "\n";
  text += (agency.empty() ? std::string("Trả lời: ") : "Trả lời (" + agency + "): ") + q.answer;
  out += "<description>" + html_text_for_xml(text) + "</description>";
  return out + "</item>\n";
}

// The newest published questions (of one agency when `only`), at most kFeedItems.
Response question_rss(const Context& ctx, const Request& req, const model::Agency* only) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_site_settings(txn, t);
  const std::string base = site_base(s, req);
  const std::string title =
      (ctx.site_name.empty() ? s.portal_name : ctx.site_name) + " - Hỏi đáp" + (only ? " - " + only->name : "");
  const std::string filter = only ? "?co-quan=" + std::to_string(only->id) : std::string();
  const std::string self =
      base + (only ? "/rss/hoi-dap/" + std::to_string(only->id) + ".xml" : std::string("/rss/hoi-dap.xml"));
  std::string out = channel_head(
      {.title = title,
       .link = base + "/hoi-dap" + filter,
       .self = self,
       .description = "Câu hỏi của người dân và trả lời của cơ quan nhà nước" + (only ? " (" + only->name + ")" : "")},
      s);
  std::vector<model::Question> items;
  for (auto& q : store::list_published_questions(txn, t)) {
    if (items.size() == kFeedItems) break;
    if (!only || q.agency_id == only->id) items.push_back(std::move(q));
  }
  if (!items.empty()) out += "<lastBuildDate>" + http_date(items.front().published_at) + "</lastBuildDate>\n";
  std::map<std::uint64_t, std::string> agencies;  // id -> name, read once per feed
  for (const auto& q : items) {
    auto [it, fresh] = agencies.try_emplace(q.agency_id);
    if (fresh)
      if (const auto g = store::get_agency(txn, t, q.agency_id)) it->second = g->name;
    out += question_item(base, q, it->second);
  }
  return rss_response(std::move(out));
}

// One legal document (issue 14): type and number with the abstract as the title, the abstract and the
// statutory fields as escaped text in the description, the issuing body as dc:creator.
std::string document_item(const std::string& base, const model::LegalDocument& d) {
  const std::string link = base + document_url(d);
  const std::string title = d.type + " " + d.number + (d.abstract_text.empty() ? "" : ": " + d.abstract_text);
  std::string out = "<item><title>" + xml_escape(title) + "</title><link>" + xml_escape(link) + "</link>";
  out += "<guid isPermaLink=\"true\">" + xml_escape(link) + "</guid>";
  out += "<pubDate>" + http_date(d.published_at ? d.published_at : model::UnixTime(d.issued_on) * 86400) + "</pubDate>";
  if (!d.field.empty()) out += "<category>" + xml_escape(d.field) + "</category>";
  std::string text = d.abstract_text + "\nSố ký hiệu: " + d.number + "\nCơ quan ban hành: " + d.issuer;
  if (d.issued_on) text += "\nNgày ban hành: " + model::format_date_vn(model::UnixTime(d.issued_on) * 86400, 0);
  out += "<description>" + html_text_for_xml(text) + "</description>";
  if (!d.issuer.empty()) out += "<dc:creator>" + xml_escape(d.issuer) + "</dc:creator>";
  return out + "</item>\n";
}

void sitemap_url(std::string& out, const std::string& loc, const std::string& lastmod = {}) {
  out += "<url><loc>" + xml_escape(loc) + "</loc>";
  if (!lastmod.empty()) out += "<lastmod>" + lastmod + "</lastmod>";
  out += "</url>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most C0 controls even as references; drop them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

Response rss_all(const Context& ctx, Request& req) { return rss(ctx, req, nullptr); }

Response rss_category(const Context& ctx, Request& req) {
  std::string_view file = req.params.at("file");
  if (!file.ends_with(".xml")) throw HttpError(404, "Không tìm thấy nguồn tin.");
  file.remove_suffix(4);
  const store::ReadTxn txn = ctx.store.read();
  const auto c = store::find_category_by_slug(txn, ctx.store.tables(), file);
  if (!c) throw HttpError(404, "Không tìm thấy chuyên mục.");
  return rss(ctx, req, &*c);
}

Response rss_questions(const Context& ctx, Request& req) { return question_rss(ctx, req, nullptr); }

Response rss_agency_questions(const Context& ctx, Request& req) {
  std::string_view file = req.params.at("file");
  if (!file.ends_with(".xml")) throw HttpError(404, "Không tìm thấy nguồn tin.");
  file.remove_suffix(4);
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(file.data(), file.data() + file.size(), id);
  if (ec != std::errc() || end != file.data() + file.size() || id == 0)
    throw HttpError(404, "Không tìm thấy nguồn tin.");
  const store::ReadTxn txn = ctx.store.read();
  const auto agency = store::get_agency(txn, ctx.store.tables(), id);
  if (!agency) throw HttpError(404, "Không tìm thấy cơ quan.");
  return question_rss(ctx, req, &*agency);
}

Response rss_documents(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto s = store::get_site_settings(txn, t);
  const std::string base = site_base(s, req);
  const std::string title = (ctx.site_name.empty() ? s.portal_name : ctx.site_name) + " - Văn bản";
  std::string out = channel_head({.title = title,
                                  .link = base + "/van-ban",
                                  .self = base + "/rss/van-ban.xml",
                                  .description = "Văn bản mới ban hành đăng trên " + title},
                                 s);
  const auto documents = store::newest_documents(txn, t, {.offset = 0, .limit = kFeedItems});
  for (const auto& d : documents) out += document_item(base, d);
  return rss_response(std::move(out));
}

Response rss_topic(const Context& ctx, Request& req) {
  std::string_view file = req.params.at("file");
  if (!file.ends_with(".xml")) throw HttpError(404, "Không tìm thấy nguồn tin.");
  file.remove_suffix(4);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto topic = store::find_topic(txn, t, file);
  if (!topic) throw HttpError(404, "Không tìm thấy chuyên đề.");
  const auto s = store::get_site_settings(txn, t);
  const std::string base = site_base(s, req);
  const std::string title = (ctx.site_name.empty() ? s.portal_name : ctx.site_name) + " - " + topic->name;
  std::string out = channel_head(
      {.title = title,
       .link = base + topic_url(*topic),
       .self = base + "/rss/chu-de/" + topic->slug + ".xml",
       .description = topic->description.empty() ? "Tin bài chuyên đề " + topic->name : topic->description},
      s);
  // Newest first, as the other feeds, whatever order the editors chose for the topic page.
  auto articles = topic_articles(txn, t, *topic);
  std::stable_sort(articles.begin(), articles.end(),
                   [](const auto& a, const auto& b) { return a.published_at > b.published_at; });
  if (articles.size() > kFeedItems) articles.resize(kFeedItems);
  if (!articles.empty()) out += "<lastBuildDate>" + http_date(articles.front().published_at) + "</lastBuildDate>\n";
  for (const auto& a : articles) {
    const auto c = store::get_category(txn, t, a.category_id);
    out += rss_item(base, a, c ? c->name : "", lead_image_of(txn, t, a));
  }
  return rss_response(std::move(out));
}

Response sitemap_xml(const Context& ctx, Request& req) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const std::string base = site_base(store::get_site_settings(txn, t), req);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const char* path : {"/", "/van-ban", "/so-do-trang", "/en", "/chuyen-de", "/hoi-dap", "/doi-thoai"})
    sitemap_url(out, base + path);
  for (const auto& tp : store::list_topics(txn, t))
    sitemap_url(out, base + topic_url(tp), model::format_rfc3339(tp.updated_at));
  for (const auto& c : store::list_categories(txn, t)) sitemap_url(out, base + category_url(c));
  for (const auto& p : store::list_site_pages(txn, t))
    sitemap_url(out, base + site_page_url(p), model::format_rfc3339(p.updated_at));
  for (const auto& a : store::newest_articles(txn, t, {.offset = 0, .limit = kSitemapArticles}))
    sitemap_url(out, base + article_url(a), model::format_rfc3339(std::max(a.updated_at, a.published_at)));
  for (const auto& d : store::newest_documents(txn, t, {.offset = 0, .limit = kSitemapArticles}))
    sitemap_url(out, base + document_url(d), model::format_rfc3339(d.updated_at));
  std::size_t questions = 0;
  for (const auto& q : store::list_published_questions(txn, t)) {
    if (++questions > kSitemapArticles) break;
    sitemap_url(out, base + question_url(q), model::format_rfc3339(q.published_at));
  }
  for (const auto& d : store::list_dialogues(txn, t))  // a cancelled one has no page
    if (d.state != model::DialogueState::cancelled)
      sitemap_url(out, base + dialogue_url(d), model::format_rfc3339(d.updated_at));
  out += "</urlset>\n";
  Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.body = std::move(out);
  return r;
}

Response robots_txt(const Context& ctx, Request& req) {
  const store::ReadTxn txn = ctx.store.read();
  const std::string base = site_base(store::get_site_settings(txn, ctx.store.tables()), req);
  return Response::text("User-agent: *\nAllow: /\n\nSitemap: " + base + "/sitemap.xml\n");
}

}  // namespace portald::web
