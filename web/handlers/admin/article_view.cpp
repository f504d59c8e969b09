#include "web/handlers/admin/article_view.hpp"

#include "web/handlers/admin/article_extras_form.hpp"

#include <algorithm>

#include "daemon/editorial/unit_rights.hpp"
#include "daemon/intake/intake_service.hpp"
#include "daemon/model/article_note.hpp"
#include "daemon/model/html_sanitizer.hpp"
#include "daemon/model/text_diff.hpp"
#include "daemon/model/workflow.hpp"
#include "daemon/store/article_note_table.hpp"
#include "daemon/store/draft_table.hpp"
#include "daemon/store/editorial_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "daemon/store/topic_table.hpp"
#include "web/links.hpp"
#include "web/not_found.hpp"

namespace portald::web::admin {
namespace {

// The topics, categories and agencies to choose from. A contributor sees only the categories its
// agency may use and its own agency, fixed (issue 16; the service refuses anything else).
void fill_choices(ctemplate::TemplateDictionary& dict, const Context& ctx, const editorial::Content& c,
                  std::uint64_t article_id, const std::vector<std::string>* ticked, const editorial::Actor& actor) {
  const store::ReadTxn txn = ctx.store.read();
  const auto allowed = editorial::allowed_categories(txn, ctx.store.tables(), actor);
  const bool bound = editorial::bound_to_agency(actor);
  // Unless a post is shown again, the version under work's own topics (a live article's new topics wait
  // for publication), else the article's membership.
  if (!ticked && c.topics) ticked = &*c.topics;
  for (const auto& tp : store::list_topics(txn, ctx.store.tables())) {
    auto* o = dict.AddSectionDictionary("TOPIC");
    o->SetValue("SLUG", tp.slug);
    o->SetValue("NAME", tp.name);
    const bool on = ticked ? std::find(ticked->begin(), ticked->end(), tp.slug) != ticked->end()
                           : article_id && std::find(tp.article_ids.begin(), tp.article_ids.end(), article_id) !=
                                               tp.article_ids.end();
    if (on) o->ShowSection("CHECKED");
  }
  for (const auto& cat : store::list_categories(txn, ctx.store.tables())) {
    if (allowed && std::find(allowed->begin(), allowed->end(), cat.id) == allowed->end()) continue;
    auto* o = dict.AddSectionDictionary("CATEGORY");
    o->SetValue("ID", std::to_string(cat.id));
    o->SetValue("NAME", cat.name);
    if (cat.id == c.category_id) o->ShowSection("SELECTED");
  }
  if (bound) dict.ShowSection("AGENCY_FIXED");
  if (!bound || actor.agency_id == 0) dict.ShowSection("AGENCY_NONE");
  if (allowed) dict.ShowSection("CATEGORY_LIMITED");
  for (const auto& ag : store::list_agencies(txn, ctx.store.tables())) {
    if (bound && ag.id != actor.agency_id) continue;
    auto* o = dict.AddSectionDictionary("AGENCY");
    o->SetValue("ID", std::to_string(ag.id));
    o->SetValue("NAME", ag.name);
    if (ag.id == c.agency_id || bound) o->ShowSection("SELECTED");
  }
}

// The reason typed for transition `key` in a post shown again ("reason-KEY" from the editor form,
// "reason" from a separate transition form).
std::string posted_reason(const Form* posted, std::string_view key) {
  if (!posted) return {};
  if (posted->has("reason-" + std::string(key))) return posted->get("reason-" + std::string(key));
  return posted->get("transition") == key ? posted->get("reason") : std::string();
}

// What the text box of a step with a mandatory text asks for.
std::string_view reason_label(model::Transition t) {
  if (t == model::Transition::ask_clarification) return "Điều cần tác giả làm rõ";
  if (t == model::Transition::answer_clarification) return "Trả lời của bạn";
  return "Lý do";
}

// The thread between the board and the provider (issue 16, Điều 8.2): every note, oldest first, and the
// form to add one (the text of a refused note comes back in it).
void fill_thread(ctemplate::TemplateDictionary& dict, const Context& ctx, const editorial::Item& item,
                 const Form* posted) {
  auto* th = dict.AddSectionDictionary("THREAD");
  th->SetValue("ID", std::to_string(item.article.id));
  std::vector<model::ArticleNote> notes;
  {
    const store::ReadTxn txn = ctx.store.read();
    notes = store::list_article_notes(txn, ctx.store.tables(), item.article.id);
  }
  if (notes.empty()) th->ShowSection("NO_NOTES");
  for (const auto& n : notes) {
    auto* d = th->AddSectionDictionary("NOTE");
    d->SetValue("SEQ", std::to_string(n.seq));
    d->SetValue("KIND", std::string(model::to_string(n.kind)));
    d->SetValue("KIND_LABEL", std::string(model::note_kind_label(n.kind)));
    d->SetValue("BY", person_name(ctx, n.author));
    d->SetValue("AT", model::format_datetime_vn(n.at));
    d->SetValue("TEXT", escape_keeping_lines(n.text));  // {{TEXT:none}}, shown white-space: pre-wrap
  }
  th->SetValue("TYPED", escape_keeping_lines(posted ? posted->get("note") : std::string()));
  th->SetValue("MAX", std::to_string(model::kMaxNoteLength));
}

// One button per transition the user may take. With the edit form on the page they sit inside it: the
// button posts the edited fields with it, so what is sent on is what is on the screen (issue 15).
void fill_transitions(ctemplate::TemplateDictionary& into, const model::User& user, const editorial::Item& item,
                      const editorial::Actor& actor, const Form* posted) {
  const auto& st = item.state;
  for (const auto t : model::available_transitions(st.state, user.role)) {
    // Submitting and answering the board are the author's (or, on their behalf, someone who may edit it).
    const bool authors_step = t == model::Transition::submit || t == model::Transition::answer_clarification;
    if (authors_step && !editorial::may_edit(item, actor) && st.created_by != user.username) continue;
    const std::string key(model::to_string(t));
    auto* b = into.AddSectionDictionary("TRANSITION");
    b->SetValue("KEY", key);
    b->SetValue("LABEL", std::string(model::transition_label(t)));
    // The step most people take next stands out; taking a page off the portal looks like what it is.
    b->SetValue("CLASS", t == model::Transition::approve    ? "primary"
                         : t == model::Transition::withdraw ? "danger"
                                                            : "");
    // What readers see changes at once: the browser asks first (admin-confirm.js).
    if (t == model::Transition::approve)
      b->AddSectionDictionary("CONFIRM")->SetValue("TEXT", "Duyệt và xuất bản bài này? Bạn đọc sẽ thấy bài ngay.");
    if (t == model::Transition::withdraw)
      b->AddSectionDictionary("CONFIRM")->SetValue("TEXT", "Gỡ bài này khỏi cổng? Địa chỉ của bài sẽ báo đã gỡ.");
    // A reason box is shown only to the one who chooses this step (a folded <details>), open again when a
    // refused request brought back what was typed.
    bool needs_reason = false;
    for (const auto& rule : model::transition_table())
      needs_reason = needs_reason || (rule.transition == t && rule.from == st.state && rule.needs_reason);
    if (needs_reason) {
      const std::string typed = posted_reason(posted, key);
      auto* box = b->AddSectionDictionary("NEEDS_REASON");
      box->SetValue("REASON", escape_keeping_lines(typed));
      box->SetValue("REASON_LABEL", std::string(reason_label(t)));
      if (!typed.empty()) box->ShowSection("OPEN");
    } else {
      b->ShowSection("PLAIN");
    }
    if (t == model::Transition::schedule)
      b->AddSectionDictionary("NEEDS_TIME")->SetValue("AT", posted ? posted->get("scheduled_at") : std::string());
  }
}

// Where an item sent through the public form came from (issue 16, Điều 8.1): its reference code, when,
// and the sender, opened for those who may view the item (intake::source_for).
void fill_source(ctemplate::TemplateDictionary& into, const Context& ctx, const editorial::Item& item,
                 const editorial::Actor& actor) {
  const store::ReadTxn txn = ctx.store.read();
  const auto v = intake::source_for(txn, ctx.store.tables(), ctx.personal_data_key, item, actor);
  if (!v) return;
  auto* d = into.AddSectionDictionary("SOURCE");
  d->SetValue("REFERENCE", v->source.reference);
  d->SetValue("RECEIVED", model::format_datetime_vn(v->source.received_at));
  if (!v->sender) {
    d->ShowSection("CLOSED");
    return;
  }
  auto* sender = d->AddSectionDictionary("SENDER");
  sender->SetValue("NAME", v->sender->name);
  if (!v->sender->organisation.empty())
    sender->AddSectionDictionary("ORGANISATION")->SetValue("TEXT", v->sender->organisation);
  sender->SetValue("EMAIL", v->sender->email.empty() ? "—" : v->sender->email);
  sender->SetValue("PHONE", v->sender->phone.empty() ? "—" : v->sender->phone);
}

void fill_state(ctemplate::TemplateDictionary& dict, const Context& ctx, const model::User& user,
                const editorial::Item& item, const editorial::Actor& actor, bool editable, const Form* posted) {
  const auto& st = item.state;
  auto* s = dict.AddSectionDictionary("STATE");
  s->SetValue("ID", std::to_string(item.article.id));
  s->SetValue("LABEL", std::string(model::status_label(st.state)));
  s->SetValue("KEY", std::string(model::to_string(st.state)));
  s->SetValue("AGE", age_text(model::now() - st.since));
  s->SetValue("CREATED_BY", st.created_by);
  fill_source(*s, ctx, item, actor);
  const bool asked = st.state == model::ArticleStatus::awaiting_clarification;
  if (!st.reason.empty() &&
      (st.state == model::ArticleStatus::returned || st.state == model::ArticleStatus::withdrawn || asked)) {
    auto* reason = s->AddSectionDictionary("REASON");
    reason->SetValue("TEXT", st.reason);
    // Who returned (or withdrew) it and when, so the author knows whom to ask (issue 15).
    reason->SetValue("BY", person_name(ctx, st.last_actor));
    reason->SetValue("AT", model::format_datetime_vn(st.since));
    reason->SetValue("VERB", asked ? "Đề nghị làm rõ" : st.state == model::ArticleStatus::returned ? "Trả lại" : "Gỡ");
    reason->SetValue("HEADING", asked ? "Điều cần làm rõ" : "Lý do");
  }
  if (item.live) {
    auto* live = s->AddSectionDictionary("LIVE");
    live->SetValue("STATUS", std::string(model::status_label(item.article.status)));
    live->SetValue("URL", article_url(item.article));
  }
  if (st.state == model::ArticleStatus::scheduled)
    s->AddSectionDictionary("SCHEDULED")->SetValue("AT", model::format_datetime_vn(st.scheduled_at));
  const std::string others = presence_text(item.article.id, user, model::now());
  if (others.empty())
    s->ShowSection("NOBODY_ELSE");
  else
    s->AddSectionDictionary("PRESENCE")->SetValue("TEXT", others);
  if (editable)
    s->ShowSection("WORKFLOW_IN_FORM");
  else
    fill_transitions(*s->AddSectionDictionary("TRANSITIONS"), user, item, actor, posted);
  fill_thread(*s, ctx, item, posted);
  const store::ReadTxn txn = ctx.store.read();
  const auto revisions = store::list_revisions(txn, ctx.store.tables(), item.article.id);
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    auto* r = s->AddSectionDictionary("REVISION");
    r->SetValue("N", std::to_string(it->number));
    r->SetValue("BY", it->saved_by.empty() ? std::string("(nhập từ hệ thống cũ)") : it->saved_by);
    r->SetValue("AT", model::format_datetime_vn(it->saved_at));
    r->SetValue("NOTE", it->note);
    r->SetValue("ID", std::to_string(item.article.id));
    if (it->number == st.work_revision) r->ShowSection("CURRENT");
    if (editable && it->number != st.work_revision) r->ShowSection("CAN_RESTORE");
  }
  if (revisions.size() >= 2) {
    auto* cmp = s->AddSectionDictionary("COMPARE");
    for (const char* side : {"A", "B"})
      for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
        auto* o = cmp->AddSectionDictionary(std::string("OPTION_") + side);
        o->SetValue("N", std::to_string(it->number));
        const bool pick =
            side[0] == 'A' ? it->number + 1 == revisions.back().number : it->number == revisions.back().number;
        if (pick) o->ShowSection("SELECTED");
      }
  }
}

// The autosave of `user` when it is newer than the version under work and not what the page shows.
std::optional<model::Draft> draft_to_offer(const Context& ctx, const editorial::Item& item, const model::User& user,
                                           const editorial::Content& shown) {
  const store::ReadTxn txn = ctx.store.read();
  auto d = store::get_draft(txn, ctx.store.tables(), item.article.id, user.username);
  if (!d || d->saved_at < editorial::work_saved_at(txn, ctx.store.tables(), item)) return std::nullopt;
  const editorial::Content kept{d->title,     d->summary, d->body_html, d->category_id,
                                d->agency_id, d->author,  d->featured,  d->extras};
  if (editorial::same_content(kept, shown)) return std::nullopt;
  return d;
}

// Someone saved past the editor's base: who, when, their version in full and how it differs from the post.
void fill_conflict(ctemplate::TemplateDictionary& dict, const Context& ctx, const editorial::Item& item,
                   const EditorView& view) {
  auto* c = dict.AddSectionDictionary("CONFLICT");
  c->SetValue("ID", std::to_string(item.article.id));
  c->SetValue("N", std::to_string(item.state.work_revision));
  c->SetValue("BASE", std::to_string(view.conflict_base.value_or(0)));
  {
    const store::ReadTxn txn = ctx.store.read();
    if (const auto r = store::get_revision(txn, ctx.store.tables(), item.article.id, item.state.work_revision)) {
      c->SetValue("BY", r->saved_by.empty() ? std::string("(hệ thống)") : r->saved_by);
      c->SetValue("AT", model::format_datetime_vn(r->saved_at));
    }
  }
  c->SetValue("TITLE", item.work.title);
  c->SetValue("SUMMARY", item.work.summary);
  c->SetValue("BODY_HTML", item.work.body_html);  // sanitised when saved
  if (fill_content_diff(*c, ctx, item.work, view.shown) == 0) c->ShowSection("NO_DIFFERENCE");
}

std::string category_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  const auto c = store::get_category(txn, t, id);
  return c ? c->name : std::string();
}

std::string agency_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  const auto a = id ? store::get_agency(txn, t, id) : std::nullopt;
  return a ? a->name : std::string("(không)");
}

// The pictures and expiry of a version as words, for the comparison of two versions.
std::string extras_text(const model::ArticleExtras& e) {
  std::string out;
  if (e.lead_media_id) out += "Ảnh đại diện: tệp " + std::to_string(e.lead_media_id) + " (" + e.lead_alt + ")\n";
  for (const auto& g : e.gallery)
    out += "Bộ ảnh: tệp " + std::to_string(g.media_id) + " (" + g.alt + ") " + g.caption + "\n";
  if (e.unpublish_at) out += "Tự động gỡ bài lúc " + model::format_datetime_vn(e.unpublish_at) + "\n";
  return out;
}

std::string corrections_text(const model::ArticleExtras& e) {
  std::string out;
  for (const auto& c : e.corrections)
    out += (c.at ? "Đính chính ngày " + model::format_date_vn(c.at) : std::string("Đính chính chờ duyệt")) + ": " +
           c.text + "\n";
  return out;
}

}  // namespace

Response editor_page(const Context& ctx, const Request& req, const model::User& user,
                     const std::optional<editorial::Item>& item, const EditorView& view) {
  ctemplate::TemplateDictionary dict("admin_article");
  const std::string title = item ? "Bài viết: " + item->work.title : std::string("Viết bài mới");
  auto* header = fill_admin_layout(dict, ctx, &user, req.session_csrf, title);
  const auto actor = actor_of(user, req);
  const bool editable = !item || editorial::may_edit(*item, actor);
  const model::UnixTime now = model::now();
  if (item) presence().seen(item->article.id, user.username, user.display_name, now);
  if (editable) header->ShowSection("EDITOR");
  for (const auto& e : view.errors) header->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  const bool just_saved = req.query_value("da-luu").has_value() && !view.unsaved;
  if (just_saved) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu phiên bản mới.");
  if (const auto t = req.query_value("da-chuyen"); t && !view.unsaved) {
    const auto tr = model::parse_transition(*t);
    if (tr)
      header->AddSectionDictionary("FLASH")->SetValue(
          "TEXT", "Đã thực hiện: " + std::string(model::transition_label(*tr)) + ".");
  }
  if (req.query_value("da-ghi-chu") && !view.unsaved)
    header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã gửi ghi chú.");
  for (const auto& n : view.notices) header->AddSectionDictionary("FLASH")->SetValue("TEXT", n);
  dict.SetValue("HEADING", title);
  // Royalties (issue 13): the board grades an item once it has been published.
  if (item && item->article.published_at && model::allowed(user.role, model::Action::grade_royalty))
    dict.SetValueAndShowSection("ROYALTY_HREF", "/quan-tri/nhuan-but/bai/" + std::to_string(item->article.id),
                                "ROYALTY");
  const std::string id_text = item ? std::to_string(item->article.id) : std::string();
  dict.SetValue("ACTION", item ? "/quan-tri/bai-viet/" + id_text : std::string("/quan-tri/bai-viet/moi"));
  if (editable) {
    auto* f = dict.AddSectionDictionary("FORM");
    f->SetValue("TITLE", view.shown.title);
    f->SetValue("SUMMARY", escape_keeping_lines(view.shown.summary));  // {{SUMMARY:none}}
    f->SetValue("BODY", escape_keeping_lines(view.shown.body_html));   // {{BODY:none}}
    f->SetValue("AUTHOR", view.shown.author);
    if (view.shown.featured) f->ShowSection("FEATURED");
    fill_choices(*f, ctx, view.shown, item ? item->article.id : 0, view.topics, actor);
    fill_extras_form(*f, ctx, user, view.shown.extras, item && item->live);
    f->SetValue("KEY", item ? id_text : std::string("new"));
    f->SetValue("MAX_BODY", std::to_string(ctx.upload_limit()));
    f->SetValue("SAVE_LABEL", view.conflict_base ? "Lưu đè bằng bản của tôi" : "Lưu phiên bản");
    if (view.unsaved) f->ShowSection("UNSAVED");
    if (just_saved) f->ShowSection("JUST_SAVED");
    if (req.query_value("bo-nhap")) f->ShowSection("DISCARD_LOCAL");
    if (item) {
      {
        const store::ReadTxn txn = ctx.store.read();
        f->SetValue("SAVED_AT", std::to_string(editorial::work_saved_at(txn, ctx.store.tables(), *item)));
      }
      f->AddSectionDictionary("AUTOSAVE")->SetValue("URL", "/quan-tri/bai-viet/" + id_text + "/tu-dong-luu");
      const std::uint32_t base =
          view.conflict_base ? item->state.work_revision : view.base_revision.value_or(item->state.work_revision);
      f->AddSectionDictionary("BASE")->SetValue("N", std::to_string(base));
      auto* workflow = f->AddSectionDictionary("WORKFLOW");
      workflow->SetValue("ID", id_text);
      fill_transitions(*workflow, user, *item, actor, view.posted);
      if (!view.unsaved)
        if (const auto d = draft_to_offer(ctx, *item, user, view.shown)) {
          auto* o = dict.AddSectionDictionary("SERVER_DRAFT");
          o->SetValue("ID", id_text);
          o->SetValue("AT", clock_text(d->saved_at, now));
          o->SetValue("AT_UNIX", std::to_string(d->saved_at));
        }
    } else {
      f->SetValue("SAVED_AT", "0");
    }
  } else {
    auto* ro = dict.AddSectionDictionary("READONLY");
    ro->SetValue("TITLE", view.shown.title);
    ro->SetValue("SUMMARY", view.shown.summary);
  }
  if (item && view.conflict_base) fill_conflict(dict, ctx, *item, view);
  if (item) fill_state(dict, ctx, user, *item, actor, editable, view.posted);
  return render_admin(ctx, "admin_article", dict, view.status);
}

std::vector<std::string> posted_topics(const Form& form) {
  std::vector<std::string> out;
  const auto [from, to] = form.fields.equal_range("topic");
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

Response item_message(const Context& ctx, const Request& req, const model::User& user, std::uint64_t id,
                      const std::string& message, int status) {
  std::optional<editorial::Item> item;
  {
    const store::ReadTxn txn = ctx.store.read();
    item = editorial::load_item(txn, ctx.store.tables(), id);
  }
  if (!item || !editorial::may_view(*item, actor_of(user, req))) article_not_found();
  return editor_page(ctx, req, user, item, {.shown = item->work, .errors = {message}, .status = status});
}

int fill_content_diff(ctemplate::TemplateDictionary& dict, const Context& ctx, const editorial::Content& before,
                      const editorial::Content& after) {
  std::vector<std::tuple<const char*, std::string, std::string>> fields{
      {"Tiêu đề", before.title, after.title},
      {"Sapo", before.summary, after.summary},
      {"Nội dung", model::html_to_text(before.body_html), model::html_to_text(model::sanitize_html(after.body_html))},
      {"Tác giả", before.author, after.author},
      {"Tiêu điểm", before.featured ? "có" : "không", after.featured ? "có" : "không"},
      {"Ảnh và thời hạn", extras_text(before.extras), extras_text(after.extras)},
      {"Đính chính", corrections_text(before.extras), corrections_text(after.extras)}};
  {
    const store::ReadTxn txn = ctx.store.read();
    const auto& t = ctx.store.tables();
    fields.emplace_back("Chuyên mục", category_name(txn, t, before.category_id),
                        category_name(txn, t, after.category_id));
    fields.emplace_back("Cơ quan", agency_name(txn, t, before.agency_id), agency_name(txn, t, after.agency_id));
  }
  int differing = 0;
  for (const auto& [name, left, right] : fields) {
    if (left == right) continue;
    ++differing;
    auto* f = dict.AddSectionDictionary("FIELD");
    f->SetValue("NAME", name);
    for (const auto& part : model::diff_words(left, right)) {
      auto* p = f->AddSectionDictionary("PART");
      p->SetValue("TEXT", escape_keeping_lines(part.text));  // {{TEXT:none}}, shown white-space: pre-wrap
      p->ShowSection(part.op == model::DiffOp::same ? "SAME" : part.op == model::DiffOp::removed ? "DEL" : "INS");
    }
  }
  return differing;
}

std::string clock_text(model::UnixTime t, model::UnixTime now) {
  const std::string at = model::format_datetime_vn(t);  // "dd/mm/yyyy hh:mm"
  const std::string clock = at.substr(11);
  if (model::format_date_vn(t) == model::format_date_vn(now)) return clock;
  return clock + " ngày " + at.substr(0, 10);
}

editorial::Presence& presence() {
  static editorial::Presence board;
  return board;
}

std::string presence_text(std::uint64_t id, const model::User& user, model::UnixTime now) {
  std::string text;
  for (const auto& v : presence().others(id, user.username, now))
    text += (text.empty() ? "Đang được mở bởi: " : ", ") + v.display_name + " (lúc " + clock_text(v.seen_at, now) + ")";
  return text;
}

}  // namespace portald::web::admin
