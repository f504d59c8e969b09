// Online dialogues in the admin (/quan-tri/doi-thoai, issue 12, Quy chế Điều 5.5): the board and the data
// centre schedule an event, start and end it, and moderate its questions: accept one for the public page or
// reject it, and type the official's answer while the event runs. The writes are the dialogue service's
// (one transaction with its audit entry each); a refused form comes back with what was typed.
#include "daemon/model/site_settings.hpp"
#include "daemon/questions/dialogue_service.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace dialogue_pages {
namespace {

std::uint64_t id_param(const Request& req, std::string_view name = "id") {
  const auto it = req.params.find(name);
  const auto id = it == req.params.end() ? std::nullopt : trailing_id(it->second);
  if (!id) throw HttpError(404, "Không tìm thấy buổi đối thoại.");
  return *id;
}

std::string item_url(std::uint64_t id) { return "/quan-tri/doi-thoai/" + std::to_string(id); }

// "2025-06-01T08:30" in Vietnam time, from and for <input type="datetime-local">; 0 when empty or bad.
model::UnixTime parse_local(std::string_view v) {
  if (v.size() == 16) return model::parse_rfc3339(std::string(v) + ":00+07:00").value_or(0);
  if (v.size() == 19) return model::parse_rfc3339(std::string(v) + "+07:00").value_or(0);
  return 0;
}
std::string local_input(model::UnixTime t) { return t ? model::format_rfc3339(t).substr(0, 16) : std::string(); }

questions::DialogueFields fields_of(const Form& f) {
  questions::DialogueFields d;
  d.title = f.get("tieu-de");
  d.agency_id = trailing_id(f.get("co-quan")).value_or(0);
  d.officials = f.get("nguoi-tra-loi");
  d.starts_at = parse_local(f.get("bat-dau"));
  d.ends_at = parse_local(f.get("ket-thuc"));
  d.description = f.get("gioi-thieu");
  d.stream_url = f.get("phat-truc-tiep");
  return d;
}

questions::DialogueFields fields_of(const model::Dialogue& d) {
  std::string officials;
  for (const auto& o : d.officials) officials += o + "\n";
  return {d.title, d.agency_id, officials, d.starts_at, d.ends_at, d.description, d.stream_url};
}

int status_of(questions::DialogueOutcome o) {
  switch (o) {
    case questions::DialogueOutcome::done: return 200;
    case questions::DialogueOutcome::not_found: return 404;
    case questions::DialogueOutcome::refused: return 403;
    case questions::DialogueOutcome::invalid: return 422;
  }
  return 422;
}

struct View {
  std::vector<std::string> errors{};
  int status = 200;
  const questions::DialogueFields* typed = nullptr;  // the form as posted, when refused
  std::string flash{};
  std::uint64_t typed_question = 0;  // an answer refused: shown again as typed
  std::string typed_answer{};
};

void fill_form(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t,
               const questions::DialogueFields& f, const std::string& action) {
  auto* form = dict.AddSectionDictionary("FORM");
  form->SetValue("ACTION", action);
  form->SetValue("TITLE", f.title);
  for (const auto& a : store::list_agencies(txn, t)) {
    auto* o = form->AddSectionDictionary("AGENCY");
    o->SetValue("VALUE", std::to_string(a.id));
    o->SetValue("LABEL", a.name);
    if (a.id == f.agency_id) o->ShowSection("SELECTED");
  }
  form->SetValue("OFFICIALS", escape_keeping_lines(f.officials));
  form->SetValue("STARTS", local_input(f.starts_at));
  form->SetValue("ENDS", local_input(f.ends_at));
  form->SetValue("DESCRIPTION", escape_keeping_lines(f.description));
  form->SetValue("STREAM", f.stream_url);
  const auto policy = model::embed_policy(store::get_site_settings(txn, t));
  if (policy.frame_origins.empty()) {
    form->ShowSection("NONE_ALLOWED");
  } else {
    std::string list;
    for (const auto& o : policy.frame_origins) list += (list.empty() ? "" : ", ") + o;
    form->AddSectionDictionary("ALLOWED")->SetValue("LIST", list);
  }
}

void fill_entries(ctemplate::TemplateDictionary& dict, const store::Txn& txn, const store::Tables& t,
                  const model::Dialogue& d, const View& v) {
  const auto entries = store::list_dialogue_entries(txn, t, d.id);
  long pending = 0;
  for (const auto& e : entries) {
    const auto q = store::get_question(txn, t, e.question_id);
    if (!q) continue;
    pending += e.state == model::DialogueEntryState::pending ? 1 : 0;
    auto* row = dict.AddSectionDictionary("ENTRY");
    row->SetValue("QID", std::to_string(q->id));
    row->SetValue("TITLE", q->title);
    row->SetValue("STATE", std::string(model::entry_state_label(e.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(e.state)));
    row->SetValue("ASKER", q->masked_name);
    row->SetValue("ASKED", model::format_datetime_vn(q->received_at));
    row->SetValue("CODE", q->code);
    row->SetValue("TEXT", escape_keeping_lines(q->text));
    using M = model::DialogueModeration;
    const bool accept = model::moderation_refusal(d.state, e.state, M::accept).empty();
    const bool reject = model::moderation_refusal(d.state, e.state, M::reject).empty();
    if (accept || reject) {
      auto* m = row->AddSectionDictionary("MODERATE");
      if (accept) m->ShowSection("ACCEPT");
      if (reject) m->ShowSection("REJECT");
    }
    if (model::moderation_refusal(d.state, e.state, M::answer).empty()) {
      auto* a = row->AddSectionDictionary("ANSWER_FORM");
      for (const auto& o : d.officials) {
        auto* opt = a->AddSectionDictionary("OFFICIAL");
        opt->SetValue("NAME", o);
        if (o == e.official) opt->ShowSection("SELECTED");
      }
      a->SetValue("ANSWER", escape_keeping_lines(v.typed_question == q->id ? v.typed_answer : e.answer));
    } else if (!e.answer.empty()) {
      auto* a = row->AddSectionDictionary("ANSWER_TEXT");
      a->SetValue("TEXT", escape_keeping_lines(e.answer));
      a->SetValue("OFFICIAL", e.official);
    }
  }
  dict.SetIntValue("PENDING", pending);
  if (entries.empty()) dict.ShowSection("NO_ENTRIES");
}

Response render_item(const Context& ctx, Request& req, const model::User& me, std::uint64_t id, const View& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  std::optional<model::Dialogue> d;
  if (id != 0) {
    d = store::get_dialogue(txn, t, id);
    if (!d) throw HttpError(404, "Không tìm thấy buổi đối thoại.");
  }
  ctemplate::TemplateDictionary dict("admin_dialogue");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, d ? d->title : "Tạo buổi đối thoại");
  if (!v.flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", v.flash);
  dict.SetValue("HEADING", d ? d->title : "Tạo buổi đối thoại");
  if (!v.errors.empty()) {
    auto* box = dict.AddSectionDictionary("ERRORS");
    for (const auto& e : v.errors) box->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  }
  if (d) {
    dict.SetValue("ID", std::to_string(d->id));
    auto* existing = dict.AddSectionDictionary("EXISTING");
    existing->SetValue("STATE", std::string(model::state_label(d->state)));
    existing->SetValue("STATE_KEY", std::string(model::to_string(d->state)));
    const auto steps = model::available_steps(d->state);
    if (!steps.empty()) {
      auto* s = existing->AddSectionDictionary("STEPS");
      for (const auto step : steps) {
        auto* b = s->AddSectionDictionary("STEP");
        b->SetValue("KEY", std::string(model::to_string(step)));
        b->SetValue("LABEL", std::string(model::step_label(step)));
      }
    }
    fill_entries(*existing, txn, t, *d, v);
  }
  if (!d || model::editable(d->state))
    fill_form(dict, txn, t, v.typed ? *v.typed : (d ? fields_of(*d) : questions::DialogueFields{}),
              d ? item_url(d->id) : "/quan-tri/doi-thoai/moi");
  return render_admin(ctx, "admin_dialogue", dict, v.status);
}

}  // namespace

Response list(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("admin_dialogues");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Đối thoại trực tuyến");
  const auto all = store::list_dialogues(txn, t);
  if (all.empty()) dict.ShowSection("EMPTY");
  auto* table = all.empty() ? nullptr : dict.AddSectionDictionary("TABLE");
  for (const auto& d : all) {
    auto* row = table->AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(d.id));
    row->SetValue("TITLE", d.title);
    row->SetValue("STARTS", model::format_datetime_vn(d.starts_at));
    const auto a = store::get_agency(txn, t, d.agency_id);
    row->SetValue("AGENCY", a ? a->name : "");
    row->SetValue("STATE", std::string(model::state_label(d.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(d.state)));
    long pending = 0;
    for (const auto& e : store::list_dialogue_entries(txn, t, d.id))
      pending += e.state == model::DialogueEntryState::pending ? 1 : 0;
    row->SetIntValue("PENDING", pending);
  }
  return render_admin(ctx, "admin_dialogues", dict);
}

Response new_page(const Context& ctx, Request& req) { return render_item(ctx, req, current_user(ctx, req), 0, {}); }

Response create_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto f = fields_of(form_of(req));
  const auto r = questions::save_dialogue(ctx.store, 0, f, actor_of(me, req), model::now());
  if (r.outcome != questions::DialogueOutcome::done)
    return render_item(ctx, req, me, 0, {.errors = r.errors, .status = status_of(r.outcome), .typed = &f});
  return Response::redirect(item_url(r.id) + "?da-luu=1");
}

Response item(const Context& ctx, Request& req) {
  View v;
  if (req.query_value("da-luu")) v.flash = "Đã lưu.";
  return render_item(ctx, req, current_user(ctx, req), id_param(req), v);
}

Response save_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const auto f = fields_of(form_of(req));
  const auto r = questions::save_dialogue(ctx.store, id, f, actor_of(me, req), model::now());
  if (r.outcome == questions::DialogueOutcome::not_found) throw HttpError(404, "Không tìm thấy buổi đối thoại.");
  if (r.outcome != questions::DialogueOutcome::done)
    return render_item(ctx, req, me, id, {.errors = r.errors, .status = status_of(r.outcome), .typed = &f});
  return Response::redirect(item_url(id) + "?da-luu=1");
}

Response step_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const auto step = model::parse_dialogue_step(form_of(req).get("buoc"));
  if (!step) return render_item(ctx, req, me, id, {.errors = {"Thao tác không hợp lệ."}, .status = 400});
  const auto r = questions::dialogue_step(ctx.store, id, *step, actor_of(me, req), model::now());
  if (r.outcome == questions::DialogueOutcome::not_found) throw HttpError(404, "Không tìm thấy buổi đối thoại.");
  if (r.outcome != questions::DialogueOutcome::done)
    return render_item(ctx, req, me, id, {.errors = r.errors, .status = status_of(r.outcome)});
  return Response::redirect(item_url(id) + "?da-luu=1");
}

Response moderate_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const auto question = id_param(req, "question");
  const Form form = form_of(req);
  const std::string op = form.get("thao-tac");
  using M = model::DialogueModeration;
  std::optional<M> m;
  if (op == "accept") m = M::accept;
  if (op == "reject") m = M::reject;
  if (op == "answer") m = M::answer;
  if (!m) return render_item(ctx, req, me, id, {.errors = {"Thao tác không hợp lệ."}, .status = 400});
  const auto r = questions::moderate(ctx.store, id, question, *m, form.get("nguoi-tra-loi"), form.get("tra-loi"),
                                     actor_of(me, req), model::now());
  if (r.outcome == questions::DialogueOutcome::not_found) throw HttpError(404, r.errors.front());
  if (r.outcome != questions::DialogueOutcome::done)
    return render_item(ctx, req, me, id,
                       {.errors = r.errors,
                        .status = status_of(r.outcome),
                        .typed = nullptr,
                        .flash = {},
                        .typed_question = question,
                        .typed_answer = form.get("tra-loi")});
  return Response::redirect(item_url(id) + "?da-luu=1#cau-hoi-" + std::to_string(question));
}

}  // namespace dialogue_pages
}  // namespace portald::web::admin
