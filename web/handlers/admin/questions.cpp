// Citizens' questions in the admin (/quan-tri/hoi-dap, issue 12): the queue each person may see (an
// agency answerer only its agency's, from the store's agency index), one item with the steps its
// account may take, the draft answer, internal notes, the audited view of the citizen's contacts, and
// the settings (fields, deadlines, retention). Every refused post shows the item again with what was
// typed.
#include <charconv>
#include <map>

#include "daemon/health/cadence.hpp"
#include "daemon/model/text.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/form.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/admin/pages.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web::admin {
namespace question_pages {
namespace {

constexpr std::size_t kQueueLimit = 500;

questions::Handler handler_of(const model::User& me, const Request& req) { return {actor_of(me, req), me.agency_id}; }

std::uint64_t id_param(const Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) throw HttpError(404, "Không tìm thấy câu hỏi.");
  return *id;
}

std::string item_url(std::uint64_t id) { return "/quan-tri/hoi-dap/" + std::to_string(id); }

std::string day_text(std::int32_t day) {
  return day == 0 ? std::string("—") : model::format_date_vn(model::UnixTime(day) * 86400);
}

std::string agency_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  if (id == 0) return "Chưa giao";
  const auto a = store::get_agency(txn, t, id);
  return a ? a->name : "Cơ quan #" + std::to_string(id);
}

// The queue's filters: the open ones (default), each state, and the overdue ones.
struct Filter {
  const char* key;
  const char* label;
};
constexpr Filter kFilters[] = {
    {"", "Đang xử lý"},          {"qua-han", "Quá hạn"},        {"received", "Chờ giao"},
    {"assigned", "Tại cơ quan"}, {"needs-info", "Chờ bổ sung"}, {"answered", "Chờ duyệt trả lời"},
    {"approved", "Đã trả lời"},  {"published", "Đã công khai"}, {"closed", "Đã đóng"},
};

bool in_filter(const model::Question& q, std::string_view key, std::int32_t today) {
  if (key.empty()) return model::answer_pending(q.state) || q.state == model::QuestionState::approved;
  if (key == "qua-han") return model::is_overdue(q, today);
  return model::to_string(q.state) == key;
}

// What the item page shows beyond the stored item.
struct ItemView {
  std::string error{};
  int status = 200;
  std::string typed_reason{};
  std::string typed_note{};
  std::optional<std::string> typed_answer{};
  std::optional<model::QuestionPrivate> contact{};
  std::string flash{};
};

Response render_item(const Context& ctx, Request& req, const model::User& me, std::uint64_t id, const ItemView& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto h = handler_of(me, req);
  const auto q = questions::load_for(txn, t, id, h);
  if (!q) throw HttpError(404, "Không tìm thấy câu hỏi.");
  ctemplate::TemplateDictionary dict("admin_question");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, q->title);
  if (!v.error.empty()) header->AddSectionDictionary("ERROR")->SetValue("TEXT", v.error);
  if (!v.flash.empty()) header->AddSectionDictionary("FLASH")->SetValue("TEXT", v.flash);
  const std::int32_t today = health::local_day(model::now());
  dict.SetValue("ID", std::to_string(q->id));
  dict.SetValue("TITLE", q->title);
  dict.SetValue("CODE", q->code);
  dict.SetValue("STATE", std::string(model::state_label(q->state)));
  dict.SetValue("STATE_KEY", std::string(model::to_string(q->state)));
  if (model::is_overdue(*q, today)) dict.ShowSection("OVERDUE");
  dict.SetValue("ASKER", q->masked_name);
  dict.SetValue("FIELD", q->field);
  dict.SetValue("RECEIVED", model::format_datetime_vn(q->received_at));
  dict.SetValue("DUE", day_text(q->due_day));
  if (q->suggested_agency_id != 0)
    dict.AddSectionDictionary("SUGGESTED")->SetValue("NAME", agency_name(txn, t, q->suggested_agency_id));
  dict.SetValue("AGENCY", agency_name(txn, t, q->agency_id));
  dict.SetValue("LEVEL", model::escalation_label(q->escalation, store::get_site_settings(txn, t).locality));
  dict.ShowSection(q->may_publish ? "MAY_PUBLISH" : "NO_PUBLISH");
  if (!q->reason.empty()) dict.AddSectionDictionary("REASON")->SetValue("TEXT", q->reason);
  dict.SetValue("TEXT", escape_keeping_lines(q->text));
  if (!q->attachments.empty()) {
    auto* files = dict.AddSectionDictionary("FILES");
    for (std::size_t i = 0; i < q->attachments.size(); ++i) {
      auto* f = files->AddSectionDictionary("FILE");
      f->SetIntValue("N", static_cast<long>(i));
      f->SetIntValue("NUMBER", static_cast<long>(i + 1));
      f->SetValue("TYPE", std::string(model::attachment_type_label(q->attachments[i].type)));
      f->SetValue("SIZE", std::to_string((q->attachments[i].size + 1023) / 1024) + " KB");
    }
  }
  if (v.contact) {
    auto* c = dict.AddSectionDictionary("CONTACT");
    c->SetValue("NAME", v.contact->name);
    c->SetValue("EMAIL", v.contact->email.empty() ? "—" : v.contact->email);
    c->SetValue("PHONE", v.contact->phone.empty() ? "—" : v.contact->phone);
    c->SetValue("TITLE", v.contact->title);
    c->SetValue("TEXT", escape_keeping_lines(v.contact->text));
  } else if (q->erased_at != 0) {
    dict.ShowSection("CONTACT_ERASED");
  } else {
    dict.ShowSection("CONTACT_HIDDEN");
  }
  const bool agency_writes =
      model::question_party(me.role) == model::QuestionParty::agency && q->state == model::QuestionState::assigned;
  if (agency_writes) {
    auto* f = dict.AddSectionDictionary("ANSWER_FORM");
    f->SetValue("ANSWER", escape_keeping_lines(v.typed_answer.value_or(q->answer)));
    f->SetIntValue("ANSWER_MAX", static_cast<long>(questions::kAnswerMax));
  } else if (!q->answer.empty()) {
    auto* a = dict.AddSectionDictionary("ANSWER_TEXT");
    a->SetValue("TEXT", escape_keeping_lines(q->answer));
    a->SetValue("BY", q->answered_at ? q->answered_by + ", " + model::format_datetime_vn(q->answered_at)
                                     : std::string("Dự thảo, chưa gửi duyệt"));
  } else {
    dict.ShowSection("NO_ANSWER");
  }
  const auto steps = model::available_steps(*q, me.role, me.agency_id);
  if (!steps.empty()) {
    auto* s = dict.AddSectionDictionary("STEPS");
    s->SetValue("TYPED_REASON", escape_keeping_lines(v.typed_reason));
    bool assign = false;
    for (const auto step : steps) {
      if (step == model::QuestionStep::answer) continue;  // the answer form's own button
      auto* b = s->AddSectionDictionary("STEP");
      b->SetValue("KEY", std::string(model::to_string(step)));
      b->SetValue("LABEL", std::string(model::step_label(step)));
      assign = assign || step == model::QuestionStep::assign;
    }
    if (assign) {
      auto* sel = s->AddSectionDictionary("AGENCY_SELECT");
      for (const auto& a : store::list_agencies(txn, t)) {
        auto* o = sel->AddSectionDictionary("OPTION");
        o->SetValue("VALUE", std::to_string(a.id));
        o->SetValue("LABEL", a.name);
        if (a.id == q->suggested_agency_id) o->ShowSection("SELECTED");
      }
    }
  }
  dict.SetValue("TYPED_NOTE", escape_keeping_lines(v.typed_note));
  for (const auto& n : q->notes) {
    auto* row = dict.AddSectionDictionary("NOTE");
    row->SetValue("AUTHOR", n.author);
    row->SetValue("AT", model::format_datetime_vn(n.at));
    row->SetValue("TEXT", escape_keeping_lines(n.text));
  }
  for (const auto& e : q->history) {
    auto* row = dict.AddSectionDictionary("EVENT");
    row->SetValue("AT", model::format_datetime_vn(e.at));
    row->SetValue("ACTOR", e.actor.empty() ? std::string("Người hỏi") : e.actor);
    row->SetValue("STEP", e.actor.empty() ? std::string("Gửi câu hỏi") : std::string(model::step_label(e.step)));
    row->SetValue("STATE", std::string(model::state_label(e.to)));
    if (e.agency_id != 0) row->AddSectionDictionary("AGENCY")->SetValue("NAME", agency_name(txn, t, e.agency_id));
    if (!e.reason.empty()) row->AddSectionDictionary("REASON")->SetValue("TEXT", e.reason);
  }
  return render_admin(ctx, "admin_question", dict, v.status);
}

int status_of(questions::Outcome o) {
  switch (o) {
    case questions::Outcome::done: return 200;
    case questions::Outcome::not_found: return 404;
    case questions::Outcome::refused: return 403;
    case questions::Outcome::invalid: return 422;
  }
  return 422;
}

}  // namespace

Response queue(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto& t = ctx.store.tables();
  const std::string filter(req.query_value("trang-thai").value_or(""));
  const store::ReadTxn txn = ctx.store.read();
  const auto list = questions::queue_for(txn, t, handler_of(me, req), kQueueLimit);
  const std::int32_t today = health::local_day(model::now());
  const std::string locality = store::get_site_settings(txn, t).locality;
  ctemplate::TemplateDictionary dict("admin_questions");
  fill_admin_layout(dict, ctx, &me, req.session_csrf, "Hỏi đáp");
  if (model::question_party(me.role) == model::QuestionParty::agency)
    dict.AddSectionDictionary("AGENCY_NOTE")->SetValue("NAME", agency_name(txn, t, me.agency_id));
  if (model::allowed(me.role, model::Action::manage_question_settings)) dict.ShowSection("SETTINGS");
  for (const auto& f : kFilters) {
    auto* a = dict.AddSectionDictionary("FILTER");
    a->SetValue("QUERY", *f.key ? std::string("?trang-thai=") + f.key : std::string());
    a->SetValue("LABEL", f.label);
    long n = 0;
    for (const auto& q : list) n += in_filter(q, f.key, today) ? 1 : 0;
    a->SetIntValue("COUNT", n);
    if (filter == f.key) a->ShowSection("CURRENT");
  }
  bool any = false;
  for (const auto& q : list) {
    if (!in_filter(q, filter, today)) continue;
    any = true;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(q.id));
    row->SetValue("TITLE", q.title);
    row->SetValue("CODE", q.code);
    row->SetValue("FIELD", q.field);
    row->SetValue("AGENCY", agency_name(txn, t, q.agency_id));
    row->SetValue("STATE", std::string(model::state_label(q.state)));
    row->SetValue("STATE_KEY", std::string(model::to_string(q.state)));
    row->SetValue("RECEIVED", model::format_date_vn(q.received_at));
    row->SetValue("DUE", day_text(q.due_day));
    if (model::is_overdue(q, today)) row->ShowSection("OVERDUE");
    if (q.escalation > 0 && q.state == model::QuestionState::received)
      row->AddSectionDictionary("ESCALATION")->SetValue("LEVEL", model::escalation_label(q.escalation, locality));
    if (!q.reason.empty() && model::answer_pending(q.state))
      row->AddSectionDictionary("REASON")->SetValue("TEXT", q.reason);
  }
  if (!any) dict.ShowSection("EMPTY");
  return render_admin(ctx, "admin_questions", dict);
}

Response item(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  ItemView v;
  if (req.query_value("da-luu")) v.flash = "Đã lưu.";
  return render_item(ctx, req, me, id_param(req), v);
}

Response step_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const auto step = model::parse_question_step(form.get("buoc"));
  const std::string reason = form.get("ly-do");
  if (!step)
    return render_item(ctx, req, me, id, {.error = "Thao tác không hợp lệ.", .status = 400, .typed_reason = reason});
  const auto r = questions::take_step(ctx.store, id, *step, reason, trailing_id(form.get("co-quan")).value_or(0),
                                      handler_of(me, req), model::now(), {ctx.outbox, ctx.personal_data_key});
  if (r.outcome == questions::Outcome::not_found) throw HttpError(404, "Không tìm thấy câu hỏi.");
  if (r.outcome != questions::Outcome::done)
    return render_item(ctx, req, me, id, {.error = r.message, .status = status_of(r.outcome), .typed_reason = reason});
  // After a step that hands the item away, the person may no longer see it: back to the queue then.
  const store::ReadTxn txn = ctx.store.read();
  if (!questions::load_for(txn, ctx.store.tables(), id, handler_of(me, req)))
    return Response::redirect("/quan-tri/hoi-dap");
  return Response::redirect(item_url(id) + "?da-luu=1");
}

Response answer_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const std::string answer = form.get("tra-loi");
  const auto h = handler_of(me, req);
  const model::UnixTime now = model::now();
  auto r = questions::save_answer(ctx.store, id, answer, h, now);
  if (r.outcome == questions::Outcome::done && form.get("gui") == "1")
    r = questions::take_step(ctx.store, id, model::QuestionStep::answer, "", 0, h, now);
  if (r.outcome == questions::Outcome::not_found) throw HttpError(404, "Không tìm thấy câu hỏi.");
  if (r.outcome != questions::Outcome::done)
    return render_item(ctx, req, me, id, {.error = r.message, .status = status_of(r.outcome), .typed_answer = answer});
  return Response::redirect(item_url(id) + "?da-luu=1");
}

Response note_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = form_of(req);
  const std::string note = form.get("ghi-chu");
  const auto r = questions::add_note(ctx.store, id, note, handler_of(me, req), model::now());
  if (r.outcome == questions::Outcome::not_found) throw HttpError(404, "Không tìm thấy câu hỏi.");
  if (r.outcome != questions::Outcome::done)
    return render_item(ctx, req, me, id, {.error = r.message, .status = status_of(r.outcome), .typed_note = note});
  return Response::redirect(item_url(id) + "?da-luu=1#h-ghi-chu");
}

Response contact_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  if (!ctx.personal_data_key)
    return render_item(
        ctx, req, me, id,
        {.error = "Máy chủ chưa có khóa dữ liệu cá nhân: không mở được thông tin liên hệ.", .status = 503});
  auto contact = questions::reveal_private(ctx.store, *ctx.personal_data_key, id, handler_of(me, req), model::now());
  if (!contact) {
    const store::ReadTxn txn = ctx.store.read();
    if (!questions::load_for(txn, ctx.store.tables(), id, handler_of(me, req)))
      throw HttpError(404, "Không tìm thấy câu hỏi.");
    return render_item(ctx, req, me, id,
                       {.error = "Không mở được thông tin liên hệ (đã xóa hoặc khóa không khớp).", .status = 409});
  }
  return render_item(ctx, req, me, id, {.contact = std::move(contact)});
}

Response file_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const auto id = id_param(req);
  const Form form = parse_form(req.header("Content-Type").value_or(""), req.body);
  std::size_t n = 0;
  const std::string typed = form.get("so");
  if (const auto [p, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
      ec != std::errc() || p != typed.data() + typed.size())
    throw HttpError(400, "Số thứ tự tệp không hợp lệ.");
  if (!ctx.personal_data_key)
    return render_item(ctx, req, me, id,
                       {.error = "Máy chủ chưa có khóa dữ liệu cá nhân: không mở được tệp đính kèm.", .status = 503});
  auto file = questions::open_file(ctx.store, *ctx.personal_data_key, id, n, handler_of(me, req), model::now());
  if (!file) {
    const store::ReadTxn txn = ctx.store.read();
    if (!questions::load_for(txn, ctx.store.tables(), id, handler_of(me, req)))
      throw HttpError(404, "Không tìm thấy câu hỏi.");
    return render_item(ctx, req, me, id,
                       {.error = "Không mở được tệp đính kèm (đã xóa hoặc khóa không khớp).", .status = 409});
  }
  // Always a download: a citizen's file never runs as a page of ours, whatever its bytes hold.
  model::Media m;
  m.file_name = std::move(file->name);
  m.content_type = std::move(file->type);
  m.bytes = std::move(file->bytes);
  Response r = attachment_response(m);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

namespace {

std::string fields_text(const model::QuestionSettings& s) {
  std::string out;
  for (const auto& f : s.fields)
    out += f.name + (f.deadline_days > 0 ? " | " + std::to_string(f.deadline_days) : std::string()) + "\n";
  return out;
}

std::optional<int> small_number(std::string_view text, int min, int max) {
  const auto v = model::trim(text);
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < min || n > max) return std::nullopt;
  return n;
}

// "Name | days" lines; the errors name the line.
model::QuestionSettings parse_settings(const Form& form, std::vector<std::string>& errors) {
  model::QuestionSettings s;
  const std::string text = form.get("linh-vuc");
  std::size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = model::trim(std::string_view(text).substr(start, end - start));
    ++line_no;
    start = end + 1;
    if (line.empty()) continue;
    const auto bar = line.find('|');
    model::QuestionField f;
    f.name = std::string(model::trim(line.substr(0, bar)));
    if (bar != std::string_view::npos) {
      const auto days = small_number(line.substr(bar + 1), 1, 90);
      if (!days) errors.push_back("Dòng " + std::to_string(line_no) + ": số ngày phải từ 1 đến 90.");
      f.deadline_days = days.value_or(0);
    }
    if (f.name.empty() || model::count_code_points(f.name) > 100 || !model::is_valid_utf8(f.name))
      errors.push_back("Dòng " + std::to_string(line_no) + ": tên lĩnh vực trống hoặc dài quá 100 ký tự.");
    else if (s.fields.size() >= 100)
      errors.push_back("Tối đa 100 lĩnh vực.");
    else
      s.fields.push_back(std::move(f));
  }
  if (s.fields.empty()) errors.push_back("Cần ít nhất một lĩnh vực.");
  const auto days = small_number(form.get("thoi-han"), 1, 90);
  if (!days) errors.push_back("Thời hạn trả lời chung phải từ 1 đến 90 ngày làm việc.");
  s.default_deadline_days = days.value_or(10);
  const auto keep = small_number(form.get("luu-tru"), 30, 3650);
  if (!keep) errors.push_back("Thời gian lưu thông tin liên hệ phải từ 30 đến 3650 ngày.");
  s.retention_days = keep.value_or(365);
  const auto file_mb = small_number(form.get("tep-mb"), model::kAttachmentMbMin, model::kAttachmentMbMax);
  if (!file_mb)
    errors.push_back("Dung lượng tối đa của mỗi tệp đính kèm phải từ " + std::to_string(model::kAttachmentMbMin) +
                     " đến " + std::to_string(model::kAttachmentMbMax) + " MB.");
  s.attachment_max_mb = file_mb.value_or(5);
  return s;
}

Response render_settings(const Context& ctx, Request& req, const model::User& me, const model::QuestionSettings& s,
                         const std::string& fields, const std::vector<std::string>& errors, bool saved) {
  ctemplate::TemplateDictionary dict("admin_question_settings");
  auto* header = fill_admin_layout(dict, ctx, &me, req.session_csrf, "Cài đặt hỏi đáp");
  if (saved) header->AddSectionDictionary("FLASH")->SetValue("TEXT", "Đã lưu cài đặt hỏi đáp.");
  dict.SetValue("FIELDS", escape_keeping_lines(fields));
  dict.SetIntValue("DEFAULT_DAYS", s.default_deadline_days);
  dict.SetIntValue("RETENTION_DAYS", s.retention_days);
  dict.SetIntValue("FILE_MB", s.attachment_max_mb);
  dict.SetIntValue("FILE_MB_MIN", model::kAttachmentMbMin);
  dict.SetIntValue("FILE_MB_MAX", model::kAttachmentMbMax);
  dict.SetIntValue("FILES_MAX", static_cast<long>(model::kMaxAttachments));
  if (!errors.empty()) {
    auto* box = dict.AddSectionDictionary("ERRORS");
    for (const auto& e : errors) box->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  }
  return render_admin(ctx, "admin_question_settings", dict, errors.empty() ? 200 : 422);
}

}  // namespace

Response settings_get(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  model::QuestionSettings s;
  {
    const store::ReadTxn txn = ctx.store.read();
    s = store::get_question_settings(txn, ctx.store.tables());
  }
  return render_settings(ctx, req, me, s, fields_text(s), {}, req.query_value("da-luu").has_value());
}

Response settings_post(const Context& ctx, Request& req) {
  const auto me = current_user(ctx, req);
  const Form form = form_of(req);
  std::vector<std::string> errors;
  const auto s = parse_settings(form, errors);
  if (!errors.empty()) return render_settings(ctx, req, me, s, form.get("linh-vuc"), errors, false);
  const auto result = questions::save_settings(ctx.store, s, actor_of(me, req), model::now());
  if (!result.message.empty()) return render_settings(ctx, req, me, s, form.get("linh-vuc"), {result.message}, false);
  return Response::redirect("/quan-tri/hoi-dap/cai-dat?da-luu=1");
}

}  // namespace question_pages
}  // namespace portald::web::admin
