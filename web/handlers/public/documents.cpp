// The legal-documents database (cơ sở dữ liệu văn bản, NĐ 42/2022 Điều 4 k.1): the filterable list,
// one document's page and its attachments as downloads.
#include <algorithm>
#include <set>

#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/media_variant_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "web/form.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/metadata.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

std::string date_vn(std::int32_t days) { return days ? model::format_date_vn(std::int64_t(days) * 86400, 0) : ""; }

std::string size_label(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " KB";
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

// One <select> of the filter form: every distinct value, the current one selected.
void fill_options(ctemplate::TemplateDictionary& dict, const char* section, const std::set<std::string>& values,
                  const std::string& current) {
  for (const auto& v : values) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("VALUE", v);
    if (model::fold(v) == model::fold(current)) o->ShowSection("SELECTED");
  }
}

void fill_filter_form(ctemplate::TemplateDictionary& dict, const std::vector<model::LegalDocument>& all,
                      const DocumentQuery& q) {
  std::set<std::string> types, issuers, signers, fields;
  for (const auto& d : all) {
    types.insert(d.type);
    issuers.insert(d.issuer);
    if (!d.signer.empty()) signers.insert(d.signer);
    if (!d.field.empty()) fields.insert(d.field);
  }
  fill_options(dict, "TYPE_OPTION", types, q.type);
  fill_options(dict, "ISSUER_OPTION", issuers, q.issuer);
  fill_options(dict, "SIGNER_OPTION", signers, q.signer);
  fill_options(dict, "FIELD_OPTION", fields, q.field);
  dict.SetValue("KEYWORD", q.keyword);
  dict.SetValue("NUMBER", q.number);
  dict.SetValue("ISSUED_FROM", q.issued_from ? model::format_iso_date(q.issued_from) : "");
  dict.SetValue("ISSUED_TO", q.issued_to ? model::format_iso_date(q.issued_to) : "");
  static constexpr std::pair<Validity, const char*> validity[] = {
      {Validity::in_force, "VALIDITY_CON"}, {Validity::not_yet, "VALIDITY_CHUA"}, {Validity::expired, "VALIDITY_HET"}};
  for (const auto& [v, name] : validity)
    if (q.validity == v) dict.ShowSection(name);
  static constexpr std::pair<DocumentSort, const char*> sorts[] = {{DocumentSort::oldest, "SORT_OLDEST"},
                                                                   {DocumentSort::number, "SORT_NUMBER"},
                                                                   {DocumentSort::effective, "SORT_EFFECTIVE"}};
  for (const auto& [s, name] : sorts)
    if (q.sort == s) dict.ShowSection(name);
  // The folded filters open by themselves when one of them is in use, so a reader sees what narrows the list.
  const int in_use = !q.number.empty() + !q.type.empty() + !q.issuer.empty() + !q.signer.empty() + !q.field.empty() +
                     (q.issued_from != 0) + (q.issued_to != 0) + (q.validity != Validity::any) +
                     (q.sort != DocumentSort::newest);
  if (in_use > 0) {
    dict.ShowSection("FILTERS_OPEN");
    dict.SetValueAndShowSection("COUNT", std::to_string(in_use), "FILTER_COUNT");
  }
}

void fill_document_row(ctemplate::TemplateDictionary& row, const model::LegalDocument& d, std::int32_t today) {
  row.SetValue("URL", document_url(d));
  row.SetValue("NUMBER", d.number);
  row.SetValue("TYPE", d.type);
  row.SetValue("ISSUER", d.issuer);
  row.SetValue("ABSTRACT", d.abstract_text);
  row.SetValue("ISSUED", date_vn(d.issued_on));
  row.SetValue("ISSUED_ISO", model::format_iso_date(d.issued_on));
  row.SetValue("VALIDITY", std::string(validity_label(validity_on(d, today))));
  row.SetValue("VALIDITY_KEY", std::string(validity_key(validity_on(d, today))));
}

std::string page_link(const std::string& query, std::size_t page) {
  std::string link = "/van-ban?" + query;
  if (!query.empty()) link += '&';
  return link + "trang=" + std::to_string(page);
}

}  // namespace

Response documents_page(const Context& ctx, Request& req) {
  const DocumentQuery q = parse_document_query(req, kHtmlDocumentQuery);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  auto all = store::newest_documents(txn, t, {.offset = 0, .limit = SIZE_MAX});
  const std::int32_t today = today_vn();

  ctemplate::TemplateDictionary dict("documents");
  auto* list_head = fill_layout(dict, ctx, txn, "Văn bản");
  auto* feed = list_head->AddSectionDictionary("FEED");
  feed->SetValue("TITLE", "Văn bản mới - RSS");
  feed->SetValue("URL", "/rss/van-ban.xml");
  fill_filter_form(dict, all, q);
  const auto found = filter_documents(std::move(all), q, today);
  const std::size_t pages = page_count(found.size(), q.per_page);
  if (q.page > pages) throw HttpError(404, "Trang này không tồn tại.");
  dict.SetIntValue("FOUND", static_cast<long>(found.size()));
  if (found.empty())
    dict.ShowSection("NO_DOCUMENTS");
  else
    dict.ShowSection("RESULTS");
  const std::size_t first = (q.page - 1) * q.per_page;
  for (std::size_t i = first; i < found.size() && i < first + q.per_page; ++i)
    fill_document_row(*dict.AddSectionDictionary("DOCUMENT"), found[i], today);
  const std::string query = document_query_string(q, kHtmlDocumentQuery);
  dict.SetIntValue("PAGE_NUMBER", static_cast<long>(q.page));
  dict.SetIntValue("PAGE_COUNT", static_cast<long>(pages));
  if (q.page > 1) dict.AddSectionDictionary("PREV")->SetValue("URL", page_link(query, q.page - 1));
  if (q.page < pages) dict.AddSectionDictionary("NEXT")->SetValue("URL", page_link(query, q.page + 1));
  return render_page(ctx, "documents", dict);
}

namespace {

// One linked document (thay thế bởi / thay thế) as a section, when readers may see it.
void fill_link(ctemplate::TemplateDictionary& dict, const char* section, const store::Txn& txn, const store::Tables& t,
               std::uint64_t id) {
  const auto other = id ? store::get_public_document(txn, t, id) : std::nullopt;
  if (!other) return;
  auto* link = dict.AddSectionDictionary(section);
  link->SetValue("URL", document_url(*other));
  link->SetValue("TITLE", other->type + " số " + other->number);
  link->SetValue("ABSTRACT", other->abstract_text);
}

}  // namespace

Response document_page(const Context& ctx, Request& req) {
  const auto id = trailing_id(req.params.at("slug"));
  if (!id) throw HttpError(404, "Không tìm thấy văn bản.");
  const store::ReadTxn txn = ctx.store.read();
  const auto d = store::get_document(txn, ctx.store.tables(), *id);
  if (d && d->status == model::ArticleStatus::withdrawn)
    throw HttpError(410, "Văn bản này đã được gỡ khỏi Cổng thông tin theo quyết định của Ban biên tập.");
  if (!d || d->status != model::ArticleStatus::published) throw HttpError(404, "Không tìm thấy văn bản.");
  const std::string canonical = document_url(*d);
  if (req.path != canonical) return Response::redirect(canonical, 301);
  return render_document(ctx, txn, *d);
}

namespace {

// Dublin Core, Open Graph and a schema.org Legislation for one document (issue 14), and its feed.
void fill_document_metadata(ctemplate::TemplateDictionary& head, const model::SiteSettings& s,
                            const model::LegalDocument& d) {
  const std::string issued = d.issued_on ? model::format_iso_date(d.issued_on) : "";
  nlohmann::json ld{{"@type", "Legislation"},
                    {"name", d.type + " " + d.number},
                    {"legislationIdentifier", d.number},
                    {"legislationType", d.type},
                    {"legislationPassedBy", {{"@type", "GovernmentOrganization"}, {"name", d.issuer}}}};
  if (!issued.empty()) ld["legislationDate"] = issued;
  if (!d.abstract_text.empty()) ld["abstract"] = d.abstract_text;
  if (!d.signer.empty()) ld["author"] = {{"@type", "Person"}, {"name", d.signer}};
  if (d.updated_at) ld["dateModified"] = model::format_rfc3339(d.updated_at);
  fill_page_metadata(head, s,
                     {.path = document_url(d),
                      .title = d.type + " " + d.number + (d.abstract_text.empty() ? "" : ": " + d.abstract_text),
                      .description = d.abstract_text,
                      .creator = d.issuer,
                      .subject = d.field,
                      .lang = "vi",
                      .date = d.issued_on ? model::UnixTime(d.issued_on) * 86400 : d.updated_at,
                      .json_ld = std::move(ld)});
  auto* feed = head.AddSectionDictionary("FEED");
  feed->SetValue("TITLE", "Văn bản mới - RSS");
  feed->SetValue("URL", "/rss/van-ban.xml");
}

}  // namespace

Response render_document(const Context& ctx, const store::Txn& txn, const model::LegalDocument& doc) {
  const model::LegalDocument* d = &doc;
  const auto& t = ctx.store.tables();
  ctemplate::TemplateDictionary dict("document");
  auto* head = fill_layout(dict, ctx, txn, d->type + " " + d->number);
  fill_document_row(dict, *d, today_vn());
  const std::pair<const char*, std::string> optional_rows[] = {{"SIGNER", d->signer},
                                                               {"FIELD", d->field},
                                                               {"EFFECTIVE", date_vn(d->effective_on)},
                                                               {"EXPIRES", date_vn(d->expires_on)},
                                                               {"VALIDITY_NOTE", d->validity_note}};
  for (const auto& [section, value] : optional_rows)
    if (!value.empty()) dict.AddSectionDictionary(section)->SetValue("TEXT", value);
  // Replacement links (issue 14), on both documents' pages.
  fill_link(dict, "REPLACED_BY", txn, t, d->replaced_by);
  for (const auto other : d->replaces) fill_link(dict, "REPLACES", txn, t, other);
  if (!d->national_db_url.empty()) dict.AddSectionDictionary("NATIONAL_DB")->SetValue("URL", d->national_db_url);
  if (d->attachments.empty()) dict.ShowSection("NO_FILES");
  for (const auto& a : d->attachments) {
    auto* f = dict.AddSectionDictionary("FILE");
    f->SetValue("URL", attachment_url(*d, a));
    f->SetValue("NAME", a.file_name);
    f->SetValue("SIZE", size_label(a.size));
  }
  head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", d->abstract_text);
  fill_document_metadata(*head, store::get_site_settings(txn, t), *d);
  return render_page(ctx, "document", dict);
}

Response document_file(const Context& ctx, Request& req) {
  const auto id = trailing_id(req.params.at("slug"));
  const auto media_id = trailing_id(req.params.at("media"));
  if (!id || !media_id) file_not_found();
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto d = store::get_public_document(txn, t, *id);
  // Everyone gets the files of a published document; the files of a draft or of a pending revision (the
  // admin's preview links here) only those who may open the document in the admin (issue 16, finding 1).
  if (!d || std::none_of(d->attachments.begin(), d->attachments.end(),
                         [&](const auto& a) { return a.media_id == *media_id; })) {
    if (auto r = admin::document_pages::private_attachment(ctx, req, *id, *media_id)) return std::move(*r);
    file_not_found();
  }
  auto m = store::get_media(txn, t, *media_id);
  if (!m) file_not_found();
  // An image attachment goes out as its public copy, without EXIF and GPS (issue 14).
  if (auto copy = store::get_media_variant(txn, t, *media_id, model::kFullSizeVariant))
    m->bytes = std::move(copy->bytes);
  Response r = attachment_response(*m);
  // It may stop being public (the document withdrawn), so shared caches keep it an hour only.
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

Response attachment_response(const model::Media& m) {
  static constexpr std::string_view kAllowed[] = {
      "application/pdf", "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text"};
  Response r;
  const bool known = std::find(std::begin(kAllowed), std::end(kAllowed), m.content_type) != std::end(kAllowed);
  r.content_type = known ? m.content_type : "application/octet-stream";
  // filename= for old clients (ASCII slug), filename*= (RFC 6266/8187) with the real UTF-8 name.
  const auto dot = m.file_name.rfind('.');
  const std::string stem = model::slugify(m.file_name.substr(0, dot), 80);
  const std::string ext = dot == std::string::npos ? "" : model::slugify(m.file_name.substr(dot + 1), 8);
  const std::string ascii = (stem.empty() ? std::string("tep") : stem) + (ext.empty() ? "" : "." + ext);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
                                                    model::url_encode_component(m.file_name));
  r.body = m.bytes;
  return r;
}

}  // namespace portald::web
