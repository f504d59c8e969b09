#include "daemon/cli/content_import.hpp"
#include "daemon/cli/fields.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/article_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"

namespace portald::cli {
namespace {

constexpr std::size_t kMaxBodyBytes = 4 << 20;
constexpr std::size_t kDerivedSummaryChars = 300;

struct ArticleLine {
  std::optional<std::string> source_id;
  std::string title;
  std::optional<std::string> summary;
  std::string body_html;
  std::string category;
  std::optional<std::string> agency;
  model::UnixTime published_at = 0;
  std::optional<std::string> author;
  model::ArticleStatus status = model::ArticleStatus::published;
  bool featured = false;
};

ArticleLine parse(const nlohmann::json& j) {
  ArticleLine a;
  a.source_id = source_id_field(j);
  a.title = *text_field(j, "title", 500, true);
  a.summary = text_field(j, "summary", 2000, false);
  a.body_html = *text_field(j, "body_html", kMaxBodyBytes, true);
  if (a.body_html.size() > kMaxBodyBytes) throw FieldError("body_html", "is larger than 4 MiB");
  a.category = *text_field(j, "category", 200, true);
  a.agency = text_field(j, "agency", 300, false);
  a.author = text_field(j, "author", 200, false);
  const auto when = text_field(j, "published_at", 64, true);
  const auto t = model::parse_rfc3339(*when);
  if (!t) throw FieldError("published_at", "must be an RFC 3339 time with an offset, e.g. 2024-11-13T08:30:00+07:00");
  a.published_at = *t;
  if (const auto s = text_field(j, "status", 20, false)) {
    // Imports carry only the public state; the workflow's other states are born in the admin pages.
    const auto st = model::parse_article_status(*s);
    if (!st || (*st != model::ArticleStatus::published && *st != model::ArticleStatus::draft))
      throw FieldError("status", "must be \"published\" or \"draft\"");
    a.status = *st;
  }
  // An extension of the shared format: old portals often mark their lead stories.
  if (const auto f = j.find("featured"); f != j.end() && !f->is_null()) {
    if (!f->is_boolean()) throw FieldError("featured", "must be true or false");
    a.featured = f->get<bool>();
  }
  return a;
}

// A lead for lists and meta descriptions when the old system had none: the body's first sentences.
std::string derive_summary(const std::string& body_html) {
  const std::string text = model::html_to_text(body_html);
  if (model::count_code_points(text) <= kDerivedSummaryChars) return text;
  std::size_t cut = 0, chars = 0;
  for (std::size_t i = 0; i < text.size() && chars < kDerivedSummaryChars; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++chars;
      if (text[i] == ' ') cut = i;
    }
  return text.substr(0, cut) + "…";
}

bool write(store::WriteTxn& txn, const store::Tables& t, const nlohmann::json& j) {
  const ArticleLine in = parse(j);
  model::Article a;
  const auto now = model::now();
  if (in.source_id) {
    if (const auto id = store::find_article_by_source(txn, t, *in.source_id))
      if (auto old = store::get_article(txn, t, *id)) {
        a = std::move(*old);
        a.revision += 1;
      }
  }
  const bool created = a.id == 0;
  if (created) a.created_at = now;
  a.source_id = in.source_id.value_or("");
  a.title = in.title;
  a.slug = model::slugify(in.title);
  a.body_html = model::sanitize_html(in.body_html, store::get_embed_policy(txn, t));
  a.summary = in.summary ? *in.summary : derive_summary(a.body_html);
  a.category_id = store::ensure_category(txn, t, in.category);
  a.agency_id = in.agency ? store::ensure_agency(txn, t, *in.agency) : 0;
  a.author = in.author.value_or("");
  a.status = in.status;
  a.featured = in.featured;
  a.published_at = in.published_at;
  a.updated_at = now;
  store::put_article(txn, t, std::move(a));
  return created;
}

}  // namespace

ImportKind article_import_kind() {
  return ImportKind{.noun = "articles", .validate = [](const nlohmann::json& j) { parse(j); }, .write = write};
}

}  // namespace portald::cli
