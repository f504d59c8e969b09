#include "web/handlers/admin/document_view.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "daemon/model/document_rules.hpp"
#include "daemon/model/media_link.hpp"
#include "daemon/model/media_type.hpp"
#include "daemon/model/text.hpp"
#include "daemon/store/document_editorial_table.hpp"
#include "daemon/store/document_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/public/document_query.hpp"
#include "web/links.hpp"

namespace portald::web::admin {
namespace {

std::string iso_or_empty(std::int32_t days) { return days ? model::format_iso_date(days) : std::string(); }

std::optional<std::uint64_t> plain_id(std::string_view s) {
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id == 0) return std::nullopt;
  return id;
}

// "12", a file's address "/tep/12-<token>/quyet-dinh.pdf", the older "/tep/quyet-dinh.pdf-12", or a whole
// URL holding one of them: the media id.
std::optional<std::uint64_t> library_id(std::string_view token) {
  if (const auto id = plain_id(token)) return id;
  const auto ids = model::media_ids_in(token);
  if (ids.size() != 1) return std::nullopt;
  return ids.front();
}

std::vector<std::string> library_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text) {
    if (c == ' ' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

const UploadedFile* posted_file(const Form& form, std::string_view field) {
  for (const auto& f : form.files)
    if (f.field == field && (!f.bytes.empty() || !f.file_name.empty())) return &f;
  return nullptr;
}

std::string limit_text(std::size_t bytes) {
  if (bytes >= (std::size_t(1) << 20)) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(std::max<std::size_t>(bytes >> 10, 1)) + " KB";
}

std::string title_of(const model::LegalDocument& d) { return d.type + " số " + d.number; }

void fill_form(ctemplate::TemplateDictionary& f, const Context& ctx, const DocumentFields& shown) {
  f.SetValue("NUMBER", shown.number);
  f.SetValue("TYPE", shown.type);
  f.SetValue("ISSUER", shown.issuer);
  f.SetValue("SIGNER", shown.signer);
  f.SetValue("ISSUED_ON", shown.issued_on);
  f.SetValue("EFFECTIVE_ON", shown.effective_on);
  f.SetValue("EXPIRES_ON", shown.expires_on);
  f.SetValue("FIELD", shown.field);
  f.SetValue("ABSTRACT", escape_keeping_lines(shown.abstract_text));  // {{ABSTRACT:none}}
  f.SetValue("NATIONAL_DB_URL", shown.national_db_url);
  f.SetValue("LIBRARY", shown.library);
  f.SetValue("MAX_SIZE", limit_text(std::min(model::kMaxMediaBytes, ctx.upload_limit())));
  for (const auto& t : model::document_types())
    f.AddSectionDictionary("TYPE_OPTION")->SetValue("NAME", std::string(t.name));
  const store::ReadTxn txn = ctx.store.read();
  for (const auto& ag : store::list_agencies(txn, ctx.store.tables()))
    f.AddSectionDictionary("ISSUER_OPTION")->SetValue("NAME", ag.name);
  for (const auto& file : shown.files) {
    auto* row = f.AddSectionDictionary("FILE");
    row->SetValue("ID", std::to_string(file.media_id));
    row->SetValue("NAME", file.name);
    if (const auto m = store::get_media_info(txn, ctx.store.tables(), file.media_id))
      row->SetValue("URL", model::media_path(m->id, m->token, m->file_name));
    if (file.kept) row->ShowSection("KEPT");
  }
  if (shown.files.empty()) f.ShowSection("NO_FILES");
}

// The reason typed for step `key` in a post shown again.
std::string posted_reason(const Form* posted, std::string_view key) {
  if (!posted) return {};
  if (posted->has("reason-" + std::string(key))) return posted->get("reason-" + std::string(key));
  return posted->get("transition") == key ? posted->get("reason") : std::string();
}

void fill_transitions(ctemplate::TemplateDictionary& into, const documents::Item& item, const documents::Actor& actor,
                      const Form* posted) {
  for (const auto t : documents::transitions_for(item, actor)) {
    const std::string key(model::to_string(t));
    auto* b = into.AddSectionDictionary("TRANSITION");
    b->SetValue("KEY", key);
    b->SetValue("LABEL", std::string(documents::transition_label(t)));
    // The step most people take next stands out; taking a page off the portal looks like what it is.
    b->SetValue("CLASS", t == model::Transition::approve    ? "primary"
                         : t == model::Transition::withdraw ? "danger"
                                                            : "");
    // What readers see changes at once: the browser asks first (admin-confirm.js).
    if (t == model::Transition::approve)
      b->AddSectionDictionary("CONFIRM")->SetValue("TEXT", "Duyệt và công bố văn bản này? Bạn đọc sẽ thấy ngay.");
    if (t == model::Transition::withdraw)
      b->AddSectionDictionary("CONFIRM")->SetValue("TEXT",
                                                   "Gỡ văn bản này khỏi cổng? Địa chỉ của văn bản sẽ báo đã gỡ.");
    // A reason box is shown only to the one who chooses this step (a folded <details>), open again when a
    // refused request brought back what was typed.
    bool needs_reason = false;
    for (const auto& rule : model::transition_table())
      needs_reason = needs_reason || (rule.transition == t && rule.from == item.state.state && rule.needs_reason);
    if (needs_reason) {
      const std::string typed = posted_reason(posted, key);
      auto* box = b->AddSectionDictionary("NEEDS_REASON");
      box->SetValue("REASON", escape_keeping_lines(typed));
      if (!typed.empty()) box->ShowSection("OPEN");
    } else {
      b->ShowSection("PLAIN");
    }
  }
}

// One linked document in the state section: its admin page.
void fill_link(ctemplate::TemplateDictionary& into, const char* section, const store::Txn& txn, const store::Tables& t,
               std::uint64_t id) {
  const auto d = store::get_document(txn, t, id);
  if (!d) return;
  auto* l = into.AddSectionDictionary(section);
  l->SetValue("ID", std::to_string(id));
  l->SetValue("TITLE", title_of(*d));
}

void fill_state(ctemplate::TemplateDictionary& dict, const Context& ctx, const documents::Item& item,
                const documents::Actor& actor, bool editable, const Form* posted) {
  const auto& st = item.state;
  auto* s = dict.AddSectionDictionary("STATE");
  s->SetValue("ID", std::to_string(item.record.id));
  s->SetValue("LABEL", std::string(model::status_label(st.state)));
  s->SetValue("KEY", std::string(model::to_string(st.state)));
  s->SetValue("AGE", age_text(model::now() - st.since));
  s->SetValue("CREATED_BY", st.created_by.empty() ? std::string("(nhập bằng portaldctl)") : st.created_by);
  if (!st.reason.empty() &&
      (st.state == model::ArticleStatus::returned || st.state == model::ArticleStatus::withdrawn)) {
    auto* reason = s->AddSectionDictionary("REASON");
    reason->SetValue("TEXT", st.reason);
    reason->SetValue("BY", person_name(ctx, st.last_actor));
    reason->SetValue("AT", model::format_datetime_vn(st.since));
    reason->SetValue("VERB", st.state == model::ArticleStatus::returned ? "Trả lại" : "Gỡ");
  }
  if (item.live) {
    auto* live = s->AddSectionDictionary("LIVE");
    live->SetValue("STATUS", std::string(model::status_label(item.record.status)));
    if (item.record.status == model::ArticleStatus::published)
      live->AddSectionDictionary("PUBLIC")->SetValue("URL", document_url(item.record));
  }
  s->SetValue("VALIDITY", std::string(validity_label(validity_on(item.record, today_vn()))));
  if (!item.record.validity_note.empty())
    s->AddSectionDictionary("VALIDITY_NOTE")->SetValue("TEXT", item.record.validity_note);
  const store::ReadTxn txn = ctx.store.read();
  const auto& t = ctx.store.tables();
  if (item.record.replaced_by) fill_link(*s, "REPLACED_BY", txn, t, item.record.replaced_by);
  for (const auto other : item.record.replaces) fill_link(*s, "REPLACES", txn, t, other);
  if (editable)
    s->ShowSection("WORKFLOW_IN_FORM");
  else
    fill_transitions(*s->AddSectionDictionary("TRANSITIONS"), item, actor, posted);
  const auto revisions = store::list_document_revisions(txn, t, item.record.id);
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    auto* r = s->AddSectionDictionary("REVISION");
    r->SetValue("N", std::to_string(it->number));
    r->SetValue("BY", it->saved_by.empty() ? std::string("(nhập bằng portaldctl)") : it->saved_by);
    r->SetValue("AT", model::format_datetime_vn(it->saved_at));
    r->SetValue("NOTE", it->note);
    r->SetValue("NUMBER", it->content.number);
    r->SetValue("FILES", std::to_string(it->content.attachments.size()));
    if (it->number == st.work_revision) r->ShowSection("CURRENT");
    if (editable && it->number != st.work_revision) r->ShowSection("CAN_RESTORE");
  }
  if (revisions.empty()) s->ShowSection("NO_REVISIONS");
}

// The board's validity marks, on a published document.
void fill_board(ctemplate::TemplateDictionary& dict, const documents::Item& item, const Form* posted) {
  auto* b = dict.AddSectionDictionary("BOARD");
  b->SetValue("ID", std::to_string(item.record.id));
  const bool expire_post = posted && posted->has("note");
  b->SetValue("EXPIRE_ON", expire_post ? posted->get("on")
                                       : iso_or_empty(item.record.expires_on ? item.record.expires_on : today_vn()));
  b->SetValue("EXPIRE_NOTE", expire_post ? posted->get("note") : item.record.validity_note);
  if (item.record.replaced_by) {
    b->ShowSection("CAN_UNREPLACE");
  } else {
    auto* r = b->AddSectionDictionary("CAN_REPLACE");
    r->SetValue("BY", posted ? posted->get("by") : std::string());
    r->SetValue("ON", posted && posted->has("by") ? posted->get("on") : std::string());
  }
}

}  // namespace

DocumentFields fields_of(const store::Txn& txn, const store::Tables& t, const model::DocumentContent& c) {
  DocumentFields f{.number = c.number,
                   .type = c.type,
                   .issuer = c.issuer,
                   .signer = c.signer,
                   .issued_on = iso_or_empty(c.issued_on),
                   .effective_on = iso_or_empty(c.effective_on),
                   .expires_on = iso_or_empty(c.expires_on),
                   .field = c.field,
                   .abstract_text = c.abstract_text,
                   .national_db_url = c.national_db_url,
                   .library = {},
                   .files = {}};
  for (const auto& a : c.attachments) {
    const auto m = store::get_media_info(txn, t, a.media_id);
    f.files.push_back({a.media_id, m ? m->file_name : a.file_name, true});
  }
  return f;
}

PostedDocument read_document_form(const store::Txn& txn, const store::Tables& t, const Form& form) {
  PostedDocument p;
  auto& f = p.fields;
  f.number = form.get("number");
  f.type = form.get("type");
  f.issuer = form.get("issuer");
  f.signer = form.get("signer");
  f.issued_on = form.get("issued_on");
  f.effective_on = form.get("effective_on");
  f.expires_on = form.get("expires_on");
  f.field = form.get("field");
  f.abstract_text = form.get("abstract");
  f.national_db_url = form.get("national_db_url");
  f.library = form.get("library");
  auto& c = p.posted.content;
  c.number = f.number;
  c.type = f.type;
  c.issuer = f.issuer;
  c.signer = f.signer;
  c.field = f.field;
  c.abstract_text = f.abstract_text;
  c.national_db_url = f.national_db_url;
  const std::tuple<const char*, const std::string*, std::int32_t*> dates[] = {
      {"Ngày ban hành", &f.issued_on, &c.issued_on},
      {"Ngày có hiệu lực", &f.effective_on, &c.effective_on},
      {"Ngày hết hiệu lực", &f.expires_on, &c.expires_on}};
  for (const auto& [label, raw, out] : dates) {
    if (model::trim(*raw).empty()) continue;
    if (const auto days = model::parse_document_date(*raw))
      *out = *days;
    else
      p.errors.push_back(std::string(label) + " “" + *raw + "” không phải một ngày: hãy nhập như 15/06/2024.");
  }
  // The current attachments in their order: a replacement file, else kept when its box is ticked.
  std::set<std::uint64_t> keep, listed;
  for (auto [it, end] = form.fields.equal_range("keep"); it != end; ++it)
    if (const auto id = plain_id(it->second)) keep.insert(*id);
  for (auto [it, end] = form.fields.equal_range("shown"); it != end; ++it) {
    const auto id = plain_id(it->second);
    if (!id || !listed.insert(*id).second) continue;
    const auto m = store::get_media_info(txn, t, *id);
    if (!m) continue;
    const auto* replacement = posted_file(form, "replace-" + std::to_string(*id));
    f.files.push_back({*id, m->file_name, keep.contains(*id) || replacement});
    if (replacement) {
      p.posted.attachments.push_back({0, {replacement->file_name, replacement->bytes}});
      p.had_uploads = true;
    } else if (keep.contains(*id)) {
      p.posted.attachments.push_back({*id, {}});
    }
  }
  for (const auto& token : library_tokens(f.library)) {
    const auto id = library_id(token);
    if (!id) {
      p.errors.push_back("Không hiểu “" + token +
                         "” trong ô “Thêm tệp từ thư viện”: hãy dán địa chỉ /tep/… hoặc mã của tệp.");
      continue;
    }
    if (listed.insert(*id).second) p.posted.attachments.push_back({*id, {}});
  }
  for (const auto& file : form.files) {
    if (file.field != "new_file" || (file.bytes.empty() && file.file_name.empty())) continue;
    p.posted.attachments.push_back({0, {file.file_name, file.bytes}});
    p.had_uploads = true;
  }
  return p;
}

Response document_editor_page(const Context& ctx, const Request& req, const model::User& user,
                              const std::optional<documents::Item>& item, const DocumentView& view) {
  ctemplate::TemplateDictionary dict("admin_document");
  const std::string title = item ? "Văn bản: " + title_of(item->record) : std::string("Thêm văn bản mới");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, title);
  const auto actor = actor_of(user, req);
  const bool editable = !item || documents::may_edit(*item, actor);
  for (const auto& e : view.errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  if (!view.unsaved) {
    if (req.query_value("da-luu")) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu phiên bản mới.");
    if (const auto t = req.query_value("da-chuyen"))
      if (const auto tr = model::parse_transition(*t))
        header->AddSectionDictionary("FLASH")->SetValue(
            "TEXT", "Đã thực hiện: " + std::string(documents::transition_label(*tr)) + ".");
    if (req.query_value("da-danh-dau"))
      header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã cập nhật hiệu lực của văn bản.");
  }
  for (const auto& n : view.notices) header->AddSectionDictionary("FLASH")->SetValue("TEXT", n);
  dict.SetValue("HEADING", title);
  const std::string id_text = item ? std::to_string(item->record.id) : std::string();
  if (editable) {
    auto* f = dict.AddSectionDictionary("FORM");
    f->SetValue("ACTION", item ? "/quan-tri/van-ban/" + id_text : std::string("/quan-tri/van-ban/moi"));
    fill_form(*f, ctx, view.shown);
    if (item) {
      f->AddSectionDictionary("BASE")->SetValue("N",
                                                std::to_string(view.base_revision.value_or(item->state.work_revision)));
      auto* workflow = f->AddSectionDictionary("WORKFLOW");
      workflow->SetValue("ID", id_text);
      fill_transitions(*workflow, *item, actor, view.posted);
    }
  } else {
    auto* ro = dict.AddSectionDictionary("READONLY");
    ro->SetValue("NUMBER", view.shown.number);
    ro->SetValue("TYPE", view.shown.type);
    ro->SetValue("ABSTRACT", view.shown.abstract_text);
  }
  if (item) {
    fill_state(dict, ctx, *item, actor, editable, view.posted);
    if (documents::is_board(actor) && item->record.status == model::ArticleStatus::published)
      fill_board(dict, *item, view.posted);
  }
  return render_admin(ctx, "admin_document", dict, view.status);
}

}  // namespace portald::web::admin
