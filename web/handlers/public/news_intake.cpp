// News from organisations and people without an account (issue 16, Quy chế Điều 8.1): the form
// (/gui-tin-bai), its post, and the thank-you page with the reference code (/gui-tin-bai/da-gui). The
// citizens' questions' guard (token, honeypot, rate limits) stands in front of it, sharing its budget per
// address; a refused form comes back with what was typed and a message beside each field.
#include <map>

#include "daemon/intake/intake_service.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/store/settings_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/form.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr const char* kPrivacyUrl = "/trang/bao-ve-du-lieu-ca-nhan";
constexpr const char* kUnavailable = "Cổng thông tin tạm thời chưa nhận tin bài trực tuyến. Vui lòng thử lại sau.";

using intake::Field;

// The section of the template that shows a field's own messages (the contact rule sits by the e-mail).
const char* section_of(Field f) {
  switch (f) {
    case Field::name: return "NAME_ERROR";
    case Field::organisation: return "ORGANISATION_ERROR";
    case Field::email: return "EMAIL_ERROR";
    case Field::phone: return "PHONE_ERROR";
    case Field::contact: return "CONTACT_ERROR";
    case Field::title: return "TITLE_ERROR";
    case Field::summary: return "SUMMARY_ERROR";
    case Field::body: return "BODY_ERROR";
    case Field::category: return "CATEGORY_ERROR";
    case Field::consent: return "CONSENT_ERROR";
  }
  return "FORM_ERROR";
}

// 404 unless the board keeps the form open (site setting show_intake_form).
void require_open(const Context& ctx) {
  const store::ReadTxn txn = ctx.store.read();
  if (store::get_site_settings(txn, ctx.store.tables()).show_intake_form != "1")
    throw HttpError(404, "Không tìm thấy trang bạn yêu cầu.");
}

// What the form shows: a new one, or a refused one with what was typed.
struct FormView {
  const intake::Submission* typed = nullptr;
  std::vector<intake::FieldError> errors{};
  std::string guard_message{};  // a refusal of the guard (not of one field)
  std::string unavailable{};
  int status = 200;
};

Response render_form(const Context& ctx, const FormView& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  ctemplate::TemplateDictionary dict("news_intake_form");
  auto* head = fill_layout(dict, ctx, txn, "Gửi tin bài");
  head->AddSectionDictionary("DESCRIPTION")
      ->SetValue("TEXT", "Cơ quan, tổ chức, cá nhân gửi tin bài đến Ban Biên tập Cổng thông tin điện tử.");
  const intake::Submission empty{};
  const intake::Submission& s = v.typed ? *v.typed : empty;
  dict.SetValue("TOKEN", ctx.question_guard ? ctx.question_guard->issue_token(model::now()) : "");
  dict.SetValue("NAME", s.name);
  dict.SetValue("ORGANISATION", s.organisation);
  dict.SetValue("EMAIL", s.email);
  dict.SetValue("PHONE", s.phone);
  dict.SetValue("TITLE", s.title);
  dict.SetValue("SUMMARY", admin::escape_keeping_lines(s.summary));
  dict.SetValue("BODY", admin::escape_keeping_lines(s.body));  // a textarea keeps its lines
  if (s.consent) dict.ShowSection("CONSENT");
  dict.SetIntValue("NAME_MAX", intake::kNameMax);
  dict.SetIntValue("ORGANISATION_MAX", intake::kOrganisationMax);
  dict.SetIntValue("EMAIL_MAX", intake::kEmailMax);
  dict.SetIntValue("PHONE_MAX", intake::kPhoneMax);
  dict.SetIntValue("TITLE_MIN", intake::kTitleMin);
  dict.SetIntValue("TITLE_MAX", intake::kTitleMax);
  dict.SetIntValue("SUMMARY_MIN", intake::kSummaryMin);
  dict.SetIntValue("SUMMARY_MAX", intake::kSummaryMax);
  dict.SetIntValue("BODY_MIN", intake::kBodyMin);
  dict.SetIntValue("BODY_MAX", intake::kBodyMax);
  dict.SetValue("PRIVACY_URL", kPrivacyUrl);
  for (const auto& c : store::list_categories(txn, t)) {
    auto* o = dict.AddSectionDictionary("CATEGORY_OPTION");
    o->SetValue("VALUE", std::to_string(c.id));
    o->SetValue("LABEL", c.name);
    if (c.id == s.category_id) o->ShowSection("SELECTED");
  }
  if (!v.errors.empty() || !v.guard_message.empty()) {
    auto* box = dict.AddSectionDictionary("ERRORS");
    if (!v.guard_message.empty()) box->AddSectionDictionary("ERROR")->SetValue("TEXT", v.guard_message);
    // Beside each field its messages, joined: the template shows one paragraph per field (one id).
    std::map<Field, std::string> by_field;
    for (const auto& e : v.errors) {
      box->AddSectionDictionary("ERROR")->SetValue("TEXT", e.message);
      auto& text = by_field[e.field];
      text += (text.empty() ? "" : " ") + e.message;
    }
    for (const auto& [field, text] : by_field) dict.AddSectionDictionary(section_of(field))->SetValue("TEXT", text);
  }
  if (!v.unavailable.empty()) dict.AddSectionDictionary("UNAVAILABLE")->SetValue("MESSAGE", v.unavailable);
  Response r = render_page(ctx, "news_intake_form", dict, v.status);
  r.headers.emplace_back("Cache-Control", "no-store");  // the token is for this visit only
  return r;
}

intake::Submission submission_of(const Form& f) {
  return {.name = f.get("ten"),
          .organisation = f.get("to-chuc"),
          .email = f.get("email"),
          .phone = f.get("dien-thoai"),
          .title = f.get("tieu-de"),
          .summary = f.get("tom-tat"),
          .body = f.get("noi-dung"),
          .category_id = trailing_id(f.get("chuyen-muc")).value_or(0),
          .consent = f.get("dong-y") == "1"};
}

}  // namespace

Response news_intake_page(const Context& ctx, Request&) {
  require_open(ctx);
  FormView v;
  if (!ctx.question_guard || !ctx.personal_data_key) {
    v.unavailable = kUnavailable;
    v.status = 503;
  }
  return render_form(ctx, v);
}

Response news_intake_submit(const Context& ctx, Request& req) {
  require_open(ctx);
  const Form form = parse_form(req.header("Content-Type").value_or(""), req.body);
  intake::Submission s = submission_of(form);
  if (!ctx.question_guard || !ctx.personal_data_key)
    return render_form(ctx,
                       {.typed = &s, .errors = {}, .guard_message = {}, .unavailable = kUnavailable, .status = 503});
  const model::UnixTime now = model::now();
  // The fields first, so a person corrects everything at once, before the limits count the attempt.
  {
    intake::Submission check = s;
    const store::ReadTxn txn = ctx.store.read();
    auto errors = intake::check_submission(txn, ctx.store.tables(), check);
    if (!errors.empty())
      return render_form(
          ctx, {.typed = &s, .errors = std::move(errors), .guard_message = {}, .unavailable = {}, .status = 422});
  }
  const auto verdict = ctx.question_guard->admit(form.get("t"), !form.get("website").empty(), req.remote_address, now);
  if (verdict != questions::Verdict::ok) {
    Response r = render_form(ctx, {.typed = &s,
                                   .errors = {},
                                   .guard_message = questions::verdict_message(verdict, questions::kNewsWords),
                                   .unavailable = {},
                                   .status = questions::verdict_status(verdict)});
    if (r.status == 429) r.headers.emplace_back("Retry-After", "600");
    return r;
  }
  auto result = intake::submit(ctx.store, *ctx.personal_data_key, s, req.remote_address, now);
  if (!result.errors.empty())
    return render_form(
        ctx, {.typed = &s, .errors = std::move(result.errors), .guard_message = {}, .unavailable = {}, .status = 422});
  // Post/redirect/get: a reload shows the thank-you page, it does not send the item twice.
  return Response::redirect("/gui-tin-bai/da-gui?ma=" + result.reference, 303);
}

Response news_intake_sent(const Context& ctx, Request& req) {
  require_open(ctx);
  const std::string typed(req.query_value("ma").value_or(""));
  ctemplate::TemplateDictionary dict("news_intake_sent");
  int status = 200;
  {
    const store::ReadTxn txn = ctx.store.read();
    fill_layout(dict, ctx, txn, "Đã gửi tin bài");
    const model::UnixTime now = model::now();
    if (ctx.question_guard && !ctx.question_guard->admit_lookup(req.remote_address, now)) {
      dict.AddSectionDictionary("NOT_FOUND")
          ->SetValue("MESSAGE", "Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau.");
      status = 429;
    } else if (const auto code = intake::known_reference(txn, ctx.store.tables(), typed)) {
      dict.AddSectionDictionary("SENT")->SetValue("CODE", *code);
    } else {
      dict.AddSectionDictionary("NOT_FOUND")->SetValue("MESSAGE", "Không tìm thấy tin bài với mã tham chiếu này.");
      status = 404;
    }
  }
  Response r = render_page(ctx, "news_intake_sent", dict, status);
  // The code in the address is the sender's own: keep it out of shared caches and referrers.
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace portald::web
