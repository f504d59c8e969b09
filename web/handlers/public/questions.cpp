// Citizens' questions, the public side (issue 12, Quy chế Điều 9): the published questions and answers
// with filters (/hoi-dap), one of them (/hoi-dap/{id}), the form (/hoi-dap/gui-cau-hoi), and the status
// look-up by tracking code (/hoi-dap/tra-cuu). No page shows a citizen's name unmasked or their contacts;
// every refused form comes back with what was typed.
#include <algorithm>
#include <set>

#include "daemon/health/working_days.hpp"
#include "daemon/model/question_text.hpp"
#include "daemon/model/typed_text.hpp"
#include "daemon/model/url_encoding.hpp"
#include "daemon/questions/question_service.hpp"
#include "daemon/questions/submission_guard.hpp"
#include "daemon/store/dialogue_table.hpp"
#include "daemon/store/question_table.hpp"
#include "daemon/store/taxonomy_table.hpp"
#include "web/form.hpp"
#include "web/handlers/admin/admin.hpp"
#include "web/handlers/public/layout.hpp"
#include "web/handlers/public/pages.hpp"
#include "web/links.hpp"
#include "web/paging.hpp"
#include "web/server/http_error.hpp"

namespace portald::web {
namespace {

constexpr std::size_t kPerPage = 20;
constexpr const char* kPrivacyUrl = "/trang/bao-ve-du-lieu-ca-nhan";

int year_of(model::UnixTime t) { return std::stoi(model::format_iso_date(health::local_day(t)).substr(0, 4)); }

std::string agency_name(const store::Txn& txn, const store::Tables& t, std::uint64_t id) {
  if (id == 0) return "";
  const auto a = store::get_agency(txn, t, id);
  return a ? a->name : "";
}

std::string list_url(std::string_view agency, std::string_view field, std::string_view year, std::size_t page) {
  std::string q;
  const auto add = [&q](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    q += (q.empty() ? "?" : "&") + std::string(name) + "=" + model::url_encode_component(value);
  };
  add("co-quan", agency);
  add("linh-vuc", field);
  add("nam", year);
  if (page > 1) add("trang", std::to_string(page));
  return "/hoi-dap" + q;
}

// What the form shows: a new one, or a refused one with what was typed.
struct FormView {
  const questions::Submission* typed = nullptr;
  std::vector<std::string> errors{};
  std::string unavailable{};
  int status = 200;
};

Response render_form(const Context& ctx, const FormView& v) {
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto settings = store::get_question_settings(txn, t);
  ctemplate::TemplateDictionary dict("question_form");
  fill_layout(dict, ctx, txn, "Gửi câu hỏi");
  const questions::Submission empty{};
  const questions::Submission& s = v.typed ? *v.typed : empty;
  dict.SetValue("TOKEN", ctx.question_guard ? ctx.question_guard->issue_token(model::now()) : "");
  dict.SetValue("NAME", s.name);
  dict.SetValue("EMAIL", s.email);
  dict.SetValue("PHONE", s.phone);
  dict.SetValue("TITLE", s.title);
  dict.SetValue("TEXT", admin::escape_keeping_lines(s.text));  // a textarea keeps its lines
  if (s.may_publish) dict.ShowSection("MAY_PUBLISH");
  if (s.consent) dict.ShowSection("CONSENT");
  dict.SetIntValue("NAME_MAX", questions::kNameMax);
  dict.SetIntValue("EMAIL_MAX", questions::kEmailMax);
  dict.SetIntValue("PHONE_MAX", questions::kPhoneMax);
  dict.SetIntValue("TITLE_MIN", questions::kTitleMin);
  dict.SetIntValue("TITLE_MAX", questions::kTitleMax);
  dict.SetIntValue("TEXT_MIN", questions::kTextMin);
  dict.SetIntValue("TEXT_MAX", questions::kTextMax);
  dict.SetIntValue("DEADLINE_DAYS", settings.default_deadline_days);
  const int file_mb = std::clamp(settings.attachment_max_mb, model::kAttachmentMbMin, model::kAttachmentMbMax);
  dict.SetIntValue("FILES_MAX", static_cast<long>(model::kMaxAttachments));
  dict.SetIntValue("FILE_MAX_MB", file_mb);
  dict.SetValue("FILE_MAX_BYTES", std::to_string(std::size_t(file_mb) << 20));
  if (!s.files.empty()) dict.ShowSection("FILES_AGAIN");  // a browser never refills a file input
  dict.SetValue("PRIVACY_URL", kPrivacyUrl);
  for (const auto& f : settings.fields) {
    auto* o = dict.AddSectionDictionary("FIELD_OPTION");
    o->SetValue("VALUE", f.name);
    if (f.name == s.field) o->ShowSection("SELECTED");
  }
  for (const auto& a : store::list_agencies(txn, t)) {
    auto* o = dict.AddSectionDictionary("AGENCY_OPTION");
    o->SetValue("VALUE", std::to_string(a.id));
    o->SetValue("LABEL", a.name);
    if (a.id == s.agency_id) o->ShowSection("SELECTED");
  }
  if (!v.errors.empty()) {
    auto* box = dict.AddSectionDictionary("ERRORS");
    for (const auto& e : v.errors) box->AddSectionDictionary("ERROR")->SetValue("TEXT", e);
  }
  if (!v.unavailable.empty()) dict.AddSectionDictionary("UNAVAILABLE")->SetValue("MESSAGE", v.unavailable);
  // Asked for an online dialogue (Điều 5.5): the same form, limits and sealing, with the dialogue's id.
  if (const auto d = s.dialogue_id ? store::get_dialogue(txn, t, s.dialogue_id) : std::nullopt;
      d && model::accepts_questions(d->state)) {
    auto* box = dict.AddSectionDictionary("DIALOGUE");
    box->SetValue("ID", std::to_string(d->id));
    box->SetValue("TITLE", d->title);
  }
  Response r = render_page(ctx, "question_form", dict, v.status);
  r.headers.emplace_back("Cache-Control", "no-store");  // the token is for this visit only
  return r;
}

questions::Submission submission_of(const Form& f) {
  questions::Submission s;
  s.name = f.get("ten");
  s.email = f.get("email");
  s.phone = f.get("dien-thoai");
  s.field = f.get("linh-vuc");
  s.agency_id = trailing_id(f.get("co-quan")).value_or(0);
  s.title = f.get("tieu-de");
  s.text = f.get("noi-dung");
  s.may_publish = f.get("cong-khai") == "1";
  s.consent = f.get("dong-y") == "1";
  for (const auto& file : f.files) {
    // A file input left empty still sends a part, without a name or bytes.
    if (file.field != "tep" || (file.file_name.empty() && file.bytes.empty())) continue;
    s.files.push_back({file.file_name, file.bytes});
  }
  s.dialogue_id = trailing_id(f.get("doi-thoai")).value_or(0);
  return s;
}

}  // namespace

Response questions_page(const Context& ctx, Request& req) {
  const std::size_t page = number_arg(req, {.name = "trang", .empty_is_absent = false}, kInvalidPageNumber);
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const std::string agency_arg(req.query_value("co-quan").value_or(""));
  const std::string field_arg(req.query_value("linh-vuc").value_or(""));
  const std::string year_arg(req.query_value("nam").value_or(""));
  const auto agency_id = agency_arg.empty() ? std::optional<std::uint64_t>() : trailing_id(agency_arg);
  if (!agency_arg.empty() && !agency_id) throw HttpError(400, "Cơ quan không hợp lệ.");
  const auto all = store::list_published_questions(txn, t);
  std::set<int, std::greater<>> years;
  std::vector<const model::Question*> shown;
  for (const auto& q : all) {
    years.insert(year_of(q.received_at));
    if (agency_id && q.agency_id != *agency_id) continue;
    if (!field_arg.empty() && q.field != field_arg) continue;
    if (!year_arg.empty() && std::to_string(year_of(q.received_at)) != year_arg) continue;
    shown.push_back(&q);
  }
  const std::size_t pages = page_count(shown.size(), kPerPage);
  if (page > pages) throw HttpError(404, "Trang này không tồn tại.");
  ctemplate::TemplateDictionary dict("questions");
  auto* head = fill_layout(dict, ctx, txn, "Hỏi đáp");
  head->AddSectionDictionary("DESCRIPTION")
      ->SetValue("TEXT", "Câu hỏi của người dân, doanh nghiệp và câu trả lời của cơ quan nhà nước.");
  for (const auto& a : store::list_agencies(txn, t)) {
    auto* o = dict.AddSectionDictionary("AGENCY_OPTION");
    o->SetValue("VALUE", std::to_string(a.id));
    o->SetValue("LABEL", a.name);
    if (agency_id && a.id == *agency_id) o->ShowSection("SELECTED");
  }
  for (const auto& f : store::get_question_settings(txn, t).fields) {
    auto* o = dict.AddSectionDictionary("FIELD_OPTION");
    o->SetValue("VALUE", f.name);
    if (f.name == field_arg) o->ShowSection("SELECTED");
  }
  for (const int y : years) {
    auto* o = dict.AddSectionDictionary("YEAR_OPTION");
    o->SetValue("VALUE", std::to_string(y));
    if (std::to_string(y) == year_arg) o->ShowSection("SELECTED");
  }
  dict.SetIntValue("FOUND", static_cast<long>(shown.size()));
  if (shown.empty()) dict.ShowSection("NO_QUESTIONS");
  for (std::size_t i = (page - 1) * kPerPage; i < shown.size() && i < page * kPerPage; ++i) {
    const auto& q = *shown[i];
    auto* item = dict.AddSectionDictionary("QUESTION");
    item->SetValue("ID", std::to_string(q.id));
    item->SetValue("TITLE", q.title);
    item->SetValue("ASKER", q.masked_name);
    item->SetValue("ASKED", model::format_date_vn(q.received_at));
    item->SetValue("ASKED_ISO", model::format_rfc3339(q.received_at));
    item->SetValue("FIELD", q.field);
    if (const auto name = agency_name(txn, t, q.agency_id); !name.empty())
      item->AddSectionDictionary("AGENCY")->SetValue("NAME", name);
    item->SetValue("ANSWERED", model::format_date_vn(q.answered_at));
    item->SetValue("ANSWERED_ISO", model::format_rfc3339(q.answered_at));
  }
  dict.SetIntValue("PAGE_NUMBER", static_cast<long>(page));
  dict.SetIntValue("PAGE_COUNT", static_cast<long>(pages));
  const std::string agency_key = agency_id ? std::to_string(*agency_id) : "";
  if (page > 1) dict.AddSectionDictionary("PREV")->SetValue("URL", list_url(agency_key, field_arg, year_arg, page - 1));
  if (page < pages)
    dict.AddSectionDictionary("NEXT")->SetValue("URL", list_url(agency_key, field_arg, year_arg, page + 1));
  return render_page(ctx, "questions", dict);
}

Response question_page(const Context& ctx, Request& req) {
  const auto id = trailing_id(req.params.at("id"));
  if (!id) throw HttpError(404, "Không tìm thấy câu hỏi.");
  const auto& t = ctx.store.tables();
  const store::ReadTxn txn = ctx.store.read();
  const auto q = store::get_question(txn, t, *id);
  if (!q || q->state != model::QuestionState::published) throw HttpError(404, "Không tìm thấy câu hỏi.");
  ctemplate::TemplateDictionary dict("question");
  auto* head = fill_layout(dict, ctx, txn, q->title);
  head->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", q->title);
  dict.SetValue("TITLE", q->title);
  dict.SetValue("ASKER", q->masked_name);
  dict.SetValue("ASKED", model::format_date_vn(q->received_at));
  dict.SetValue("ASKED_ISO", model::format_rfc3339(q->received_at));
  dict.SetValue("FIELD", q->field);
  if (const auto name = agency_name(txn, t, q->agency_id); !name.empty())
    dict.AddSectionDictionary("AGENCY")->SetValue("NAME", name);
  dict.SetValue("ANSWERED", model::format_date_vn(q->answered_at));
  dict.SetValue("ANSWERED_ISO", model::format_rfc3339(q->answered_at));
  dict.SetValue("TEXT_HTML", model::paragraphs_html(q->text));
  dict.SetValue("ANSWER_HTML", model::paragraphs_html(q->answer));
  return render_page(ctx, "question", dict);
}

Response question_form_page(const Context& ctx, Request& req) {
  questions::Submission s;  // ?doi-thoai=ID: a question for an online dialogue
  s.dialogue_id = trailing_id(req.query_value("doi-thoai").value_or("")).value_or(0);
  FormView v{.typed = &s};
  if (!ctx.question_guard || !ctx.personal_data_key) {
    v.unavailable = "Cổng thông tin tạm thời chưa nhận câu hỏi trực tuyến. Vui lòng thử lại sau.";
    v.status = 503;
  }
  return render_form(ctx, v);
}

Response question_submit(const Context& ctx, Request& req) {
  const Form form = parse_form(req.header("Content-Type").value_or(""), req.body);
  questions::Submission s = submission_of(form);
  if (!ctx.question_guard || !ctx.personal_data_key)
    return render_form(ctx, {.typed = &s,
                             .errors = {},
                             .unavailable = "Cổng thông tin tạm thời chưa nhận câu hỏi trực tuyến. Nội dung bạn "
                                            "nhập vẫn được giữ nguyên: vui lòng thử lại sau.",
                             .status = 503});
  const model::UnixTime now = model::now();
  // The fields first, so a person corrects everything at once, before the limits count the attempt.
  {
    questions::Submission check = s;
    const store::ReadTxn txn = ctx.store.read();
    auto errors = questions::check_submission(txn, ctx.store.tables(), check);
    if (!errors.empty())
      return render_form(ctx, {.typed = &s, .errors = std::move(errors), .unavailable = {}, .status = 422});
  }
  const auto verdict = ctx.question_guard->admit(form.get("t"), !form.get("website").empty(), req.remote_address, now);
  if (verdict != questions::Verdict::ok) {
    Response r = render_form(ctx, {.typed = &s,
                                   .errors = {std::string(questions::verdict_message(verdict))},
                                   .unavailable = {},
                                   .status = questions::verdict_status(verdict)});
    if (r.status == 429) r.headers.emplace_back("Retry-After", "600");
    return r;
  }
  const auto calendar = health::read_calendar(ctx.working_days, ctx.holidays_file);
  auto result = questions::submit(ctx.store, *ctx.personal_data_key, s, calendar, req.remote_address, now,
                                  {ctx.outbox, ctx.personal_data_key});
  if (!result.errors.empty())
    return render_form(ctx, {.typed = &s, .errors = std::move(result.errors), .unavailable = {}, .status = 422});
  // Post/redirect/get: a reload shows the status, it does not send the question twice.
  return Response::redirect("/hoi-dap/tra-cuu?ma=" + result.code + "&da-gui=1");
}

Response question_lookup(const Context& ctx, Request& req) {
  const std::string typed(req.query_value("ma").value_or(""));
  const auto& t = ctx.store.tables();
  ctemplate::TemplateDictionary dict("question_status");
  std::optional<questions::Status> status;
  int http_status = 200;
  {
    const store::ReadTxn txn = ctx.store.read();
    fill_layout(dict, ctx, txn, "Tra cứu câu hỏi");
    dict.SetValue("TYPED", typed.substr(0, 40));
    if (!typed.empty()) {
      const model::UnixTime now = model::now();
      if (ctx.question_guard && !ctx.question_guard->admit_lookup(req.remote_address, now)) {
        dict.AddSectionDictionary("NOT_FOUND")
            ->SetValue("MESSAGE", "Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau.");
        http_status = 429;
      } else {
        status = questions::status_by_code(txn, t, typed, health::local_day(now));
        if (!status) {
          dict.AddSectionDictionary("NOT_FOUND")
              ->SetValue("MESSAGE", "Không tìm thấy câu hỏi với mã này. Vui lòng kiểm tra lại mã tra cứu.");
          http_status = 404;
        }
      }
    }
  }
  if (status) {
    if (req.query_value("da-gui")) {
      auto* sent = dict.AddSectionDictionary("SENT");
      sent->SetValue("CODE", *model::normalise_tracking_code(typed));
      if (status->due_day != 0) {
        auto* due = sent->AddSectionDictionary("DUE");
        due->SetValue("TEXT", model::format_date_vn(model::UnixTime(status->due_day) * 86400));
        due->SetValue("ISO", model::format_iso_date(status->due_day));
      }
      if (status->dialogue_id != 0)
        sent->AddSectionDictionary("DIALOGUE")->SetValue("URL", "/doi-thoai/" + std::to_string(status->dialogue_id));
    }
    auto* s = dict.AddSectionDictionary("STATUS");
    s->SetValue("STATE", std::string(model::state_label(status->state)));
    s->SetValue("RECEIVED", model::format_date_vn(status->received_at));
    s->SetValue("RECEIVED_ISO", model::format_rfc3339(status->received_at));
    if (!status->agency.empty()) s->AddSectionDictionary("AGENCY")->SetValue("NAME", status->agency);
    if (status->due_day != 0 && model::answer_pending(status->state)) {
      auto* due = s->AddSectionDictionary("DUE");
      due->SetValue("TEXT", model::format_date_vn(model::UnixTime(status->due_day) * 86400));
      due->SetValue("ISO", model::format_iso_date(status->due_day));
      if (status->overdue) due->ShowSection("OVERDUE");
    }
    if (status->answered_at != 0 && !status->answer.empty()) {
      auto* a = s->AddSectionDictionary("ANSWERED");
      a->SetValue("TEXT", model::format_date_vn(status->answered_at));
      a->SetValue("ISO", model::format_rfc3339(status->answered_at));
      s->AddSectionDictionary("ANSWER")->SetValue("HTML", model::paragraphs_html(status->answer));
    }
    if (status->published_id != 0)
      s->AddSectionDictionary("PUBLISHED")->SetValue("ID", std::to_string(status->published_id));
  }
  Response r = render_page(ctx, "question_status", dict, http_status);
  // The code in the address is the citizen's own: keep the answer out of shared caches and referrers.
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace portald::web
