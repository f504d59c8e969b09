// Every legal document the user may open, newest first, with a search and filters by editorial state
// and type (issue 14): how the board finds what waits for approval, and anyone finds a document to
// correct. Authors without edit-any-article see their own.
#include <set>

#include "daemon/documents/document_service.hpp"
#include "daemon/model/document_rules.hpp"
#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/model/workflow.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/links.hpp"
#include "web/paging.hpp"

namespace portald::web::admin {
namespace document_list_pages {
namespace {

constexpr std::size_t kPerPage = 50;
constexpr std::size_t kMaxPage = SIZE_MAX / kPerPage;

using model::ArticleStatus;
constexpr ArticleStatus kStates[] = {
    ArticleStatus::draft,    ArticleStatus::submitted, ArticleStatus::editing,  ArticleStatus::awaiting_approval,
    ArticleStatus::returned, ArticleStatus::published, ArticleStatus::withdrawn};

struct Filter {
  std::string keyword;  // folded; in number, abstract, issuer, signer of the version under work
  std::optional<ArticleStatus> state;
  std::string type;  // folded, exact
};

bool matches(const documents::Item& item, const Filter& f) {
  if (f.state && item.state.state != *f.state) return false;
  if (!f.type.empty() && model::fold(item.work.type) != f.type) return false;
  if (f.keyword.empty()) return true;
  const auto& w = item.work;
  const std::string text = model::fold(w.number + " " + w.abstract_text + " " + w.issuer + " " + w.signer);
  return text.find(f.keyword) != std::string::npos;
}

std::string public_text(const model::LegalDocument& d) {
  if (d.status == ArticleStatus::published) return "Đang công bố";
  if (d.status == ArticleStatus::withdrawn) return "Đã gỡ";
  return "";
}

}  // namespace

Response document_list(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto actor = actor_of(me, req);
  const std::string q(model::trim(req.query_value("tu-khoa").value_or("")));
  const std::string state_key(req.query_value("trang-thai").value_or(""));
  const std::string type(model::trim(req.query_value("loai").value_or("")));
  const Filter f{.keyword = model::fold(q), .state = model::parse_article_status(state_key), .type = model::fold(type)};
  const std::size_t page = parse_page_number(req.query_value("trang").value_or(""), kMaxPage).value_or(1);

  ctemplate::TemplateDictionary dict("admin_documents");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Văn bản");
  dict.SetValue("Q", q);
  for (const auto s : kStates) {
    auto* o = dict.AddSectionDictionary("STATE_OPTION");
    o->SetValue("KEY", std::string(model::to_string(s)));
    o->SetValue("LABEL", std::string(model::status_label(s)));
    if (f.state == s) o->ShowSection("SELECTED");
  }
  std::set<std::string> types;
  for (const auto& t : model::document_types()) types.insert(std::string(t.name));

  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const std::int32_t today = today_vn();
  std::size_t matched = 0, shown = 0;
  store::Cursor c(txn, t.documents);
  for (bool ok = c.last(); ok; ok = c.prev()) {
    const auto item = documents::load_item(txn, t, store::read_be64(c.key()));
    if (!item || !documents::may_view(*item, actor)) continue;
    if (!item->work.type.empty()) types.insert(item->work.type);
    if (!matches(*item, f)) continue;
    const std::size_t index = matched++;
    if (index < (page - 1) * kPerPage || index >= page * kPerPage) continue;
    ++shown;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(item->record.id));
    row->SetValue("NUMBER", item->work.number);
    row->SetValue("TYPE", item->work.type);
    row->SetValue("ISSUER", item->work.issuer);
    row->SetValue("ABSTRACT", item->work.abstract_text);
    row->SetValue("ISSUED", model::document_date_text(item->work.issued_on));
    row->SetValue("STATE", std::string(model::status_label(item->state.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(item->state.state)));
    row->SetValue("PUBLIC", public_text(item->record));
    row->SetValue("VALIDITY", std::string(validity_label(validity_on(item->record, today))));
    if (item->record.replaced_by) row->ShowSection("REPLACED");
  }
  for (const auto& name : types) {
    auto* o = dict.AddSectionDictionary("TYPE_OPTION");
    o->SetValue("NAME", name);
    if (!f.type.empty() && model::fold(name) == f.type) o->ShowSection("SELECTED");
  }
  if (shown == 0) dict.ShowSection("EMPTY");
  const std::string list_url = "/quan-tri/van-ban?tu-khoa=" + model::url_encode_component(q) +
                               "&trang-thai=" + model::url_encode_component(state_key) +
                               "&loai=" + model::url_encode_component(type) + "&trang=";
  if (page > 1) dict.AddSectionDictionary("PREV")->SetValue("URL", list_url + std::to_string(page - 1));
  if (matched > page * kPerPage)
    dict.AddSectionDictionary("NEXT")->SetValue("URL", list_url + std::to_string(page + 1));
  return render_admin(ctx, "admin_documents", dict);
}

}  // namespace document_list_pages
}  // namespace portald::web::admin
