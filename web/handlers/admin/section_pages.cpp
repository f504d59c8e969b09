// The section pages and the English section in the admin (/quan-tri/trang, issue 14): the list with the
// mandatory sections still missing, the create form, the editor (the article editor's WYSIWYG editor and
// its safety nets, the structured entries as rows), the board's approval or return of a pending
// revision, the revisions with restore, and a preview in the public template. Every refused post shows
// the form again with what was typed.
#include <algorithm>
#include <charconv>
#include <map>

#include "daemon/model/text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/site/pages.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace section_pages {
namespace {

constexpr std::size_t kBlankRows = 3;      // empty rows offered under the entries for new ones
constexpr std::size_t kMaxRowIndex = 600;  // posted row numbers beyond this are ignored

std::string_view kind_label(model::PageKind k) {
  switch (k) {
    case model::PageKind::text: return "Trang nội dung";
    case model::PageKind::contacts: return "Danh bạ liên hệ";
    case model::PageKind::disclosure: return "Danh mục thông tin công khai";
    case model::PageKind::links: return "Danh sách liên kết";
  }
  return "Trang nội dung";
}

std::string_view lang_label(std::string_view lang) { return lang == "en" ? "Tiếng Anh" : "Tiếng Việt"; }

std::string public_url(std::string_view lang, std::string_view slug) {
  return (lang == "en" ? "/en/" : "/trang/") + std::string(slug);
}

std::string page_url(std::uint64_t id) { return "/quan-tri/trang/" + std::to_string(id); }

[[noreturn]] void page_not_found() { throw HttpError(404, "Không tìm thấy trang chuyên mục."); }

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) page_not_found();
  return *id;
}

site::PageItem load(const Context& ctx, std::uint64_t id) {
  const store::ReadTxn txn = ctx.store.read();
  auto item = site::load_page(txn, ctx.store.tables(), id);
  if (!item) page_not_found();
  return std::move(*item);
}

// The entries of a posted form: fields "e.<row>.<column key>", rows in their number's order.
std::vector<std::vector<std::string>> posted_entries(const Form& form, model::PageKind kind) {
  const auto& columns = model::page_columns(kind);
  std::map<std::size_t, std::vector<std::string>> rows;
  for (auto it = form.fields.lower_bound("e."); it != form.fields.end() && it->first.starts_with("e."); ++it) {
    const std::string_view name = it->first;
    const auto dot = name.find('.', 2);
    if (dot == std::string_view::npos) continue;
    std::size_t row = 0;
    const auto [end, ec] = std::from_chars(name.data() + 2, name.data() + dot, row);
    if (ec != std::errc() || end != name.data() + dot || row > kMaxRowIndex) continue;
    const std::string_view key = name.substr(dot + 1);
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c].key == key) {
        auto& cells = rows[row];
        cells.resize(columns.size());
        cells[c] = it->second;
      }
  }
  std::vector<std::vector<std::string>> out;
  for (auto& [n, cells] : rows) out.push_back(std::move(cells));
  return out;
}

site::PageContent content_of(const Form& form, model::PageKind kind) {
  site::PageContent c;
  c.title = form.get("title");
  c.summary = form.get("summary");
  c.body_html = form.get("body");
  c.entries = posted_entries(form, kind);
  const std::string position(model::trim(form.get("position")));
  if (position == "0" || position.empty()) {
    c.position = 0;
  } else {
    const auto n = trailing_id(position);
    c.position = n && *n <= 99999 ? static_cast<std::uint32_t>(*n) : 100000;  // the rule refuses > 9999
  }
  return c;
}

std::optional<std::uint32_t> base_of(const Form& f) {
  if (!f.has("base_revision")) return std::nullopt;
  const std::string v = f.get("base_revision");
  if (v == "0") return 0;
  const auto n = trailing_id(v);
  return n && *n <= UINT32_MAX ? std::optional(static_cast<std::uint32_t>(*n)) : std::nullopt;
}

std::uint32_t revision_param(const Request& req, const Form* form) {
  const std::string v = form ? form->get("revision") : req.params.at("n");
  const auto n = trailing_id(v);
  if (!n || *n > UINT32_MAX) throw HttpError(400, "Phiên bản không hợp lệ.");
  return static_cast<std::uint32_t>(*n);
}

// What the editor page shows beyond the page itself.
struct PageView {
  const site::PageContent& shown;
  model::PageKind kind = model::PageKind::text;
  std::vector<std::string> errors{};
  int status = 200;
  std::optional<std::uint32_t> base_revision{};  // default: the newest revision
  bool unsaved = false;                          // `shown` is a refused post, not what is saved
  const site::NewPage* new_page = nullptr;       // the create form
  std::string return_reason{};                   // a refused return's reason, shown again
};

void fill_entries_form(ctemplate::TemplateDictionary& form, model::PageKind kind,
                       const std::vector<std::vector<std::string>>& entries) {
  const auto& columns = model::page_columns(kind);
  if (columns.empty()) return;
  auto* table = form.AddSectionDictionary("ENTRIES");
  for (const auto& c : columns) table->AddSectionDictionary("COLUMN")->SetValue("LABEL", std::string(c.label_vi));
  const std::size_t rows = entries.size() + kBlankRows;
  for (std::size_t i = 0; i < rows; ++i) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("N", std::to_string(i + 1));
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto* cell = row->AddSectionDictionary("CELL");
      cell->SetValue("NAME", "e." + std::to_string(i) + "." + std::string(columns[c].key));
      cell->SetValue("LABEL", std::string(columns[c].label_vi) + ", dòng " + std::to_string(i + 1));
      cell->SetValue("VALUE", i < entries.size() && c < entries[i].size() ? entries[i][c] : std::string());
      cell->SetValue("TYPE", columns[c].key == "email" ? "email" : "text");
    }
  }
}

void fill_new_fields(ctemplate::TemplateDictionary& form, const site::NewPage& p) {
  auto* n = form.AddSectionDictionary("NEW");
  n->SetValue("SLUG", p.slug);
  for (const char* lang : {"vi", "en"}) {
    auto* o = n->AddSectionDictionary("LANG_OPTION");
    o->SetValue("VALUE", lang);
    o->SetValue("LABEL", std::string(lang_label(lang)));
    if (p.lang == lang) o->ShowSection("SELECTED");
  }
  for (const auto& [kind, key] : model::kPageKinds) {
    auto* o = n->AddSectionDictionary("KIND_OPTION");
    o->SetValue("VALUE", std::string(key));
    o->SetValue("LABEL", std::string(kind_label(kind)));
    if (p.kind == key) o->ShowSection("SELECTED");
  }
}

void fill_revisions(ctemplate::TemplateDictionary& dict, const site::PageItem& item, bool may_edit) {
  if (item.revisions.empty()) {
    dict.ShowSection("NO_REVISIONS");
    return;
  }
  auto* list = dict.AddSectionDictionary("REVISIONS");
  for (auto it = item.revisions.rbegin(); it != item.revisions.rend(); ++it) {
    auto* r = list->AddSectionDictionary("REVISION");
    r->SetValue("N", std::to_string(it->number));
    r->SetValue("ID", std::to_string(item.id));
    r->SetValue("STATE", std::string(model::page_revision_state_label(it->state)));
    r->SetValue("STATE_KEY", std::string(model::to_string(it->state)));
    r->SetValue("BY", it->saved_by);
    r->SetValue("AT", model::format_datetime_vn(it->saved_at));
    r->SetValue("TITLE", it->title);
    if (!it->decided_by.empty())
      r->AddSectionDictionary("DECIDED")->SetValue(
          "TEXT", it->decided_by + " lúc " + model::format_datetime_vn(it->decided_at));
    std::string note = it->note;
    if (!it->reason.empty()) note += (note.empty() ? "" : " · ") + std::string("Lý do trả lại: ") + it->reason;
    r->SetValue("NOTE", note);
    if (may_edit && it->state != model::PageRevisionState::pending) r->ShowSection("CAN_RESTORE");
  }
}

Response editor(const Context& ctx, const Request& req, const model::User& user, const site::PageItem* item,
                const PageView& view) {
  ctemplate::TemplateDictionary dict("admin_page");
  const auto actor = actor_of(user, req);
  const bool board = site::may_approve_pages(actor);
  const std::string title = item ? "Trang: " + item->work().title : std::string("Tạo trang chuyên mục");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, title);
  header->ShowSection("EDITOR");
  for (const auto& e : view.errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (!view.unsaved) {
    if (req.query_value("da-luu"))
      header->AddSectionDictionary("FLASH")->SetValue(
          "TEXT", board ? "Đã lưu phiên bản mới. Bản này chờ duyệt trước khi công khai."
                        : "Đã lưu phiên bản mới và gửi Ban biên tập duyệt. Trang công khai chưa thay đổi.");
    if (req.query_value("da-duyet"))
      header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã duyệt: trang công khai đã được cập nhật.");
    if (req.query_value("da-tra-lai"))
      header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã trả lại bản sửa cho người soạn.");
    if (req.query_value("da-khoi-phuc"))
      header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã khôi phục thành bản chờ duyệt mới.");
  }
  dict.SetValue("HEADING", title);

  if (item) {
    const auto work = item->work();
    auto* s = dict.AddSectionDictionary("STATE");
    s->SetValue("ID", std::to_string(item->id));
    s->SetValue("URL", public_url(work.lang, work.slug));
    s->SetValue("LANG", std::string(lang_label(work.lang)));
    s->SetValue("KIND", std::string(kind_label(work.kind)));
    if (item->live) {
      auto* live = s->AddSectionDictionary("LIVE");
      live->SetValue("URL", site_page_url(*item->live));
      live->SetValue("UPDATED", model::format_date_vn(item->live->updated_at));
    } else {
      s->ShowSection("NOT_LIVE");
    }
    if (const auto* p = item->pending()) {
      auto* pending = s->AddSectionDictionary("PENDING");
      pending->SetValue("N", std::to_string(p->number));
      pending->SetValue("BY", p->saved_by);
      pending->SetValue("AT", model::format_datetime_vn(p->saved_at));
      pending->SetValue("ID", std::to_string(item->id));
      if (board) {
        auto* decide = pending->AddSectionDictionary("DECIDE");
        decide->SetValue("REASON", escape_keeping_lines(view.return_reason));
        if (!view.return_reason.empty()) decide->ShowSection("REASON_TYPED");  // the reason box opens again
      }
    } else if (!item->revisions.empty() && item->revisions.back().state == model::PageRevisionState::returned) {
      const auto& r = item->revisions.back();
      auto* returned = s->AddSectionDictionary("RETURNED");
      returned->SetValue("N", std::to_string(r.number));
      returned->SetValue("BY", r.decided_by);
      returned->SetValue("REASON", r.reason);
    }
  }

  auto* f = dict.AddSectionDictionary("FORM");
  f->SetValue("ACTION", item ? page_url(item->id) : std::string("/quan-tri/trang/moi"));
  f->SetValue("KEY", item ? "trang-" + std::to_string(item->id) : std::string("trang-moi"));
  f->SetValue("MAX_BODY", std::to_string(ctx.upload_limit()));
  f->SetValue("TITLE", view.shown.title);
  f->SetValue("SUMMARY", escape_keeping_lines(view.shown.summary));  // {{SUMMARY:none}}
  f->SetValue("BODY", escape_keeping_lines(view.shown.body_html));   // {{BODY:none}}
  f->SetValue("POSITION", std::to_string(view.shown.position));
  if (view.unsaved) f->ShowSection("UNSAVED");
  if (item) {
    f->SetValue("SAVED_AT", std::to_string(item->revisions.empty() ? (item->live ? item->live->updated_at : 0)
                                                                   : item->revisions.back().saved_at));
    f->AddSectionDictionary("BASE")->SetValue("N", std::to_string(view.base_revision.value_or(item->latest())));
    const auto work = item->work();
    auto* fixed = f->AddSectionDictionary("FIXED");
    fixed->SetValue("URL", public_url(work.lang, work.slug));
    fixed->SetValue("LANG", std::string(lang_label(work.lang)));
    fixed->SetValue("KIND", std::string(kind_label(work.kind)));
    fill_entries_form(*f, view.kind, view.shown.entries);
  } else {
    f->SetValue("SAVED_AT", "0");
    fill_new_fields(*f, view.new_page ? *view.new_page : site::NewPage{});
    f->ShowSection("ENTRIES_LATER");
  }
  f->SetValue("SAVE_LABEL", item ? "Lưu và gửi duyệt" : "Tạo trang và gửi duyệt");
  if (board) f->ShowSection("CAN_APPROVE");
  if (item) fill_revisions(dict, *item, site::may_edit_pages(actor));
  return render_admin(ctx, "admin_page", dict, view.status);
}

// The editor of `item` again after a refused post, with what was posted.
Response refused(const Context& ctx, const Request& req, const model::User& user, const site::PageItem& item,
                 const Form& form, const site::PageContent& posted, const site::PageResult& r) {
  PageView view{.shown = posted,
                .kind = item.work().kind,
                .errors = r.errors,
                .status = 422,
                .base_revision = base_of(form),
                .unsaved = true};
  switch (r.refusal) {
    case site::PageRefusal::not_allowed:
      view.errors = {"Vai trò của bạn không được thực hiện thao tác này."};
      view.status = 403;
      break;
    case site::PageRefusal::conflict: {
      const auto now_item = load(ctx, item.id);
      const auto* by = now_item.revisions.empty() ? nullptr : &now_item.revisions.back();
      view.errors = {"Bản của bạn chưa được lưu: " + (by ? by->saved_by : std::string("người khác")) +
                     " đã lưu phiên bản " + std::to_string(now_item.latest()) +
                     " sau khi bạn mở trang này. Hãy xem phiên bản đó trong danh sách bên dưới; bấm Lưu lần nữa "
                     "để lưu bản của bạn lên trên."};
      view.status = 409;
      view.base_revision = now_item.latest();
      return editor(ctx, req, user, &now_item, view);
    }
    case site::PageRefusal::not_found: page_not_found();
    case site::PageRefusal::not_pending:
      view.errors = {"Phiên bản này không còn chờ duyệt (đã được duyệt, trả lại hoặc có bản mới hơn)."};
      view.status = 409;
      break;
    case site::PageRefusal::invalid:
    case site::PageRefusal::none: break;
  }
  return editor(ctx, req, user, &item, view);
}

std::string missing_link(const model::SectionSpec& s) {
  return "/quan-tri/trang/moi?ngon-ngu=" + std::string(s.lang) + "&dia-chi=" + std::string(s.slug) +
         "&loai=" + std::string(model::to_string(s.kind)) + "&tieu-de=" + model::url_encode_component(s.title);
}

}  // namespace

Response list(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  ctemplate::TemplateDictionary dict("admin_pages");
  fill_admin_layout(dict, ctx, &user, req.session_csrf, "Trang chuyên mục");
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  const auto missing = site::missing_sections(txn, t);
  if (!missing.empty()) {
    auto* m = dict.AddSectionDictionary("MISSING_ANY");
    for (const auto& s : missing) {
      auto* row = m->AddSectionDictionary("MISSING");
      row->SetValue("TITLE", std::string(s.title));
      row->SetValue("URL", public_url(s.lang, s.slug));
      row->SetValue("LANG", std::string(lang_label(s.lang)));
      row->SetValue("CREATE", missing_link(s));
    }
  }
  std::map<std::string, ctemplate::TemplateDictionary*> groups;
  for (const char* lang : {"vi", "en"}) {
    auto* g = dict.AddSectionDictionary("GROUP");
    g->SetValue("HEADING", std::string(lang) == "en" ? "Chuyên mục tiếng Anh (English)" : "Trang tiếng Việt");
    g->SetValue("LANG", lang);
    groups[lang] = g;
  }
  std::map<std::string, bool> filled;
  for (const auto& item : site::list_pages(txn, t)) {
    const auto work = item.work();
    auto* g = groups[work.lang == "en" ? "en" : "vi"];
    filled[work.lang == "en" ? "en" : "vi"] = true;
    auto* row = g->AddSectionDictionary("PAGE");
    row->SetValue("ID", std::to_string(item.id));
    row->SetValue("TITLE", work.title);
    row->SetValue("KIND", std::string(kind_label(work.kind)));
    const std::string url = public_url(work.lang, work.slug);
    if (item.live) {
      row->AddSectionDictionary("LIVE")->SetValue("URL", url);
      row->SetValue("UPDATED", model::format_date_vn(item.live->updated_at));
    } else {
      row->AddSectionDictionary("NOT_LIVE")->SetValue("URL", url);
      row->SetValue("UPDATED", "—");
    }
    std::string state;
    if (const auto* p = item.pending())
      state = (item.live ? "Có bản sửa chờ duyệt (do " : "Trang mới chờ duyệt (do ") + p->saved_by + ")";
    else if (!item.revisions.empty() && item.revisions.back().state == model::PageRevisionState::returned)
      state = "Bản sửa bị trả lại";
    else
      state = "Đang công khai";
    row->SetValue("STATE", state);
    if (item.pending()) row->ShowSection("PENDING");
  }
  for (const auto& [lang, g] : groups)
    if (!filled[lang]) g->ShowSection("EMPTY");
  return render_admin(ctx, "admin_pages", dict);
}

Response new_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  // Prefilled from the list's "missing section" links.
  site::NewPage p;
  if (const auto lang = req.query_value("ngon-ngu"); lang && (*lang == "vi" || *lang == "en")) p.lang = *lang;
  if (const auto slug = req.query_value("dia-chi")) p.slug = model::slugify(*slug, 80);
  if (const auto kind = req.query_value("loai"); kind && model::parse_page_kind(*kind)) p.kind = *kind;
  site::PageContent empty;
  if (const auto title = req.query_value("tieu-de")) empty.title = model::to_nfc(*title).value_or("");
  {
    // After the pages there are, unless the editor says otherwise.
    const store::ReadTxn txn = ctx.store.read();
    for (const auto& item : site::list_pages(txn, ctx.store.tables()))
      empty.position = std::max(empty.position, item.work().position + 1);
  }
  return editor(ctx, req, user, nullptr, {.shown = empty, .new_page = &p});
}

Response create_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const Form form = form_of(req);
  const site::NewPage p{.lang = form.get("lang"), .slug = form.get("slug"), .kind = form.get("kind")};
  const auto content = content_of(form, model::PageKind::text);
  const auto r =
      site::create_page(ctx.store, p, content, actor_of(user, req), model::now(), form.get("approve") == "1");
  if (r.refusal == site::PageRefusal::none)
    return Response::redirect(page_url(r.id) + (r.published ? "?da-duyet=1" : "?da-luu=1"));
  PageView view{.shown = content, .errors = r.errors, .status = 422, .unsaved = true, .new_page = &p};
  if (r.refusal == site::PageRefusal::not_allowed) {
    view.errors = {"Vai trò của bạn không được thực hiện thao tác này."};
    view.status = 403;
  }
  return editor(ctx, req, user, nullptr, view);
}

Response edit_page(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = load(ctx, id_param(req));
  const auto work = item.work();
  const site::PageContent shown{.title = work.title,
                                .summary = work.summary,
                                .body_html = work.body_html,
                                .entries = work.entries,
                                .position = work.position};
  return editor(ctx, req, user, &item, {.shown = shown, .kind = work.kind});
}

Response save_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = load(ctx, id_param(req));
  const Form form = form_of(req);
  const auto content = content_of(form, item.work().kind);
  const auto r = site::save_page(ctx.store, item.id, content, actor_of(user, req), model::now(), base_of(form),
                                 form.get("approve") == "1");
  if (r.refusal != site::PageRefusal::none) return refused(ctx, req, user, item, form, content, r);
  return Response::redirect(page_url(item.id) + (r.published ? "?da-duyet=1" : "?da-luu=1"));
}

Response approve_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = load(ctx, id_param(req));
  const Form form = form_of(req);
  const auto r = site::approve_page(ctx.store, item.id, revision_param(req, &form), actor_of(user, req), model::now());
  if (r.refusal == site::PageRefusal::none) return Response::redirect(page_url(item.id) + "?da-duyet=1");
  const auto work = item.work();
  const site::PageContent shown{work.title, work.summary, work.body_html, work.entries, work.position};
  return refused(ctx, req, user, item, form, shown, r);
}

Response return_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = load(ctx, id_param(req));
  const Form form = form_of(req);
  const auto r = site::return_page(ctx.store, item.id, revision_param(req, &form), form.get("reason"),
                                   actor_of(user, req), model::now());
  if (r.refusal == site::PageRefusal::none) return Response::redirect(page_url(item.id) + "?da-tra-lai=1");
  const auto work = item.work();
  const site::PageContent shown{work.title, work.summary, work.body_html, work.entries, work.position};
  if (r.refusal == site::PageRefusal::invalid) {
    // The form is what is saved; the reason typed comes back in its box.
    return editor(
        ctx, req, user, &item,
        {.shown = shown, .kind = work.kind, .errors = r.errors, .status = 422, .return_reason = form.get("reason")});
  }
  return refused(ctx, req, user, item, form, shown, r);
}

Response restore_post(const Context& ctx, Request& req) {
  const auto user = current_user(ctx, req);
  const auto item = load(ctx, id_param(req));
  const auto r =
      site::restore_page_revision(ctx.store, item.id, revision_param(req, nullptr), actor_of(user, req), model::now());
  if (r.refusal == site::PageRefusal::not_found) page_not_found();
  if (r.refusal == site::PageRefusal::not_allowed) throw HttpError(403, "Vai trò của bạn không được sửa trang.");
  return Response::redirect(page_url(item.id) + "?da-khoi-phuc=1");
}

Response preview(const Context& ctx, Request& req) {
  current_user(ctx, req);
  const auto id = id_param(req);
  const auto item = load(ctx, id);
  auto page = item.work();
  if (!page.updated_at) page.updated_at = model::now();
  const store::ReadTxn txn = ctx.store.read();
  return as_preview(render_site_page(ctx, txn, page), "/quan-tri/trang/" + std::to_string(id));
}

}  // namespace section_pages
}  // namespace portald::web::admin
