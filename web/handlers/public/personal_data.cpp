// /hoi-dap/du-lieu-ca-nhan (issue 12, Nghị định 13/2023 right of access): a citizen gets what the portal
// holds about them, by tracking code plus the e-mail or phone they gave, as a page or a JSON download.
// A wrong pair answers exactly like an unknown code; look-ups count against the same per-address limit as
// /hoi-dap/tra-cuu; every export is audited (questions/personal_data_export.hpp). The code and contact go
// in a POST body, never the address, and no answer is stored by a cache or sent on as a referrer.
// The history leaves out staff names and internal notes: they are the staff's and the office's, not the
// citizen's data; a step's reason is given only where it was addressed to the citizen.
#include <nlohmann/json.hpp>

#include "daemon/questions/personal_data_export.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/form.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"

namespace portald::web {
namespace {

using Export = questions::PersonalDataExport;

constexpr const char* kNotFound =
    "Không tìm thấy dữ liệu với mã tra cứu và thông tin liên hệ này. Vui lòng kiểm tra lại mã tra cứu và thư "
    "điện tử hoặc số điện thoại đã ghi khi gửi câu hỏi.";

bool reason_for_citizen(model::QuestionStep s) {
  return s == model::QuestionStep::request_info || s == model::QuestionStep::close;
}

std::string agency_name(const Context& ctx, std::uint64_t id) {
  if (id == 0) return "";
  const store::ReadTxn txn = ctx.store.read();
  const auto a = store::get_agency(txn, ctx.store.tables(), id);
  return a ? a->name : "";
}

nlohmann::json export_json(const Context& ctx, const Export& e) {
  const auto& q = e.question;
  const auto& p = *e.personal;
  nlohmann::json history = nlohmann::json::array();
  for (const auto& ev : q.history) {
    nlohmann::json h{{"at", model::format_rfc3339(ev.at)},
                     {"step", std::string(model::to_string(ev.step))},
                     {"step_label", std::string(model::step_label(ev.step))},
                     {"state", std::string(model::to_string(ev.to))},
                     {"state_label", std::string(model::state_label(ev.to))}};
    if (const auto a = agency_name(ctx, ev.agency_id); !a.empty()) h["agency"] = a;
    if (reason_for_citizen(ev.step) && !ev.reason.empty()) h["reason"] = ev.reason;
    history.push_back(std::move(h));
  }
  nlohmann::json files = nlohmann::json::array();
  for (std::size_t i = 0; i < q.attachments.size(); ++i)
    files.push_back({{"name", i < e.file_names.size() ? e.file_names[i] : ""},
                     {"type", q.attachments[i].type},
                     {"size", q.attachments[i].size}});
  return {{"generated_at", model::format_rfc3339(model::now())},
          {"controller", "Cổng thông tin điện tử (hỏi đáp, phản ánh kiến nghị)"},
          {"tracking_code", q.code},
          {"personal_data",
           {{"name", p.name}, {"email", p.email}, {"phone", p.phone}, {"title", p.title}, {"text", p.text}}},
          {"processing",
           {{"purpose", "Trả lời câu hỏi, phản ánh, kiến nghị (Quy chế Điều 9)"},
            {"consent_given_at", model::format_rfc3339(q.received_at)},
            {"may_publish", q.may_publish},
            {"published_name", q.masked_name},
            {"published_title", q.title},
            {"published_text", q.text},
            {"field", q.field},
            {"agency", agency_name(ctx, q.agency_id)},
            {"state", std::string(model::to_string(q.state))},
            {"state_label", std::string(model::state_label(q.state))},
            {"received_at", model::format_rfc3339(q.received_at)}}},
          {"history", std::move(history)},
          {"attachments", std::move(files)}};
}

Response render(const Context& ctx, const std::string& code, const std::string& contact, const Export* e,
                std::string_view not_found, int status) {
  ctemplate::TemplateDictionary dict("question_export");
  {
    const store::ReadTxn txn = ctx.store.read();
    fill_layout(dict, ctx, txn, "Dữ liệu cá nhân của tôi");
  }
  dict.SetValue("TYPED_CODE", code.substr(0, 40));
  dict.SetValue("TYPED_CONTACT", contact.substr(0, 254));
  if (!not_found.empty()) dict.AddSectionDictionary("NOT_FOUND")->SetValue("MESSAGE", std::string(not_found));
  if (e && e->kind == Export::Kind::erased) {
    auto* s = dict.AddSectionDictionary("ERASED");
    s->SetValue("ERASED", model::format_date_vn(e->question.erased_at));
    s->SetValue("ERASED_ISO", model::format_rfc3339(e->question.erased_at));
  }
  if (e && e->kind == Export::Kind::found) {
    const auto& q = e->question;
    auto* s = dict.AddSectionDictionary("RESULT");
    s->SetValue("NAME", e->personal->name);
    s->SetValue("EMAIL", e->personal->email);
    s->SetValue("PHONE", e->personal->phone);
    s->SetValue("TITLE", e->personal->title);
    s->SetValue("TEXT_HTML", admin::escape_keeping_lines(e->personal->text));
    s->SetValue("RECEIVED", model::format_date_vn(q.received_at));
    s->SetValue("RECEIVED_ISO", model::format_rfc3339(q.received_at));
    s->SetValue("FIELD", q.field);
    s->SetValue("STATE", std::string(model::state_label(q.state)));
    if (const auto a = agency_name(ctx, q.agency_id); !a.empty())
      s->AddSectionDictionary("AGENCY")->SetValue("NAME", a);
    s->SetValue("MAY_PUBLISH", q.may_publish ? "Có" : "Không");
    s->SetValue("MASKED_NAME", q.masked_name);
    for (std::size_t i = 0; i < q.attachments.size(); ++i) {
      auto* f = s->AddSectionDictionary("FILE");
      f->SetValue("NAME", i < e->file_names.size() ? e->file_names[i] : "");
      f->SetValue("TYPE", std::string(model::attachment_type_label(q.attachments[i].type)));
      f->SetValue("SIZE", std::to_string((q.attachments[i].size + 1023) / 1024) + " KB");
    }
    for (const auto& ev : q.history) {
      auto* item = s->AddSectionDictionary("EVENT");
      item->SetValue("AT", model::format_datetime_vn(ev.at));
      item->SetValue("AT_ISO", model::format_rfc3339(ev.at));
      item->SetValue("STEP", std::string(model::step_label(ev.step)));
      item->SetValue("STATE", std::string(model::state_label(ev.to)));
      if (reason_for_citizen(ev.step) && !ev.reason.empty())
        item->AddSectionDictionary("REASON")->SetValue("TEXT", ev.reason);
    }
  }
  return render_page(ctx, "question_export", dict, status);
}

// What every answer of this page carries: it may hold the citizen's contacts.
Response private_answer(Response r) {
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace

Response personal_data_page(const Context& ctx, Request&) {
  return private_answer(render(ctx, "", "", nullptr, "", 200));
}

Response personal_data_post(const Context& ctx, Request& req) {
  const Form form = parse_form(req.header("Content-Type").value_or(""), req.body);
  const std::string code = form.get("ma"), contact = form.get("lien-he");
  if (!ctx.question_guard || !ctx.personal_data_key)
    return private_answer(render(ctx, code, contact, nullptr,
                                 "Cổng thông tin tạm thời chưa phục vụ yêu cầu này. Vui lòng thử lại sau.", 503));
  const model::UnixTime now = model::now();
  if (!ctx.question_guard->admit_lookup(req.remote_address, now)) {
    Response r =
        render(ctx, code, contact, nullptr, "Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau.", 429);
    r.headers.emplace_back("Retry-After", "60");
    return private_answer(std::move(r));
  }
  const Export e =
      questions::export_personal_data(ctx.store, *ctx.personal_data_key, code, contact, req.remote_address, now);
  if (e.kind == Export::Kind::not_found) return private_answer(render(ctx, code, contact, nullptr, kNotFound, 404));
  if (e.kind == Export::Kind::found && form.get("dinh-dang") == "json") {
    Response r = Response::json(export_json(ctx, e).dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    r.content_type = "application/json; charset=utf-8";
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"du-lieu-ca-nhan-" + e.question.code + ".json\"");
    return private_answer(std::move(r));
  }
  return private_answer(render(ctx, code, contact, &e, "", 200));
}

}  // namespace portald::web
